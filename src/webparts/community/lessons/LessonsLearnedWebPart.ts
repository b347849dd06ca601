import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'CommunityWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { PmoHubWebPart } from '../../shared/PmoHubWebPart';
import type { IPmoHubWebPartProps } from '../../shared/settings';
import { lessonsLearnedComposition } from '../shared/compositions';

export default class LessonsLearnedWebPart extends PmoHubWebPart<IPmoHubWebPartProps> {
  private services!: ReturnType<typeof lessonsLearnedComposition.services>;

  protected buildServices(sp: SPFI, site: string): void {
    this.services = lessonsLearnedComposition.services(this.environment(sp, site));
  }

  protected renderComponent(): React.ReactElement {
    return lessonsLearnedComposition.render(this.services, this.properties, this.renderContext(strings));
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return lessonsLearnedComposition.propertyPane(strings, common);
  }
}
