import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioPlanningWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { SpPortfolioService, type IPortfolioService } from '../../../services/PortfolioService';
import { SpPrioritisationService, type IPrioritisationService } from '../../../services/PrioritisationService';
import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import { planningDataGroup, viewGroup } from '../planning/planningPane';

// Loaded on first render, so a page's web parts share one copy of Fluent UI (see PmoHubWebPart).
const Prioritisation = React.lazy(() => import(/* webpackChunkName: 'prioritisation' */ './components/Prioritisation'));

export interface IPrioritisationWebPartProps extends IPortfolioWebPartProps {
  /** Titles of the effort / risk criteria (the matrix's ease axis), comma-separated. */
  easeCriteria: string;
}

export default class PrioritisationWebPart extends PortfolioWebPart<IPrioritisationWebPartProps> {
  private portfolio!: IPortfolioService;
  private service!: IPrioritisationService;

  protected buildServices(sp: SPFI, site: string): void {
    this.portfolio = new SpPortfolioService(sp, site);
    this.service = new SpPrioritisationService(sp, site);
  }

  protected renderComponent(): React.ReactElement {
    return React.createElement(Prioritisation, {
      portfolio: this.portfolio, service: this.service, filter: this.currentFilter(), strings, common, locale: this.locale,
      easeCriteria: this.properties.easeCriteria ?? 'Effort, Risk'
    });
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
