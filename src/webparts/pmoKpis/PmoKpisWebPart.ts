import * as strings from 'PmoKpisWebPartStrings';
import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import type { IPmoHubWebPartProps } from '../shared/settings';
import type { AnyComposition } from '../shared/PmoHubWebPart';

/** Thin by design: where its composition is (a chunk loaded on init); the base does the rest. */
export default class PmoKpisWebPart extends PmoHubWebPart<IPmoHubWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IPmoHubWebPartProps>> {
    return import(/* webpackChunkName: 'pmo-kpis' */ './composition').then((m) => m.pmoKpisComposition);
  }
}
