import * as strings from 'RisksWebPartStrings';
import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import type { IProjectScopedWebPartProps } from '../shared/settings';
import type { AnyComposition } from '../shared/PmoHubWebPart';

/** Thin by design: where its composition is (a chunk loaded on init) and its property pane; the base does the rest. */
export default class RisksWebPart extends PmoHubWebPart<IProjectScopedWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IProjectScopedWebPartProps>> {
    return import(/* webpackChunkName: 'risks' */ './composition').then((m) => m.risksComposition);
  }
}
