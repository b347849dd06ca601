import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { PortfolioWebPart } from '../shared/PortfolioWebPart';
import type { IBudgetWebPartProps } from '../shared/portfolioSettings';
import { budgetComposition } from './composition';

export default class BudgetWebPart extends PortfolioWebPart<IBudgetWebPartProps> {
  private services!: ReturnType<typeof budgetComposition.services>;

  protected buildServices(sp: SPFI, site: string): void {
    this.services = budgetComposition.services(this.environment(sp, site));
  }

  protected renderComponent(): React.ReactElement {
    return budgetComposition.render(this.services, this.properties, this.renderContext(strings));
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return budgetComposition.propertyPane(strings, common);
  }
}
