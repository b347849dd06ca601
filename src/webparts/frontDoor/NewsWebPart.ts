import { PmoHubWebPart, type AnyComposition } from '../shared/PmoHubWebPart';
import type { INewsWebPartProps } from './newsComposition';
import type { LocFile } from '../shared/locStrings';

export type { INewsWebPartProps };

/** The PMO's news: the site's SharePoint news posts, newest first. */
export default class NewsWebPart extends PmoHubWebPart<INewsWebPartProps> {
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return import(/* webpackChunkName: 'front-door-strings-[request]' */ `./loc/${file}.js`);
  }

  protected loadComposition(): Promise<AnyComposition<INewsWebPartProps>> {
    return import(/* webpackChunkName: 'news' */ './newsComposition').then((m) => m.newsComposition);
  }
}
