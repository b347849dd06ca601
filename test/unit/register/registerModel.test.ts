import {
  EMPTY_FILTER, facetsOf, filterProjects, fold, groupProjects, isStale, sortProjects
} from '../../../src/webparts/projectRegister/components/registerModel';
import { format } from '../../../src/components/text';
import type { Project } from '../../../src/model/portfolio';

function project(id: number, over: Partial<Project>): Project {
  return { id, code: `P-${id}`, title: `Project ${id}`, phase: 'Execution', strategicObjectives: [], criteriaScores: {}, ...over };
}

const sanne = { id: 9, title: 'Sanne de Vries', email: 'sanne.devries@contoso.com' };
const lars = { id: 10, title: 'Lars Nielsen', email: 'lars.nielsen@contoso.com' };
const projects: Project[] = [
  project(1, { title: 'Kontorsflytt Köpenhamn', unit: 'Operations', leader: lars, latestOverall: 'Red', latestReportDate: '2026-11-10', endDate: '2027-03-01' }),
  project(2, { title: 'Ny kundportal', unit: 'Digital Services', programme: 'Digital First', leader: sanne, latestOverall: 'Green', latestReportDate: '2026-09-01', endDate: '2026-12-31' }),
  project(3, { title: 'Medarbetarundersökning', unit: 'HR', phase: 'Idea' }),
  project(4, { title: 'Grøn rejsepolitik', unit: 'Operations', programme: 'Green Transition', leader: lars, latestOverall: 'Amber', latestReportDate: '2026-11-01', sponsor: sanne }),
  project(5, { title: 'Fakturering via Peppol', unit: 'Finance', phase: 'Closed', latestOverall: 'Green', latestReportDate: '2025-01-01' })
];

describe('register filtering', () => {
  it('finds text regardless of case and accents, across code, title, unit and leader', () => {
    expect(filterProjects(projects, { ...EMPTY_FILTER, search: 'kopenhamn' }).map((p) => p.id)).toEqual([1]);
    expect(filterProjects(projects, { ...EMPTY_FILTER, search: 'GRON' }).map((p) => p.id)).toEqual([4]);
    expect(filterProjects(projects, { ...EMPTY_FILTER, search: 'sanne' }).map((p) => p.id)).toEqual([2]);
    expect(filterProjects(projects, { ...EMPTY_FILTER, search: 'p-3' }).map((p) => p.id)).toEqual([3]);
    expect(filterProjects(projects, { ...EMPTY_FILTER, search: 'operations red' }).map((p) => p.id)).toEqual([]);
    expect(fold('Sørensen Ærø Åsa')).toBe('sorensen aero asa');
  });

  it('combines facet filters with AND and values within a facet with OR', () => {
    expect(filterProjects(projects, { ...EMPTY_FILTER, units: ['Operations', 'HR'] }).map((p) => p.id)).toEqual([1, 3, 4]);
    expect(filterProjects(projects, { ...EMPTY_FILTER, units: ['Operations'], statuses: ['Red'] }).map((p) => p.id)).toEqual([1]);
    expect(filterProjects(projects, { ...EMPTY_FILTER, statuses: ['None'] }).map((p) => p.id)).toEqual([3]);
    expect(filterProjects(projects, { ...EMPTY_FILTER, phases: ['Idea', 'Closed'] }).map((p) => p.id)).toEqual([3, 5]);
    expect(filterProjects(projects, { ...EMPTY_FILTER, programmes: ['Digital First'] }).map((p) => p.id)).toEqual([2]);
    expect(filterProjects(projects, { ...EMPTY_FILTER, leaderIds: [10] }).map((p) => p.id)).toEqual([1, 4]);
  });

  it('"my projects" are those I lead or sponsor, and none when nobody is signed in', () => {
    expect(filterProjects(projects, { ...EMPTY_FILTER, mine: true }, 9).map((p) => p.id)).toEqual([2, 4]);
    expect(filterProjects(projects, { ...EMPTY_FILTER, mine: true }, undefined)).toEqual([]);
  });
});

describe('register sorting and grouping', () => {
  it('sorts by status with red first when descending, and keeps empty values last', () => {
    expect(sortProjects(projects, { key: 'latestOverall', descending: true }, 'en').map((p) => p.id)).toEqual([1, 4, 2, 5, 3]);
    expect(sortProjects(projects, { key: 'endDate', descending: false }, 'en').map((p) => p.id)).toEqual([2, 1, 3, 4, 5]);
    expect(sortProjects(projects, { key: 'phase', descending: false }, 'en').map((p) => p.phase)).toEqual(['Idea', 'Execution', 'Execution', 'Execution', 'Closed']);
  });

  it('sorts titles by the language\'s alphabet', () => {
    const titles = [project(1, { title: 'Ärende' }), project(2, { title: 'Zebra' }), project(3, { title: 'Apa' })];
    expect(sortProjects(titles, { key: 'title', descending: false }, 'sv-SE').map((p) => p.title)).toEqual(['Apa', 'Zebra', 'Ärende']);
    expect(sortProjects(titles, { key: 'title', descending: false }, 'en-US').map((p) => p.title)).toEqual(['Apa', 'Ärende', 'Zebra']);
  });

  it('groups in a meaningful order with an empty group last and correct offsets', () => {
    const { items, groups } = groupProjects(sortProjects(projects, { key: 'code', descending: false }, 'en'), 'programme', 'en');
    expect(groups.map((g) => [g.value, g.startIndex, g.count])).toEqual([['Digital First', 0, 1], ['Green Transition', 1, 1], ['', 2, 3]]);
    expect(items.map((p) => p.id)).toEqual([2, 4, 1, 3, 5]);
    const byStatus = groupProjects(projects, 'latestOverall', 'en');
    expect(byStatus.groups.map((g) => g.value)).toEqual(['Red', 'Amber', 'Green', 'None']);
    expect(groupProjects(projects, 'none', 'en').groups).toEqual([]);
  });

  it('lists facets sorted and without duplicates', () => {
    const f = facetsOf(projects, 'en');
    expect(f.units).toEqual(['Digital Services', 'Finance', 'HR', 'Operations']);
    expect(f.leaders).toEqual([lars, sanne].map((p) => ({ id: p.id, title: p.title })));
  });
});

describe('stale reports', () => {
  const today = new Date('2026-11-15T10:00:00Z');
  it('flags reporting projects whose last report is older than the limit, or that never reported', () => {
    expect(isStale(projects[0], 30, today)).toBe(false);
    expect(isStale(projects[1], 30, today)).toBe(true);
    expect(isStale(project(9, { phase: 'Planning' }), 30, today)).toBe(true);
  });
  it('never flags ideas or closed projects', () => {
    expect(isStale(projects[2], 30, today)).toBe(false);
    expect(isStale(projects[4], 30, today)).toBe(false);
  });
});

it('formats placeholders and leaves unknown ones', () => {
  expect(format('{0} of {1} projects', 3, 10)).toBe('3 of 10 projects');
  expect(format('{0} {2}', 'a')).toBe('a {2}');
});
