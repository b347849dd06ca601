import * as React from 'react';
import type { PortfolioFilter } from '../../../src/model/portfolio';
import { EMPTY_PORTFOLIO_FILTER } from '../../../src/model/portfolioFilter';

/**
 * The local hub's stand-in for SPFx dynamic data on one page: each Portfolio filters web part
 * publishes under its instance id, and a web part reads the filter of the instance its stored
 * connection names (`dynamicDataPaths` on the page), as it would through its connected `filter`
 * DynamicProperty on a tenant. A web part with no connection sees the whole portfolio.
 */
export interface PageFilter {
  filter: PortfolioFilter;
  setFilter: (f: PortfolioFilter) => void;
}

interface PageFilters {
  values: Record<string, PortfolioFilter>;
  publish: (source: string, f: PortfolioFilter) => void;
}

const PageFiltersContext = React.createContext<PageFilters>({ values: {}, publish: () => undefined });
const FilterContext = React.createContext<PageFilter>({ filter: EMPTY_PORTFOLIO_FILTER, setFilter: () => undefined });

export function PageFilterProvider({ children }: { children: React.ReactNode }): JSX.Element {
  const [values, setValues] = React.useState<Record<string, PortfolioFilter>>({});
  const publish = React.useCallback((source: string, f: PortfolioFilter) => setValues((v) => ({ ...v, [source]: f })), []);
  const value = React.useMemo(() => ({ values, publish }), [values, publish]);
  return <PageFiltersContext.Provider value={value}>{children}</PageFiltersContext.Provider>;
}

/**
 * One web part's view of the page's filters: `source` is the filter instance it is connected to,
 * `publishAs` the instance id it publishes under (the Portfolio filters web part's own).
 */
export function FilterScope({ source, publishAs, children }: { source?: string; publishAs?: string; children: React.ReactNode }): JSX.Element {
  const { values, publish } = React.useContext(PageFiltersContext);
  const from = publishAs ?? source;
  const filter = (from && values[from]) || EMPTY_PORTFOLIO_FILTER;
  const value = React.useMemo<PageFilter>(() => ({
    filter, setFilter: publishAs ? (f) => publish(publishAs, f) : () => undefined
  }), [filter, publishAs, publish]);
  return <FilterContext.Provider value={value}>{children}</FilterContext.Provider>;
}

export function usePageFilter(): PageFilter {
  return React.useContext(FilterContext);
}
