import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import type { IPmoHubWebPartProps } from '../shared/settings';
import type { AnyComposition } from '../shared/PmoHubWebPart';
import type { LocFile } from '../shared/locStrings';

/** Thin by design: where its composition is (a chunk loaded on init); the base does the rest. */
export default class PmoKpisWebPart extends PmoHubWebPart<IPmoHubWebPartProps> {
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return import(/* webpackChunkName: 'pmo-kpis-strings-[request]' */ `./loc/${file}.js`);
  }

  protected loadComposition(): Promise<AnyComposition<IPmoHubWebPartProps>> {
    return import(/* webpackChunkName: 'pmo-kpis' */ './composition').then((m) => m.pmoKpisComposition);
  }
}
