import * as strings from 'PortfolioPlanningWebPartStrings';
import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import type { AnyComposition } from '../../shared/PmoHubWebPart';

export interface IPrioritisationWebPartProps extends IPortfolioWebPartProps {
  /** Titles of the effort / risk criteria (the matrix's ease axis), comma-separated. */
  easeCriteria: string;
}

export default class PrioritisationWebPart extends PortfolioWebPart<IPrioritisationWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IPrioritisationWebPartProps>> {
    return import(/* webpackChunkName: 'prioritisation' */ './composition').then((m) => m.prioritisationComposition);
  }
}
