import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import type { IStatusChartsWebPartProps } from '../shared/portfolioSettings';
import type { AnyComposition } from '../../shared/PmoHubWebPart';
import type { LocFile } from '../../shared/locStrings';

export default class StatusChartsWebPart extends PortfolioWebPart<IStatusChartsWebPartProps> {
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return import(/* webpackChunkName: 'portfolio-strings-[request]' */ `../loc/${file}.js`);
  }

  protected loadComposition(): Promise<AnyComposition<IStatusChartsWebPartProps>> {
    return import(/* webpackChunkName: 'status-charts' */ './composition').then((m) => m.statusChartsComposition);
  }
}
