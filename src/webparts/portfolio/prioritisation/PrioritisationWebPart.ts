import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioPlanningWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import { prioritisationComposition } from './composition';

export interface IPrioritisationWebPartProps extends IPortfolioWebPartProps {
  /** Titles of the effort / risk criteria (the matrix's ease axis), comma-separated. */
  easeCriteria: string;
}

export default class PrioritisationWebPart extends PortfolioWebPart<IPrioritisationWebPartProps> {
  private services!: ReturnType<typeof prioritisationComposition.services>;

  protected buildServices(sp: SPFI, site: string): void {
    this.services = prioritisationComposition.services(this.environment(sp, site));
  }

  protected renderComponent(): React.ReactElement {
    return prioritisationComposition.render(this.services, this.properties, this.renderContext(strings));
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return prioritisationComposition.propertyPane(strings, common);
  }
}
