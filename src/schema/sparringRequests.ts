import { changeRoles, listRoles } from './groups';
import { COMPETENCIES } from './pmoExperts';
import { authorField, defineList, titleField } from './types';

export const SPARRING_STATUSES = ['New', 'Assigned', 'Scheduled', 'Done'] as const;

export const sparringRequests = defineList({
  key: 'sparringRequests',
  title: 'Sparring Requests',
  url: 'Lists/PMOSparringRequests',
  template: 100,
  description: '1:1 sparring asked of a PMO expert.',
  since: 1,
  versioning: { enabled: true, majorVersionLimit: 50 },
  // Requesters (the item's Author) read only what they asked; PMO Members hold Full Control here,
  // whose Override List Behaviors (CancelCheckout) is the one permission that lifts ReadSecurity 2.
  readSecurity: 2,
  writeSecurity: 2,
  // PMO Members get Full Control here (Edit elsewhere): assigning shares the request with the
  // expert through item permissions, which needs Manage Permissions.
  // v4: staff add requests but cannot edit them afterwards (status and expert are the PMO's).
  roles: changeRoles(listRoles(['projectLeaders', 'visitors']).map((r) => (r.group === 'pmoMembers' ? { group: r.group, role: 'fullControl' as const } : r)),
    4, { projectLeaders: 'addItems', visitors: 'addItems' }),
  fields: [
    titleField('Topic', true),
    // The requester is the item's Author; "my requests" filters on it, so it is indexed.
    authorField(4),
    {
      key: 'description', internalName: 'PMODescription', displayName: 'Description', type: 'Note',
      id: 'c15b5161-da02-4812-a374-a43752401cf6', since: 1, numLines: 6
    },
    {
      key: 'requester', internalName: 'PMORequester', displayName: 'Requester', type: 'User',
      id: 'a0c2d9f6-7b01-44ca-b671-7c87858541d7', since: 1, required: true, indexed: true
    },
    {
      key: 'competency', internalName: 'PMOCompetency', displayName: 'Competency', type: 'Choice',
      id: '25936bc6-1405-4233-a8a2-d15d118237ce', since: 1, choices: COMPETENCIES
    },
    {
      key: 'project', internalName: 'PMOProject', displayName: 'Project', type: 'Lookup',
      id: 'dcaf2a82-1a06-446d-a2c9-54ff20b4c147', since: 1, lookupList: 'projects'
    },
    {
      key: 'preferredDate', internalName: 'PMOPreferredDate', displayName: 'Preferred date', type: 'DateTime',
      id: '41458414-b346-4138-a1c5-aec5f5e14368', since: 1, dateOnly: true
    },
    // Status, assigned expert and scheduled time: the PMO mirrors its assignment here (for the
    // ETag and the list's own views), but the requester can set them when adding by REST, so
    // PMO Hub never reads them: Sparring Assignments, which only the PMO writes, is the truth.
    {
      key: 'status', internalName: 'PMOStatus', displayName: 'Status', type: 'Choice',
      id: '98cfe251-5e3f-49fc-8cdd-61bc5ce6bd60', since: 1, required: true, indexed: true, choices: SPARRING_STATUSES, defaultValue: 'New'
    },
    {
      // A person rather than a lookup to PMO Experts so "assigned to me" is a plain [Me] filter.
      key: 'assignedExpert', internalName: 'PMOAssignedExpert', displayName: 'Assigned expert', type: 'User',
      id: '4c6e6e0a-ed0b-4c00-9bcc-366a903a7d63', since: 1, indexed: true
    },
    {
      // The expert the requester asked for (from the expert's card): a wish the PMO sees and
      // usually assigns. Not the assignment itself: only the PMO assigns, which shares the item.
      key: 'requestedExpert', internalName: 'PMORequestedExpert', displayName: 'Requested expert', type: 'User',
      id: 'e064e6a2-a6b7-4ea9-a342-fc4e7c9faa22', since: 4
    },
    {
      key: 'scheduledAt', internalName: 'PMOScheduledAt', displayName: 'Scheduled at', type: 'DateTime',
      id: '5f3d8a12-8091-493c-a3c6-0502e5e220eb', since: 1, dateOnly: false
    }
  ],
  views: [
    {
      key: 'all', title: 'All requests', since: 1, isDefault: true,
      fields: ['title', 'requester', 'competency', 'preferredDate', 'status', 'assignedExpert'],
      sort: [{ field: 'id', ascending: false }], rowLimit: 100, paged: true
    },
    {
      key: 'open', title: 'Open requests', since: 1,
      fields: ['title', 'requester', 'competency', 'preferredDate', 'status', 'assignedExpert'],
      filter: [{ field: 'status', op: 'In', values: ['New', 'Assigned', 'Scheduled'] }],
      sort: [{ field: 'id', ascending: true }], rowLimit: 100, paged: true
    },
    {
      key: 'assignedToMe', title: 'Assigned to me', since: 1,
      fields: ['title', 'requester', 'competency', 'preferredDate', 'status', 'scheduledAt'],
      filter: [{ field: 'assignedExpert', op: 'Eq', value: { me: true } }],
      sort: [{ field: 'id', ascending: false }], rowLimit: 100, paged: true
    }
  ]
});
