import type { Project } from '../../../src/model/portfolio';
import {
  budgetRows, isOverrun, portfolioKpis, share, statusDistribution, statusTrend, trendMonths, trendStart
} from '../../../src/model/portfolioMetrics';
import { keepLatest, withLatestReports, withShownStatus, type LatestReport, type ReportPoint } from '../../../src/model/latestStatus';
import { drillDownOf, drillDownUrl, withoutDrillDown } from '../../../src/webparts/portfolio/shared/drillDown';
import { EMPTY_FILTER, filterProjects, registerFilterOf } from '../../../src/webparts/projectRegister/components/registerModel';

function project(id: number, over: Partial<Project>): Project {
  return { id, code: `P-${id}`, title: `Project ${id}`, phase: 'Execution', strategicObjectives: [], criteriaScores: {}, ...over };
}

const TODAY = new Date(Date.UTC(2026, 10, 15));
const projects: Project[] = [
  project(1, { unit: 'IT', latestOverall: 'Green', latestSchedule: 'Green', latestReportDate: '2026-11-10', budget: 100, actualCost: 40, forecastCost: 90 }),
  project(2, { unit: 'IT', latestOverall: 'Red', latestSchedule: 'Red', latestReportDate: '2026-08-01', budget: 100, actualCost: 80, forecastCost: 150 }),
  project(3, { unit: 'HR', phase: 'Planning', latestOverall: 'Amber', latestSchedule: 'Green', latestReportDate: '2026-11-01', budget: 50, actualCost: 60 }),
  project(4, { unit: 'HR', phase: 'Idea', budget: 10 }),
  project(5, { phase: 'Closed', latestOverall: 'Green', latestReportDate: '2025-01-01', budget: 200, actualCost: 190, forecastCost: 190 }),
  project(6, { unit: 'IT', phase: 'Initiation' })
];

describe('portfolio KPIs', () => {
  it('counts active projects, their status, schedule, budget and stale reports; money over every project', () => {
    const k = portfolioKpis(projects, 30, TODAY);
    expect(k.active).toBe(4);
    expect(k.overall).toEqual({ Green: 1, Amber: 1, Red: 1, None: 1 });
    expect(k.onSchedule).toBe(2);
    // 1 within (90 ≤ 100), 2 over (150 > 100), 3 over on actual cost (no forecast: 60 > 50); 6 has no budget.
    expect(k.withBudget).toBe(3);
    expect(k.onBudget).toBe(1);
    // 2 reported in August (over 30 days); 6 is Initiation (owes no report yet); 5 is closed.
    expect(k.stale).toBe(1);
    expect(k.budget).toBe(460);
    expect(k.actual).toBe(370);
    expect(k.forecast).toBe(90 + 150 + 60 + 190);
  });

  it('gives 0 for an empty portfolio, never NaN', () => {
    const k = portfolioKpis([], 30, TODAY);
    expect(k.active).toBe(0);
    expect(share(k.overall.Green, k.active)).toBe(0);
    expect(share(1, 3)).toBe(33);
  });
});

describe('status distribution', () => {
  it('by unit: biggest first, projects without a unit last', () => {
    const rows = statusDistribution(projects, 'unit', 'en-US');
    expect(rows.map((r) => [r.key, r.total])).toEqual([['IT', 3], ['HR', 2], ['', 1]]);
    expect(rows[0]).toEqual({ key: 'IT', Green: 1, Amber: 0, Red: 1, None: 1, total: 3 });
  });

  it('by phase: in phase order', () => {
    expect(statusDistribution(projects, 'phase', 'en-US').map((r) => r.key)).toEqual(['Idea', 'Initiation', 'Planning', 'Execution', 'Closed']);
  });
});

describe('status trend', () => {
  it('has the 12 months up to this one, across a year end', () => {
    expect(trendMonths(TODAY, 12)).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'
    ]);
    expect(trendStart(TODAY, 12)).toBe('2025-12-01');
  });

  it('counts each project with its latest report up to each month end, carrying it through silent months', () => {
    const reports: ReportPoint[] = [
      { projectId: 1, reportDate: '2026-09-10', overall: 'Red' },
      { projectId: 1, reportDate: '2026-09-25', overall: 'Amber' },
      { projectId: 1, reportDate: '2026-11-02', overall: 'Green' },
      { projectId: 2, reportDate: '2026-10-01', overall: 'Red' },
      // Not in the filter: left out.
      { projectId: 9, reportDate: '2026-10-01', overall: 'Red' }
    ];
    const trend = statusTrend(reports, new Set([1, 2]), TODAY, 12);
    const byMonth = Object.fromEntries(trend.map((r) => [r.month, [r.Green, r.Amber, r.Red]]));
    expect(byMonth['2026-08']).toEqual([0, 0, 0]);
    expect(byMonth['2026-09']).toEqual([0, 1, 0]);
    expect(byMonth['2026-10']).toEqual([0, 1, 1]);
    expect(byMonth['2026-11']).toEqual([1, 0, 1]);
  });
});

describe('budget', () => {
  it('per unit: sums, variance = forecast − budget, percentage of budget', () => {
    const rows = budgetRows(projects, 'unit', 'en-US');
    expect(rows.map((r) => r.key)).toEqual(['IT', 'HR', '']);
    expect(rows[0]).toMatchObject({ budget: 200, actual: 120, forecast: 240, variance: 40, variancePct: 20 });
    expect(rows[1]).toMatchObject({ budget: 60, actual: 60, forecast: 60, variance: 0, variancePct: 0 });
    expect(isOverrun(rows[0], 5)).toBe(true);
    expect(isOverrun(rows[0], 25)).toBe(false);
    expect(isOverrun(rows[1], 0)).toBe(false);
  });

  it('per project: largest overruns first, limited, projects without money left out', () => {
    const rows = budgetRows(projects, 'project', 'en-US', 2);
    expect(rows.map((r) => [r.projectId, r.variance])).toEqual([[2, 50], [3, 10]]);
    expect(budgetRows(projects, 'project', 'en-US').some((r) => r.projectId === 6)).toBe(false);
  });
});

describe('drill-down to the register', () => {
  it('carries the filter and focus in the URL, keeping other parameters, and reads them back validated', () => {
    const url = drillDownUrl('/sites/pmo/SitePages/Projects.aspx?debug=1#top', { version: 1, units: ['R&D', 'IT'], overall: ['Red'] }, 'stale');
    expect(url.startsWith('/sites/pmo/SitePages/Projects.aspx?debug=1&pf=')).toBe(true);
    expect(url.endsWith('&pfocus=stale#top')).toBe(true);
    const d = drillDownOf(url.slice(url.indexOf('?'), url.indexOf('#')));
    expect(d).toEqual({ filter: { version: 1, units: ['R&D', 'IT'], overall: ['Red'] }, focus: 'stale' });
    expect(withoutDrillDown(`http://x${url}`)).toBe('http://x/sites/pmo/SitePages/Projects.aspx?debug=1#top');
  });

  it('ignores a missing, empty or malformed filter', () => {
    expect(drillDownOf('')).toBeUndefined();
    expect(drillDownOf('?pf=%7Bnot%20json')).toBeUndefined();
    expect(drillDownOf('?pf=%7B%22version%22%3A1%7D')).toBeUndefined();
    expect(drillDownUrl('/p.aspx', { version: 1 })).toBe('/p.aspx');
  });

  it('maps to the register filter what the register can show, and says when something was left out', () => {
    const { filter, ignored } = registerFilterOf({ filter: { version: 1, phases: ['Execution'], units: ['IT'], overall: ['Red'], leaderIds: [4], text: 'portal' }, focus: 'stale' });
    expect(filter).toEqual({ ...EMPTY_FILTER, search: 'portal', phases: ['Execution'], units: ['IT'], statuses: ['Red'], leaderIds: [4], staleOnly: true });
    expect(ignored).toBe(false);
    expect(registerFilterOf({ filter: { version: 1, period: { from: '2026-01-01' } } }).ignored).toBe(true);
    const stale = filterProjects(projects, { ...EMPTY_FILTER, staleOnly: true }, undefined, (p) => p.id === 2);
    expect(stale.map((p) => p.id)).toEqual([2]);
  });
});

describe('latest status from the published reports (withLatestReports)', () => {
  const p = (id: number, over: Partial<Project> = {}): Project => ({ id, code: `P${id}`, title: `P${id}`, phase: 'Execution', strategicObjectives: [], ...over });
  const latest = new Map<number, LatestReport>();
  // Project 1: two reports on the same day; the one published later (higher ID) is the latest.
  keepLatest(latest, { id: 5, projectId: 1, reportDate: '2026-11-01', overall: 'Amber', schedule: 'Green' });
  keepLatest(latest, { id: 9, projectId: 1, reportDate: '2026-11-01', overall: 'Red', schedule: 'Amber', cost: 'Red', percentComplete: 40 });
  keepLatest(latest, { id: 12, projectId: 1, reportDate: '2026-10-01', overall: 'Green' });
  keepLatest(latest, { id: 3, projectId: 2, reportDate: '2026-11-10', overall: 'Green', schedule: 'Amber' });

  it('takes every latest-* column from the latest report, whatever the item cached', () => {
    const projects = [
      p(1, { latestOverall: 'Green', latestReportDate: '2026-12-01', latestSchedule: 'Green', latestPercentComplete: 90 }),
      p(2, { latestOverall: 'Green', latestReportDate: '2026-11-10', latestSchedule: 'Amber' }),
      // A status with no published report behind it.
      p(3, { latestOverall: 'Green', latestReportDate: '2026-11-30' }),
      p(4),
      // Overall status and date agree, a judgement beside them was forged.
      p(2, { latestOverall: 'Green', latestReportDate: '2026-11-10', latestSchedule: 'Green' })
    ];
    const { projects: out, corrected } = withLatestReports(projects, latest);
    expect(corrected).toBe(3);
    expect(out[0]).toMatchObject({ latestOverall: 'Red', latestReportDate: '2026-11-01', latestSchedule: 'Amber', latestCost: 'Red', latestPercentComplete: 40, latestScope: undefined });
    expect(out[1]).toBe(projects[1]);
    expect(out[2]).toMatchObject({ latestOverall: undefined, latestReportDate: undefined });
    expect(out[3]).toBe(projects[3]);
    expect(out[4]).toMatchObject({ latestSchedule: 'Amber' });
    // What the charts count follows the reports.
    expect(statusDistribution(out, 'phase', 'en-US')[0]).toMatchObject({ Red: 1, Green: 2, None: 2 });
  });

  it('keeps the status shown when an edit form hands back the item with its own cache', () => {
    const shown = withLatestReports([p(1, { latestOverall: 'Green' })], latest).projects[0];
    const stored = p(1, { title: 'Renamed', latestOverall: 'Green', latestReportDate: '2027-01-01', latestPercentComplete: 99 });
    expect(withShownStatus(stored, shown)).toMatchObject({ title: 'Renamed', latestOverall: 'Red', latestReportDate: '2026-11-01', latestPercentComplete: 40 });
    expect(withShownStatus(stored, undefined)).toMatchObject({ title: 'Renamed', latestOverall: undefined, latestReportDate: undefined });
  });
});
