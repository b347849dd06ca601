import * as React from 'react';
import type { PortfolioFilter } from '../../../src/model/portfolio';
import { EMPTY_PORTFOLIO_FILTER } from '../../../src/model/portfolioFilter';

/**
 * The local hub's stand-in for SPFx dynamic data on one page: the Portfolio filters web part
 * publishes here, and every other portfolio web part on the page reads the same value, as they
 * would through their connected `filter` DynamicProperty on a tenant.
 */
export interface PageFilter {
  filter: PortfolioFilter;
  setFilter: (f: PortfolioFilter) => void;
}

const PageFilterContext = React.createContext<PageFilter>({ filter: EMPTY_PORTFOLIO_FILTER, setFilter: () => undefined });

export function PageFilterProvider({ children, initial }: { children: React.ReactNode; initial?: PortfolioFilter }): JSX.Element {
  const [filter, setFilter] = React.useState<PortfolioFilter>(initial ?? EMPTY_PORTFOLIO_FILTER);
  const value = React.useMemo(() => ({ filter, setFilter }), [filter]);
  return <PageFilterContext.Provider value={value}>{children}</PageFilterContext.Provider>;
}

export function usePageFilter(): PageFilter {
  return React.useContext(PageFilterContext);
}
