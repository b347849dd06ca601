// Weighted prioritisation scoring as plain functions: the service stores the result, the
// matrix and the ranked list show it. One definition, so the stored score and the shown one agree.
import type { CriteriaScores, PrioritisationCriterion, Project } from '../model/portfolio';

/**
 * Scores as stored in a project's criteriaScores: an object of criterion ID → number. Anything
 * else (bad JSON, an array, text or negative values) is dropped, so a hand-edited item ranks
 * as unscored on that criterion rather than breaking the page.
 */
export function parseCriteriaScores(raw: unknown): CriteriaScores {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try { value = JSON.parse(raw); } catch { return {}; }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: CriteriaScores = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (/^\d+$/.test(k) && typeof v === 'number' && Number.isFinite(v) && v >= 0) out[k] = v;
  }
  return out;
}

/** Criteria that count: active, with a positive weight and a usable scale. */
export function scoringCriteria(criteria: readonly PrioritisationCriterion[]): PrioritisationCriterion[] {
  return criteria.filter((c) => c.active && Number.isFinite(c.weight) && c.weight > 0 && Number.isFinite(c.scale) && c.scale >= 1);
}

export interface Contribution {
  criterion: PrioritisationCriterion;
  /** The project's score on the criterion's scale; undefined when not scored. */
  score?: number;
  /** Points of the 0–100 total this criterion gives (0 when not scored). */
  points: number;
}

export interface ProjectScore {
  project: Project;
  /** 0–100: each criterion's score as a share of its scale, weighted by its share of the total weight. Undefined when nothing is scored. */
  total?: number;
  contributions: Contribution[];
  /** Active criteria without a score: they count as 0 in the total and are shown as missing. */
  missing: number;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** One project's weighted score over the given (already filtered) criteria. */
export function scoreProject(project: Project, criteria: readonly PrioritisationCriterion[]): ProjectScore {
  const scores = parseCriteriaScores(project.criteriaScores);
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  let scored = 0;
  let total = 0;
  const contributions = criteria.map((criterion): Contribution => {
    const s = scores[String(criterion.id)];
    if (s === undefined || totalWeight <= 0) return { criterion, score: s, points: 0 };
    scored++;
    const points = (criterion.weight / totalWeight) * Math.min(1, s / criterion.scale) * 100;
    total += points;
    return { criterion, score: s, points: round2(points) };
  });
  return { project, total: scored > 0 && totalWeight > 0 ? round2(total) : undefined, contributions, missing: criteria.length - scored };
}

/** The stored priority score for the project's scores: what the service writes to priorityScore. */
export function priorityScore(scores: CriteriaScores, criteria: readonly PrioritisationCriterion[]): number | undefined {
  return scoreProject({ id: 0, code: '', title: '', phase: 'Idea', strategicObjectives: [], criteriaScores: scores }, scoringCriteria(criteria)).total;
}

export interface RankedProject extends ProjectScore {
  /** 1 = highest; equal totals share a rank (1, 2, 2, 4). Undefined for unscored projects. */
  rank?: number;
}

/**
 * Every project scored and ranked by total (highest first; ties by code). Projects with no score
 * on any counting criterion come last, unranked. With no counting criterion (all inactive, or
 * weights summing to 0) nobody is ranked.
 */
export function rankProjects(projects: readonly Project[], criteria: readonly PrioritisationCriterion[]): RankedProject[] {
  const counting = scoringCriteria(criteria);
  const scored: RankedProject[] = projects.map((p) => scoreProject(p, counting));
  scored.sort((a, b) => {
    if (a.total === undefined || b.total === undefined) return a.total === undefined ? (b.total === undefined ? a.project.code.localeCompare(b.project.code) : 1) : -1;
    return b.total - a.total || a.project.code.localeCompare(b.project.code);
  });
  let previous: number | undefined;
  let rank = 0;
  scored.forEach((s, i) => {
    if (s.total === undefined) return;
    if (s.total !== previous) { rank = i + 1; previous = s.total; }
    s.rank = rank;
  });
  return scored;
}

/** Criterion titles (case-insensitive) that make up the matrix's effort / risk axis; the rest are value. */
export function parseAxisTitles(text: string | undefined): string[] {
  return (text ?? '').split(/[,;\n]/).map((t) => t.trim().toLocaleLowerCase()).filter((t) => t.length > 0);
}

export interface MatrixPoint {
  project: Project;
  /** 0–100 over the value criteria (benefit, strategic alignment). */
  value: number;
  /** 0–100 over the effort / risk criteria, scored so that high = small effort, low risk. */
  ease: number;
  total?: number;
  rank?: number;
}

export interface Matrix {
  points: MatrixPoint[];
  /** Scored projects that lack a score on either axis, so they cannot be placed. */
  unplaced: RankedProject[];
  valueCriteria: PrioritisationCriterion[];
  easeCriteria: PrioritisationCriterion[];
}

/** Places ranked projects: value axis from the non-effort criteria, ease axis from the effort / risk ones. */
export function prioritisationMatrix(ranked: readonly RankedProject[], criteria: readonly PrioritisationCriterion[], easeTitles: readonly string[]): Matrix {
  const counting = scoringCriteria(criteria);
  const isEase = (c: PrioritisationCriterion): boolean => easeTitles.indexOf(c.title.trim().toLocaleLowerCase()) >= 0;
  const easeCriteria = counting.filter(isEase);
  const valueCriteria = counting.filter((c) => !isEase(c));
  const points: MatrixPoint[] = [];
  const unplaced: RankedProject[] = [];
  for (const r of ranked) {
    if (r.total === undefined) continue;
    const v = scoreProject(r.project, valueCriteria).total;
    const e = scoreProject(r.project, easeCriteria).total;
    if (v === undefined || e === undefined) { unplaced.push(r); continue; }
    points.push({ project: r.project, value: v, ease: e, total: r.total, rank: r.rank });
  }
  return { points, unplaced, valueCriteria, easeCriteria };
}

/** Weights as shares of the total (what the criteria table shows); all 0 when the weights sum to 0. */
export function weightShares(criteria: readonly PrioritisationCriterion[]): Map<number, number> {
  const counting = scoringCriteria(criteria);
  const total = counting.reduce((s, c) => s + c.weight, 0);
  return new Map(criteria.map((c) => [c.id, total > 0 && counting.indexOf(c) >= 0 ? round2((c.weight / total) * 100) : 0]));
}
