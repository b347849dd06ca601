import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import type { IStatusChartsWebPartProps } from '../shared/portfolioSettings';
import { statusChartsComposition } from './composition';

export default class StatusChartsWebPart extends PortfolioWebPart<IStatusChartsWebPartProps> {
  private services!: ReturnType<typeof statusChartsComposition.services>;

  protected buildServices(sp: SPFI, site: string): void {
    this.services = statusChartsComposition.services(this.environment(sp, site));
  }

  protected renderComponent(): React.ReactElement {
    return statusChartsComposition.render(this.services, this.properties, this.renderContext(strings));
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return statusChartsComposition.propertyPane(strings, common);
  }
}
