import * as strings from 'FrontDoorWebPartStrings';
import { PmoHubWebPart, type AnyComposition } from '../shared/PmoHubWebPart';
import type { IFrontDoorWebPartProps } from './composition';

export type { IFrontDoorWebPartProps };

/** Home as the PMO's front door: purpose, services, roles, team, next meetings and key figures, from SharePoint. */
export default class FrontDoorWebPart extends PmoHubWebPart<IFrontDoorWebPartProps> {
  protected get webPartStrings(): unknown {
    return strings;
  }

  protected loadComposition(): Promise<AnyComposition<IFrontDoorWebPartProps>> {
    return import(/* webpackChunkName: 'front-door' */ './composition').then((m) => m.frontDoorComposition);
  }
}
