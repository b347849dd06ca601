import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'CommunityWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { PmoHubWebPart } from '../../shared/PmoHubWebPart';
import { communityEventsComposition, type ICommunityEventsWebPartProps } from '../shared/compositions';

export type { ICommunityEventsWebPartProps };

/** The PMO meeting cycle. Everyone can download an .ics; Graph calendar entries only where a tenant admin allowed them. */
export default class CommunityEventsWebPart extends PmoHubWebPart<ICommunityEventsWebPartProps> {
  private services!: ReturnType<typeof communityEventsComposition.services>;

  protected buildServices(sp: SPFI, site: string): void {
    this.services = communityEventsComposition.services(this.environment(sp, site));
  }

  protected renderComponent(): React.ReactElement {
    return communityEventsComposition.render(this.services, this.properties, this.renderContext(strings));
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return communityEventsComposition.propertyPane(strings, common);
  }
}
