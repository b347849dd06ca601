import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioPlanningWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { SpPortfolioService, type IPortfolioService } from '../../../services/PortfolioService';
import { SpPortfolioRiskService, type IPortfolioRiskService } from '../../../services/PortfolioRiskService';
import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import { planningDataGroup } from '../planning/planningPane';

// Loaded on first render, so a page's web parts share one copy of Fluent UI (see PmoHubWebPart).
const PortfolioRiskHeatMap = React.lazy(() => import(/* webpackChunkName: 'portfolio-risk-heat-map' */ './components/PortfolioRiskHeatMap'));

export default class PortfolioRiskHeatMapWebPart extends PortfolioWebPart<IPortfolioWebPartProps> {
  private portfolio!: IPortfolioService;
  private risks!: IPortfolioRiskService;

  protected buildServices(sp: SPFI, site: string): void {
    this.portfolio = new SpPortfolioService(sp, site);
    this.risks = new SpPortfolioRiskService(sp, site);
  }

  protected renderComponent(): React.ReactElement {
    return React.createElement(PortfolioRiskHeatMap, {
      portfolio: this.portfolio, risks: this.risks, filter: this.currentFilter(), strings, common, locale: this.locale
    });
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.PropertyPaneDescription },
        groups: [planningDataGroup(strings), this.filterConnectionGroup(strings.FilterGroupName, strings.FilterConnectionLabel)]
      }]
    };
  }
}
