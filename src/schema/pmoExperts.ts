import { listRoles } from './groups';
import { defineList, titleField } from './types';

/** What experts offer and requesters ask for (shared with Sparring Requests). */
export const COMPETENCIES = [
  'Planning',
  'RiskManagement',
  'StakeholderManagement',
  'SteeringGroups',
  'BudgetAndFinance',
  'Agile',
  'ChangeManagement',
  'BenefitsRealisation',
  'Procurement',
  'Leadership'
] as const;

export const CERTIFICATIONS = ['PMI', 'PRINCE2', 'ITIL', 'IPMA'] as const;

export const EXPERT_AVAILABILITIES = ['Available', 'Limited', 'Unavailable'] as const;

export const pmoExperts = defineList({
  key: 'pmoExperts',
  title: 'PMO Experts',
  url: 'Lists/PMOExperts',
  template: 100,
  description: 'Senior project leaders who offer 1:1 sparring.',
  since: 1,
  versioning: { enabled: true, majorVersionLimit: 50 },
  readSecurity: 1,
  writeSecurity: 1,
  roles: listRoles([]),
  fields: [
    // The service copies the person's display name here so classic views and lookups read well.
    titleField('Name', true),
    {
      // One entry per person.
      key: 'person', internalName: 'PMOPerson', displayName: 'Person', type: 'User',
      id: '5025e978-6698-4cb8-8b43-a31a4f416209', since: 1, required: true, indexed: true, unique: true
    },
    {
      key: 'competencies', internalName: 'PMOCompetencies', displayName: 'Competencies', type: 'MultiChoice',
      id: 'efec1d43-2fe6-4d59-9381-d78e82ccc92b', since: 1, choices: COMPETENCIES
    },
    {
      key: 'certifications', internalName: 'PMOCertifications', displayName: 'Certifications', type: 'MultiChoice',
      id: '7be10072-34da-444f-8abf-40385c0858bf', since: 1, choices: CERTIFICATIONS
    },
    {
      key: 'external', internalName: 'PMOExternal', displayName: 'External', type: 'Boolean',
      id: '4817b75b-235e-4438-ac5c-6efcc2806376', since: 1, defaultValue: false
    },
    {
      key: 'bio', internalName: 'PMOBio', displayName: 'Bio', type: 'Note',
      id: 'cd28f76f-ca89-46f1-8197-83ed04b4d109', since: 1, numLines: 6
    },
    {
      key: 'availability', internalName: 'PMOAvailability', displayName: 'Availability', type: 'Choice',
      id: 'db7a8806-d889-4df0-8745-80e4c42405be', since: 1, indexed: true, choices: EXPERT_AVAILABILITIES, defaultValue: 'Available'
    },
    {
      // "Tuesday afternoons", "not in July": what the choice cannot say.
      key: 'availabilityNote', internalName: 'PMOAvailabilityNote', displayName: 'Availability note', type: 'Text',
      id: '4c12dcf4-7c17-4af3-8d4d-0a41cd14dccd', since: 1, maxLength: 255
    }
  ],
  views: [
    {
      key: 'all', title: 'All experts', since: 1, isDefault: true,
      fields: ['title', 'person', 'competencies', 'certifications', 'external', 'availability'],
      sort: [{ field: 'id', ascending: true }], rowLimit: 100, paged: true
    },
    {
      key: 'available', title: 'Available experts', since: 1,
      fields: ['title', 'person', 'competencies', 'availabilityNote'],
      filter: [{ field: 'availability', op: 'In', values: ['Available', 'Limited'] }],
      sort: [{ field: 'id', ascending: true }], rowLimit: 100, paged: true
    }
  ]
});
