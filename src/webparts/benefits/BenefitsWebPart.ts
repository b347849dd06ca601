import * as strings from 'BenefitsWebPartStrings';
import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import type { IProjectScopedWebPartProps } from '../shared/settings';
import type { AnyComposition } from '../shared/PmoHubWebPart';

/** Thin by design: where its composition is (a chunk loaded on init); the base does the rest. */
export default class BenefitsWebPart extends PmoHubWebPart<IProjectScopedWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IProjectScopedWebPartProps>> {
    return import(/* webpackChunkName: 'benefits' */ './composition').then((m) => m.benefitsComposition);
  }
}
