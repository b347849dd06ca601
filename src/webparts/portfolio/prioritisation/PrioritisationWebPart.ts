import { PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioPlanningWebPartStrings';
import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import { planningDataGroup, viewGroup } from '../planning/planningPane';
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

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.PropertyPaneDescription },
        groups: [
          planningDataGroup(strings),
          this.filterConnectionGroup(strings.FilterGroupName, strings.FilterConnectionLabel),
          viewGroup(strings, [PropertyPaneTextField('easeCriteria', { label: strings.EaseCriteriaLabel, description: strings.EaseCriteriaDescription })])
        ]
      }]
    };
  }
}
