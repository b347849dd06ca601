import * as strings from 'ProjectRegisterWebPartStrings';
import * as statusStrings from 'StatusReportsWebPartStrings';
import * as riskStrings from 'RisksWebPartStrings';
import { PmoHubWebPart } from '../shared/PmoHubWebPart';
import { type IProjectRegisterWebPartProps } from './propertyPane';
import type { AnyComposition } from '../shared/PmoHubWebPart';

/** Thin by design: where its composition is (a chunk loaded on init) and its property pane; the base does the rest. */
export default class ProjectRegisterWebPart extends PmoHubWebPart<IProjectRegisterWebPartProps> {
  protected get webPartStrings(): unknown {
    return { register: strings, status: statusStrings, risks: riskStrings };
  }

  protected loadComposition(): Promise<AnyComposition<IProjectRegisterWebPartProps>> {
    return import(/* webpackChunkName: 'project-register' */ './composition').then((m) => m.projectRegisterComposition);
  }
}
