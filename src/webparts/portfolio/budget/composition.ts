import * as React from 'react';
import BudgetOverview from './components/BudgetOverview';
import { SpPortfolioService } from '../../../services/PortfolioService';
import { boundedInt, budgetKey, type IBudgetWebPartProps } from '../shared/portfolioSettings';
import { defineComposition } from '../../shared/composition';

export const budgetComposition = defineComposition<IBudgetWebPartProps, IPortfolioWebPartStrings>()({
  services: ({ sp, siteUrl, cacheKey, snapshots }) => ({ service: new SpPortfolioService(sp, siteUrl, cacheKey, snapshots) }),
  render: (s, properties, ctx) => React.createElement(BudgetOverview, {
    service: s.service, filter: ctx.filter, strings: ctx.strings, common: ctx.common, locale: ctx.locale,
    grouping: budgetKey(properties.grouping), tolerancePct: boundedInt(properties.tolerancePct, 0, 100, 5),
    projectLimit: boundedInt(properties.projectLimit, 5, 50, 15)
  })
});
