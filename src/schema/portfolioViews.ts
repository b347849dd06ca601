import { listRoles } from './groups';
import { defineList, titleField } from './types';

export const portfolioViews = defineList({
  key: 'portfolioViews',
  title: 'Portfolio Views',
  url: 'Lists/PMOPortfolioViews',
  template: 100,
  description: 'Saved portfolio filters: PMO-wide (shared) and personal.',
  since: 1,
  versioning: { enabled: false },
  // v4: personal views are their author's alone (shared ones moved to Shared Portfolio Views);
  // the PMO keeps Edit here, so it does not read them either (no Override List Behaviors).
  readSecurity: 2,
  // Project leaders save personal views; nobody but the PMO edits someone else's.
  writeSecurity: 2,
  roles: listRoles(['projectLeaders']),
  fields: [
    titleField('Title', true),
    {
      // JSON (PortfolioFilter in src/model), versioned inside so old saved views still load.
      key: 'filterDefinition', internalName: 'PMOFilterDefinition', displayName: 'Filter definition', type: 'Note',
      id: '9cf02cbf-555e-4716-9040-15fd32f97848', since: 1, required: true, numLines: 6
    },
    {
      key: 'owner', internalName: 'PMOOwner', displayName: 'Owner', type: 'User',
      id: 'ad29da4c-d564-4666-b390-1bf04db1f130', since: 1, required: true, indexed: true
    },
    {
      // Indexed too: the portfolio reads "owner = me OR shared", and each OR branch needs an index.
      key: 'shared', internalName: 'PMOShared', displayName: 'Shared', type: 'Boolean',
      id: '4b45abe0-2066-487d-b2d9-1908381ddc01', since: 1, indexed: true, defaultValue: false
    }
  ],
  views: [
    {
      key: 'all', title: 'All portfolio views', since: 1, isDefault: true,
      fields: ['title', 'owner', 'shared'],
      sort: [{ field: 'id', ascending: true }], rowLimit: 100, paged: true
    }
  ]
});
