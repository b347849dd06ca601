import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'ProjectRegisterWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import * as statusStrings from 'StatusReportsWebPartStrings';
import * as riskStrings from 'RisksWebPartStrings';
import type { IControlLoop } from './components/IProjectRegisterProps';
import { SpStatusReportService } from '../../services/StatusReportService';
import { SpRiskService } from '../../services/RiskService';
import { SpProjectService, type IProjectService } from '../../services/ProjectService';
import type { IPeopleService, IProjectEditingService } from '../../services/editing';
import { SpProjectEditingService } from '../../services/ProjectEditingService';
import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import { drillDownOf, withoutDrillDown } from '../portfolio/shared/drillDown';
import { propertyPane, type IProjectRegisterWebPartProps, DEFAULTS } from './propertyPane';

// Loaded on first render, so a page's web parts share one copy of Fluent UI (see PmoHubWebPart).
const ProjectRegister = React.lazy(() => import(/* webpackChunkName: 'project-register' */ './components/ProjectRegister'));

/** Thin by design: the services it needs and the component it renders; the base does the rest. */
export default class ProjectRegisterWebPart extends PmoHubWebPart<IProjectRegisterWebPartProps> {
  private service!: IProjectService;
  private editing!: IProjectEditingService;
  private people!: IPeopleService;
  private loop!: IControlLoop;

  protected buildServices(sp: SPFI, site: string): void {
    this.service = new SpProjectService(sp, site);
    this.editing = new SpProjectEditingService(sp, site);
    this.people = this.peopleService(sp, site);
    this.loop = {
      statusReports: new SpStatusReportService(sp, site), risks: new SpRiskService(sp, site), editing: this.editing, people: this.people,
      statusStrings, riskStrings
    };
  }

  protected renderComponent(): React.ReactElement {
    const p = { ...DEFAULTS, ...this.properties };
    return React.createElement(ProjectRegister, {
      service: this.service, editing: this.editing, people: this.people, controlLoop: this.loop, strings, common, locale: this.locale,
      pageSize: p.pageSize, staleDays: p.staleDays, defaultPhase: p.defaultPhase || '',
      // A KPI tile of the portfolio overview links here with its filter in the URL.
      drillDown: drillDownOf(window.location.search),
      onClearDrillDown: () => window.history.replaceState(window.history.state, '', withoutDrillDown(window.location.href))
    });
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return propertyPane(strings, common);
  }
}
