import type { DynamicProperty } from '@microsoft/sp-component-base';
import type { IWebPartPropertiesMetadata } from '@microsoft/sp-webpart-base';
import type { PortfolioFilter } from '../../../model/portfolio';
import { PmoHubWebPart } from '../../shared/PmoHubWebPart';
import type { IPmoHubWebPartProps } from '../../shared/settings';
import { parsePortfolioFilter } from '../../../model/portfolioFilter';
import type { WebPartRenderContext } from '../../shared/composition';

export interface IPortfolioWebPartProps extends IPmoHubWebPartProps {
  /**
   * The page's portfolio filter, connected in the property pane to the Portfolio filters web part
   * (SPFx dynamic data). Unconnected, the web part shows the whole portfolio.
   */
  filter?: DynamicProperty<PortfolioFilter>;
}

/**
 * A portfolio web part: follows the page's filter. SPFx re-renders the web part when the
 * connected source publishes a new value, so components only ever receive a plain filter.
 */
export abstract class PortfolioWebPart<TProps extends IPortfolioWebPartProps> extends PmoHubWebPart<TProps> {
  protected get propertiesMetadata(): IWebPartPropertiesMetadata {
    return { filter: { dynamicPropertyType: 'object' } };
  }

  /** The connected filter's current value, validated like a stored view (a source may publish anything). */
  protected currentFilter(): PortfolioFilter {
    return parsePortfolioFilter(this.properties.filter?.tryGetValue());
  }

  protected renderContext<TStrings>(strings: TStrings): WebPartRenderContext<TStrings> {
    return { ...super.renderContext(strings), filter: this.currentFilter() };
  }
}
