import { listRoles } from './groups';
import { defineList, titleField } from './types';

/**
 * What the site remembers about its own set-up (schema 5): the PMO profile it was provisioned
 * for, and a fingerprint of each hub page as provisioning last wrote it, so a later run can tell
 * a page the owner edited from one it may upgrade. A list rather than the web's property bag:
 * SharePoint Online refuses property bag writes on sites without custom script (the default for
 * communication sites), and a list is readable by the hub and auditable in its version history.
 */
export const hubSettings = defineList({
  key: 'hubSettings',
  title: 'PMO Hub Settings',
  url: 'Lists/PMOHubSettings',
  template: 100,
  description: 'How PMO Hub was set up on this site: its PMO profile and the pages provisioning wrote.',
  since: 5,
  versioning: { enabled: true },
  readSecurity: 1,
  writeSecurity: 1,
  roles: listRoles([]),
  fields: [
    // The setting's name: `profile`, `page:Home.aspx`, … One item per setting.
    { ...titleField('Setting', true, true), since: 5 },
    {
      key: 'value', internalName: 'PMOSettingValue', displayName: 'Value', type: 'Note',
      id: '6b0e1f43-5a53-4f0e-9d2c-3f1d7c8a41b5', since: 5, required: false, numLines: 6
    }
  ],
  views: [
    { key: 'all', title: 'All settings', since: 5, isDefault: true, fields: ['title', 'value'], sort: [{ field: 'title', ascending: true }], rowLimit: 100, paged: true }
  ]
});
