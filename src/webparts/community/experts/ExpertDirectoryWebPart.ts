import * as strings from 'CommunityWebPartStrings';
import { PmoHubWebPart } from '../../shared/PmoHubWebPart';
import type { IPmoHubWebPartProps } from '../../shared/settings';
import type { AnyComposition } from '../../shared/PmoHubWebPart';

/** Experts (photos and titles from Graph, batched) and sparring requests. */
export default class ExpertDirectoryWebPart extends PmoHubWebPart<IPmoHubWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IPmoHubWebPartProps>> {
    return import(/* webpackChunkName: 'community' */ '../shared/compositions').then((m) => m.expertDirectoryComposition);
  }
}
