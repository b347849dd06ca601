import * as strings from 'FrontDoorWebPartStrings';
import { PmoHubWebPart, type AnyComposition } from '../shared/PmoHubWebPart';
import type { INewsWebPartProps } from './newsComposition';

export type { INewsWebPartProps };

/** The PMO's news: the site's SharePoint news posts, newest first. */
export default class NewsWebPart extends PmoHubWebPart<INewsWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<INewsWebPartProps>> {
    return import(/* webpackChunkName: 'news' */ './newsComposition').then((m) => m.newsComposition);
  }
}
