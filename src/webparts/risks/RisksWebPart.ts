import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { ThemeProvider as SpThemeProvider, ThemeChangedEventArgs, type IReadonlyTheme } from '@microsoft/sp-component-base';
import { ThemeProvider, createTheme, type Theme } from '@fluentui/react';
import * as strings from 'RisksWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import Risks from './components/Risks';
import type { IRiskServices } from './components/RiskRegister';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { SpProjectService, type IProjectService } from '../../services/ProjectService';
import { SpRiskService } from '../../services/RiskService';
import { SpProjectEditingService } from '../../services/ProjectEditingService';
import { GraphPeopleService, type GraphClientLike } from '../../services/PeopleService';
import { spFromContext } from '../../services/sp';
import { propertyPane } from '../statusReports/propertyPane';
import { DEFAULTS, parseProjectId, type IStatusReportsWebPartProps as IRisksWebPartProps } from '../statusReports/settings';

/** Thin by design: build the services from the SPFx context, mount one React root, unmount on dispose. */
export default class RisksWebPart extends BaseClientSideWebPart<IRisksWebPartProps> {
  private projectService!: IProjectService;
  private services!: IRiskServices;
  private theme: Theme | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const themeProvider = this.context.serviceScope.consume(SpThemeProvider.serviceKey);
    this.applyTheme(themeProvider.tryGetTheme());
    themeProvider.themeChangedEvent.add(this, (e: ThemeChangedEventArgs) => { this.applyTheme(e.theme); this.render(); });
    this.buildServices();
  }

  private siteUrl(): string {
    return this.properties.siteUrl?.trim() || this.context.pageContext.web.absoluteUrl;
  }

  private buildServices(): void {
    const site = this.siteUrl();
    const sp = spFromContext(this.context, site);
    this.projectService = new SpProjectService(sp, site);
    this.services = {
      risks: new SpRiskService(sp, site),
      editing: new SpProjectEditingService(sp, site),
      // SPFx's Graph client is @microsoft/microsoft-graph-client under its own copy of the typings.
      people: new GraphPeopleService(sp, site, () => this.context.msGraphClientFactory.getClient('3') as unknown as Promise<GraphClientLike>)
    };
  }

  private applyTheme(t: IReadonlyTheme | undefined): void {
    this.theme = t ? createTheme({ palette: t.palette, semanticColors: t.semanticColors, isInverted: t.isInverted }) : undefined;
  }

  public render(): void {
    const p = { ...DEFAULTS, ...this.properties };
    const element = React.createElement(ThemeProvider, { theme: this.theme },
      React.createElement(ErrorBoundary, { title: common.ErrorTitle, retryLabel: common.Retry },
        React.createElement(Risks, {
          projectService: this.projectService, services: this.services, strings, common,
          locale: this.context.pageContext.cultureInfo.currentUICultureName,
          projectId: parseProjectId(p.projectId)
        })));
    ReactDom.render(element, this.domElement);
  }

  protected onPropertyPaneFieldChanged(path: string): void {
    if (path === 'siteUrl') this.buildServices();
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return propertyPane(strings);
  }
}
