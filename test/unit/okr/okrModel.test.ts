import { buildOkrOverview, objectivesServedBy, progressOf, quarterEnd, quarterOf, quarterRange, valueOn } from '../../../src/model/okr';
import type { KeyResult, KeyResultCheckIn, Project, StrategicObjective } from '../../../src/model/portfolio';

const objective = (id: number): StrategicObjective => ({ id, title: `O${id}`, period: '2026' });
const kr = (id: number, objectiveId: number, over: Partial<KeyResult> = {}): KeyResult =>
  ({ id, title: `KR${id}`, objective: { id: objectiveId, title: `O${objectiveId}` }, baseline: 0, target: 100, ...over });
const checkIn = (id: number, krId: number, checkInDate: string, value: number): KeyResultCheckIn =>
  ({ id, keyResult: { id: krId, title: `KR${krId}` }, checkInDate, value });
const project = (id: number, objectives: number[], leaderId?: number): Project => ({
  id, code: `P-${id}`, title: `P${id}`, phase: 'Execution', criteriaScores: {},
  strategicObjectives: objectives.map((o) => ({ id: o, title: `O${o}` })),
  leader: leaderId === undefined ? undefined : { id: leaderId, title: 'L', email: '' }
});

describe('OKR progress', () => {
  it('measures from the start towards the target, rising or falling, clamped to 0…1', () => {
    expect(progressOf(50, 100, 0)).toBe(0.5);
    expect(progressOf(30, 10, 50)).toBe(0.5); // fewer incidents: 50 → 10, now 30
    expect(progressOf(150, 100, 0)).toBe(1);
    expect(progressOf(-5, 100, 0)).toBe(0);
    expect(progressOf(7, 10, undefined)).toBeCloseTo(0.7);
    expect(progressOf(undefined, 10, 0)).toBeUndefined();
    expect(progressOf(5, 5, 5)).toBe(1);
    expect(progressOf(4, 5, 5)).toBe(0);
  });

  it('knows quarters, their ends and the range between two, across a year', () => {
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterEnd('2024-Q1')).toBe('2024-03-31');
    expect(quarterEnd('2026-Q4')).toBe('2026-12-31');
    expect(quarterRange('2025-Q3', '2026-Q2')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
  });

  it('takes the latest check-in on or before a day; two on one day, the later written', () => {
    const cs = [checkIn(1, 1, '2026-01-10', 10), checkIn(3, 1, '2026-02-01', 20), checkIn(2, 1, '2026-02-01', 99)];
    expect(valueOn(cs, '2026-01-31')).toBe(10);
    expect(valueOn(cs, '2026-03-31')).toBe(20);
    expect(valueOn(cs, '2025-12-31')).toBeUndefined();
  });

  it('rolls key results up into objectives, per quarter from check-ins, with the projects that serve them', () => {
    const overview = buildOkrOverview(
      [objective(1), objective(2)],
      [kr(11, 1, { current: 50 }), kr(12, 1, { current: 100 }), kr(21, 2, { baseline: 10, target: 20 })],
      [checkIn(1, 11, '2026-02-15', 20), checkIn(2, 12, '2026-05-01', 100), checkIn(3, 11, '2026-05-20', 50)],
      [project(1, [1], 7), project(2, [1, 2]), project(3, [])]
    );
    const [o1, o2] = overview.objectives;
    expect(o1.progress).toBe(0.75);
    expect(o2.progress).toBeUndefined();
    expect(o1.projects.map((p) => p.id)).toEqual([1, 2]);
    expect(o2.projects.map((p) => p.id)).toEqual([2]);
    expect(o1.keyResults[0].checkIns.map((c) => c.id)).toEqual([3, 1]);
    expect(overview.quarters.map((q) => q.quarter)).toEqual(['2026-Q1', '2026-Q2']);
    // Q1: KR11 at 20 %, KR12 not checked in yet → 0.2; Q2: 50 % and 100 %.
    expect(overview.quarters[0].byObjective[1]).toBeCloseTo(0.2);
    expect(overview.quarters[1].byObjective[1]).toBeCloseTo(0.75);
    expect(overview.quarters[1].byObjective[2]).toBeUndefined();
    expect(objectivesServedBy(overview, 7).map((o) => o.objective.id)).toEqual([1]);
    expect(objectivesServedBy(overview, undefined)).toEqual([]);
  });

  it('has no quarters without check-ins', () => {
    expect(buildOkrOverview([objective(1)], [], [], []).quarters).toEqual([]);
  });
});
