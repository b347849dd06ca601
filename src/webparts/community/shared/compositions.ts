import * as React from 'react';
import CommunityEvents from '../events/components/CommunityEvents';
import ExpertDirectory from '../experts/components/ExpertDirectory';
import LessonsLearned from '../lessons/components/LessonsLearned';
import { SpCommunityEventService } from '../../../services/CommunityEventService';
import { SpExpertService } from '../../../services/ExpertService';
import { SpSparringRequestService } from '../../../services/SparringRequestService';
import { SpLessonService } from '../../../services/LessonService';
import type { IPmoHubWebPartProps } from '../../shared/settings';
import { defineComposition } from '../../shared/composition';
import { siteDataPane } from '../../shared/siteDataPane';
import { PropertyPaneToggle } from '@microsoft/sp-property-pane';

// The community bundle's three web parts (one loc file, `CommunityWebPartStrings`).

export interface ICommunityEventsWebPartProps extends IPmoHubWebPartProps {
  /** "Add to my calendar" through Graph; off by default (the package does not request Calendars.ReadWrite). */
  calendarViaGraph?: boolean;
}

export const communityEventsComposition = defineComposition<ICommunityEventsWebPartProps, ICommunityWebPartStrings>()({
  propertyPane: (strings) => siteDataPane(strings, [
    PropertyPaneToggle('calendarViaGraph', { label: strings.CalendarViaGraphLabel, onText: strings.CalendarViaGraphOn, offText: strings.CalendarViaGraphOff })
  ]),
  services: ({ sp, siteUrl, graph }) => ({ events: new SpCommunityEventService(sp, siteUrl, graph), lessons: new SpLessonService(sp, siteUrl) }),
  render: (s, properties, ctx) => React.createElement(CommunityEvents, {
    events: s.events, lessons: s.lessons, strings: ctx.strings, common: ctx.common, locale: ctx.locale,
    uidDomain: new URL(ctx.pageSiteUrl).hostname, calendarViaGraph: properties.calendarViaGraph === true
  })
});

export const expertDirectoryComposition = defineComposition<IPmoHubWebPartProps, ICommunityWebPartStrings>()({
  propertyPane: (strings) => siteDataPane(strings),
  services: ({ sp, siteUrl, graph }) => ({ experts: new SpExpertService(sp, siteUrl, graph), sparring: new SpSparringRequestService(sp, siteUrl) }),
  render: (s, _properties, ctx) => React.createElement(ExpertDirectory, {
    experts: s.experts, sparring: s.sparring, strings: ctx.strings, common: ctx.common, locale: ctx.locale
  })
});

export const lessonsLearnedComposition = defineComposition<IPmoHubWebPartProps, ICommunityWebPartStrings>()({
  propertyPane: (strings) => siteDataPane(strings),
  services: ({ sp, siteUrl }) => ({ lessons: new SpLessonService(sp, siteUrl) }),
  render: (s, _properties, ctx) => React.createElement(LessonsLearned, { lessons: s.lessons, strings: ctx.strings, common: ctx.common, locale: ctx.locale })
});
