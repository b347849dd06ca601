import type { ListRoleAssignment } from './types';
import { defineList, titleField } from './types';

export const BENEFIT_CATEGORIES = ['Financial', 'Efficiency', 'Quality', 'Customer', 'Strategic', 'Compliance'] as const;
export const BENEFIT_STATUSES = ['Planned', 'OnTrack', 'AtRisk', 'Realised', 'NotRealised'] as const;
/** Benefits still to be realised: what a project's closing hands over to the benefit owners. */
export const OPEN_BENEFIT_STATUSES: readonly string[] = ['Planned', 'OnTrack', 'AtRisk'];

/**
 * Who writes the benefits lists (README "Benefits realisation"): the PMO defines and changes every
 * benefit (Full Control: it gives the projects' folders their permissions, as on Status Reports);
 * everyone on the site reads. The project's leader and its benefits' owners write only in the
 * project's folder (`projectFolders`), with the level the list's rule names.
 */
const BENEFIT_ROLES: readonly ListRoleAssignment[] = [
  { group: 'pmoOwners', role: 'fullControl' },
  { group: 'pmoMembers', role: 'fullControl' },
  { group: 'projectLeaders', role: 'read' },
  { group: 'visitors', role: 'read' }
];

/** The people besides the leader who get the folder's level: every owner of a benefit of the project. */
const OWNERS = { list: 'benefits', field: 'owner' } as const;

/**
 * The benefits a project is meant to bring (the business case's promise), measured after the
 * project too: baseline, target, the latest measured value (kept here, as a key result keeps its
 * current value, so the register and the portfolio read one list) and its status. In a project's
 * folder its leader and benefit owners may edit (record what was measured) but not add or delete:
 * defining a benefit and its target is the PMO's.
 */
export const benefits = defineList({
  key: 'benefits',
  title: 'Benefits',
  url: 'Lists/PMOBenefits',
  template: 100,
  description: 'The benefits each project is to realise: owner, baseline, target, actual, dates and status.',
  since: 10,
  versioning: { enabled: true, majorVersionLimit: 50 },
  readSecurity: 1,
  writeSecurity: 1,
  roles: BENEFIT_ROLES,
  projectFolders: { since: 10, role: 'editItems', people: OWNERS },
  fields: [
    { ...titleField('Benefit', true), since: 10 },
    {
      key: 'description', internalName: 'PMODescription', displayName: 'Description', type: 'Note',
      id: '12ba14be-7cca-4455-aec8-e8a33c815b35', since: 10, numLines: 4
    },
    {
      key: 'project', internalName: 'PMOProject', displayName: 'Project', type: 'Lookup',
      id: '4aab6419-405e-45bd-a592-57092cf006f4', since: 10, required: true, indexed: true, lookupList: 'projects'
    },
    {
      key: 'objective', internalName: 'PMOObjective', displayName: 'Strategic objective', type: 'Lookup',
      id: '6d7d3fca-f179-41f1-947a-15ff6bf35cb3', since: 10, indexed: true, lookupList: 'strategicObjectives'
    },
    {
      // The business owner who realises the benefit after the project: usually not its leader.
      key: 'owner', internalName: 'PMOBenefitOwner', displayName: 'Benefit owner', type: 'User',
      id: 'b23defe9-3bbf-45f0-a70c-6a8b7c9b282a', since: 10, indexed: true
    },
    {
      key: 'category', internalName: 'PMOBenefitCategory', displayName: 'Category', type: 'Choice',
      id: '5c7e137f-8c3c-4876-a4fe-cdb1788596a9', since: 10, required: true, choices: BENEFIT_CATEGORIES
    },
    {
      // What the numbers count (SEK, hours, %, NPS): totals are only ever made per unit.
      key: 'unit', internalName: 'PMOUnit', displayName: 'Unit', type: 'Text',
      id: '1568a687-907f-467e-a47b-b0597e03ceb0', since: 10, required: true, maxLength: 30
    },
    {
      key: 'baseline', internalName: 'PMOBaseline', displayName: 'Baseline', type: 'Number',
      id: 'd8913c54-5bc8-49f5-ac6a-2672ed122510', since: 10
    },
    {
      key: 'target', internalName: 'PMOTarget', displayName: 'Target', type: 'Number',
      id: 'a44b9c64-3b16-454e-8ee0-285e9d95c4bd', since: 10, required: true
    },
    {
      // The newest measurement's value, written with it (BenefitService): the register reads one list.
      key: 'actual', internalName: 'PMOActual', displayName: 'Actual', type: 'Number',
      id: 'f0448842-b390-4086-bb4d-d8270e069bb1', since: 10
    },
    {
      key: 'baselineDate', internalName: 'PMOBaselineDate', displayName: 'Baseline date', type: 'DateTime',
      id: 'dec832ff-9a02-41f0-9563-c0c114aad126', since: 10, dateOnly: true
    },
    {
      key: 'targetDate', internalName: 'PMOTargetDate', displayName: 'Target date', type: 'DateTime',
      id: 'adfaf60b-2e4a-4d40-955f-5a3a5749dd2e', since: 10, dateOnly: true, indexed: true
    },
    {
      key: 'lastMeasured', internalName: 'PMOLastMeasured', displayName: 'Last measured', type: 'DateTime',
      id: '9d92c682-8d22-491b-b5ac-7334a6814c31', since: 10, dateOnly: true
    },
    {
      key: 'status', internalName: 'PMOStatus', displayName: 'Status', type: 'Choice',
      id: '29acd571-1c33-47e7-80be-8623f4475450', since: 10, required: true, indexed: true, choices: BENEFIT_STATUSES, defaultValue: 'Planned'
    },
    {
      key: 'comment', internalName: 'PMOComment', displayName: 'Comment', type: 'Note',
      id: 'd9a0e41b-547f-49fa-b234-564a39688a3e', since: 10, numLines: 4
    }
  ],
  views: [
    {
      key: 'all', title: 'All benefits', since: 10, isDefault: true,
      fields: ['title', 'project', 'owner', 'category', 'unit', 'baseline', 'target', 'actual', 'targetDate', 'status'],
      sort: [{ field: 'id', ascending: true }], rowLimit: 100, paged: true
    },
    {
      key: 'open', title: 'Benefits to realise', since: 10,
      fields: ['title', 'project', 'owner', 'unit', 'target', 'actual', 'targetDate', 'status'],
      filter: [{ field: 'status', op: 'In', values: ['Planned', 'OnTrack', 'AtRisk'] }],
      sort: [{ field: 'targetDate', ascending: true }], rowLimit: 100, paged: true
    }
  ]
});

/**
 * Dated measurements of a benefit: the history behind its actual value and its trend chart. A
 * list rather than the benefit's versions: a measurement has its own date (measured on, not saved
 * on), it survives the 50-version limit and a PMO's correction of the description, and reading one
 * benefit's history is one indexed filter. Who measured is the item's Author. In a project's
 * folder its leader and benefit owners add, never edit or delete: what was reported stays.
 */
export const benefitMeasurements = defineList({
  key: 'benefitMeasurements',
  title: 'Benefit Measurements',
  url: 'Lists/PMOBenefitMeasurements',
  template: 100,
  description: 'Dated measurements of the benefits: value, comment, who measured.',
  since: 10,
  versioning: { enabled: true, majorVersionLimit: 50 },
  readSecurity: 1,
  writeSecurity: 1,
  roles: BENEFIT_ROLES,
  projectFolders: { since: 10, role: 'addItems', people: OWNERS },
  fields: [
    { ...titleField('Measurement', false), since: 10 },
    {
      key: 'benefit', internalName: 'PMOBenefit', displayName: 'Benefit', type: 'Lookup',
      id: '22aeb62e-7c3e-4b47-bfb8-fac09ff7cfc5', since: 10, required: true, indexed: true, lookupList: 'benefits'
    },
    {
      // The benefit's project again: the folder the measurement goes in, and one indexed read per project.
      key: 'project', internalName: 'PMOProject', displayName: 'Project', type: 'Lookup',
      id: 'ceb30289-b525-4dd0-be20-e8e4e69f5951', since: 10, required: true, indexed: true, lookupList: 'projects'
    },
    {
      key: 'measuredOn', internalName: 'PMOMeasuredOn', displayName: 'Measured on', type: 'DateTime',
      id: '1c30b86b-cc2a-427b-a872-684abceb8a60', since: 10, required: true, indexed: true, dateOnly: true
    },
    {
      key: 'value', internalName: 'PMOValue', displayName: 'Value', type: 'Number',
      id: 'd57f01d8-298b-4f7a-948e-8bf6935a5e28', since: 10, required: true
    },
    {
      key: 'comment', internalName: 'PMOComment', displayName: 'Comment', type: 'Note',
      id: '6f122ef8-e29a-497e-b0fd-06ad9b833e85', since: 10, numLines: 4
    }
  ],
  views: [
    {
      key: 'all', title: 'All measurements', since: 10, isDefault: true,
      fields: ['measuredOn', 'benefit', 'project', 'value', 'comment', 'author'],
      sort: [{ field: 'id', ascending: false }], rowLimit: 100, paged: true
    }
  ]
});
