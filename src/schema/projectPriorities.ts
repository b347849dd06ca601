import { listRoles } from './groups';
import { defineList, titleField } from './types';

/**
 * The PMO's assessment of each project (schema 9): its scores on the prioritisation criteria and
 * their weighted total. It lived on the project item until schema 8, where the project's leader
 * may edit (item permissions) and SharePoint has no column-level security: a leader could raise
 * their own project's priority by a hand-made MERGE. Here only the PMO writes (list permissions,
 * no item-level ones: no unique scope per project); leaders and visitors read.
 */
export const projectPriorities = defineList({
  key: 'projectPriorities',
  title: 'Project Priorities',
  url: 'Lists/PMOProjectPriorities',
  template: 100,
  description: "The PMO's prioritisation scores, one item per project.",
  since: 9,
  versioning: { enabled: true, majorVersionLimit: 50 },
  readSecurity: 1,
  writeSecurity: 1,
  roles: listRoles([]),
  fields: [
    // The project's code, for people reading the list in SharePoint; the code never reads it back.
    { ...titleField('Title', false), since: 9 },
    {
      // One item per project: EnforceUniqueValues on an indexed single-value lookup, which
      // SharePoint documents for lookup columns (not for multi-value ones).
      key: 'project', internalName: 'PMOProject', displayName: 'Project', type: 'Lookup',
      id: '13e66760-a000-4497-a6dd-9920632253d9', since: 9, required: true, indexed: true, unique: true, lookupList: 'projects'
    },
    {
      // JSON object: prioritisation criterion ID → score on that criterion's scale.
      // Criteria are data, not columns, so the PMO can change its model without a schema upgrade.
      key: 'criteriaScores', internalName: 'PMOCriteriaScores', displayName: 'Criteria scores', type: 'Note',
      id: '9bd6dca4-e2d9-4250-b112-d2a4232d2ea2', since: 9, numLines: 3
    },
    {
      // Weighted total of criteriaScores, stored so it can be sorted and filtered on.
      key: 'priorityScore', internalName: 'PMOPriorityScore', displayName: 'Priority score', type: 'Number',
      id: '32910f82-dfcc-4ce5-a0d0-53aee47727eb', since: 9, indexed: true, min: 0, decimals: 2
    }
  ],
  views: [
    {
      key: 'all', title: 'All priorities', since: 9, isDefault: true,
      fields: ['title', 'project', 'priorityScore'],
      sort: [{ field: 'priorityScore', ascending: false }], rowLimit: 100, paged: true
    }
  ]
});
