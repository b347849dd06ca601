import { PropertyPaneDropdown, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'PortfolioPlanningWebPartStrings';
import type { TimelineGrouping, TimelineZoom } from './components/timelineModel';
import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import { planningDataGroup, viewGroup } from '../planning/planningPane';
import type { AnyComposition } from '../../shared/PmoHubWebPart';

export interface ITimelineWebPartProps extends IPortfolioWebPartProps {
  grouping: TimelineGrouping;
  zoom: TimelineZoom;
}

export default class TimelineWebPart extends PortfolioWebPart<ITimelineWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<ITimelineWebPartProps>> {
    return import(/* webpackChunkName: 'timeline' */ './composition').then((m) => m.timelineComposition);
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
