import * as strings from 'CommunityWebPartStrings';
import { PmoHubWebPart } from '../../shared/PmoHubWebPart';
import type { IPmoHubWebPartProps } from '../../shared/settings';
import type { AnyComposition } from '../../shared/PmoHubWebPart';

export default class LessonsLearnedWebPart extends PmoHubWebPart<IPmoHubWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IPmoHubWebPartProps>> {
    return import(/* webpackChunkName: 'community' */ '../shared/compositions').then((m) => m.lessonsLearnedComposition);
  }
}
