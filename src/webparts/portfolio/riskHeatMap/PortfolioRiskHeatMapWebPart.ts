import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioPlanningWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import { portfolioRiskHeatMapComposition } from './composition';

export default class PortfolioRiskHeatMapWebPart extends PortfolioWebPart<IPortfolioWebPartProps> {
  private services!: ReturnType<typeof portfolioRiskHeatMapComposition.services>;

  protected buildServices(sp: SPFI, site: string): void {
    this.services = portfolioRiskHeatMapComposition.services(this.environment(sp, site));
  }

  protected renderComponent(): React.ReactElement {
    return portfolioRiskHeatMapComposition.render(this.services, this.properties, this.renderContext(strings));
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return portfolioRiskHeatMapComposition.propertyPane(strings, common);
  }
}
