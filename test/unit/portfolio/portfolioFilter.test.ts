import type { Project } from '../../../src/model/portfolio';
import {
  filterPortfolio, isFilterActive, matchesPortfolioFilter, parsePortfolioFilter
} from '../../../src/model/portfolioFilter';

function project(id: number, over: Partial<Project> = {}): Project {
  return {
    id, code: `P-${id}`, title: `Project ${id}`, phase: 'Execution', strategicObjectives: [], criteriaScores: {},
    unit: 'IT', programme: 'Digital', leader: { id: 7, title: 'Lea', email: 'lea@x' }, latestOverall: 'Green',
    startDate: '2026-01-01', endDate: '2026-12-31', ...over
  };
}

describe('matchesPortfolioFilter', () => {
  it('passes everything with the empty filter', () => {
    expect(matchesPortfolioFilter(project(1, { unit: undefined, startDate: undefined }), { version: 1 })).toBe(true);
  });

  it('needs every set criterion, any value within one', () => {
    const f = { version: 1 as const, units: ['IT', 'HR'], overall: ['Red' as const] };
    expect(matchesPortfolioFilter(project(1, { latestOverall: 'Red' }), f)).toBe(true);
    expect(matchesPortfolioFilter(project(2, { latestOverall: 'Green' }), f)).toBe(false);
    expect(matchesPortfolioFilter(project(3, { unit: 'Finance', latestOverall: 'Red' }), f)).toBe(false);
    expect(matchesPortfolioFilter(project(4, { unit: undefined, latestOverall: 'Red' }), f)).toBe(false);
  });

  it('matches leaders, objectives and folded text', () => {
    const p = project(1, { title: 'Överföring av lön', strategicObjectives: [{ id: 3, title: 'O3' }] });
    expect(matchesPortfolioFilter(p, { version: 1, leaderIds: [7] })).toBe(true);
    expect(matchesPortfolioFilter(p, { version: 1, leaderIds: [8] })).toBe(false);
    expect(matchesPortfolioFilter(p, { version: 1, strategicObjectiveIds: [2, 3] })).toBe(true);
    expect(matchesPortfolioFilter(p, { version: 1, strategicObjectiveIds: [2] })).toBe(false);
    expect(matchesPortfolioFilter(p, { version: 1, text: 'overforing' })).toBe(true);
    expect(matchesPortfolioFilter(p, { version: 1, text: 'p-1' })).toBe(true);
  });

  it('keeps projects that overlap the period, and drops undated ones', () => {
    const f = { version: 1 as const, period: { from: '2026-06-01', to: '2026-06-30' } };
    expect(filterPortfolio([
      project(1),
      project(2, { startDate: '2026-07-01', endDate: '2027-01-01' }),
      project(3, { startDate: '2025-01-01', endDate: '2026-05-31' }),
      project(4, { startDate: '2026-06-30', endDate: '2026-06-30' }),
      project(5, { startDate: undefined })
    ], f).map((p) => p.id)).toEqual([1, 4]);
    expect(matchesPortfolioFilter(project(6, { startDate: '2030-01-01', endDate: '2031-01-01' }), { version: 1, period: { from: '2027-01-01' } })).toBe(true);
  });
});

describe('parsePortfolioFilter', () => {
  it('drops what the schema does not allow and keeps the rest', () => {
    const f = parsePortfolioFilter(JSON.stringify({
      version: 1, phases: ['Execution', 'Nonsense'], overall: ['Red', 5], leaderIds: [3, -1, 2.5, '4'],
      units: ['IT', 7], text: '  ', period: { from: '2026-01-01', to: 'tomorrow' }, evil: '<script>'
    }));
    expect(f).toEqual({ version: 1, phases: ['Execution'], overall: ['Red'], leaderIds: [3], units: ['IT'], period: { from: '2026-01-01' } });
  });

  it('gives the empty filter for anything that is not a JSON object', () => {
    for (const bad of ['{not json', 'null', '[1,2]', 42, undefined, null]) {
      expect(parsePortfolioFilter(bad)).toEqual({ version: 1 });
    }
  });

  it('tells an active filter from an empty one', () => {
    expect(isFilterActive({ version: 1 })).toBe(false);
    expect(isFilterActive({ version: 1, sort: { field: 'title', ascending: true } })).toBe(false);
    expect(isFilterActive({ version: 1, units: ['IT'] })).toBe(true);
  });
});
