import * as strings from 'TemplatesWebPartStrings';
import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import { type IPmoHubWebPartProps } from '../shared/settings';
import type { AnyComposition } from '../shared/PmoHubWebPart';

/** Thin by design: the template service and the component; the base does the rest. */
export default class TemplatesWebPart extends PmoHubWebPart<IPmoHubWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IPmoHubWebPartProps>> {
    return import(/* webpackChunkName: 'templates' */ './composition').then((m) => m.templatesComposition);
  }
}
