import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'CommunityWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { SpExpertService } from '../../../services/ExpertService';
import { SpSparringRequestService } from '../../../services/SparringRequestService';
import type { GraphClientLike } from '../../../services/PeopleService';
import { PmoHubWebPart } from '../../shared/PmoHubWebPart';
import type { IPmoHubWebPartProps } from '../../shared/settings';
import { siteDataPane } from '../shared/sitePane';

// Loaded on first render, so a page's web parts share one copy of Fluent UI (see PmoHubWebPart).
const ExpertDirectory = React.lazy(() => import(/* webpackChunkName: 'expert-directory' */ './components/ExpertDirectory'));

/** Experts (photos and titles from Graph, batched) and sparring requests. */
export default class ExpertDirectoryWebPart extends PmoHubWebPart<IPmoHubWebPartProps> {
  private experts!: SpExpertService;
  private sparring!: SpSparringRequestService;

  protected buildServices(sp: SPFI, site: string): void {
    this.experts = new SpExpertService(sp, site, () => this.context.msGraphClientFactory.getClient('3') as unknown as Promise<GraphClientLike>);
    this.sparring = new SpSparringRequestService(sp, site);
  }

  protected renderComponent(): React.ReactElement {
    return React.createElement(ExpertDirectory, { experts: this.experts, sparring: this.sparring, strings, common, locale: this.locale });
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return siteDataPane(strings);
  }
}
