// The portfolio's one filter, shared by every portfolio web part on a page (SPFx dynamic data
// on a tenant, a page context in the local hub) and stored as JSON in Portfolio Views.
// Plain functions, no SPFx or SharePoint imports: unit-tested and used by services and components alike.
import type { PortfolioFilter, Project } from './portfolio';
import { PROJECT_METHODS, PROJECT_PHASES, RAG_VALUES } from '../schema';

export const EMPTY_PORTFOLIO_FILTER: PortfolioFilter = { version: 1 };

/** The dynamic data property id the Portfolio filters web part publishes and the other portfolio web parts consume. */
export const PORTFOLIO_FILTER_PROPERTY_ID = 'portfolioFilter';

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase();
}

function some<T>(values: readonly T[] | undefined): values is readonly T[] {
  return !!values && values.length > 0;
}

/** Whether a project passes the filter: every set criterion must hold; within one criterion any value may. */
export function matchesPortfolioFilter(p: Project, f: PortfolioFilter): boolean {
  if (some(f.phases) && !f.phases.includes(p.phase)) return false;
  if (some(f.units) && !(p.unit !== undefined && f.units.includes(p.unit))) return false;
  if (some(f.programmes) && !(p.programme !== undefined && f.programmes.includes(p.programme))) return false;
  if (some(f.methods) && !(p.method !== undefined && f.methods.includes(p.method))) return false;
  if (some(f.overall) && !(p.latestOverall !== undefined && f.overall.includes(p.latestOverall))) return false;
  if (some(f.leaderIds) && !(p.leader !== undefined && f.leaderIds.includes(p.leader.id))) return false;
  if (some(f.strategicObjectiveIds) && !p.strategicObjectives.some((o) => f.strategicObjectiveIds!.includes(o.id))) return false;
  if (f.text && f.text.trim()) {
    const needle = fold(f.text.trim());
    if (!fold(`${p.code} ${p.title}`).includes(needle)) return false;
  }
  if (f.period && (f.period.from || f.period.to)) {
    // A project without dates cannot be placed in a period.
    if (!p.startDate || !p.endDate) return false;
    if (f.period.to && p.startDate.slice(0, 10) > f.period.to) return false;
    if (f.period.from && p.endDate.slice(0, 10) < f.period.from) return false;
  }
  return true;
}

export function filterPortfolio(projects: readonly Project[], f: PortfolioFilter): Project[] {
  return projects.filter((p) => matchesPortfolioFilter(p, f));
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

function ids(v: unknown): number[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x) && (x as number) > 0) : undefined;
}

function oneOf<T extends string>(allowed: readonly T[], v: unknown): T[] | undefined {
  return strings(v)?.filter((x): x is T => (allowed as readonly string[]).includes(x));
}

function isoDate(v: unknown): string | undefined {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
}

/**
 * A filter from stored JSON (a saved view, a URL, a dynamic data value). Unknown keys and values
 * that are not what the schema allows are dropped rather than trusted, so an old or hand-edited
 * view still loads; anything that is not a JSON object gives the empty filter.
 */
export function parsePortfolioFilter(json: unknown): PortfolioFilter {
  let raw: unknown = json;
  if (typeof json === 'string') {
    try { raw = JSON.parse(json); } catch { return { ...EMPTY_PORTFOLIO_FILTER }; }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ...EMPTY_PORTFOLIO_FILTER };
  const o = raw as Record<string, unknown>;
  const f: PortfolioFilter = { version: 1 };
  const phases = oneOf(PROJECT_PHASES, o.phases); if (phases?.length) f.phases = phases;
  const methods = oneOf(PROJECT_METHODS, o.methods); if (methods?.length) f.methods = methods;
  const overall = oneOf(RAG_VALUES, o.overall); if (overall?.length) f.overall = overall;
  const units = strings(o.units); if (units?.length) f.units = units;
  const programmes = strings(o.programmes); if (programmes?.length) f.programmes = programmes;
  const leaderIds = ids(o.leaderIds); if (leaderIds?.length) f.leaderIds = leaderIds;
  const objectiveIds = ids(o.strategicObjectiveIds); if (objectiveIds?.length) f.strategicObjectiveIds = objectiveIds;
  if (typeof o.text === 'string' && o.text.trim()) f.text = o.text;
  if (o.period && typeof o.period === 'object') {
    const p = o.period as Record<string, unknown>;
    const from = isoDate(p.from); const to = isoDate(p.to);
    if (from || to) f.period = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  }
  if (o.sort && typeof o.sort === 'object') {
    const s = o.sort as Record<string, unknown>;
    if (typeof s.field === 'string' && typeof s.ascending === 'boolean') f.sort = { field: s.field, ascending: s.ascending };
  }
  return f;
}

/** Whether the filter restricts anything (an empty filter shows the whole portfolio). */
export function isFilterActive(f: PortfolioFilter): boolean {
  const p = parsePortfolioFilter(f);
  return Object.keys(p).some((k) => k !== 'version' && k !== 'sort');
}
