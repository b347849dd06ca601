import * as React from 'react';
import Timeline from './components/Timeline';
import { SpPortfolioService } from '../../../services/PortfolioService';
import type { ITimelineWebPartProps } from './TimelineWebPart';
import { defineComposition } from '../../shared/composition';

export const timelineComposition = defineComposition<ITimelineWebPartProps, IPortfolioPlanningWebPartStrings>()({
  services: ({ sp, siteUrl, cacheKey, snapshots }) => ({ portfolio: new SpPortfolioService(sp, siteUrl, cacheKey, snapshots) }),
  render: (s, properties, ctx) => React.createElement(Timeline, {
    portfolio: s.portfolio, filter: ctx.filter, strings: ctx.strings, common: ctx.common, locale: ctx.locale,
    grouping: properties.grouping === 'unit' ? 'unit' : 'programme',
    zoom: properties.zoom === 'years' || properties.zoom === 'halfYears' ? properties.zoom : 'quarters'
  })
});
