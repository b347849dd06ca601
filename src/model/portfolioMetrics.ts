// What the KPI tiles, status charts and budget web parts show, as plain functions of the
// (already filtered) projects: unit-tested without SharePoint or a browser.
import type { Project, ProjectPhase } from './portfolio';
import type { Rag } from './common';
import type { ReportPoint } from './latestStatus';
import { PROJECT_PHASES } from '../schema';

import { ACTIVE_PHASES, REPORTING_PHASES, isActive, isStale } from './projectPhases';

// Re-exported: the phase rules live in a module of their own, so the register and Home can use them
// without loading the portfolio's metrics.
export { ACTIVE_PHASES, REPORTING_PHASES, isActive, isStale };

export interface PortfolioKpis {
  active: number;
  /** Active projects by their latest overall status; `None` = no published report yet. */
  overall: Record<Rag | 'None', number>;
  /** Active projects whose latest schedule judgement is Green. */
  onSchedule: number;
  /** Active projects with a budget whose forecast (or, without one, actual cost) stays within it. */
  onBudget: number;
  /** Active projects with a budget: the denominator of `onBudget`. */
  withBudget: number;
  /** Reporting projects without a published report for longer than `staleDays`. */
  stale: number;
  budget: number;
  actual: number;
  forecast: number;
}

/** Forecast when there is one; otherwise what was spent so far is the best estimate. */
function expected(p: Project): number | undefined {
  return p.forecastCost ?? p.actualCost;
}

export function isOnBudget(p: Project): boolean {
  const e = expected(p);
  return p.budget !== undefined && p.budget > 0 && (e === undefined || e <= p.budget);
}

export function portfolioKpis(projects: readonly Project[], staleDays: number, today: Date): PortfolioKpis {
  const k: PortfolioKpis = {
    active: 0, overall: { Green: 0, Amber: 0, Red: 0, None: 0 }, onSchedule: 0, onBudget: 0, withBudget: 0, stale: 0,
    budget: 0, actual: 0, forecast: 0
  };
  for (const p of projects) {
    // Money counts for every project in the filter: closed projects spent it too.
    k.budget += p.budget ?? 0;
    k.actual += p.actualCost ?? 0;
    k.forecast += expected(p) ?? 0;
    if (isStale(p, staleDays, today)) k.stale++;
    if (!isActive(p)) continue;
    k.active++;
    k.overall[p.latestOverall ?? 'None']++;
    if (p.latestSchedule === 'Green') k.onSchedule++;
    if (p.budget !== undefined && p.budget > 0) {
      k.withBudget++;
      if (isOnBudget(p)) k.onBudget++;
    }
  }
  return k;
}

/** A whole percentage of `part` in `whole`; 0 of nothing is 0, not NaN. */
export function share(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

export type DistributionKey = 'unit' | 'phase';

export interface DistributionRow {
  /** The unit or phase; '' = projects without a unit. */
  key: string;
  Green: number;
  Amber: number;
  Red: number;
  None: number;
  total: number;
}

/** Projects by latest overall status per unit (largest first) or per phase (in phase order). */
export function statusDistribution(projects: readonly Project[], by: DistributionKey, locale: string): DistributionRow[] {
  const rows = new Map<string, DistributionRow>();
  for (const p of projects) {
    const key = by === 'phase' ? p.phase : p.unit ?? '';
    let r = rows.get(key);
    if (!r) { r = { key, Green: 0, Amber: 0, Red: 0, None: 0, total: 0 }; rows.set(key, r); }
    r[p.latestOverall ?? 'None']++;
    r.total++;
  }
  const out = [...rows.values()];
  if (by === 'phase') return out.sort((a, b) => PROJECT_PHASES.indexOf(a.key as ProjectPhase) - PROJECT_PHASES.indexOf(b.key as ProjectPhase));
  const c = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  // Units without a name last; otherwise the biggest units first, where the PMO looks.
  return out.sort((a, b) => (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) || b.total - a.total || c.compare(a.key, b.key));
}

export interface TrendRow {
  /** `YYYY-MM` */
  month: string;
  Green: number;
  Amber: number;
  Red: number;
}

/** `YYYY-MM` of the `months` months up to and including today's. */
export function trendMonths(today: Date, months: number): string[] {
  const out: string[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

/** The first day of the trend's window, `YYYY-MM-DD`: what the service reads reports from. */
export function trendStart(today: Date, months: number): string {
  return `${trendMonths(today, months)[0]}-01`;
}

/**
 * How the portfolio's status moved: at the end of each month, every project counts with its
 * latest report up to then (a project that skipped a month keeps its last status). Only projects
 * in `projectIds` count, so the trend follows the page's filter; reports before the window are
 * not read, so a project enters the trend with its first report inside it.
 */
export function statusTrend(reports: readonly ReportPoint[], projectIds: ReadonlySet<number>, today: Date, months: number = 12): TrendRow[] {
  const axis = trendMonths(today, months);
  const byProject = new Map<number, ReportPoint[]>();
  for (const r of reports) {
    if (!projectIds.has(r.projectId)) continue;
    const list = byProject.get(r.projectId);
    if (list) list.push(r); else byProject.set(r.projectId, [r]);
  }
  const rows: TrendRow[] = axis.map((month) => ({ month, Green: 0, Amber: 0, Red: 0 }));
  for (const list of byProject.values()) {
    list.sort((a, b) => (a.reportDate < b.reportDate ? -1 : a.reportDate > b.reportDate ? 1 : 0));
    let i = 0;
    let current: Rag | undefined;
    axis.forEach((month, m) => {
      while (i < list.length && list[i].reportDate.slice(0, 7) <= month) current = list[i++].overall;
      if (current) rows[m][current]++;
    });
  }
  return rows;
}

export type BudgetKey = 'unit' | 'project';

export interface BudgetRow {
  /** Unit name ('' = none) or project code. */
  key: string;
  label: string;
  /** For project rows: the project's id (to open it). */
  projectId?: number;
  budget: number;
  actual: number;
  forecast: number;
  /** forecast − budget: positive is an overrun. */
  variance: number;
  /** variance as a whole percentage of the budget; undefined without a budget. */
  variancePct?: number;
}

function budgetRow(key: string, label: string, ps: readonly Project[], projectId?: number): BudgetRow {
  let budget = 0; let actual = 0; let forecast = 0;
  for (const p of ps) { budget += p.budget ?? 0; actual += p.actualCost ?? 0; forecast += expected(p) ?? 0; }
  const variance = forecast - budget;
  return { key, label, projectId, budget, actual, forecast, variance, variancePct: budget > 0 ? Math.round((variance / budget) * 100) : undefined };
}

/**
 * Budget, actual and forecast per unit (every unit) or per project (the `limit` largest overruns
 * first: at 10,000 projects a chart of all of them says nothing). Projects without any money are left out.
 */
export function budgetRows(projects: readonly Project[], by: BudgetKey, locale: string, limit: number = 15): BudgetRow[] {
  const withMoney = projects.filter((p) => p.budget !== undefined || p.actualCost !== undefined || p.forecastCost !== undefined);
  const c = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  if (by === 'project') {
    return withMoney.map((p) => budgetRow(p.code, `${p.code} ${p.title}`, [p], p.id))
      .sort((a, b) => b.variance - a.variance || c.compare(a.key, b.key))
      .slice(0, limit);
  }
  const units = new Map<string, Project[]>();
  for (const p of withMoney) {
    const k = p.unit ?? '';
    const list = units.get(k);
    if (list) list.push(p); else units.set(k, [p]);
  }
  return [...units.entries()].map(([k, ps]) => budgetRow(k, k, ps))
    .sort((a, b) => (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) || b.budget - a.budget || c.compare(a.key, b.key));
}

/** An overrun worth a colour: forecast above budget by more than `tolerancePct`. */
export function isOverrun(row: BudgetRow, tolerancePct: number): boolean {
  return row.variance > 0 && (row.variancePct === undefined || row.variancePct > tolerancePct);
}
