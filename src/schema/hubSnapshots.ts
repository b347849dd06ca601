import { listRoles } from './groups';
import { defineList, titleField } from './types';

/**
 * What the portfolio and the register last read, as one file per read (schema 13), so a browser
 * that remembers nothing yet renders from it at once and asks SharePoint only what changed since
 * (the lists' change logs), instead of reading 10,000 projects and 100,000 reports. A PMO member's
 * browser writes a file after its own read (`src/services/siteSnapshots.ts`); everyone on the site
 * reads it, as they read the Projects list and the published reports the files hold. Leaders and
 * visitors only read, so nobody who may forge a project's cached status can write what others see.
 * No versions: each file is a few megabytes, rewritten at most hourly, and only the newest counts.
 */
export const hubSnapshots = defineList({
  key: 'hubSnapshots',
  title: 'PMO Hub Snapshots',
  url: 'PMOHubSnapshots',
  template: 101,
  description: 'What the portfolio and the project register last read, for a browser that has read nothing yet. Written by PMO Hub; do not edit.',
  since: 13,
  versioning: { enabled: false },
  readSecurity: 1,
  writeSecurity: 1,
  roles: listRoles([]),
  fields: [
    { ...titleField('Title', false, true), since: 13 }
  ],
  views: [
    { key: 'all', title: 'All snapshots', since: 13, isDefault: true, fields: ['fileName', 'title', 'modified', 'editor'], sort: [{ field: 'title', ascending: true }], rowLimit: 30, paged: true }
  ]
});
