import { PmoHubWebPart, type AnyComposition } from '../shared/PmoHubWebPart';
import type { IFrontDoorWebPartProps } from './composition';
import type { LocFile } from '../shared/locStrings';

export type { IFrontDoorWebPartProps };

/** Home as the PMO's front door: purpose, services, roles, team, next meetings and key figures, from SharePoint. */
export default class FrontDoorWebPart extends PmoHubWebPart<IFrontDoorWebPartProps> {
  protected loadWebPartStrings(file: LocFile): Promise<unknown> {
    return import(/* webpackChunkName: 'front-door-strings-[request]' */ `./loc/${file}.js`);
  }

  protected loadComposition(): Promise<AnyComposition<IFrontDoorWebPartProps>> {
    return import(/* webpackChunkName: 'front-door' */ './composition').then((m) => m.frontDoorComposition);
  }
}
