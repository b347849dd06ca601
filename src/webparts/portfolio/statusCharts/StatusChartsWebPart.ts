import * as strings from 'PortfolioWebPartStrings';
import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import type { IStatusChartsWebPartProps } from '../shared/portfolioSettings';
import type { AnyComposition } from '../../shared/PmoHubWebPart';

export default class StatusChartsWebPart extends PortfolioWebPart<IStatusChartsWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IStatusChartsWebPartProps>> {
    return import(/* webpackChunkName: 'status-charts' */ './composition').then((m) => m.statusChartsComposition);
  }
}
