import type * as React from 'react';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import type { SPFI } from '@pnp/sp';
import type { PortfolioFilter } from '../../model/portfolio';
import type { GraphClientLike } from '../../services/PeopleService';
import type { SnapshotStore } from '../../services/listSnapshots';

/**
 * A web part's composition, written once beside its SPFx class: which services it builds and
 * how it renders its component from them, its properties and its strings. The SPFx class (on a
 * tenant and in Teams) and the local hub's host both call it, so neither keeps a copy.
 */
export interface WebPartComposition<TProps, TServices, TStrings> {
  services(env: WebPartEnvironment): TServices;
  render(services: TServices, properties: Partial<TProps>, ctx: WebPartRenderContext<TStrings>): React.ReactElement;
  /**
   * The web part's property pane, as SPFx's getPropertyPaneConfiguration returns it: SPFx renders
   * it on a tenant, the local hub's edit mode renders the same definition.
   */
  propertyPane(strings: TStrings, common: IPmoHubCommonStrings): IPropertyPaneConfiguration;
}

/** What a host gives a web part to build services with: SPFx's context, or the local hub's page. */
export interface WebPartEnvironment {
  sp: SPFI;
  /** The site the web part reads: its `siteUrl` property, else the page's site. */
  siteUrl: string;
  /** Microsoft Graph: SPFx's msGraphClientFactory on a tenant, the local server's subset locally. */
  graph: () => Promise<GraphClientLike>;
  /** Shares one portfolio read among a page's web parts; carries the user where users can change in one page's life. */
  cacheKey?: string;
  /**
   * Where the browser keeps the project reads between visits (IndexedDB), and whose they are:
   * SharePoint trims rows per user, so one user's snapshot is never another's start.
   */
  snapshots?: { store: SnapshotStore; userKey: string };
}

export interface WebPartRenderContext<TStrings> {
  strings: TStrings;
  common: IPmoHubCommonStrings;
  /** The user's UI language, e.g. `sv-SE`. */
  locale: string;
  /** The page's own site (not the `siteUrl` property). */
  pageSiteUrl: string;
  /** Office for the web opens documents on a tenant; the local SharePoint has none. */
  officeWebViewer: boolean;
  /** The connected portfolio filter's value; the whole portfolio when unconnected. */
  filter: PortfolioFilter;
  /** The Portfolio filters web part publishes here (SPFx dynamic data, or the hub's page filters). */
  onFilterChange: (filter: PortfolioFilter) => void;
}

/**
 * Declares a composition for a web part's properties and strings; the services' type is
 * inferred from `services`, so `render` sees exactly what was built.
 */
export function defineComposition<TProps, TStrings>(): <TServices>(c: WebPartComposition<TProps, TServices, TStrings>) => WebPartComposition<TProps, TServices, TStrings> {
  return (c) => c;
}
