import type { PrioritisationCriterion, Project, Risk } from '../../../src/model/portfolio';
import { buildTimeline, dayNumber, isoOfDay, nextRow, ticks, timeScale, timelineRows, visibleRange } from '../../../src/webparts/portfolio/timeline/components/timelineModel';
import { parseAxisTitles, parseCriteriaScores, prioritisationMatrix, priorityScore, rankProjects, weightShares } from '../../../src/services/scoring';
import { cellRisks, heatMapTable, portfolioRisks } from '../../../src/webparts/portfolio/riskHeatMap/components/portfolioRiskModel';
import { validateScores } from '../../../src/services/PrioritisationService';

function project(id: number, extra: Partial<Project> = {}): Project {
  return { id, code: `P-${String(id).padStart(3, '0')}`, title: `Project ${id}`, phase: 'Execution', strategicObjectives: [], criteriaScores: {}, ...extra };
}
function criterion(id: number, title: string, weight: number, extra: Partial<PrioritisationCriterion> = {}): PrioritisationCriterion {
  return { id, title, weight, scale: 5, active: true, ...extra };
}

describe('timeline layout', () => {
  const projects = [
    project(1, { programme: 'Green', startDate: '2026-03-01', endDate: '2026-09-30', latestOverall: 'Red', forecastEnd: '2026-12-31' }),
    project(2, { programme: 'Digital', startDate: '2026-01-15', endDate: '2026-06-30', latestOverall: 'Green' }),
    project(3, { programme: 'Green', startDate: '2025-11-01', endDate: '2026-02-01' }),
    project(4, { startDate: '2026-02-01', endDate: '2026-04-01', unit: 'IT' }),
    project(5, { programme: 'Digital', startDate: '2026-05-01' }),
    project(6, { programme: 'Digital', startDate: '2026-05-01', endDate: '2026-04-01' })
  ];

  it('groups by programme (no programme last), orders bars by start, and counts projects it cannot draw', () => {
    const t = buildTimeline(projects, 'programme');
    expect(t.groups.map((g) => g.label)).toEqual(['Digital', 'Green', '']);
    expect(t.groups[1].bars.map((b) => b.project.id)).toEqual([3, 1]);
    expect(t.undated.map((p) => p.id)).toEqual([5, 6]);
    expect(t.groups[1].bars[1]).toMatchObject({ status: 'Red', forecastEnd: dayNumber('2026-12-31') });
    expect(t.groups[1].bars[0].status).toBe('None');
    expect(isoOfDay(t.min!)).toBe('2025-11-01');
    expect(isoOfDay(t.max!)).toBe('2026-12-31');
    expect(buildTimeline(projects, 'unit').groups.map((g) => [g.label, g.bars.length])).toEqual([['IT', 1], ['', 3]]);
  });

  it('collapsed groups keep their header row only', () => {
    const t = buildTimeline(projects, 'programme');
    expect(timelineRows(t.groups, new Set()).length).toBe(3 + 4);
    const rows = timelineRows(t.groups, new Set(['Green']));
    expect(rows.map((r) => (r.kind === 'group' ? `g:${r.group.label}:${r.collapsed}` : r.bar.project.id))).toEqual(['g:Digital:false', 2, 'g:Green:true', 'g::false', 4]);
  });

  it('snaps the scale to whole quarters or years, includes today, and labels ticks', () => {
    const q = timeScale(dayNumber('2026-02-10')!, dayNumber('2026-08-20')!, dayNumber('2026-11-15')!, 'quarters');
    expect(isoOfDay(q.from)).toBe('2026-01-01');
    expect(isoOfDay(q.to)).toBe('2027-01-01');
    expect(q.x(q.from)).toBe(0);
    expect(q.width).toBe(365 * 2);
    expect(ticks(q, 'quarters').map((t) => t.label)).toEqual(['2026 Q1', '2026 Q2', '2026 Q3', '2026 Q4']);
    const y = timeScale(dayNumber('2025-06-01')!, dayNumber('2026-03-01')!, dayNumber('2026-01-01')!, 'years');
    expect(ticks(y, 'years').map((t) => t.label)).toEqual(['2025', '2026']);
    expect(y.width).toBeLessThan(q.width);
    expect(ticks(timeScale(dayNumber('2026-02-10')!, dayNumber('2026-08-20')!, dayNumber('2026-03-01')!, 'halfYears'), 'halfYears').map((t) => t.label)).toEqual(['2026 H1', '2026 H2']);
  });

  it('draws only the rows in view (plus overscan), at any row count', () => {
    expect(visibleRange(0, 280, 10_000, 28, 5)).toEqual({ first: 0, last: 15 });
    expect(visibleRange(28 * 5000, 280, 10_000, 28, 5)).toEqual({ first: 4995, last: 5015 });
    expect(visibleRange(28 * 9999, 280, 10_000, 28, 5)).toEqual({ first: 9994, last: 10_000 });
    expect(visibleRange(0, 280, 0)).toEqual({ first: 0, last: 0 });
  });

  it('moves keyboard focus by arrow, page and Home/End keys within the rows', () => {
    expect(nextRow(0, 'ArrowDown', 5, 3)).toBe(1);
    expect(nextRow(0, 'ArrowUp', 5, 3)).toBe(0);
    expect(nextRow(4, 'ArrowRight', 5, 3)).toBe(4);
    expect(nextRow(1, 'PageDown', 5, 3)).toBe(4);
    expect(nextRow(3, 'Home', 5, 3)).toBe(0);
    expect(nextRow(0, 'End', 5, 3)).toBe(4);
    expect(nextRow(0, 'a', 5, 3)).toBeUndefined();
    expect(nextRow(0, 'ArrowDown', 0, 3)).toBeUndefined();
  });
});

describe('portfolio heat map', () => {
  const risk = (id: number, projectId: number, p: number, i: number, status: Risk['status'] = 'Open', due?: string): Risk =>
    ({ id, title: `R${id}`, project: { id: projectId, title: `Project ${projectId}` }, probability: p, impact: i, score: p * i, status, due });
  const risks = [risk(1, 1, 4, 5), risk(2, 2, 4, 5, 'Mitigating', '2026-01-01'), risk(3, 3, 4, 5), risk(4, 1, 1, 1, 'Closed'), risk(5, 1, 2, 3), risk(6, 2, 7, 1)];

  it('keeps the open risks of the filtered projects, highest score first, then soonest due', () => {
    const kept = portfolioRisks(risks, [project(1), project(2)]);
    expect(kept.map((r) => r.id)).toEqual([2, 1, 6, 5]);
  });

  it('a cell lists exactly its risks; the table has one row per cell with risks', () => {
    const kept = portfolioRisks(risks, [project(1), project(2)]);
    expect(cellRisks(kept, { probability: 4, impact: 5 }).map((r) => r.id)).toEqual([2, 1]);
    expect(cellRisks(kept, undefined)).toHaveLength(4);
    const t = heatMapTable(kept, { ColumnProbability: 'P', ColumnImpact: 'I', ColumnScore: 'S', ColumnCount: 'N' }, (b) => b);
    // The out-of-range risk (probability 7) is on no cell.
    expect(t.rows.map((r) => r.map((c) => ('value' in c ? c.value : '')))).toEqual([
      ['4 × 5 (critical)', 4, 5, 20, 2],
      ['2 × 3 (medium)', 2, 3, 6, 1]
    ]);
  });
});

describe('weighted scoring and ranking', () => {
  const criteria = [criterion(1, 'Strategic alignment', 40), criterion(2, 'Business value', 20), criterion(3, 'Effort', 20), criterion(4, 'Risk', 20), criterion(5, 'Old', 50, { active: false })];

  it('reads stored scores defensively: bad JSON, arrays, text and negative values count as unscored', () => {
    expect(parseCriteriaScores('{"1": 4, "2": "5", "3": -1, "x": 2, "4": 2.5}')).toEqual({ 1: 4, 4: 2.5 });
    expect(parseCriteriaScores('{not json')).toEqual({});
    expect(parseCriteriaScores('[1,2]')).toEqual({});
    expect(parseCriteriaScores(null)).toEqual({});
    expect(parseCriteriaScores({ 1: 3 })).toEqual({ 1: 3 });
  });

  it('weights each criterion by its share of the active weights and the score by its share of the scale', () => {
    const ranked = rankProjects([project(1, { criteriaScores: { 1: 5, 2: 5, 3: 5, 4: 5, 5: 0 } }), project(2, { criteriaScores: { 1: 5, 2: 0, 3: 0, 4: 0 } })], criteria);
    expect(ranked.map((r) => [r.project.id, r.total, r.rank])).toEqual([[1, 100, 1], [2, 40, 2]]);
    expect(ranked[1].contributions.map((c) => [c.criterion.title, c.points])).toEqual([['Strategic alignment', 40], ['Business value', 0], ['Effort', 0], ['Risk', 0]]);
  });

  it('inactive criteria do not count; missing scores count as 0 and are reported; unscored projects are unranked, last', () => {
    const ranked = rankProjects([
      project(3, { criteriaScores: { 5: 5 } }),
      project(1, { criteriaScores: { 1: 5 } }),
      project(2, { criteriaScores: { 1: 5 } }),
      project(4, { criteriaScores: { 1: 2.5, 2: 5 } })
    ], criteria);
    expect(ranked.map((r) => [r.project.id, r.total, r.rank, r.missing])).toEqual([[1, 40, 1, 3], [2, 40, 1, 3], [4, 40, 1, 2], [3, undefined, undefined, 4]]);
  });

  it('ranks ties together and skips the next ranks (1, 2, 2, 4)', () => {
    const ranked = rankProjects([
      project(1, { criteriaScores: { 1: 5 } }), project(2, { criteriaScores: { 1: 4 } }), project(3, { criteriaScores: { 1: 4 } }), project(4, { criteriaScores: { 1: 1 } })
    ], criteria);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });

  it('ranks nobody when the counting weights sum to 0, and changing a weight changes the ranking', () => {
    const zero = criteria.map((c) => ({ ...c, weight: 0 }));
    const projects = [project(1, { criteriaScores: { 1: 5, 2: 0 } }), project(2, { criteriaScores: { 1: 0, 2: 5 } })];
    expect(rankProjects(projects, zero).every((r) => r.rank === undefined && r.total === undefined)).toBe(true);
    expect(weightShares(zero).get(1)).toBe(0);
    expect(rankProjects(projects, criteria)[0].project.id).toBe(1);
    const valueHeavy = criteria.map((c) => (c.id === 2 ? { ...c, weight: 90 } : c));
    expect(rankProjects(projects, valueHeavy)[0].project.id).toBe(2);
  });

  it('clamps scores above the scale and stores the same total the ranking shows', () => {
    expect(priorityScore({ 1: 9, 2: 5, 3: 5, 4: 5 }, criteria)).toBe(100);
    expect(priorityScore({}, criteria)).toBeUndefined();
    expect(priorityScore({ 1: 2.5 }, criteria)).toBe(20);
  });

  it('places projects on value (the other criteria) against ease (the named effort / risk criteria)', () => {
    const ranked = rankProjects([project(1, { criteriaScores: { 1: 5, 2: 5, 3: 1, 4: 1 } }), project(2, { criteriaScores: { 1: 5 } })], criteria);
    const m = prioritisationMatrix(ranked, criteria, parseAxisTitles(' effort ; RISK,'));
    expect(m.valueCriteria.map((c) => c.id)).toEqual([1, 2]);
    expect(m.easeCriteria.map((c) => c.id)).toEqual([3, 4]);
    expect(m.points).toEqual([expect.objectContaining({ value: 100, ease: 20, rank: 1 })]);
    expect(m.unplaced.map((r) => r.project.id)).toEqual([2]);
  });

  it('refuses scores outside a criterion scale and scores of unknown criteria, before any request', () => {
    expect(validateScores({ 1: 5, 2: 0 }, criteria)).toEqual({});
    expect(validateScores({ 1: 6, 2: -1, 99: 1, 3: Number.NaN }, criteria)).toEqual({ 1: 'tooLarge', 2: 'tooSmall', 99: 'invalid', 3: 'notANumber' });
  });
});
