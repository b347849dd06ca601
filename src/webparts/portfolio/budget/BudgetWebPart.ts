import * as strings from 'PortfolioWebPartStrings';
import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import type { IBudgetWebPartProps } from '../shared/portfolioSettings';
import type { AnyComposition } from '../../shared/PmoHubWebPart';

export default class BudgetWebPart extends PortfolioWebPart<IBudgetWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IBudgetWebPartProps>> {
    return import(/* webpackChunkName: 'budget' */ './composition').then((m) => m.budgetComposition);
  }
}
