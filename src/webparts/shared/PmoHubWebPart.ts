import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { ThemeProvider as SpThemeProvider, ThemeChangedEventArgs, type IReadonlyTheme } from '@microsoft/sp-component-base';
import * as common from 'PmoHubCommonStrings';
import type { SPFI } from '@pnp/sp';
import { spFromContext } from '../../services/sp';
import type { GraphClientLike } from '../../services/PeopleService';

import type { IPmoHubWebPartProps } from './settings';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import type { WebPartComposition, WebPartEnvironment, WebPartRenderContext } from './composition';
import { indexedDbSnapshots } from '../../services/listSnapshots';
import { siteAwareSnapshotsFor } from '../../services/siteSnapshots';
import { locFileOf, stringsOf, type LocFile } from './locStrings';

/** One IndexedDB store for every PMO Hub web part on the page (see listSnapshots); where it has nothing yet, the site's snapshot files (siteSnapshots). */
const browserSnapshots = indexedDbSnapshots();
import { EMPTY_PORTFOLIO_FILTER } from '../../model/portfolioFilter';

/** What a web part renders with, loaded with its composition (theme and error boundary; see WebPartShell). */
type Shell = typeof import('./WebPartShell');

/** Any web part's composition, as the base class drives it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyComposition<TProps> = WebPartComposition<TProps, any, any>;

/**
 * What every PMO Hub web part does the same way, so each web part class only says where its
 * composition is: load the composition (services, component and property pane, a chunk of its own), follow the page's (or Teams') theme, catch render errors, rebuild services
 * when the site URL changes, unmount on dispose.
 *
 * All PMO Hub web parts ship in one bundle whose entry holds only these classes; each composition
 * (with the property pane the local hub's edit mode renders too), and the shell, is loaded in `onInit` by `import()`, and webpack puts the
 * Fluent UI, @pnp/sp and services the chunks share into common chunks. So a page loads each library
 * once, and only the services of the web parts it has. (SPFx waits for `onInit` before the first
 * render; a chunk that cannot be loaded fails `onInit`, which SPFx shows as the web part's error.)
 */
export abstract class PmoHubWebPart<TProps extends IPmoHubWebPartProps> extends BaseClientSideWebPart<TProps> {
  private theme: IReadonlyTheme | undefined;
  private shell: Shell | undefined;
  private composition: AnyComposition<TProps> | undefined;
  private services: unknown;
  private strings: unknown;

  /** The web part's composition, by `import()` with a chunk name: `import('./composition').then((m) => m.xComposition)`. */
  protected abstract loadComposition(): Promise<AnyComposition<TProps>>;

  /**
   * The web part's strings in `file`'s language, by `import()` of its loc file (a chunk per language,
   * see locStrings), e.g. `./loc/${file}.js` with a webpack chunk name ending in `-strings-[request]`.
   */
  protected abstract loadWebPartStrings(file: LocFile): Promise<unknown>;

  /** The strings loaded in onInit. */
  protected get webPartStrings(): unknown {
    return this.strings;
  }

  /**
   * The web part's property pane: its composition's, so the local hub's edit mode renders the same
   * definition. SPFx opens the pane only after onInit, which loaded the composition.
   */
  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return this.composition ? this.composition.propertyPane(this.webPartStrings, common) : { pages: [] };
  }

  protected async onInit(): Promise<void> {
    await super.onInit();
    const [shell, composition, strings] = await Promise.all([
      import(/* webpackChunkName: 'web-part-shell' */ './WebPartShell'),
      this.loadComposition(),
      this.loadWebPartStrings(locFileOf(this.locale))
    ]);
    this.strings = stringsOf(strings);
    this.shell = shell;
    this.composition = composition;
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
      snapshots: { store: siteAwareSnapshotsFor(browserSnapshots, sp, siteUrl, this.context.pageContext.user.loginName), userKey: this.context.pageContext.user.loginName }
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
    if (!this.composition) return;
    const site = this.properties.siteUrl?.trim() || this.context.pageContext.web.absoluteUrl;
    this.services = this.composition.services(this.environment(spFromContext(this.context, site), site));
  }

  private applyTheme(t: IReadonlyTheme | undefined): void {
    this.theme = t;
  }

  public render(): void {
    if (!this.shell || !this.composition) return;
    const element = React.createElement(this.shell.default, { theme: this.theme, common },
      this.composition.render(this.services, this.properties, this.renderContext(this.webPartStrings)));
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
