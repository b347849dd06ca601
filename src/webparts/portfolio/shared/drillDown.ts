// From a KPI tile to the project register, filtered: the portfolio filter travels in the URL
// (`?pf=<JSON>`), so the link works in a new tab, a bookmark or a mail, and the register needs
// no connection to the portfolio page. Plain functions, unit-tested.
import type { PortfolioFilter } from '../../../model/portfolio';
import { parsePortfolioFilter, isFilterActive } from '../../../model/portfolioFilter';

/** The query parameter the register reads. */
export const PORTFOLIO_FILTER_PARAM = 'pf';
/** What a tile narrows to beyond the filter: the register flags stale projects itself. */
export const PORTFOLIO_FOCUS_PARAM = 'pfocus';
export type DrillFocus = 'stale';

/** `registerUrl` with the filter (and focus) as query parameters; an existing query and hash are kept. */
export function drillDownUrl(registerUrl: string, filter: PortfolioFilter, focus?: DrillFocus): string {
  const [beforeHash, hash] = registerUrl.split('#', 2);
  const [path, query] = beforeHash.split('?', 2);
  const params = new URLSearchParams(query ?? '');
  params.delete(PORTFOLIO_FILTER_PARAM);
  params.delete(PORTFOLIO_FOCUS_PARAM);
  const clean = parsePortfolioFilter(filter);
  if (isFilterActive(clean)) params.set(PORTFOLIO_FILTER_PARAM, JSON.stringify(clean));
  if (focus) params.set(PORTFOLIO_FOCUS_PARAM, focus);
  const q = params.toString();
  return `${path}${q ? `?${q}` : ''}${hash !== undefined ? `#${hash}` : ''}`;
}

export interface DrillDown {
  filter: PortfolioFilter;
  focus?: DrillFocus;
}

/** The drill-down a URL's query carries, validated like a stored view; undefined when there is none. */
export function drillDownOf(search: string): DrillDown | undefined {
  const params = new URLSearchParams(search);
  const raw = params.get(PORTFOLIO_FILTER_PARAM);
  const focus = params.get(PORTFOLIO_FOCUS_PARAM) === 'stale' ? 'stale' as const : undefined;
  if (raw === null && !focus) return undefined;
  const filter = parsePortfolioFilter(raw ?? '');
  if (!isFilterActive(filter) && !focus) return undefined;
  return focus ? { filter, focus } : { filter };
}

/** The page URL without the drill-down parameters: what "clear" puts in the address bar. */
export function withoutDrillDown(url: string): string {
  const [beforeHash, hash] = url.split('#', 2);
  const [path, query] = beforeHash.split('?', 2);
  const params = new URLSearchParams(query ?? '');
  params.delete(PORTFOLIO_FILTER_PARAM);
  params.delete(PORTFOLIO_FOCUS_PARAM);
  const q = params.toString();
  return `${path}${q ? `?${q}` : ''}${hash !== undefined ? `#${hash}` : ''}`;
}
