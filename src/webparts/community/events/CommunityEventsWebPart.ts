import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { PropertyPaneToggle, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'CommunityWebPartStrings';
import * as common from 'PmoHubCommonStrings';
import { SpCommunityEventService } from '../../../services/CommunityEventService';
import { SpLessonService } from '../../../services/LessonService';
import type { GraphClientLike } from '../../../services/PeopleService';
import { PmoHubWebPart } from '../../shared/PmoHubWebPart';
import type { IPmoHubWebPartProps } from '../../shared/settings';
import { siteDataPane } from '../shared/sitePane';

// Loaded on first render, so a page's web parts share one copy of Fluent UI (see PmoHubWebPart).
const CommunityEvents = React.lazy(() => import(/* webpackChunkName: 'community-events' */ './components/CommunityEvents'));

export interface ICommunityEventsWebPartProps extends IPmoHubWebPartProps {
  /** "Add to my calendar" through Graph; off by default (the package does not request Calendars.ReadWrite). */
  calendarViaGraph?: boolean;
}

/** The PMO meeting cycle. Everyone can download an .ics; Graph calendar entries only where a tenant admin allowed them. */
export default class CommunityEventsWebPart extends PmoHubWebPart<ICommunityEventsWebPartProps> {
  private events!: SpCommunityEventService;
  private lessons!: SpLessonService;

  protected buildServices(sp: SPFI, site: string): void {
    this.events = new SpCommunityEventService(sp, site, () => this.context.msGraphClientFactory.getClient('3') as unknown as Promise<GraphClientLike>);
    this.lessons = new SpLessonService(sp, site);
  }

  protected renderComponent(): React.ReactElement {
    return React.createElement(CommunityEvents, {
      events: this.events, lessons: this.lessons, strings, common, locale: this.locale,
      uidDomain: new URL(this.context.pageContext.web.absoluteUrl).hostname,
      calendarViaGraph: this.properties.calendarViaGraph === true
    });
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return siteDataPane(strings, [
      PropertyPaneToggle('calendarViaGraph', { label: strings.CalendarViaGraphLabel, onText: strings.CalendarViaGraphOn, offText: strings.CalendarViaGraphOff })
    ]);
  }
}
