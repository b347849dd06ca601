import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import { type IPmoHubWebPartProps } from '../shared/settings';
import type { AnyComposition } from '../shared/PmoHubWebPart';
import type { LocFile } from '../shared/locStrings';

/** Thin by design: the template service and the component; the base does the rest. */
export default class TemplatesWebPart extends PmoHubWebPart<IPmoHubWebPartProps> {
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return import(/* webpackChunkName: 'templates-strings-[request]' */ `./loc/${file}.js`);
  }

  protected loadComposition(): Promise<AnyComposition<IPmoHubWebPartProps>> {
    return import(/* webpackChunkName: 'templates' */ './composition').then((m) => m.templatesComposition);
  }
}
