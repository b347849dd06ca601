import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import type { IDynamicDataCallables, IDynamicDataPropertyDefinition } from '@microsoft/sp-dynamic-data';
import { PropertyPaneTextField, PropertyPaneToggle, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { SpPortfolioService, type IPortfolioService } from '../../../services/PortfolioService';
import { SpPortfolioViewService, type IPortfolioViewService } from '../../../services/PortfolioViewService';
import type { PortfolioFilter } from '../../../model/portfolio';
import { PmoHubWebPart } from '../../shared/PmoHubWebPart';
import { validateSiteUrl } from '../../shared/settings';
import { EMPTY_PORTFOLIO_FILTER, PORTFOLIO_FILTER_PROPERTY_ID } from '../../../model/portfolioFilter';
import type { IPortfolioFiltersWebPartProps } from '../shared/portfolioSettings';

// Loaded on first render, so a page's web parts share one copy of Fluent UI (see PmoHubWebPart).
const PortfolioFilters = React.lazy(() => import(/* webpackChunkName: 'portfolio-filters' */ './components/PortfolioFilters'));

/**
 * The page's filter bar and the SOURCE of the portfolio filter (SPFx dynamic data): the other
 * portfolio web parts connect their `filter` property to it and re-render when it changes.
 */
export default class PortfolioFiltersWebPart extends PmoHubWebPart<IPortfolioFiltersWebPartProps> implements IDynamicDataCallables {
  private service!: IPortfolioService;
  private views!: IPortfolioViewService;
  private filter: PortfolioFilter = { ...EMPTY_PORTFOLIO_FILTER };

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.context.dynamicDataSourceManager.initializeSource(this);
  }

  protected buildServices(sp: SPFI, site: string): void {
    this.service = new SpPortfolioService(sp, site);
    this.views = new SpPortfolioViewService(sp, site);
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
    return React.createElement(PortfolioFilters, {
      service: this.service, views: this.properties.showSavedViews === false ? undefined : this.views,
      filter: this.filter, onChange: this.onFilterChange, strings, common, locale: this.locale
    });
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.PropertyPaneDescription },
        groups: [{
          groupName: strings.DataGroupName,
          groupFields: [
            PropertyPaneTextField('siteUrl', { label: strings.SiteUrlLabel, onGetErrorMessage: (v: string) => validateSiteUrl(v, strings.SiteUrlInvalid), deferredValidationTime: 500 }),
            PropertyPaneToggle('showSavedViews', { label: strings.ShowSavedViewsLabel })
          ]
        }]
      }]
    };
  }
}
