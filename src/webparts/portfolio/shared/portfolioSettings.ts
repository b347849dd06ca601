// The portfolio web parts' settings as plain functions (no SPFx imports): the SPFx classes and
// the local hub's hosts read properties the same way.
import type { IPortfolioWebPartProps } from './PortfolioWebPart';
import type { BudgetKey, DistributionKey } from '../../../model/portfolioMetrics';
import type { IPmoHubWebPartProps } from '../../shared/settings';

export interface IPortfolioFiltersWebPartProps extends IPmoHubWebPartProps {
  showSavedViews: boolean;
}

export interface IKpiTilesWebPartProps extends IPortfolioWebPartProps {
  staleDays: number;
  /** The page with the project register; empty = SitePages/Projects.aspx of the PMO site. */
  registerUrl: string;
}

export interface IStatusChartsWebPartProps extends IPortfolioWebPartProps {
  grouping: DistributionKey;
  showTrend: boolean;
}

export interface IBudgetWebPartProps extends IPortfolioWebPartProps {
  grouping: BudgetKey;
  tolerancePct: number;
  projectLimit: number;
}

/** A whole number within bounds, or the fallback (property bags may hold anything). */
export function boundedInt(v: unknown, min: number, max: number, fallback: number): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

export function distributionKey(v: unknown): DistributionKey {
  return v === 'phase' ? 'phase' : 'unit';
}

export function budgetKey(v: unknown): BudgetKey {
  return v === 'project' ? 'project' : 'unit';
}

/** Where KPI tiles link: the configured page, or the hub's Projects page on the PMO site. */
export function registerPageUrl(configured: unknown, siteUrl: string): string {
  const c = typeof configured === 'string' ? configured.trim() : '';
  return c || `${siteUrl.replace(/\/+$/, '')}/SitePages/Projects.aspx`;
}
