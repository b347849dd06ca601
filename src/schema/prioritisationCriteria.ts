import { listRoles } from './groups';
import { defineList, titleField } from './types';

export const prioritisationCriteria = defineList({
  key: 'prioritisationCriteria',
  title: 'Prioritisation Criteria',
  url: 'Lists/PMOPrioritisationCriteria',
  template: 100,
  description: "The PMO's weighted scoring model; projects hold their scores per criterion.",
  since: 1,
  versioning: { enabled: true, majorVersionLimit: 50 },
  readSecurity: 1,
  writeSecurity: 1,
  roles: listRoles([]),
  fields: [
    titleField('Criterion', true),
    {
      key: 'weight', internalName: 'PMOWeight', displayName: 'Weight', type: 'Number',
      id: 'f081f573-603f-49b4-835f-190ee6f794dc', since: 1, required: true, min: 0, max: 100, decimals: 1
    },
    {
      // Highest score on the criterion's scale; scores run from 0 to this value.
      key: 'scale', internalName: 'PMOScale', displayName: 'Scale', type: 'Number',
      id: '02009941-9f31-46a9-a74b-c579bb4ac519', since: 1, required: true, min: 1, max: 100, decimals: 0, defaultValue: 5
    },
    {
      key: 'description', internalName: 'PMODescription', displayName: 'Description', type: 'Note',
      id: '714e07be-503c-4c97-90bb-c37da4e420aa', since: 1, numLines: 4
    },
    {
      // Retire a criterion without deleting it, so old scores still explain old rankings.
      key: 'active', internalName: 'PMOActive', displayName: 'Active', type: 'Boolean',
      id: 'b2ac93cd-fdc1-4e75-8ca8-6426545b83d0', since: 1, defaultValue: true
    }
  ],
  views: [
    {
      key: 'all', title: 'All criteria', since: 1, isDefault: true,
      fields: ['title', 'weight', 'scale', 'active'],
      sort: [{ field: 'id', ascending: true }], rowLimit: 100, paged: true
    }
  ]
});
