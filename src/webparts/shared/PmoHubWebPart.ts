import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { ThemeProvider as SpThemeProvider, ThemeChangedEventArgs, type IReadonlyTheme } from '@microsoft/sp-component-base';
import * as common from 'PmoHubCommonStrings';
import type { SPFI } from '@pnp/sp';
import { spFromContext } from '../../services/sp';
import { GraphPeopleService, type GraphClientLike } from '../../services/PeopleService';

import type { IPmoHubWebPartProps } from './settings';

const WebPartShell = React.lazy(() => import(/* webpackChunkName: 'web-part-shell' */ './WebPartShell'));

/**
 * The one boundary outside the lazily loaded shell: if the shell's chunk cannot be loaded (network,
 * a stale CDN), the web part says so in plain text instead of leaving a blank space.
 */
class ChunkLoadBoundary extends React.Component<{ message: string; children?: React.ReactNode }, { failed: boolean }> {
  public state = { failed: false };
  public static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  public render(): React.ReactNode {
    return this.state.failed ? React.createElement('p', { role: 'alert' }, this.props.message) : this.props.children;
  }
}

/**
 * What every PMO Hub web part does the same way, so each web part class only says which
 * services it needs and which component it renders: follow the page's (or Teams') theme,
 * catch render errors, rebuild services when the site URL changes, unmount on dispose.
 */
export abstract class PmoHubWebPart<TProps extends IPmoHubWebPartProps> extends BaseClientSideWebPart<TProps> {
  private theme: IReadonlyTheme | undefined;

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

  /** Graph people lookups through SPFx's Graph client (its own copy of @microsoft/microsoft-graph-client's typings). */
  protected peopleService(sp: SPFI, siteUrl: string): GraphPeopleService {
    return new GraphPeopleService(sp, siteUrl, () => this.context.msGraphClientFactory.getClient('3') as unknown as Promise<GraphClientLike>);
  }

  private rebuildServices(): void {
    const site = this.properties.siteUrl?.trim() || this.context.pageContext.web.absoluteUrl;
    this.buildServices(spFromContext(this.context, site), site);
  }

  private applyTheme(t: IReadonlyTheme | undefined): void {
    this.theme = t;
  }

  /**
   * Web part components are `React.lazy` chunks, and so is the shell (theme, error boundary): all
   * PMO Hub web parts ship in one bundle whose entry holds only the classes and services, and webpack
   * puts the Fluent UI the components share in common chunks, so a page with three web parts loads
   * Fluent once, not three times. A component chunk that fails to load is caught by the shell's
   * error boundary like any render error.
   */
  public render(): void {
    const busy = React.createElement('div', { 'aria-busy': true, style: { minHeight: 64 } });
    const element = React.createElement(ChunkLoadBoundary, { message: common.ErrorTitle },
      React.createElement(React.Suspense, { fallback: busy },
        React.createElement(WebPartShell, { theme: this.theme, common }, this.renderComponent())));
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
