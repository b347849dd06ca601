import * as strings from 'PortfolioPlanningWebPartStrings';
import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import type { AnyComposition } from '../../shared/PmoHubWebPart';

export default class PortfolioRiskHeatMapWebPart extends PortfolioWebPart<IPortfolioWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IPortfolioWebPartProps>> {
    return import(/* webpackChunkName: 'portfolio-risk-heat-map' */ './composition').then((m) => m.portfolioRiskHeatMapComposition);
  }
}
