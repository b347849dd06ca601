import * as React from 'react';
import { spFromUrl } from '../../../src/services/sp';
import { SpPortfolioService } from '../../../src/services/PortfolioService';
import { SpPortfolioViewService } from '../../../src/services/PortfolioViewService';
import { SpStatusTrendService } from '../../../src/services/StatusTrendService';
import PortfolioFilters from '../../../src/webparts/portfolio/filters/components/PortfolioFilters';
import KpiTiles from '../../../src/webparts/portfolio/kpiTiles/components/KpiTiles';
import StatusCharts from '../../../src/webparts/portfolio/statusCharts/components/StatusCharts';
import BudgetOverview from '../../../src/webparts/portfolio/budget/components/BudgetOverview';
import { boundedInt, budgetKey, distributionKey, registerPageUrl } from '../../../src/webparts/portfolio/shared/portfolioSettings';
import { usePageFilter } from './pageFilter';
import type { HubLanguage, HubLanguageInfo } from './strings';
import portfolioEn from '../../../src/webparts/portfolio/loc/en-us.js';
import portfolioSv from '../../../src/webparts/portfolio/loc/sv-se.js';
import portfolioDa from '../../../src/webparts/portfolio/loc/da-dk.js';
import portfolioNl from '../../../src/webparts/portfolio/loc/nl-nl.js';

export const PORTFOLIO_STRINGS: Record<HubLanguage, IPortfolioWebPartStrings> = {
  'en-us': portfolioEn, 'sv-se': portfolioSv, 'da-dk': portfolioDa, 'nl-nl': portfolioNl
};

/** The hub's part of HubWebPartContext these hosts need (webParts.tsx defines the whole). */
interface PortfolioHostContext {
  siteUrl: string;
  userKey: string;
  language: HubLanguageInfo;
  common: IPmoHubCommonStrings;
}

interface HostProps {
  properties: Record<string, unknown>;
  context: PortfolioHostContext;
}

function siteOf(properties: Record<string, unknown>, context: PortfolioHostContext): string {
  const configured = typeof properties.siteUrl === 'string' ? properties.siteUrl.trim() : '';
  return configured || context.siteUrl;
}

/**
 * One lean project read per page and user, as the SPFx bundle shares it between its web parts:
 * the cache key carries the user, so switching the demo user never shows the last user's data.
 */
function usePortfolioService(siteUrl: string, userKey: string): SpPortfolioService {
  return React.useMemo(() => new SpPortfolioService(spFromUrl(siteUrl), siteUrl, `${siteUrl}|${userKey}`), [siteUrl, userKey]);
}

/** What PortfolioFiltersWebPart does in SPFx: the page filter's source (dynamic data there, the page context here). */
export function PortfolioFiltersHost({ properties, context }: HostProps): JSX.Element {
  const siteUrl = siteOf(properties, context);
  const service = usePortfolioService(siteUrl, context.userKey);
  const views = React.useMemo(() => (properties.showSavedViews === false ? undefined : new SpPortfolioViewService(spFromUrl(siteUrl), siteUrl)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [siteUrl, context.userKey, properties.showSavedViews]);
  const { filter, setFilter } = usePageFilter();
  return (
    <PortfolioFilters service={service} views={views} filter={filter} onChange={setFilter}
      strings={PORTFOLIO_STRINGS[context.language.key]} common={context.common} locale={context.language.tag} />
  );
}

export function KpiTilesHost({ properties, context }: HostProps): JSX.Element {
  const siteUrl = siteOf(properties, context);
  const service = usePortfolioService(siteUrl, context.userKey);
  const { filter } = usePageFilter();
  return (
    <KpiTiles service={service} filter={filter} strings={PORTFOLIO_STRINGS[context.language.key]} common={context.common}
      locale={context.language.tag} staleDays={boundedInt(properties.staleDays, 1, 365, 30)}
      registerUrl={registerPageUrl(properties.registerUrl, siteUrl)} />
  );
}

export function StatusChartsHost({ properties, context }: HostProps): JSX.Element {
  const siteUrl = siteOf(properties, context);
  const service = usePortfolioService(siteUrl, context.userKey);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const trend = React.useMemo(() => new SpStatusTrendService(spFromUrl(siteUrl), siteUrl), [siteUrl, context.userKey]);
  const { filter } = usePageFilter();
  return (
    <StatusCharts service={service} trend={trend} filter={filter} strings={PORTFOLIO_STRINGS[context.language.key]} common={context.common}
      locale={context.language.tag} grouping={distributionKey(properties.grouping)} showTrend={properties.showTrend !== false} />
  );
}

export function BudgetHost({ properties, context }: HostProps): JSX.Element {
  const siteUrl = siteOf(properties, context);
  const service = usePortfolioService(siteUrl, context.userKey);
  const { filter } = usePageFilter();
  return (
    <BudgetOverview service={service} filter={filter} strings={PORTFOLIO_STRINGS[context.language.key]} common={context.common}
      locale={context.language.tag} grouping={budgetKey(properties.grouping)} tolerancePct={boundedInt(properties.tolerancePct, 0, 100, 5)}
      projectLimit={boundedInt(properties.projectLimit, 5, 50, 15)} />
  );
}
