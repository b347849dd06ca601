import * as strings from 'PortfolioPlanningWebPartStrings';
import type { TimelineGrouping, TimelineZoom } from './components/timelineModel';
import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
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
}
