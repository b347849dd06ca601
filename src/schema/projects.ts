import { changeRoles, listRoles } from './groups';
import { defineList, titleField } from './types';

/** Red/amber/green, shared by status reports and the project's latest status. */
export const RAG_VALUES = ['Green', 'Amber', 'Red'] as const;

export const PROJECT_PHASES = ['Idea', 'Initiation', 'Planning', 'Execution', 'Closing', 'Closed'] as const;

/** Phases in which work happens: what templates and lessons are filed under. */
export const WORK_PHASES = ['Idea', 'Initiation', 'Planning', 'Execution', 'Closing'] as const;

export const PROJECT_METHODS = ['PMI', 'PRINCE2', 'IPMA', 'Agile', 'Lean', 'Internal'] as const;

export const projects = defineList({
  key: 'projects',
  title: 'Projects',
  url: 'Lists/PMOProjects',
  template: 100,
  description: 'The project register of the PMO.',
  since: 1,
  versioning: { enabled: true, majorVersionLimit: 100 },
  readSecurity: 1,
  writeSecurity: 1,
  // v4: leaders read the register and edit only the projects they lead (item permissions below);
  // the PMO Members need Manage Permissions to give a new leader their project.
  roles: changeRoles(listRoles(['projectLeaders']), 4, { pmoMembers: 'fullControl', projectLeaders: 'read' }),
  itemPermissions: { personField: 'leader', role: 'editItems', since: 4 },
  fields: [
    {
      key: 'code', internalName: 'PMOCode', displayName: 'Project code', type: 'Text',
      id: '4ba16e35-b88f-4adb-b33c-13b9de10065c', since: 1, required: true, indexed: true, unique: true, maxLength: 32
    },
    titleField('Title', true),
    {
      key: 'description', internalName: 'PMODescription', displayName: 'Description', type: 'Note',
      id: 'ca783f62-3fc5-44d7-851f-754df080c050', since: 1, numLines: 6
    },
    {
      key: 'leader', internalName: 'PMOLeader', displayName: 'Project leader', type: 'User',
      id: '3bc0096d-66f8-4996-9117-6d8b9b9560ad', since: 1, indexed: true
    },
    {
      key: 'sponsor', internalName: 'PMOSponsor', displayName: 'Sponsor', type: 'User',
      id: '30ddf39e-c95c-45bb-a853-5f72955beb12', since: 1
    },
    {
      key: 'unit', internalName: 'PMOUnit', displayName: 'Unit', type: 'Text',
      id: 'f9127bd7-0ff8-4388-b3b0-0b4f5816d9a8', since: 1, indexed: true, maxLength: 100
    },
    {
      key: 'programme', internalName: 'PMOProgramme', displayName: 'Programme', type: 'Text',
      id: '3f9912da-ecbc-4560-9475-b7ba2fbb5069', since: 1, indexed: true, maxLength: 100
    },
    {
      key: 'phase', internalName: 'PMOPhase', displayName: 'Phase', type: 'Choice',
      id: '34492731-9024-49ba-999d-e4873fb7f929', since: 1, required: true, indexed: true, choices: PROJECT_PHASES, defaultValue: 'Idea'
    },
    {
      key: 'method', internalName: 'PMOMethod', displayName: 'Method', type: 'Choice',
      id: '8d0b8b29-56bb-4cd0-b0f9-10ceea2c351b', since: 1, choices: PROJECT_METHODS
    },
    {
      key: 'startDate', internalName: 'PMOStartDate', displayName: 'Start', type: 'DateTime',
      id: '3b947f11-7cf8-4cfc-adeb-06c87c76c23a', since: 1, indexed: true, dateOnly: true
    },
    {
      key: 'endDate', internalName: 'PMOEndDate', displayName: 'End', type: 'DateTime',
      id: '96f140fe-62b4-4c2f-aa6f-215e75d9e8dd', since: 1, indexed: true, dateOnly: true
    },
    {
      key: 'budget', internalName: 'PMOBudget', displayName: 'Budget', type: 'Currency',
      id: '53ad3cfc-290a-4cba-b596-049e1914a1b9', since: 1, min: 0, decimals: 0
    },
    {
      key: 'actualCost', internalName: 'PMOActualCost', displayName: 'Actual cost', type: 'Currency',
      id: 'ab9ea112-5ac0-4b2c-bfe9-1806886fbf11', since: 1, min: 0, decimals: 0
    },
    {
      key: 'forecastCost', internalName: 'PMOForecastCost', displayName: 'Forecast cost', type: 'Currency',
      id: 'dec9e9ef-d8ec-4477-8e2f-cabb2c7a35df', since: 1, min: 0, decimals: 0
    },
    {
      key: 'forecastEnd', internalName: 'PMOForecastEnd', displayName: 'Forecast end', type: 'DateTime',
      id: 'e1c1149d-f7b6-42fd-88af-cfde86d18109', since: 1, dateOnly: true
    },
    {
      key: 'strategicObjectives', internalName: 'PMOStrategicObjectives', displayName: 'Strategic objectives',
      type: 'LookupMulti', id: 'd844657f-863c-4213-a79a-9ea5b4ed0d1b', since: 1, lookupList: 'strategicObjectives'
    },
    // Retired in schema 9: the PMO's prioritisation moved to Project Priorities, where only the PMO
    // writes (a project's leader may edit every column of their project: SharePoint has no
    // column-level security). The columns stay on the site with what they held; the upgrade copies
    // it over, and nothing reads or writes them any more.
    {
      key: 'priorityScore', internalName: 'PMOPriorityScore', displayName: 'Priority score', type: 'Number',
      id: '4ef782ad-ae3f-4825-a8d6-83ddf29a8d2e', since: 1, retired: 9, indexed: true, min: 0, decimals: 2
    },
    {
      key: 'criteriaScores', internalName: 'PMOCriteriaScores', displayName: 'Criteria scores', type: 'Note',
      id: '121dd40f-23bd-45c0-a639-e804d9d25cf4', since: 1, retired: 9, numLines: 3
    },
    {
      key: 'siteUrl', internalName: 'PMOSiteUrl', displayName: 'Project site', type: 'URL',
      id: '146e4bef-b3cf-4671-91b6-86eb693cab07', since: 1
    },
    // Denormalised from the latest published status report (DESIGN rule 6), written by publishing.
    // A cache only: the project's leader can write them by hand (no column-level security), so the
    // portfolio, once it has read the published reports, shows the latest of those instead.
    {
      key: 'latestOverall', internalName: 'PMOLatestOverall', displayName: 'Overall status', type: 'Choice',
      id: 'c4e504e3-d945-4735-8bef-b583e32cbff3', since: 1, indexed: true, choices: RAG_VALUES
    },
    {
      key: 'latestSchedule', internalName: 'PMOLatestSchedule', displayName: 'Schedule status', type: 'Choice',
      id: '804ad53c-2113-471e-9eff-59c84ea3d62e', since: 1, choices: RAG_VALUES
    },
    {
      key: 'latestCost', internalName: 'PMOLatestCost', displayName: 'Cost status', type: 'Choice',
      id: '33e8a081-0b1a-444e-b299-ebf2b8b3ad68', since: 1, choices: RAG_VALUES
    },
    {
      key: 'latestScope', internalName: 'PMOLatestScope', displayName: 'Scope status', type: 'Choice',
      id: '7e9cc149-0057-4e91-afaa-bf8dbf1dd805', since: 1, choices: RAG_VALUES
    },
    {
      key: 'latestRisk', internalName: 'PMOLatestRisk', displayName: 'Risk status', type: 'Choice',
      id: '178b5b37-3c1d-453f-bdbf-9e7fa41a2359', since: 1, choices: RAG_VALUES
    },
    {
      key: 'latestPercentComplete', internalName: 'PMOLatestPercentComplete', displayName: 'Percent complete',
      type: 'Number', id: '28e28461-588f-4000-a3ac-c87199193aca', since: 1, min: 0, max: 100, decimals: 0
    },
    {
      key: 'latestReportDate', internalName: 'PMOLatestReportDate', displayName: 'Latest report date',
      type: 'DateTime', id: '09a8c601-22d7-44ea-bcab-c985954ed97e', since: 1, indexed: true, dateOnly: true
    }
  ],
  views: [
    {
      key: 'all', title: 'All projects', since: 1, isDefault: true,
      fields: ['code', 'title', 'leader', 'unit', 'phase', 'latestOverall', 'latestReportDate', 'endDate'],
      sort: [{ field: 'code', ascending: true }], rowLimit: 100, paged: true
    },
    {
      key: 'active', title: 'Active projects', since: 1,
      fields: ['code', 'title', 'leader', 'unit', 'phase', 'latestOverall', 'latestReportDate', 'endDate'],
      filter: [{ field: 'phase', op: 'In', values: ['Initiation', 'Planning', 'Execution', 'Closing'] }],
      sort: [{ field: 'code', ascending: true }], rowLimit: 100, paged: true
    },
    {
      key: 'mine', title: 'My projects', since: 1,
      fields: ['code', 'title', 'phase', 'latestOverall', 'latestReportDate', 'endDate'],
      filter: [{ field: 'leader', op: 'Eq', value: { me: true } }],
      sort: [{ field: 'code', ascending: true }], rowLimit: 100, paged: true
    },
    {
      key: 'red', title: 'Projects in red', since: 1,
      fields: ['code', 'title', 'leader', 'phase', 'latestOverall', 'latestReportDate'],
      filter: [{ field: 'latestOverall', op: 'Eq', value: 'Red' }],
      sort: [{ field: 'latestReportDate', ascending: false }], rowLimit: 100, paged: true
    }
  ]
});
