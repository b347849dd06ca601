import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import type { IProjectScopedWebPartProps } from '../shared/settings';
import type { AnyComposition } from '../shared/PmoHubWebPart';
import type { LocFile } from '../shared/locStrings';

/** Thin by design: where its composition is (a chunk loaded on init) and its property pane; the base does the rest. */
export default class RisksWebPart extends PmoHubWebPart<IProjectScopedWebPartProps> {
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return import(/* webpackChunkName: 'risks-strings-[request]' */ `./loc/${file}.js`);
  }

  protected loadComposition(): Promise<AnyComposition<IProjectScopedWebPartProps>> {
    return import(/* webpackChunkName: 'risks' */ './composition').then((m) => m.risksComposition);
  }
}
