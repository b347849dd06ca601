import type { TimelineGrouping, TimelineZoom } from './components/timelineModel';
import { PortfolioWebPart, type IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import type { AnyComposition } from '../../shared/PmoHubWebPart';
import type { LocFile } from '../../shared/locStrings';

export interface ITimelineWebPartProps extends IPortfolioWebPartProps {
  grouping: TimelineGrouping;
  zoom: TimelineZoom;
}

export default class TimelineWebPart extends PortfolioWebPart<ITimelineWebPartProps> {
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return import(/* webpackChunkName: 'portfolio-planning-strings-[request]' */ `../loc-planning/${file}.js`);
  }

  protected loadComposition(): Promise<AnyComposition<ITimelineWebPartProps>> {
    return import(/* webpackChunkName: 'timeline' */ './composition').then((m) => m.timelineComposition);
  }
}
