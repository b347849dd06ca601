import { lastQuarters, pmoKpis, type PmoKpiInput, type PmoKpiKey } from '../../../src/model/pmoKpis';
import type { Project } from '../../../src/model/portfolio';

const project = (id: number, over: Partial<Project>): Project => ({ id, code: `P-${id}`, title: `P${id}`, phase: 'Execution', strategicObjectives: [], criteriaScores: {}, ...over });

function input(over: Partial<PmoKpiInput> = {}): PmoKpiInput {
  return { projects: [], reports: [], downloads: [], sparring: [], lessons: [], quarters: ['2026-Q1', '2026-Q2'], ...over };
}
const kpi = (series: ReturnType<typeof pmoKpis>, key: PmoKpiKey): Record<string, number | undefined> => series.find((s) => s.key === key)!.byQuarter;

describe('PMO KPIs', () => {
  it('names the last quarters across a year end', () => {
    expect(lastQuarters('2026-02-10', 4)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
  });

  it('delivered on time and on budget: closed projects by their delivery quarter; nothing to measure is no share', () => {
    const s = pmoKpis(input({
      budgetTolerancePct: 5,
      projects: [
        project(1, { phase: 'Closed', endDate: '2026-03-31', forecastEnd: '2026-03-15', budget: 100, actualCost: 104 }),
        project(2, { phase: 'Closed', endDate: '2026-01-31', forecastEnd: '2026-02-20', budget: 100, actualCost: 120 }),
        project(3, { phase: 'Closed', endDate: '2026-02-28' }),
        project(4, { phase: 'Execution', endDate: '2026-03-01', forecastEnd: '2026-03-01' })
      ]
    }));
    expect(kpi(s, 'deliveredOnTime')).toEqual({ '2026-Q1': 2 / 3, '2026-Q2': undefined });
    expect(kpi(s, 'deliveredOnBudget')).toEqual({ '2026-Q1': 0.5, '2026-Q2': undefined });
  });

  it('status reports on time: published reports in the months a running project owed one', () => {
    const s = pmoKpis(input({
      quarters: ['2026-Q1'],
      projects: [project(1, { startDate: '2026-02-01' }), project(2, { phase: 'Idea' }), project(3, { phase: 'Closed' })],
      reports: [
        { project: { id: 1, title: 'P1' }, reportDate: '2026-02-03', published: true },
        { project: { id: 1, title: 'P1' }, reportDate: '2026-03-05', published: false },
        { project: { id: 2, title: 'P2' }, reportDate: '2026-03-05', published: true }
      ]
    }));
    // Project 1 owed February and March; only February is published. Ideas and closed projects owe nothing.
    expect(kpi(s, 'reportsOnTime')).toEqual({ '2026-Q1': 0.5 });
  });

  it('counts downloads, requests and lessons per quarter, and the median wait for a session', () => {
    const s = pmoKpis(input({
      downloads: [{ downloadedAt: '2026-01-05T10:00:00Z' }, { downloadedAt: '2026-04-05T10:00:00Z' }, { downloadedAt: '2025-12-31T23:00:00Z' }],
      sparring: [
        { created: '2026-01-01T08:00:00Z', scheduledAt: '2026-01-03T08:00:00Z' },
        { created: '2026-02-01T08:00:00Z', scheduledAt: '2026-02-11T08:00:00Z' },
        { created: '2026-03-01T08:00:00Z', scheduledAt: '2026-03-05T08:00:00Z' },
        { created: '2026-04-01T08:00:00Z' }
      ],
      lessons: [{ created: '2026-05-01T08:00:00Z' }, {}]
    }));
    expect(kpi(s, 'templateDownloads')).toEqual({ '2026-Q1': 1, '2026-Q2': 1 });
    expect(kpi(s, 'sparringRequests')).toEqual({ '2026-Q1': 3, '2026-Q2': 1 });
    expect(kpi(s, 'sparringWaitDays')).toEqual({ '2026-Q1': 4, '2026-Q2': undefined });
    expect(kpi(s, 'lessonsLogged')).toEqual({ '2026-Q1': 0, '2026-Q2': 1 });
  });

  it('counts a lesson as reused when another project applied it, as a share of the quarter\'s lessons', () => {
    const s = pmoKpis(input({
      lessons: [
        { created: '2026-01-10T08:00:00Z', project: 1, reusedIn: [2] },
        // Applied only in its own project: the project learning, not the lesson travelling.
        { created: '2026-02-10T08:00:00Z', project: 3, reusedIn: [3] },
        { created: '2026-03-10T08:00:00Z', project: 1 },
        { created: '2026-03-11T08:00:00Z', reusedIn: [4, 5] }
      ]
    }));
    expect(kpi(s, 'lessonsReused')).toEqual({ '2026-Q1': 0.5, '2026-Q2': undefined });
  });
});
