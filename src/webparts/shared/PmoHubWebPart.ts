import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { ThemeProvider as SpThemeProvider, ThemeChangedEventArgs, type IReadonlyTheme } from '@microsoft/sp-component-base';
import { ThemeProvider, createTheme, type Theme } from '@fluentui/react';
import * as common from 'PmoHubCommonStrings';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import type { SPFI } from '@pnp/sp';
import { spFromContext } from '../../services/sp';
import type { GraphClientLike } from '../../services/PeopleService';

import type { IPmoHubWebPartProps } from './settings';
import type { WebPartEnvironment, WebPartRenderContext } from './composition';
import { indexedDbSnapshots } from '../../services/listSnapshots';

/** One IndexedDB store for every PMO Hub web part on the page (see listSnapshots). */
const browserSnapshots = indexedDbSnapshots();
import { EMPTY_PORTFOLIO_FILTER } from '../../model/portfolioFilter';

/**
 * What every PMO Hub web part does the same way, so each web part class only says which
 * services it needs and which component it renders: follow the page's (or Teams') theme,
 * catch render errors, rebuild services when the site URL changes, unmount on dispose.
 */
export abstract class PmoHubWebPart<TProps extends IPmoHubWebPartProps> extends BaseClientSideWebPart<TProps> {
  private theme: Theme | undefined;

  /** Create the web part's services for `siteUrl`; called on init and when the site URL property changes. */
  protected abstract buildServices(sp: SPFI, siteUrl: string): void;

  /** The web part's component, with its props; the base wraps it in theme and error boundary. */
  protected abstract renderComponent(): React.ReactElement;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const themeProvider = this.context.serviceScope.consume(SpThemeProvider.serviceKey);
    this.applyTheme(themeProvider.tryGetTheme());
    themeProvider.themeChangedEvent.add(this, (e: ThemeChangedEventArgs) => { this.applyTheme(e.theme); this.render(); });
    this.rebuildServices();
  }

  /** The user's UI language as SharePoint (or Teams) says it, e.g. `sv-SE`. */
  protected get locale(): string {
    return this.context.pageContext.cultureInfo.currentUICultureName;
  }

  /** What the web part's composition builds its services from (composition.ts beside each class). */
  protected environment(sp: SPFI, siteUrl: string): WebPartEnvironment {
    // SPFx's Graph client has its own copy of @microsoft/microsoft-graph-client's typings.
    return {
      sp, siteUrl, graph: () => this.context.msGraphClientFactory.getClient('3') as unknown as Promise<GraphClientLike>,
      snapshots: { store: browserSnapshots, userKey: this.context.pageContext.user.loginName }
    };
  }

  /** What the web part's composition renders with; portfolio web parts add the connected filter. */
  protected renderContext<TStrings>(strings: TStrings): WebPartRenderContext<TStrings> {
    return {
      strings, common, locale: this.locale, pageSiteUrl: this.context.pageContext.web.absoluteUrl, officeWebViewer: true,
      filter: EMPTY_PORTFOLIO_FILTER, onFilterChange: () => undefined
    };
  }

  private rebuildServices(): void {
    const site = this.properties.siteUrl?.trim() || this.context.pageContext.web.absoluteUrl;
    this.buildServices(spFromContext(this.context, site), site);
  }

  private applyTheme(t: IReadonlyTheme | undefined): void {
    this.theme = t ? createTheme({ palette: t.palette, semanticColors: t.semanticColors, isInverted: t.isInverted }) : undefined;
  }

  public render(): void {
    const element = React.createElement(ThemeProvider, { theme: this.theme },
      React.createElement(ErrorBoundary, { title: common.ErrorTitle, retryLabel: common.Retry, common }, this.renderComponent()));
    ReactDom.render(element, this.domElement);
  }

  protected onPropertyPaneFieldChanged(path: string): void {
    if (path === 'siteUrl') this.rebuildServices();
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }
}
