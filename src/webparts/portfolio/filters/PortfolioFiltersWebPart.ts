import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import type { IDynamicDataCallables, IDynamicDataPropertyDefinition } from '@microsoft/sp-dynamic-data';
import { type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import type { PortfolioFilter } from '../../../model/portfolio';
import { PmoHubWebPart } from '../../shared/PmoHubWebPart';
import { EMPTY_PORTFOLIO_FILTER, PORTFOLIO_FILTER_PROPERTY_ID } from '../../../model/portfolioFilter';
import type { IPortfolioFiltersWebPartProps } from '../shared/portfolioSettings';
import { portfolioFiltersComposition } from './composition';

/**
 * The page's filter bar and the SOURCE of the portfolio filter (SPFx dynamic data): the other
 * portfolio web parts connect their `filter` property to it and re-render when it changes.
 */
export default class PortfolioFiltersWebPart extends PmoHubWebPart<IPortfolioFiltersWebPartProps> implements IDynamicDataCallables {
  private services!: ReturnType<typeof portfolioFiltersComposition.services>;
  private filter: PortfolioFilter = { ...EMPTY_PORTFOLIO_FILTER };

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.context.dynamicDataSourceManager.initializeSource(this);
  }

  protected buildServices(sp: SPFI, site: string): void {
    this.services = portfolioFiltersComposition.services(this.environment(sp, site));
  }

  public getPropertyDefinitions(): ReadonlyArray<IDynamicDataPropertyDefinition> {
    return [{ id: PORTFOLIO_FILTER_PROPERTY_ID, title: strings.FilterPropertyTitle }];
  }

  public getPropertyValue(propertyId: string): PortfolioFilter {
    if (propertyId !== PORTFOLIO_FILTER_PROPERTY_ID) throw new Error(`Unknown property: ${propertyId}`);
    return this.filter;
  }

  private readonly onFilterChange = (filter: PortfolioFilter): void => {
    this.filter = filter;
    this.context.dynamicDataSourceManager.notifyPropertyChanged(PORTFOLIO_FILTER_PROPERTY_ID);
    this.render();
  };

  protected renderComponent(): React.ReactElement {
    return portfolioFiltersComposition.render(this.services, this.properties, { ...this.renderContext(strings), filter: this.filter, onFilterChange: this.onFilterChange });
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return portfolioFiltersComposition.propertyPane(strings, common);
  }
}
