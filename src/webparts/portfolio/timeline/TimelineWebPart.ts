import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioPlanningWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import type { TimelineGrouping, TimelineZoom } from './components/timelineModel';
import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import { timelineComposition } from './composition';

export interface ITimelineWebPartProps extends IPortfolioWebPartProps {
  grouping: TimelineGrouping;
  zoom: TimelineZoom;
}

export default class TimelineWebPart extends PortfolioWebPart<ITimelineWebPartProps> {
  private services!: ReturnType<typeof timelineComposition.services>;

  protected buildServices(sp: SPFI, site: string): void {
    this.services = timelineComposition.services(this.environment(sp, site));
  }

  protected renderComponent(): React.ReactElement {
    return timelineComposition.render(this.services, this.properties, this.renderContext(strings));
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return timelineComposition.propertyPane(strings, common);
  }
}
