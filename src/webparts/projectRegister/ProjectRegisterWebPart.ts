import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import { type IProjectRegisterWebPartProps } from './propertyPane';
import type { AnyComposition } from '../shared/PmoHubWebPart';
import { stringsOf, type LocFile } from '../shared/locStrings';

/** Thin by design: where its composition is (a chunk loaded on init) and its property pane; the base does the rest. */
export default class ProjectRegisterWebPart extends PmoHubWebPart<IProjectRegisterWebPartProps> {
  // The register's panels write status reports and risks: their strings come along (the same chunks those web parts load).
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return Promise.all([
      import(/* webpackChunkName: 'project-register-strings-[request]' */ `./loc/${file}.js`),
      import(/* webpackChunkName: 'status-reports-strings-[request]' */ `../statusReports/loc/${file}.js`),
      import(/* webpackChunkName: 'risks-strings-[request]' */ `../risks/loc/${file}.js`)
    ]).then(([register, status, risks]) => ({ register: stringsOf(register), status: stringsOf(status), risks: stringsOf(risks) }));
  }

  protected loadComposition(): Promise<AnyComposition<IProjectRegisterWebPartProps>> {
    return import(/* webpackChunkName: 'project-register' */ './composition').then((m) => m.projectRegisterComposition);
  }
}
