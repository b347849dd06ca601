import * as React from 'react';
import StatusCharts from './components/StatusCharts';
import { SpPortfolioService } from '../../../services/PortfolioService';
import { SpStatusTrendService } from '../../../services/StatusTrendService';
import { distributionKey, type IStatusChartsWebPartProps } from '../shared/portfolioSettings';
import { defineComposition } from '../../shared/composition';

export const statusChartsComposition = defineComposition<IStatusChartsWebPartProps, IPortfolioWebPartStrings>()({
  services: ({ sp, siteUrl, cacheKey, snapshots }) => ({ service: new SpPortfolioService(sp, siteUrl, cacheKey, snapshots), trend: new SpStatusTrendService(sp, siteUrl) }),
  render: (s, properties, ctx) => React.createElement(StatusCharts, {
    service: s.service, trend: s.trend, filter: ctx.filter, strings: ctx.strings, common: ctx.common, locale: ctx.locale,
    grouping: distributionKey(properties.grouping), showTrend: properties.showTrend !== false
  })
});
