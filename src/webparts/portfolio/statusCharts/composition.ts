import * as React from 'react';
import StatusCharts from './components/StatusCharts';
import { SpPortfolioService } from '../../../services/PortfolioService';
import { SpStatusTrendService } from '../../../services/StatusTrendService';
import { distributionKey, type IStatusChartsWebPartProps } from '../shared/portfolioSettings';
import { defineComposition } from '../../shared/composition';
import { PropertyPaneChoiceGroup, PropertyPaneToggle } from '@microsoft/sp-property-pane';
import { portfolioChartPane } from '../shared/filterConnection';

export const statusChartsComposition = defineComposition<IStatusChartsWebPartProps, IPortfolioWebPartStrings>()({
  propertyPane: (strings) => portfolioChartPane(strings, [
        PropertyPaneChoiceGroup('grouping', { label: strings.GroupingLabel, options: [{ key: 'unit', text: strings.ColumnUnit }, { key: 'phase', text: strings.ColumnPhase }] }),
        PropertyPaneToggle('showTrend', { label: strings.ShowTrendLabel })
  ]),
  services: ({ sp, siteUrl, cacheKey, snapshots }) => ({ service: new SpPortfolioService(sp, siteUrl, cacheKey, snapshots), trend: new SpStatusTrendService(sp, siteUrl, cacheKey) }),
  render: (s, properties, ctx) => React.createElement(StatusCharts, {
    service: s.service, trend: s.trend, filter: ctx.filter, strings: ctx.strings, common: ctx.common, locale: ctx.locale,
    grouping: distributionKey(properties.grouping), showTrend: properties.showTrend !== false
  })
});
