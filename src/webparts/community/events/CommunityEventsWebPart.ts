import { PmoHubWebPart } from '../../shared/PmoHubWebPart';
import type { ICommunityEventsWebPartProps } from '../shared/compositions';
import type { AnyComposition } from '../../shared/PmoHubWebPart';
import type { LocFile } from '../../shared/locStrings';

export type { ICommunityEventsWebPartProps };

/** The PMO meeting cycle. Everyone can download an .ics; Graph calendar entries only where a tenant admin allowed them. */
export default class CommunityEventsWebPart extends PmoHubWebPart<ICommunityEventsWebPartProps> {
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return import(/* webpackChunkName: 'community-strings-[request]' */ `../loc/${file}.js`);
  }

  protected loadComposition(): Promise<AnyComposition<ICommunityEventsWebPartProps>> {
    return import(/* webpackChunkName: 'community' */ '../shared/compositions').then((m) => m.communityEventsComposition);
  }
}
