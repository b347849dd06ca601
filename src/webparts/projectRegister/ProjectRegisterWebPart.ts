import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'ProjectRegisterWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import * as statusStrings from 'StatusReportsWebPartStrings';
import * as riskStrings from 'RisksWebPartStrings';
import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import { propertyPane, type IProjectRegisterWebPartProps } from './propertyPane';
import { projectRegisterComposition } from './composition';

/** Thin by design: the services it needs and the component it renders; the base does the rest. */
export default class ProjectRegisterWebPart extends PmoHubWebPart<IProjectRegisterWebPartProps> {
  private services!: ReturnType<typeof projectRegisterComposition.services>;

  protected buildServices(sp: SPFI, site: string): void {
    this.services = projectRegisterComposition.services(this.environment(sp, site));
  }

  protected renderComponent(): React.ReactElement {
    return projectRegisterComposition.render(this.services, this.properties, this.renderContext({ register: strings, status: statusStrings, risks: riskStrings }));
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return propertyPane(strings, common);
  }
}
