import { listRoles } from './groups';
import { defineList, titleField } from './types';

/**
 * Portfolio views the PMO shares with everyone (schema 4). Personal views stay in Portfolio
 * Views under ReadSecurity 2, readable by their author only; a shared view cannot live there
 * (ReadSecurity 2 yields to no item permission), and a view that is shared because a column says
 * so is shared by whoever writes the column. Here only the PMO writes; everyone reads.
 */
export const sharedPortfolioViews = defineList({
  key: 'sharedPortfolioViews',
  title: 'Shared Portfolio Views',
  url: 'Lists/PMOSharedPortfolioViews',
  template: 100,
  description: 'Portfolio filters the PMO shares with everyone.',
  since: 4,
  versioning: { enabled: false },
  readSecurity: 1,
  writeSecurity: 1,
  roles: listRoles([]),
  fields: [
    { ...titleField('Title', true), since: 4 },
    {
      // JSON (PortfolioFilter in src/model), as in Portfolio Views.
      key: 'filterDefinition', internalName: 'PMOFilterDefinition', displayName: 'Filter definition', type: 'Note',
      id: '03320bd5-0f73-4e08-b8e6-1b4f5ab09ed4', since: 4, required: true, numLines: 6
    },
    {
      key: 'owner', internalName: 'PMOOwner', displayName: 'Owner', type: 'User',
      id: '51a14ad0-300c-483b-9746-193feab12429', since: 4
    }
  ],
  views: [
    {
      key: 'all', title: 'All shared views', since: 4, isDefault: true,
      fields: ['title', 'owner'],
      sort: [{ field: 'id', ascending: true }], rowLimit: 100, paged: true
    }
  ]
});
