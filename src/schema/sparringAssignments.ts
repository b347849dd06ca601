import { COMPETENCIES } from './pmoExperts';
import { SPARRING_STATUSES } from './sparringRequests';
import { defineList, titleField } from './types';

/**
 * What the assigned expert needs of a sparring request, written by the PMO when it assigns.
 * Sparring Requests keeps ReadSecurity 2 (the requester — its Author — and the PMO read it), and
 * no item permission lifts ReadSecurity 2: only Override List Behaviors does, and that would
 * show an expert every request. So the PMO's assign copies the request here and gives this item
 * its own permissions: the PMO, the requester and the assigned expert read it; nobody else even
 * sees the list (SharePoint grants Limited Access to reach the shared item). One unique scope
 * per assigned request.
 */
export const sparringAssignments = defineList({
  key: 'sparringAssignments',
  title: 'Sparring Assignments',
  url: 'Lists/PMOSparringAssignments',
  template: 100,
  description: 'Assigned sparring requests, shared with their requester and expert only.',
  since: 4,
  versioning: { enabled: true, majorVersionLimit: 50 },
  readSecurity: 1,
  writeSecurity: 1,
  // Staff get nothing on the list: each item is shared with its two people by the PMO.
  roles: [{ group: 'pmoOwners', role: 'fullControl' }, { group: 'pmoMembers', role: 'fullControl' }],
  fields: [
    { ...titleField('Topic', true), since: 4 },
    {
      // The request's ID: one assignment per request, found again when the PMO moves it on.
      key: 'request', internalName: 'PMORequest', displayName: 'Request', type: 'Number',
      id: '4e6da2fa-28eb-4296-81a0-7d34d9e415da', since: 4, required: true, indexed: true, unique: true, decimals: 0
    },
    {
      key: 'description', internalName: 'PMODescription', displayName: 'Description', type: 'Note',
      id: '8cada94f-e19f-4881-bb39-fd9e7f939a06', since: 4, numLines: 6
    },
    {
      key: 'requester', internalName: 'PMORequester', displayName: 'Requester', type: 'User',
      // Indexed: a requester's "my requests" reads their assignments by it.
      id: 'c6dcbb53-2198-4972-ae59-157c41f6dc1d', since: 4, required: true, indexed: true
    },
    {
      key: 'competency', internalName: 'PMOCompetency', displayName: 'Competency', type: 'Choice',
      id: '90de122d-ffba-46a6-8d0c-1904a0241088', since: 4, choices: COMPETENCIES
    },
    {
      key: 'preferredDate', internalName: 'PMOPreferredDate', displayName: 'Preferred date', type: 'DateTime',
      id: '7431c133-1f6c-48d9-979c-fc7bf35ea157', since: 4, dateOnly: true
    },
    {
      key: 'status', internalName: 'PMOStatus', displayName: 'Status', type: 'Choice',
      id: '8bd9873e-0cc4-49cf-a7cc-04fb941e3faf', since: 4, required: true, choices: SPARRING_STATUSES, defaultValue: 'Assigned'
    },
    {
      key: 'assignedExpert', internalName: 'PMOAssignedExpert', displayName: 'Assigned expert', type: 'User',
      id: '1d899a29-4f92-422b-9ec0-16f1aa376e63', since: 4, required: true, indexed: true
    },
    {
      key: 'scheduledAt', internalName: 'PMOScheduledAt', displayName: 'Scheduled at', type: 'DateTime',
      id: '7746bf0e-9960-49d9-b22d-d44e964aae3d', since: 4, dateOnly: false
    }
  ],
  views: [
    {
      key: 'all', title: 'All assignments', since: 4, isDefault: true,
      fields: ['title', 'requester', 'competency', 'preferredDate', 'status', 'assignedExpert', 'scheduledAt'],
      sort: [{ field: 'id', ascending: false }], rowLimit: 100, paged: true
    }
  ]
});
