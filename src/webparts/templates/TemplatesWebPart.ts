import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'TemplatesWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import { type IPmoHubWebPartProps } from '../shared/settings';
import { templatesComposition } from './composition';

/** Thin by design: the template service and the component; the base does the rest. */
export default class TemplatesWebPart extends PmoHubWebPart<IPmoHubWebPartProps> {
  private services!: ReturnType<typeof templatesComposition.services>;

  protected buildServices(sp: SPFI, site: string): void {
    this.services = templatesComposition.services(this.environment(sp, site));
  }

  protected renderComponent(): React.ReactElement {
    return templatesComposition.render(this.services, this.properties, this.renderContext(strings));
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return templatesComposition.propertyPane(strings, common);
  }
}
