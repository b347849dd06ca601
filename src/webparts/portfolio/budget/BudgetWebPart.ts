import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import type { IBudgetWebPartProps } from '../shared/portfolioSettings';
import type { AnyComposition } from '../../shared/PmoHubWebPart';
import type { LocFile } from '../../shared/locStrings';

export default class BudgetWebPart extends PortfolioWebPart<IBudgetWebPartProps> {
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return import(/* webpackChunkName: 'portfolio-strings-[request]' */ `../loc/${file}.js`);
  }

  protected loadComposition(): Promise<AnyComposition<IBudgetWebPartProps>> {
    return import(/* webpackChunkName: 'budget' */ './composition').then((m) => m.budgetComposition);
  }
}
