import { changeRoles, listRoles } from './groups';
import { defineList, titleField } from './types';

export const templateDownloads = defineList({
  key: 'templateDownloads',
  title: 'Template Downloads',
  url: 'Lists/PMOTemplateDownloads',
  template: 100,
  description: 'Who used which method template; the source of the template KPIs.',
  since: 1,
  // An append-only log: nothing to version.
  versioning: { enabled: false },
  readSecurity: 1,
  // Anyone may add a download; nobody may edit someone else's.
  writeSecurity: 2,
  // v4: anyone adds, nobody but the PMO edits: "add but not edit".
  roles: changeRoles(listRoles(['projectLeaders', 'visitors']), 4, { pmoMembers: 'design', projectLeaders: 'addItems', visitors: 'addItems' }),
  fields: [
    titleField('Title', false),
    {
      key: 'template', internalName: 'PMOTemplate', displayName: 'Template', type: 'Lookup',
      id: 'bd869158-3321-415c-af9e-36875c883edb', since: 1, required: true, indexed: true, lookupList: 'methodTemplates'
    },
    {
      // Explicit rather than Created so imports of historic download logs keep their dates.
      key: 'downloadedAt', internalName: 'PMODownloadedAt', displayName: 'Downloaded at', type: 'DateTime',
      id: 'f0f1bcd4-6bed-4f99-a7da-78ce2fed3846', since: 1, required: true, indexed: true, dateOnly: false
    }
  ],
  views: [
    {
      key: 'all', title: 'All downloads', since: 1, isDefault: true,
      fields: ['template', 'downloadedAt', 'author'],
      sort: [{ field: 'downloadedAt', ascending: false }], rowLimit: 100, paged: true
    }
  ]
});
