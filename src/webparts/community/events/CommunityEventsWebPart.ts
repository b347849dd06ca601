import * as strings from 'CommunityWebPartStrings';
import { PmoHubWebPart } from '../../shared/PmoHubWebPart';
import type { ICommunityEventsWebPartProps } from '../shared/compositions';
import type { AnyComposition } from '../../shared/PmoHubWebPart';

export type { ICommunityEventsWebPartProps };

/** The PMO meeting cycle. Everyone can download an .ics; Graph calendar entries only where a tenant admin allowed them. */
export default class CommunityEventsWebPart extends PmoHubWebPart<ICommunityEventsWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<ICommunityEventsWebPartProps>> {
    return import(/* webpackChunkName: 'community' */ '../shared/compositions').then((m) => m.communityEventsComposition);
  }
}
