import { listRoles } from './groups';
import { defineList, titleField } from './types';

export const strategicObjectives = defineList({
  key: 'strategicObjectives',
  title: 'Strategic Objectives',
  url: 'Lists/PMOStrategicObjectives',
  template: 100,
  description: 'What projects align to; the objectives of the OKRs.',
  since: 1,
  versioning: { enabled: true, majorVersionLimit: 50 },
  readSecurity: 1,
  writeSecurity: 1,
  roles: listRoles([]),
  fields: [
    titleField('Objective', true),
    {
      key: 'description', internalName: 'PMODescription', displayName: 'Description', type: 'Note',
      id: '90188e27-fd78-4923-8914-bff06830db97', since: 1, numLines: 4
    },
    {
      key: 'owner', internalName: 'PMOOwner', displayName: 'Owner', type: 'User',
      id: 'addfdd43-ba19-4e1b-86f9-f90cc4def230', since: 1
    },
    {
      // Free text such as "2025" or "2025-H1": organisations plan in different rhythms.
      key: 'period', internalName: 'PMOPeriod', displayName: 'Period', type: 'Text',
      id: '43e80546-3c1a-47ec-8690-bb3ed45a7a42', since: 1, required: true, indexed: true, maxLength: 20
    }
  ],
  views: [
    {
      key: 'all', title: 'All objectives', since: 1, isDefault: true,
      fields: ['title', 'period', 'owner'],
      sort: [{ field: 'period', ascending: false }], rowLimit: 100, paged: true
    }
  ]
});
