import { listRoles } from './groups';
import { defineList, titleField } from './types';

/** The PMO meeting cycle plus the community's other gatherings. */
export const EVENT_TYPES = [
  'QuarterlyChallenge',
  'HalfYearlyExperience',
  'AnnualMethodRevision',
  'Training',
  'PeerExchange'
] as const;

export const EVENT_AUDIENCES = ['AllStaff', 'ProjectLeaders', 'PmoMembers', 'Sponsors', 'Management'] as const;

export const communityEvents = defineList({
  key: 'communityEvents',
  title: 'Community Events',
  url: 'Lists/PMOCommunityEvents',
  template: 100,
  description: 'The PMO meeting cycle: challenge and experience meetings, method revision, training.',
  since: 1,
  versioning: { enabled: true, majorVersionLimit: 50 },
  readSecurity: 1,
  writeSecurity: 1,
  roles: listRoles([]),
  fields: [
    titleField('Title', true),
    {
      key: 'eventType', internalName: 'PMOEventType', displayName: 'Event type', type: 'Choice',
      id: '090654da-336b-448f-b8e6-c7b469579df8', since: 1, required: true, indexed: true, choices: EVENT_TYPES
    },
    {
      key: 'startDate', internalName: 'PMOStartDate', displayName: 'Start', type: 'DateTime',
      id: 'd0e52630-6f20-46b7-a1b3-67d87b2834c7', since: 1, required: true, indexed: true, dateOnly: false
    },
    {
      key: 'endDate', internalName: 'PMOEndDate', displayName: 'End', type: 'DateTime',
      id: '799b88ce-aea3-40d4-a1fc-ff12dbbd97cb', since: 1, dateOnly: false
    },
    {
      key: 'location', internalName: 'PMOLocation', displayName: 'Location', type: 'Text',
      id: 'f68fd7a3-35af-41ac-8f46-161cf98c092e', since: 1, maxLength: 255
    },
    {
      key: 'onlineLink', internalName: 'PMOOnlineLink', displayName: 'Online meeting link', type: 'URL',
      id: '6421403b-104c-48e4-8222-27731f9ee597', since: 1
    },
    {
      key: 'audience', internalName: 'PMOAudience', displayName: 'Audience', type: 'MultiChoice',
      id: '9247bbc1-79a4-4d40-a8ae-babed5f3940b', since: 1, choices: EVENT_AUDIENCES
    },
    {
      key: 'description', internalName: 'PMODescription', displayName: 'Description', type: 'Note',
      id: '9a4db292-0d04-4e7e-8595-49fddcb7f32c', since: 1, numLines: 6
    }
  ],
  views: [
    {
      key: 'all', title: 'All events', since: 1, isDefault: true,
      fields: ['title', 'eventType', 'startDate', 'endDate', 'location', 'audience'],
      sort: [{ field: 'startDate', ascending: false }], rowLimit: 100, paged: true
    },
    {
      key: 'upcoming', title: 'Upcoming events', since: 1,
      fields: ['title', 'eventType', 'startDate', 'endDate', 'location', 'onlineLink'],
      filter: [{ field: 'startDate', op: 'Geq', value: { today: 0 } }],
      sort: [{ field: 'startDate', ascending: true }], rowLimit: 100, paged: true
    }
  ]
});
