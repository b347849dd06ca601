import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import type { IKpiTilesWebPartProps } from '../shared/portfolioSettings';
import type { AnyComposition } from '../../shared/PmoHubWebPart';
import type { LocFile } from '../../shared/locStrings';

export default class KpiTilesWebPart extends PortfolioWebPart<IKpiTilesWebPartProps> {
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return import(/* webpackChunkName: 'portfolio-strings-[request]' */ `../loc/${file}.js`);
  }

  protected loadComposition(): Promise<AnyComposition<IKpiTilesWebPartProps>> {
    return import(/* webpackChunkName: 'kpi-tiles' */ './composition').then((m) => m.kpiTilesComposition);
  }
}
