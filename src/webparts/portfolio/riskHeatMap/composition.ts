import * as React from 'react';
import PortfolioRiskHeatMap from './components/PortfolioRiskHeatMap';
import { SpPortfolioService } from '../../../services/PortfolioService';
import { SpPortfolioRiskService } from '../../../services/PortfolioRiskService';
import type { IPortfolioWebPartProps } from '../shared/PortfolioWebPart';
import { defineComposition } from '../../shared/composition';

export const portfolioRiskHeatMapComposition = defineComposition<IPortfolioWebPartProps, IPortfolioPlanningWebPartStrings>()({
  services: ({ sp, siteUrl, cacheKey, snapshots }) => ({ portfolio: new SpPortfolioService(sp, siteUrl, cacheKey, snapshots), risks: new SpPortfolioRiskService(sp, siteUrl) }),
  render: (s, _properties, ctx) => React.createElement(PortfolioRiskHeatMap, {
    portfolio: s.portfolio, risks: s.risks, filter: ctx.filter, strings: ctx.strings, common: ctx.common, locale: ctx.locale
  })
});
