import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import type { IKpiTilesWebPartProps } from '../shared/portfolioSettings';
import { kpiTilesComposition } from './composition';

export default class KpiTilesWebPart extends PortfolioWebPart<IKpiTilesWebPartProps> {
  private services!: ReturnType<typeof kpiTilesComposition.services>;

  protected buildServices(sp: SPFI, site: string): void {
    this.services = kpiTilesComposition.services(this.environment(sp, site));
  }

  protected renderComponent(): React.ReactElement {
    return kpiTilesComposition.render(this.services, this.properties, this.renderContext(strings));
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return kpiTilesComposition.propertyPane(strings, common);
  }
}
