import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import type { IProjectScopedWebPartProps } from '../shared/settings';
import type { AnyComposition } from '../shared/PmoHubWebPart';
import type { LocFile } from '../shared/locStrings';

/** Thin by design: where its composition is (a chunk loaded on init); the base does the rest. */
export default class BenefitsWebPart extends PmoHubWebPart<IProjectScopedWebPartProps> {
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return import(/* webpackChunkName: 'benefits-strings-[request]' */ `./loc/${file}.js`);
  }

  protected loadComposition(): Promise<AnyComposition<IProjectScopedWebPartProps>> {
    return import(/* webpackChunkName: 'benefits' */ './composition').then((m) => m.benefitsComposition);
  }
}
