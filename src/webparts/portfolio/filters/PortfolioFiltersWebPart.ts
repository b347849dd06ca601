import type { IDynamicDataCallables, IDynamicDataPropertyDefinition } from '@microsoft/sp-dynamic-data';
import type { PortfolioFilter } from '../../../model/portfolio';
import { PmoHubWebPart, type AnyComposition } from '../../shared/PmoHubWebPart';
import type { WebPartRenderContext } from '../../shared/composition';
import { EMPTY_PORTFOLIO_FILTER, PORTFOLIO_FILTER_PROPERTY_ID } from '../../../model/portfolioFilter';
import type { IPortfolioFiltersWebPartProps } from '../shared/portfolioSettings';
import type { LocFile } from '../../shared/locStrings';

/**
 * The page's filter bar and the SOURCE of the portfolio filter (SPFx dynamic data): the other
 * portfolio web parts connect their `filter` property to it and re-render when it changes.
 */
export default class PortfolioFiltersWebPart extends PmoHubWebPart<IPortfolioFiltersWebPartProps> implements IDynamicDataCallables {
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return import(/* webpackChunkName: 'portfolio-strings-[request]' */ `../loc/${file}.js`);
  }

  protected loadComposition(): Promise<AnyComposition<IPortfolioFiltersWebPartProps>> {
    return import(/* webpackChunkName: 'portfolio-filters' */ './composition').then((m) => m.portfolioFiltersComposition);
  }

  private filter: PortfolioFilter = { ...EMPTY_PORTFOLIO_FILTER };

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.context.dynamicDataSourceManager.initializeSource(this);
  }

  public getPropertyDefinitions(): ReadonlyArray<IDynamicDataPropertyDefinition> {
    return [{ id: PORTFOLIO_FILTER_PROPERTY_ID, title: (this.webPartStrings as IPortfolioWebPartStrings).FilterPropertyTitle }];
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

  /** This web part is the filter's source: it renders its own filter and publishes changes. */
  protected renderContext<TStrings>(webPartStrings: TStrings): WebPartRenderContext<TStrings> {
    return { ...super.renderContext(webPartStrings), filter: this.filter, onFilterChange: this.onFilterChange };
  }
}
