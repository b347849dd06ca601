import { changeRoles, listRoles } from './groups';
import { WORK_PHASES } from './projects';
import { defineList, titleField } from './types';

export const LESSON_CATEGORIES = [
  'Planning',
  'Scope',
  'Schedule',
  'Budget',
  'Risk',
  'Quality',
  'Stakeholders',
  'Communication',
  'Resources',
  'Procurement',
  'Governance',
  'Method',
  'Other'
] as const;

export const lessonsLearned = defineList({
  key: 'lessonsLearned',
  title: 'Lessons Learned',
  url: 'Lists/PMOLessonsLearned',
  template: 100,
  description: 'The experience log: what happened and what we recommend next time.',
  since: 1,
  versioning: { enabled: true, majorVersionLimit: 50 },
  readSecurity: 1,
  // Everyone may log lessons; only the author (and the PMO) may change one.
  writeSecurity: 2,
  // v4: the PMO edits everyone's lessons: WriteSecurity 2 yields only to Override List Behaviors (Design).
  roles: changeRoles(listRoles(['projectLeaders', 'visitors']), 4, { pmoMembers: 'design' }),
  fields: [
    titleField('Lesson', true),
    {
      // Optional: lessons from outside a registered project are still worth keeping.
      key: 'project', internalName: 'PMOProject', displayName: 'Project', type: 'Lookup',
      id: 'fc0f0ede-8954-468a-ab76-4319946d9dda', since: 1, indexed: true, lookupList: 'projects'
    },
    {
      key: 'phase', internalName: 'PMOPhase', displayName: 'Phase', type: 'Choice',
      id: 'f716dbbd-b7b9-4094-a993-06251927e2e6', since: 1, indexed: true, choices: WORK_PHASES
    },
    {
      key: 'category', internalName: 'PMOCategory', displayName: 'Category', type: 'Choice',
      id: 'ca460db2-a58b-4eea-bb6d-29cbf9f2693e', since: 1, indexed: true, choices: LESSON_CATEGORIES
    },
    {
      key: 'whatHappened', internalName: 'PMOWhatHappened', displayName: 'What happened', type: 'Note',
      id: 'dabcf5cd-6a15-4667-b3a9-d5069a222dd4', since: 1, required: true, numLines: 6
    },
    {
      key: 'recommendation', internalName: 'PMORecommendation', displayName: 'Recommendation', type: 'Note',
      id: 'b48d99a3-65d6-4161-99e5-5f4e45e58856', since: 1, numLines: 6
    },
    {
      // Semicolon-separated free tags: managed metadata would need a term store the hub cannot assume.
      key: 'tags', internalName: 'PMOTags', displayName: 'Tags', type: 'Text',
      id: '59966815-a101-441f-9784-ab9a3e5864d6', since: 1, maxLength: 255
    },
    {
      // Schema 11: the projects that applied the lesson, recorded by the PMO (or the lesson's author)
      // when a project says it used it: the only trace of reuse SharePoint can hold and count
      // ("lessons reused", a PMO KPI). Not indexed: nothing filters on it.
      key: 'reusedIn', internalName: 'PMOReusedIn', displayName: 'Reused in', type: 'LookupMulti',
      id: '3f8a6c2d-9e41-4b7a-8d05-c1e2f7a9b364', since: 11, lookupList: 'projects'
    }
  ],
  views: [
    {
      key: 'all', title: 'All lessons', since: 1, isDefault: true,
      fields: ['title', 'project', 'phase', 'category', 'tags', 'author'],
      sort: [{ field: 'id', ascending: false }], rowLimit: 100, paged: true
    }
  ]
});
