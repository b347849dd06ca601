import type { BENEFIT_CATEGORIES, BENEFIT_STATUSES } from '../schema';
import { OPEN_BENEFIT_STATUSES } from '../schema';
import type { IsoDate, ListItemBase, LookupRef, PersonRef } from './common';
import { progressOf } from './okr';

/**
 * Benefits realisation, pure: how far a benefit has come from its baseline to its target, what a
 * project or the portfolio has realised — per unit, since SEK and hours never add up — and which
 * benefits are due a measurement or still to be handed over when a project closes.
 */

export type BenefitCategory = (typeof BENEFIT_CATEGORIES)[number];
export type BenefitStatus = (typeof BENEFIT_STATUSES)[number];

export interface Benefit extends ListItemBase {
  title: string;
  description?: string;
  project: LookupRef;
  objective?: LookupRef;
  owner?: PersonRef;
  category: BenefitCategory;
  unit: string;
  baseline?: number;
  target: number;
  actual?: number;
  baselineDate?: IsoDate;
  targetDate?: IsoDate;
  lastMeasured?: IsoDate;
  status: BenefitStatus;
  comment?: string;
  /** True when the benefit sits in its project's folder, where its leader and owners may record. */
  inProjectFolder?: boolean;
}

export interface BenefitMeasurement extends ListItemBase {
  title?: string;
  benefit: LookupRef;
  project: LookupRef;
  measuredOn: IsoDate;
  value: number;
  comment?: string;
  author?: PersonRef;
}

/** Progress 0…1 from baseline to target (a falling target — fewer hours — works the same); undefined before any measurement. */
export function benefitProgress(b: Pick<Benefit, 'actual' | 'target' | 'baseline'>): number | undefined {
  return progressOf(b.actual, b.target, b.baseline);
}

/** Still to be realised: planned, on track or at risk. */
export function isOpenBenefit(b: Pick<Benefit, 'status'>): boolean {
  return OPEN_BENEFIT_STATUSES.includes(b.status);
}

/** Days between measurements a PMO expects (a quarter): older than this, a benefit is overdue one. */
export const MEASUREMENT_INTERVAL_DAYS = 92;

function days(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * An open benefit is overdue a measurement when it was last measured (or, never measured, baselined)
 * more than a quarter before `today`, or when its target date has passed without it being realised.
 * A benefit neither measured nor baselined is overdue once its target date has passed.
 */
export function measurementOverdue(b: Pick<Benefit, 'status' | 'lastMeasured' | 'baselineDate' | 'targetDate'>, today: IsoDate,
  interval: number = MEASUREMENT_INTERVAL_DAYS): boolean {
  if (!isOpenBenefit(b)) return false;
  if (b.targetDate && b.targetDate < today) return true;
  const since = b.lastMeasured ?? b.baselineDate;
  return since !== undefined && days(since, today) > interval;
}

/**
 * One unit's totals: what was planned (target − baseline) and what has been realised so far
 * (actual − baseline). For a percentage the amounts are not added up (`additive` false, planned and
 * realised undefined): one benefit's +10 % satisfaction and another's +5 % on-time delivery are not
 * +15 % of anything.
 */
export interface UnitTotal {
  unit: string;
  benefits: number;
  additive: boolean;
  planned: number | undefined;
  realised: number | undefined;
  /**
   * 0…1, capped at 1 per benefit; undefined when nothing was planned. Amounts: realised / planned.
   * Percentages: the mean of each benefit's progress, each benefit counting once.
   */
  share: number | undefined;
}

/** A unit as typed, compared without case or surrounding spaces: "SEK" and "sek " are one unit. */
export function unitKey(unit: string): string {
  return unit.trim().toLocaleLowerCase();
}

/** Percent and percentage points as people type them in the four languages. */
const PERCENT_UNITS = new Set(['percent', 'per cent', 'pct', 'procent', 'pp', 'p.p', 'percentage point', 'percentage points',
  'procentenhet', 'procentenheter', 'procentpoint', 'procentpoints', 'procentpunt', 'procentpunten']);

/** A rate, not an amount: "%", "% on time", "percent", "procent", "pp"… */
export function isPercentUnit(unit: string): boolean {
  const key = unitKey(unit).replace(/\.$/, '');
  return key.startsWith('%') || PERCENT_UNITS.has(key);
}

/**
 * Planned and realised per unit, never across units. A benefit counts its gain over its baseline
 * (a benefit with no baseline counts from 0); realised is capped at planned per benefit (an
 * over-realised benefit does not hide another's shortfall) and floored at 0; a benefit marked
 * not realised still counts as planned but realises nothing. Percentages are counted, not added:
 * their share is the mean of the benefits' progress.
 */
export function totalsByUnit(list: readonly Benefit[]): UnitTotal[] {
  const by = new Map<string, { unit: string; benefits: number; planned: number; realised: number; capped: number; progress: number[] }>();
  for (const b of list) {
    const key = unitKey(b.unit);
    if (!key) continue;
    const from = b.baseline ?? 0;
    const planned = Math.abs(b.target - from);
    const gained = b.status === 'NotRealised' || b.actual === undefined ? 0 : (b.actual - from) * Math.sign(b.target - from);
    const capped = Math.max(0, Math.min(planned, gained));
    const t = by.get(key) ?? { unit: b.unit.trim(), benefits: 0, planned: 0, realised: 0, capped: 0, progress: [] };
    t.benefits += 1;
    t.planned += planned;
    t.realised += Math.max(0, gained);
    t.capped += capped;
    if (planned > 0) t.progress.push(capped / planned);
    by.set(key, t);
  }
  return [...by.values()]
    .map(({ capped, progress, ...t }): UnitTotal => (isPercentUnit(t.unit)
      ? { unit: t.unit, benefits: t.benefits, additive: false, planned: undefined, realised: undefined, share: progress.length ? progress.reduce((a, p) => a + p, 0) / progress.length : undefined }
      : { ...t, additive: true, share: t.planned > 0 ? capped / t.planned : undefined }))
    .sort((a, b) => b.benefits - a.benefits || a.unit.localeCompare(b.unit));
}

/** Realised share of a set of benefits: the mean of their progress (unit-free), undefined when none is measured. */
export function realisedShare(list: readonly Benefit[]): number | undefined {
  const known = list.map(benefitProgress).filter((p): p is number => p !== undefined);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : undefined;
}

export interface ProjectBenefits {
  projectId: number;
  benefits: Benefit[];
  totals: UnitTotal[];
  share: number | undefined;
  open: Benefit[];
}

/** The benefits of each project, with its totals per unit, realised share and those still open. */
export function benefitsByProject(list: readonly Benefit[]): Map<number, ProjectBenefits> {
  const out = new Map<number, ProjectBenefits>();
  for (const b of list) {
    const id = b.project.id;
    const p = out.get(id) ?? { projectId: id, benefits: [], totals: [], share: undefined, open: [] };
    p.benefits.push(b);
    out.set(id, p);
  }
  for (const p of out.values()) {
    p.totals = totalsByUnit(p.benefits);
    p.share = realisedShare(p.benefits);
    p.open = p.benefits.filter(isOpenBenefit);
  }
  return out;
}

/** Measurements oldest first (date, then ID): the trend chart's order. */
export function measurementTrend(list: readonly BenefitMeasurement[]): BenefitMeasurement[] {
  return [...list].sort((a, b) => (a.measuredOn === b.measuredOn ? a.id - b.id : a.measuredOn < b.measuredOn ? -1 : 1));
}

/** The newest measurement (date, then ID): what the benefit's actual value follows. */
export function latestMeasurement(list: readonly BenefitMeasurement[]): BenefitMeasurement | undefined {
  const t = measurementTrend(list);
  return t[t.length - 1];
}

export interface BenefitFilter {
  project?: number;
  objective?: number;
  status?: BenefitStatus;
}

export function filterBenefits(list: readonly Benefit[], f: BenefitFilter): Benefit[] {
  return list.filter((b) => (f.project === undefined || b.project.id === f.project)
    && (f.objective === undefined || b.objective?.id === f.objective)
    && (f.status === undefined || b.status === f.status));
}
