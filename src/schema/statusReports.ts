import { changeRoles, listRoles } from './groups';
import { RAG_VALUES } from './projects';
import { defineList, titleField } from './types';

export const statusReports = defineList({
  key: 'statusReports',
  title: 'Status Reports',
  url: 'Lists/PMOStatusReports',
  template: 100,
  description: 'Periodic project status reports; every report is kept as history.',
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
  // v8: a draft is seen by its author, the project's leader and the PMO (approvers) only; publishing approves it.
  moderation: { since: 8, draftVisibility: 2 },
  fields: [
    // The service fills Title (project code + report date) so classic list views stay readable.
    titleField('Title', false),
    {
      key: 'project', internalName: 'PMOProject', displayName: 'Project', type: 'Lookup',
      id: '399810e5-3ee8-4fdf-af24-4128a20fb8c1', since: 1, required: true, indexed: true, lookupList: 'projects'
    },
    {
      key: 'reportDate', internalName: 'PMOReportDate', displayName: 'Report date', type: 'DateTime',
      id: '5cc7d772-fcfd-42a2-b848-d5c036f56f79', since: 1, required: true, indexed: true, dateOnly: true, defaultToday: true
    },
    // No default for the RAG columns: a report must be a conscious judgement, not "Green" left over.
    {
      key: 'overall', internalName: 'PMOOverall', displayName: 'Overall', type: 'Choice',
      id: 'b85a1f47-e6cf-4d1f-8f7f-d64eab314d48', since: 1, required: true, choices: RAG_VALUES
    },
    {
      key: 'schedule', internalName: 'PMOSchedule', displayName: 'Schedule', type: 'Choice',
      id: '45dda156-f359-4878-b000-417eac30517e', since: 1, required: true, choices: RAG_VALUES
    },
    {
      key: 'cost', internalName: 'PMOCost', displayName: 'Cost', type: 'Choice',
      id: '67992712-ba08-44f0-86f8-9068a4a3e690', since: 1, required: true, choices: RAG_VALUES
    },
    {
      key: 'scope', internalName: 'PMOScope', displayName: 'Scope', type: 'Choice',
      id: '301fe64e-2a6e-4e39-a757-942188db11b2', since: 1, required: true, choices: RAG_VALUES
    },
    {
      key: 'risk', internalName: 'PMORisk', displayName: 'Risk', type: 'Choice',
      id: '8098dad3-b3dc-451a-9d67-1fdcebdc3222', since: 1, required: true, choices: RAG_VALUES
    },
    // Schema 2: a comment per dimension, so an amber or red judgement says why.
    {
      key: 'overallComment', internalName: 'PMOOverallComment', displayName: 'Overall comment', type: 'Note',
      id: '0c04586d-fc9a-4c43-9389-2cddd13b1406', since: 2, numLines: 3
    },
    {
      key: 'scheduleComment', internalName: 'PMOScheduleComment', displayName: 'Schedule comment', type: 'Note',
      id: '2f92f689-2317-4185-92fa-c42a44b392e2', since: 2, numLines: 3
    },
    {
      key: 'costComment', internalName: 'PMOCostComment', displayName: 'Cost comment', type: 'Note',
      id: 'd50bdeb5-151d-478b-a76a-6ee3ac3bad4e', since: 2, numLines: 3
    },
    {
      key: 'scopeComment', internalName: 'PMOScopeComment', displayName: 'Scope comment', type: 'Note',
      id: '03107c09-9e2e-4e82-8418-1ce4da50cccb', since: 2, numLines: 3
    },
    {
      key: 'riskComment', internalName: 'PMORiskComment', displayName: 'Risk comment', type: 'Note',
      id: '850602d9-2e73-4eb7-b862-5b38e4b6924d', since: 2, numLines: 3
    },
    {
      key: 'summary', internalName: 'PMOSummary', displayName: 'Summary', type: 'Note',
      id: 'c34b354f-860d-41e0-96a7-df15e272a411', since: 1, required: true, numLines: 6
    },
    {
      key: 'nextSteps', internalName: 'PMONextSteps', displayName: 'Next steps', type: 'Note',
      id: '14c85106-52cb-46a4-9bbd-d884cea86a8a', since: 1, numLines: 6
    },
    {
      key: 'percentComplete', internalName: 'PMOPercentComplete', displayName: 'Percent complete', type: 'Number',
      id: '4da402c9-0f2d-4e44-ab9e-eb75ec1c2637', since: 1, min: 0, max: 100, decimals: 0
    },
    {
      key: 'forecastCost', internalName: 'PMOForecastCost', displayName: 'Forecast cost', type: 'Currency',
      id: '72a57ac3-b130-430b-ac86-b7542801e4d6', since: 1, min: 0, decimals: 0
    },
    {
      key: 'forecastEnd', internalName: 'PMOForecastEnd', displayName: 'Forecast end', type: 'DateTime',
      id: '7161c998-0079-4288-a0b8-9c21781c39a9', since: 1, dateOnly: true
    },
    {
      // Drafts stay private to the project's reporting; only published reports feed the portfolio.
      key: 'published', internalName: 'PMOPublished', displayName: 'Published', type: 'Boolean',
      id: '0957e211-2cca-4595-90b4-04454aea0ad4', since: 1, indexed: true, defaultValue: false
    }
  ],
  views: [
    {
      key: 'all', title: 'All reports', since: 1, isDefault: true,
      fields: ['project', 'reportDate', 'overall', 'schedule', 'cost', 'scope', 'risk', 'percentComplete', 'published'],
      sort: [{ field: 'reportDate', ascending: false }], rowLimit: 100, paged: true
    },
    {
      key: 'drafts', title: 'Drafts', since: 1,
      fields: ['project', 'reportDate', 'overall', 'summary', 'author'],
      filter: [{ field: 'published', op: 'Eq', value: false }],
      sort: [{ field: 'reportDate', ascending: false }], rowLimit: 100, paged: true
    }
  ]
});
