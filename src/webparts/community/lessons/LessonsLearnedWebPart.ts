import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'CommunityWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { SpLessonService } from '../../../services/LessonService';
import { PmoHubWebPart } from '../../shared/PmoHubWebPart';
import type { IPmoHubWebPartProps } from '../../shared/settings';
import { siteDataPane } from '../shared/sitePane';

// Loaded on first render, so a page's web parts share one copy of Fluent UI (see PmoHubWebPart).
const LessonsLearned = React.lazy(() => import(/* webpackChunkName: 'lessons-learned' */ './components/LessonsLearned'));

export default class LessonsLearnedWebPart extends PmoHubWebPart<IPmoHubWebPartProps> {
  private lessons!: SpLessonService;

  protected buildServices(sp: SPFI, site: string): void {
    this.lessons = new SpLessonService(sp, site);
  }

  protected renderComponent(): React.ReactElement {
    return React.createElement(LessonsLearned, { lessons: this.lessons, strings, common, locale: this.locale });
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return siteDataPane(strings);
  }
}
