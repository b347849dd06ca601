import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'StatusReportsWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import type { IProjectScopedWebPartProps } from '../shared/settings';
import { statusReportsComposition } from './composition';

/** Thin by design: the services it needs and the component it renders; the base does the rest. */
export default class StatusReportsWebPart extends PmoHubWebPart<IProjectScopedWebPartProps> {
  private services!: ReturnType<typeof statusReportsComposition.services>;

  protected buildServices(sp: SPFI, site: string): void {
    this.services = statusReportsComposition.services(this.environment(sp, site));
  }

  protected renderComponent(): React.ReactElement {
    return statusReportsComposition.render(this.services, this.properties, this.renderContext(strings));
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return statusReportsComposition.propertyPane(strings, common);
  }
}
