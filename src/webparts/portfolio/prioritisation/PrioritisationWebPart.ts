import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import type { AnyComposition } from '../../shared/PmoHubWebPart';
import type { LocFile } from '../../shared/locStrings';

export interface IPrioritisationWebPartProps extends IPortfolioWebPartProps {
  /** Titles of the effort / risk criteria (the matrix's ease axis), comma-separated. */
  easeCriteria: string;
}

export default class PrioritisationWebPart extends PortfolioWebPart<IPrioritisationWebPartProps> {
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return import(/* webpackChunkName: 'portfolio-planning-strings-[request]' */ `../loc-planning/${file}.js`);
  }

  protected loadComposition(): Promise<AnyComposition<IPrioritisationWebPartProps>> {
    return import(/* webpackChunkName: 'prioritisation' */ './composition').then((m) => m.prioritisationComposition);
  }
}
