import * as strings from 'PortfolioWebPartStrings';
import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import type { IKpiTilesWebPartProps } from '../shared/portfolioSettings';
import type { AnyComposition } from '../../shared/PmoHubWebPart';

export default class KpiTilesWebPart extends PortfolioWebPart<IKpiTilesWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IKpiTilesWebPartProps>> {
    return import(/* webpackChunkName: 'kpi-tiles' */ './composition').then((m) => m.kpiTilesComposition);
  }
}
