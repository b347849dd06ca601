import { listRoles } from './groups';
import { defineList, titleField } from './types';

export const keyResults = defineList({
  key: 'keyResults',
  title: 'Key Results',
  url: 'Lists/PMOKeyResults',
  template: 100,
  description: 'Measurable key results of the strategic objectives (OKRs).',
  since: 1,
  versioning: { enabled: true, majorVersionLimit: 50 },
  readSecurity: 1,
  writeSecurity: 1,
  roles: listRoles([]),
  fields: [
    titleField('Key result', true),
    {
      key: 'objective', internalName: 'PMOObjective', displayName: 'Objective', type: 'Lookup',
      id: 'c5431e59-907f-4597-b767-46f662155dbe', since: 1, required: true, indexed: true, lookupList: 'strategicObjectives'
    },
    {
      key: 'metric', internalName: 'PMOMetric', displayName: 'Metric', type: 'Text',
      id: 'edf1619a-8b92-4d8f-8bf0-a507ed5b6e80', since: 1, maxLength: 255
    },
    {
      key: 'baseline', internalName: 'PMOBaseline', displayName: 'Baseline', type: 'Number',
      id: '7e051b33-32bd-4964-ba96-a1d47b45a80a', since: 1
    },
    {
      key: 'target', internalName: 'PMOTarget', displayName: 'Target', type: 'Number',
      id: 'b2741cda-8422-412c-ae5e-3ebbfc6005e9', since: 1, required: true
    },
    {
      key: 'current', internalName: 'PMOCurrent', displayName: 'Current', type: 'Number',
      id: 'ef6951d5-ab15-4028-8bfc-579c6c8fbbf6', since: 1
    },
    {
      key: 'unit', internalName: 'PMOUnit', displayName: 'Unit', type: 'Text',
      id: 'ecfc1207-183e-49e0-98cd-7a3fbf02b33a', since: 1, maxLength: 30
    },
    {
      key: 'due', internalName: 'PMODue', displayName: 'Due', type: 'DateTime',
      id: '1ddac6e6-1e0e-48a6-bafb-03ec7a74e697', since: 1, dateOnly: true
    },
    {
      // The latest check-in's confidence (percent sure the target will be met), kept here as `current` is.
      key: 'confidence', internalName: 'PMOConfidence', displayName: 'Confidence (%)', type: 'Number',
      id: '0b6e2d94-7c3f-4a18-b2e5-d91f8a4c6e73', since: 7, min: 0, max: 100, decimals: 0
    }
  ],
  views: [
    {
      key: 'all', title: 'All key results', since: 1, isDefault: true,
      fields: ['title', 'objective', 'metric', 'baseline', 'target', 'current', 'unit', 'due'],
      sort: [{ field: 'id', ascending: true }], rowLimit: 100, paged: true
    }
  ]
});
