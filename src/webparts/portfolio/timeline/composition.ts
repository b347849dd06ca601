import * as React from 'react';
import Timeline from './components/Timeline';
import { SpPortfolioService } from '../../../services/PortfolioService';
import type { ITimelineWebPartProps } from './TimelineWebPart';
import { defineComposition } from '../../shared/composition';
import { PropertyPaneDropdown } from '@microsoft/sp-property-pane';
import { viewGroup } from '../planning/planningPane';
import { siteDataGroup } from '../../shared/siteDataPane';
import { filterConnectionGroup } from '../shared/filterConnection';

export const timelineComposition = defineComposition<ITimelineWebPartProps, IPortfolioPlanningWebPartStrings>()({
  propertyPane: (strings) => ({
    pages: [{
      header: { description: strings.PropertyPaneDescription },
      groups: [
        siteDataGroup(strings),
        filterConnectionGroup(strings.FilterGroupName, strings.FilterConnectionLabel),
        viewGroup(strings, [
          PropertyPaneDropdown('grouping', { label: strings.GroupBy, options: [{ key: 'programme', text: strings.GroupByProgramme }, { key: 'unit', text: strings.GroupByUnit }] }),
          PropertyPaneDropdown('zoom', { label: strings.Zoom, options: [{ key: 'quarters', text: strings.ZoomQuarters }, { key: 'halfYears', text: strings.ZoomHalfYears }, { key: 'years', text: strings.ZoomYears }] })
        ])
      ]
    }]
  }),
  services: ({ sp, siteUrl, cacheKey, snapshots }) => ({ portfolio: new SpPortfolioService(sp, siteUrl, cacheKey, snapshots) }),
  render: (s, properties, ctx) => React.createElement(Timeline, {
    portfolio: s.portfolio, filter: ctx.filter, strings: ctx.strings, common: ctx.common, locale: ctx.locale,
    grouping: properties.grouping === 'unit' ? 'unit' : 'programme',
    zoom: properties.zoom === 'years' || properties.zoom === 'halfYears' ? properties.zoom : 'quarters'
  })
});
