import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import type { AnyComposition } from '../../shared/PmoHubWebPart';
import type { LocFile } from '../../shared/locStrings';

export default class PortfolioRiskHeatMapWebPart extends PortfolioWebPart<IPortfolioWebPartProps> {
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return import(/* webpackChunkName: 'portfolio-planning-strings-[request]' */ `../loc-planning/${file}.js`);
  }

  protected loadComposition(): Promise<AnyComposition<IPortfolioWebPartProps>> {
    return import(/* webpackChunkName: 'portfolio-risk-heat-map' */ './composition').then((m) => m.portfolioRiskHeatMapComposition);
  }
}
