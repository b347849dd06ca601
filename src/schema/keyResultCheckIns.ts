import { listRoles } from './groups';
import { defineList, titleField } from './types';

/**
 * Dated check-ins of a key result: the history behind its current value. Who checked in is the
 * item's Author (SharePoint sets it; a form cannot forge it). Curated like the key results: the
 * PMO writes, everyone on the site reads (a leader's check-in on only "their" key result cannot be
 * enforced: key results have no owner per project).
 */
export const keyResultCheckIns = defineList({
  key: 'keyResultCheckIns',
  title: 'Key Result Check-ins',
  url: 'Lists/PMOKeyResultCheckIns',
  template: 100,
  description: 'Dated check-ins of the key results (OKRs): value, confidence, comment.',
  since: 7,
  versioning: { enabled: true, majorVersionLimit: 50 },
  readSecurity: 1,
  writeSecurity: 1,
  roles: listRoles([]),
  fields: [
    { ...titleField('Check-in', false), since: 7 },
    {
      key: 'keyResult', internalName: 'PMOKeyResult', displayName: 'Key result', type: 'Lookup',
      id: '5d1c2a8e-0b7f-4c61-9a43-7e2f1d8b6c05', since: 7, required: true, indexed: true, lookupList: 'keyResults'
    },
    {
      key: 'checkInDate', internalName: 'PMOCheckInDate', displayName: 'Date', type: 'DateTime',
      id: 'a3e9c4b1-6f2d-4e87-8b15-2c9d7a0e4f36', since: 7, required: true, indexed: true, dateOnly: true
    },
    {
      key: 'value', internalName: 'PMOValue', displayName: 'Value', type: 'Number',
      id: 'c8b2e5f7-1a4d-4b93-a6e0-9f3c2d1b7e48', since: 7, required: true
    },
    {
      // Percent sure the target will be met: the usual OKR confidence, 0–100.
      key: 'confidence', internalName: 'PMOConfidence', displayName: 'Confidence (%)', type: 'Number',
      id: 'e1f4a7c2-3b8d-4d56-9e21-6a0b5c8d3f97', since: 7, min: 0, max: 100, decimals: 0
    },
    {
      key: 'comment', internalName: 'PMOComment', displayName: 'Comment', type: 'Note',
      id: 'f7d3b9e6-2c1a-4f48-b5d7-8e4a1c6f0b29', since: 7, numLines: 4
    }
  ],
  views: [
    {
      key: 'all', title: 'All check-ins', since: 7, isDefault: true,
      fields: ['checkInDate', 'keyResult', 'value', 'confidence', 'comment'],
      sort: [{ field: 'id', ascending: false }], rowLimit: 100, paged: true
    }
  ]
});
