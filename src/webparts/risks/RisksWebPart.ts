import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'RisksWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import type { IProjectScopedWebPartProps } from '../shared/settings';
import { risksComposition } from './composition';

/** Thin by design: the services it needs and the component it renders; the base does the rest. */
export default class RisksWebPart extends PmoHubWebPart<IProjectScopedWebPartProps> {
  private services!: ReturnType<typeof risksComposition.services>;

  protected buildServices(sp: SPFI, site: string): void {
    this.services = risksComposition.services(this.environment(sp, site));
  }

  protected renderComponent(): React.ReactElement {
    return risksComposition.render(this.services, this.properties, this.renderContext(strings));
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return risksComposition.propertyPane(strings, common);
  }
}
