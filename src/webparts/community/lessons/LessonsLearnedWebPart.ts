import { PmoHubWebPart } from '../../shared/PmoHubWebPart';
import type { IPmoHubWebPartProps } from '../../shared/settings';
import type { AnyComposition } from '../../shared/PmoHubWebPart';
import type { LocFile } from '../../shared/locStrings';

export default class LessonsLearnedWebPart extends PmoHubWebPart<IPmoHubWebPartProps> {
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return import(/* webpackChunkName: 'community-strings-[request]' */ `../loc/${file}.js`);
  }

  protected loadComposition(): Promise<AnyComposition<IPmoHubWebPartProps>> {
    return import(/* webpackChunkName: 'community' */ '../shared/compositions').then((m) => m.lessonsLearnedComposition);
  }
}
