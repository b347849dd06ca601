import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'CommunityWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { PmoHubWebPart } from '../../shared/PmoHubWebPart';
import type { IPmoHubWebPartProps } from '../../shared/settings';
import { expertDirectoryComposition } from '../shared/compositions';

/** Experts (photos and titles from Graph, batched) and sparring requests. */
export default class ExpertDirectoryWebPart extends PmoHubWebPart<IPmoHubWebPartProps> {
  private services!: ReturnType<typeof expertDirectoryComposition.services>;

  protected buildServices(sp: SPFI, site: string): void {
    this.services = expertDirectoryComposition.services(this.environment(sp, site));
  }

  protected renderComponent(): React.ReactElement {
    return expertDirectoryComposition.render(this.services, this.properties, this.renderContext(strings));
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return expertDirectoryComposition.propertyPane(strings, common);
  }
}
