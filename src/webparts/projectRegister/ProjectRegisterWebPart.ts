import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { ThemeProvider as SpThemeProvider, ThemeChangedEventArgs, type IReadonlyTheme } from '@microsoft/sp-component-base';
import { ThemeProvider, createTheme, type Theme } from '@fluentui/react';
import * as strings from 'ProjectRegisterWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import * as statusStrings from 'StatusReportsWebPartStrings';
import * as riskStrings from 'RisksWebPartStrings';
import type { IControlLoop } from './components/IProjectRegisterProps';
import { SpStatusReportService } from '../../services/StatusReportService';
import { SpRiskService } from '../../services/RiskService';
import ProjectRegister from './components/ProjectRegister';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { SpProjectService, type IProjectService } from '../../services/ProjectService';
import { spFromContext } from '../../services/sp';
import type { IPeopleService, IProjectEditingService } from '../../services/editing';
import { SpProjectEditingService } from '../../services/ProjectEditingService';
import { GraphPeopleService, type GraphClientLike } from '../../services/PeopleService';
import { propertyPane, type IProjectRegisterWebPartProps, DEFAULTS } from './propertyPane';

/** Thin by design: build the service from the SPFx context, mount one React root, unmount on dispose. */
export default class ProjectRegisterWebPart extends BaseClientSideWebPart<IProjectRegisterWebPartProps> {
  private service!: IProjectService;
  private editing!: IProjectEditingService;
  private people!: IPeopleService;
  private loop!: IControlLoop;
  private theme: Theme | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const themeProvider = this.context.serviceScope.consume(SpThemeProvider.serviceKey);
    this.applyTheme(themeProvider.tryGetTheme());
    themeProvider.themeChangedEvent.add(this, (e: ThemeChangedEventArgs) => { this.applyTheme(e.theme); this.render(); });
    this.buildService();
  }

  private siteUrl(): string {
    return this.properties.siteUrl?.trim() || this.context.pageContext.web.absoluteUrl;
  }

  private buildService(): void {
    const site = this.siteUrl();
    const sp = spFromContext(this.context, site);
    this.service = new SpProjectService(sp, site);
    this.editing = new SpProjectEditingService(sp, site);
    this.people = new GraphPeopleService(sp, site, () => this.context.msGraphClientFactory.getClient('3') as unknown as Promise<GraphClientLike>);
    this.loop = {
      statusReports: new SpStatusReportService(sp, site), risks: new SpRiskService(sp, site), editing: this.editing, people: this.people,
      statusStrings, riskStrings
    };
  }

  private applyTheme(t: IReadonlyTheme | undefined): void {
    this.theme = t ? createTheme({ palette: t.palette, semanticColors: t.semanticColors, isInverted: t.isInverted }) : undefined;
  }

  public render(): void {
    const p = { ...DEFAULTS, ...this.properties };
    const element = React.createElement(ThemeProvider, { theme: this.theme },
      React.createElement(ErrorBoundary, { title: common.ErrorTitle, retryLabel: common.Retry },
        React.createElement(ProjectRegister, {
          service: this.service, editing: this.editing, people: this.people, controlLoop: this.loop, strings, common, locale: this.context.pageContext.cultureInfo.currentUICultureName,
          pageSize: p.pageSize, staleDays: p.staleDays, defaultPhase: p.defaultPhase || ''
        })));
    ReactDom.render(element, this.domElement);
  }

  protected onPropertyPaneFieldChanged(path: string): void {
    if (path === 'siteUrl') this.buildService();
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return propertyPane(strings, common);
  }
}
