import { changeRoles, listRoles } from './groups';
import { defineList, titleField } from './types';

export const RISK_STATUSES = ['Open', 'Mitigating', 'Accepted', 'Closed'] as const;
/** Statuses of a risk still to be dealt with: what the register sorts first and the portfolio counts. */
export const OPEN_RISK_STATUSES: readonly string[] = RISK_STATUSES.filter((s) => s !== 'Accepted' && s !== 'Closed');

export const risks = defineList({
  key: 'risks',
  title: 'Risks',
  url: 'Lists/PMORisks',
  template: 100,
  description: 'Project risks: probability, impact, owner and mitigation.',
  since: 1,
  versioning: { enabled: true, majorVersionLimit: 50 },
  readSecurity: 1,
  // v4: a leader edited and deleted only what they wrote (WriteSecurity 2). v8: the project's
  // folder says who writes (its leader and the PMO), so a new leader takes over the predecessor's
  // items: WriteSecurity 1. At the root and in other folders a leader only reads. (Not versioned:
  // provisioning an older version for a test gets 1 as well.)
  writeSecurity: 1,
  // v8: leaders add only in the folders of the projects they lead; the list itself they read. The
  // PMO gives those folders their permissions (Manage Permissions: Full Control, as on Projects).
  roles: changeRoles(changeRoles(listRoles(['projectLeaders']), 4, { pmoMembers: 'design' }), 8, { pmoMembers: 'fullControl', projectLeaders: 'read' }),
  projectFolders: { since: 8, role: 'projectReporting' },
  fields: [
    titleField('Risk', true),
    {
      key: 'project', internalName: 'PMOProject', displayName: 'Project', type: 'Lookup',
      id: 'b47704a6-092e-4137-a5f7-3d2b303e37a0', since: 1, required: true, indexed: true, lookupList: 'projects'
    },
    {
      key: 'description', internalName: 'PMODescription', displayName: 'Description', type: 'Note',
      id: 'd4542f66-3f6b-46a5-8415-511f7e066633', since: 1, numLines: 4
    },
    {
      key: 'probability', internalName: 'PMOProbability', displayName: 'Probability', type: 'Number',
      id: '198d8651-b955-4cc4-843b-7ddf57e16dd8', since: 1, required: true, min: 1, max: 5, decimals: 0
    },
    {
      key: 'impact', internalName: 'PMOImpact', displayName: 'Impact', type: 'Number',
      id: '7af9c9b6-2208-4b9b-8ae4-333ce4e8a189', since: 1, required: true, min: 1, max: 5, decimals: 0
    },
    {
      // probability × impact, written by the service: a calculated column cannot be indexed,
      // and "top risks across the portfolio" sorts on it.
      key: 'score', internalName: 'PMOScore', displayName: 'Score', type: 'Number',
      id: '998fa0d1-d5ae-4273-8f35-e3f69b1c8daf', since: 1, indexed: true, min: 1, max: 25, decimals: 0
    },
    {
      key: 'owner', internalName: 'PMOOwner', displayName: 'Owner', type: 'User',
      id: '70992903-fc0a-40d6-a2b0-d448ba814ecc', since: 1, indexed: true
    },
    {
      key: 'mitigation', internalName: 'PMOMitigation', displayName: 'Mitigation', type: 'Note',
      id: '7d67a67b-f850-4aec-ad9c-56cd1cc51fb8', since: 1, numLines: 4
    },
    {
      key: 'status', internalName: 'PMOStatus', displayName: 'Status', type: 'Choice',
      id: '5e19fb56-6d05-4d9f-a6ce-e22a5d39e0f5', since: 1, required: true, indexed: true, choices: RISK_STATUSES, defaultValue: 'Open'
    },
    {
      key: 'due', internalName: 'PMODue', displayName: 'Due', type: 'DateTime',
      id: '23722565-b1af-4649-8bb0-0f766451b5a0', since: 1, dateOnly: true
    }
  ],
  views: [
    {
      key: 'all', title: 'All risks', since: 1, isDefault: true,
      fields: ['title', 'project', 'probability', 'impact', 'score', 'owner', 'status', 'due'],
      sort: [{ field: 'score', ascending: false }], rowLimit: 100, paged: true
    },
    {
      key: 'open', title: 'Open risks', since: 1,
      fields: ['title', 'project', 'score', 'owner', 'status', 'due'],
      filter: [{ field: 'status', op: 'In', values: ['Open', 'Mitigating'] }],
      sort: [{ field: 'score', ascending: false }], rowLimit: 100, paged: true
    },
    {
      key: 'mine', title: 'My risks', since: 1,
      fields: ['title', 'project', 'score', 'status', 'due'],
      filter: [{ field: 'owner', op: 'Eq', value: { me: true } }],
      sort: [{ field: 'score', ascending: false }], rowLimit: 100, paged: true
    }
  ]
});
