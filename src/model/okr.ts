import type { IsoDate } from './common';
import type { KeyResult, KeyResultCheckIn, Project, StrategicObjective } from './portfolio';

/**
 * OKR arithmetic, pure: how far a key result has come from its start towards its target, an
 * objective's progress as the mean of its key results', and the same at the end of each quarter
 * from the dated check-ins (the value a key result had then is its latest check-in by that day).
 */

/** A quarter as `2026-Q2`: sorts as text in time order. */
export type QuarterKey = string;

export function quarterOf(date: IsoDate): QuarterKey {
  const [y, m] = date.split('-').map(Number);
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** The last day of a quarter, `YYYY-MM-DD`. */
export function quarterEnd(q: QuarterKey): IsoDate {
  const [y, n] = q.split('-Q').map(Number);
  const month = n * 3;
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return `${y}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** Every quarter from the first to the last, gaps filled. */
export function quarterRange(first: QuarterKey, last: QuarterKey): QuarterKey[] {
  const out: QuarterKey[] = [];
  let [y, n] = first.split('-Q').map(Number);
  const [ly, ln] = last.split('-Q').map(Number);
  while (y < ly || (y === ly && n <= ln)) {
    out.push(`${y}-Q${n}`);
    n += 1;
    if (n > 4) { n = 1; y += 1; }
  }
  return out;
}

/**
 * Progress 0…1 of a value from `start` towards `target`; a falling target (fewer incidents) works
 * the same way. Without a start the scale begins at 0. A target equal to its start is met or not.
 */
export function progressOf(value: number | undefined, target: number, start: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value) || !Number.isFinite(target)) return undefined;
  const from = start ?? 0;
  if (target === from) return (target >= from ? value >= target : value <= target) ? 1 : 0;
  const p = (value - from) / (target - from);
  return Math.max(0, Math.min(1, p));
}

export function keyResultProgress(kr: KeyResult): number | undefined {
  return progressOf(kr.current, kr.target, kr.baseline);
}

function mean(values: Array<number | undefined>): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : undefined;
}

/** Check-ins newest first by date, then by ID (two on one day: the later one written wins). */
export function sortCheckIns(checkIns: readonly KeyResultCheckIn[]): KeyResultCheckIn[] {
  return [...checkIns].sort((a, b) => (a.checkInDate === b.checkInDate ? b.id - a.id : a.checkInDate < b.checkInDate ? 1 : -1));
}

/** The value a key result had on a day: its latest check-in on or before it. */
export function valueOn(checkIns: readonly KeyResultCheckIn[], day: IsoDate): number | undefined {
  return sortCheckIns(checkIns).find((c) => c.checkInDate <= day)?.value;
}

export interface KeyResultView {
  keyResult: KeyResult;
  progress: number | undefined;
  checkIns: KeyResultCheckIn[];
}

export interface ObjectiveView {
  objective: StrategicObjective;
  progress: number | undefined;
  keyResults: KeyResultView[];
  /** The projects that name the objective among their strategic objectives. */
  projects: Project[];
}

export interface QuarterProgress {
  quarter: QuarterKey;
  /** Objective ID → progress at the quarter's end (undefined: no check-in yet). */
  byObjective: Record<number, number | undefined>;
}

export interface OkrOverview {
  objectives: ObjectiveView[];
  quarters: QuarterProgress[];
}

/** Objectives with their key results, check-ins and projects, and the roll-up per quarter. */
export function buildOkrOverview(
  objectives: readonly StrategicObjective[], keyResults: readonly KeyResult[], checkIns: readonly KeyResultCheckIn[], projects: readonly Project[]
): OkrOverview {
  const views: ObjectiveView[] = objectives.map((o) => {
    const krs = keyResults.filter((k) => k.objective?.id === o.id).map((k) => ({
      keyResult: k, progress: keyResultProgress(k), checkIns: sortCheckIns(checkIns.filter((c) => c.keyResult?.id === k.id))
    }));
    return {
      objective: o,
      progress: mean(krs.map((k) => k.progress)),
      keyResults: krs,
      projects: projects.filter((p) => p.strategicObjectives.some((s) => s.id === o.id))
    };
  });
  const days = checkIns.map((c) => c.checkInDate).filter(Boolean).sort();
  const quarters = days.length ? quarterRange(quarterOf(days[0]), quarterOf(days[days.length - 1])) : [];
  return {
    objectives: views,
    quarters: quarters.map((q) => {
      const end = quarterEnd(q);
      const byObjective: Record<number, number | undefined> = {};
      for (const v of views) {
        byObjective[v.objective.id] = mean(v.keyResults.map((k) => progressOf(valueOn(k.checkIns, end), k.keyResult.target, k.keyResult.baseline)));
      }
      return { quarter: q, byObjective };
    })
  };
}

/** The objectives a leader's projects serve: what "my projects and the strategy" shows. */
export function objectivesServedBy(overview: OkrOverview, leaderId: number | undefined): ObjectiveView[] {
  if (leaderId === undefined) return [];
  return overview.objectives.filter((o) => o.projects.some((p) => p.leader?.id === leaderId));
}
