import { listRoles } from './groups';
import { WORK_PHASES } from './projects';
import { defineList, titleField } from './types';

export const TEMPLATE_CATEGORIES = [
  'PID',
  'SteeringGroup',
  'Test',
  'BenefitsRealisation',
  'Budget',
  'Planning',
  'Stakeholders',
  'Risk',
  'Closure'
] as const;

export const TEMPLATE_STANDARDS = ['PMI', 'PRINCE2', 'ITIL', 'IPMA', 'Lean', 'Internal'] as const;

/** The languages the hub ships in; a template is written in one of them. */
export const TEMPLATE_LANGUAGES = ['en-US', 'sv-SE', 'da-DK', 'nl-NL'] as const;

export const TEMPLATE_STATUSES = ['Draft', 'Approved', 'Retired'] as const;

export const methodTemplates = defineList({
  key: 'methodTemplates',
  title: 'Method Templates',
  url: 'PMOMethodTemplates',
  template: 101,
  description: "The PMO's method templates, revised every year.",
  since: 1,
  // Major versions only: the annual revision publishes a new version, drafts live in status.
  versioning: { enabled: true, minorVersions: false, majorVersionLimit: 100 },
  readSecurity: 1,
  writeSecurity: 1,
  // PMO Members curate the library: Full Control here (not only Edit) lets them keep drafts and
  // retired templates to the PMO with item-level permissions, which needs ManagePermissions.
  roles: [...listRoles([]).filter((r) => r.group !== 'pmoMembers'), { group: 'pmoMembers', role: 'fullControl' }],
  fields: [
    // Not required: a required column would leave freshly uploaded files "missing required info".
    titleField('Title', false),
    {
      key: 'description', internalName: 'PMODescription', displayName: 'Description', type: 'Note',
      id: 'ffdbc30e-4cb4-46e7-a5da-4d63a085c6e6', since: 1, numLines: 4
    },
    {
      key: 'phase', internalName: 'PMOPhase', displayName: 'Phase', type: 'Choice',
      id: '160c9e73-6df2-45a8-bd29-85a995badf66', since: 1, indexed: true, choices: WORK_PHASES
    },
    {
      key: 'category', internalName: 'PMOCategory', displayName: 'Category', type: 'Choice',
      id: 'f10ac32a-4578-428f-a8f4-4727c897f46f', since: 1, indexed: true, choices: TEMPLATE_CATEGORIES
    },
    {
      key: 'standard', internalName: 'PMOStandard', displayName: 'Standard', type: 'Choice',
      id: 'ce619bbb-bb80-4f2d-a815-ea447d5b4b01', since: 1, indexed: true, choices: TEMPLATE_STANDARDS, defaultValue: 'Internal'
    },
    {
      key: 'language', internalName: 'PMOLanguage', displayName: 'Language', type: 'Choice',
      id: '3de552b4-9b3a-40ac-ab4b-7f8593411347', since: 1, indexed: true, choices: TEMPLATE_LANGUAGES, defaultValue: 'en-US'
    },
    {
      key: 'owner', internalName: 'PMOOwner', displayName: 'Owner', type: 'User',
      id: '8c38bb0b-1d59-4ddb-ba98-2c766a305044', since: 1
    },
    {
      key: 'lastRevised', internalName: 'PMOLastRevised', displayName: 'Last revised', type: 'DateTime',
      id: '49c0988d-54dd-4281-9497-baa7e1cd4175', since: 1, indexed: true, dateOnly: true
    },
    {
      key: 'nextRevision', internalName: 'PMONextRevision', displayName: 'Next revision', type: 'DateTime',
      id: '658ca594-e982-4408-94b0-0960b116e283', since: 1, indexed: true, dateOnly: true
    },
    {
      // Indexed because visitors only ever see approved templates.
      key: 'status', internalName: 'PMOStatus', displayName: 'Status', type: 'Choice',
      id: 'db26cae5-c4a9-446c-a9f1-8d2ab020dcb6', since: 1, required: true, indexed: true, choices: TEMPLATE_STATUSES, defaultValue: 'Draft'
    },
    {
      // The language variants of one template share this key (e.g. `pid`): the web part shows
      // them as one template with the user's language first. Added in schema version 3.
      key: 'templateKey', internalName: 'PMOTemplateKey', displayName: 'Template key', type: 'Text',
      id: '5f0b8a3e-2c41-4d7a-9a3b-6e1f4c2d8b71', since: 3, maxLength: 64
    }
  ],
  views: [
    {
      key: 'all', title: 'All templates', since: 1, isDefault: true,
      fields: ['docIcon', 'fileName', 'title', 'phase', 'category', 'standard', 'language', 'status', 'lastRevised'],
      sort: [{ field: 'phase', ascending: true }, { field: 'category', ascending: true }], rowLimit: 100, paged: true
    },
    {
      key: 'approved', title: 'Approved templates', since: 1,
      fields: ['docIcon', 'fileName', 'title', 'phase', 'category', 'standard', 'language', 'lastRevised'],
      filter: [{ field: 'status', op: 'Eq', value: 'Approved' }],
      sort: [{ field: 'phase', ascending: true }, { field: 'category', ascending: true }], rowLimit: 100, paged: true
    },
    {
      key: 'revisionDue', title: 'Due for revision', since: 1,
      fields: ['docIcon', 'fileName', 'title', 'owner', 'status', 'lastRevised', 'nextRevision'],
      filter: [{ field: 'nextRevision', op: 'Leq', value: { today: 30 } }],
      sort: [{ field: 'nextRevision', ascending: true }], rowLimit: 100, paged: true
    }
  ]
});
