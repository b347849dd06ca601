import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioPlanningWebPartStrings';
import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import { planningDataGroup } from '../planning/planningPane';
import type { AnyComposition } from '../../shared/PmoHubWebPart';

export default class PortfolioRiskHeatMapWebPart extends PortfolioWebPart<IPortfolioWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IPortfolioWebPartProps>> {
    return import(/* webpackChunkName: 'portfolio-risk-heat-map' */ './composition').then((m) => m.portfolioRiskHeatMapComposition);
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
