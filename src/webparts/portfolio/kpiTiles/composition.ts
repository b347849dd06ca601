import * as React from 'react';
import KpiTiles from './components/KpiTiles';
import { SpPortfolioService } from '../../../services/PortfolioService';
import { boundedInt, registerPageUrl, type IKpiTilesWebPartProps } from '../shared/portfolioSettings';
import { defineComposition } from '../../shared/composition';
import { PropertyPaneSlider, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { portfolioChartPane } from '../shared/filterConnection';

export const kpiTilesComposition = defineComposition<IKpiTilesWebPartProps, IPortfolioWebPartStrings>()({
  propertyPane: (strings) => portfolioChartPane(strings, [
        PropertyPaneSlider('staleDays', { label: strings.StaleDaysLabel, min: 7, max: 90, step: 1 }),
        PropertyPaneTextField('registerUrl', { label: strings.RegisterUrlLabel })
  ]),
  services: ({ sp, siteUrl, cacheKey, snapshots }) => ({ service: new SpPortfolioService(sp, siteUrl, cacheKey, snapshots), siteUrl }),
  render: (s, properties, ctx) => React.createElement(KpiTiles, {
    service: s.service, filter: ctx.filter, strings: ctx.strings, common: ctx.common, locale: ctx.locale,
    staleDays: boundedInt(properties.staleDays, 1, 365, 30), registerUrl: registerPageUrl(properties.registerUrl, s.siteUrl)
  })
});
