import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'StatusReportsWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import type { IStatusReportServices } from './components/ProjectStatusReports';
import { SpProjectService, type IProjectService } from '../../services/ProjectService';
import { SpStatusReportService } from '../../services/StatusReportService';
import { SpProjectEditingService } from '../../services/ProjectEditingService';
import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import { projectDataPane } from '../shared/projectDataPane';
import { PROJECT_SCOPED_DEFAULTS, parseProjectId, type IProjectScopedWebPartProps } from '../shared/settings';

// Loaded on first render, so a page's web parts share one copy of Fluent UI (see PmoHubWebPart).
const StatusReports = React.lazy(() => import(/* webpackChunkName: 'status-reports' */ './components/StatusReports'));

/** Thin by design: the services it needs and the component it renders; the base does the rest. */
export default class StatusReportsWebPart extends PmoHubWebPart<IProjectScopedWebPartProps> {
  private projectService!: IProjectService;
  private services!: IStatusReportServices;

  protected buildServices(sp: SPFI, site: string): void {
    this.projectService = new SpProjectService(sp, site);
    this.services = { statusReports: new SpStatusReportService(sp, site), editing: new SpProjectEditingService(sp, site) };
  }

  protected renderComponent(): React.ReactElement {
    const p = { ...PROJECT_SCOPED_DEFAULTS, ...this.properties };
    return React.createElement(StatusReports, {
      projectService: this.projectService, services: this.services, strings, common, locale: this.locale,
      projectId: parseProjectId(p.projectId)
    });
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return projectDataPane(strings);
  }
}
