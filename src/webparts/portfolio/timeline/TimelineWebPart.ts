import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { PropertyPaneDropdown, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioPlanningWebPartStrings';
import type { TimelineGrouping, TimelineZoom } from './components/timelineModel';
import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import { planningDataGroup, viewGroup } from '../planning/planningPane';
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
    return {
      pages: [{
        header: { description: strings.PropertyPaneDescription },
        groups: [
          planningDataGroup(strings),
          this.filterConnectionGroup(strings.FilterGroupName, strings.FilterConnectionLabel),
          viewGroup(strings, [
            PropertyPaneDropdown('grouping', { label: strings.GroupBy, options: [{ key: 'programme', text: strings.GroupByProgramme }, { key: 'unit', text: strings.GroupByUnit }] }),
            PropertyPaneDropdown('zoom', { label: strings.Zoom, options: [{ key: 'quarters', text: strings.ZoomQuarters }, { key: 'halfYears', text: strings.ZoomHalfYears }, { key: 'years', text: strings.ZoomYears }] })
          ])
        ]
      }]
    };
  }
}
