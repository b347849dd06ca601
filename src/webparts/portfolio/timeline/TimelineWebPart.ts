import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { PropertyPaneDropdown, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioPlanningWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import type { TimelineGrouping, TimelineZoom } from './components/timelineModel';
import { SpPortfolioService, type IPortfolioService } from '../../../services/PortfolioService';
import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import { planningDataGroup, viewGroup } from '../planning/planningPane';

// Loaded on first render, so a page's web parts share one copy of Fluent UI (see PmoHubWebPart).
const Timeline = React.lazy(() => import(/* webpackChunkName: 'timeline' */ './components/Timeline'));

export interface ITimelineWebPartProps extends IPortfolioWebPartProps {
  grouping: TimelineGrouping;
  zoom: TimelineZoom;
}

export default class TimelineWebPart extends PortfolioWebPart<ITimelineWebPartProps> {
  private portfolio!: IPortfolioService;

  protected buildServices(sp: SPFI, site: string): void {
    this.portfolio = new SpPortfolioService(sp, site);
  }

  protected renderComponent(): React.ReactElement {
    return React.createElement(Timeline, {
      portfolio: this.portfolio, filter: this.currentFilter(), strings, common, locale: this.locale,
      grouping: this.properties.grouping === 'unit' ? 'unit' : 'programme',
      zoom: this.properties.zoom === 'years' || this.properties.zoom === 'halfYears' ? this.properties.zoom : 'quarters'
    });
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
