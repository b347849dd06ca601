import * as React from 'react';
import BudgetOverview from './components/BudgetOverview';
import { SpPortfolioService } from '../../../services/PortfolioService';
import { boundedInt, budgetKey, type IBudgetWebPartProps } from '../shared/portfolioSettings';
import { defineComposition } from '../../shared/composition';
import { PropertyPaneChoiceGroup, PropertyPaneSlider } from '@microsoft/sp-property-pane';
import { portfolioChartPane } from '../shared/filterConnection';

export const budgetComposition = defineComposition<IBudgetWebPartProps, IPortfolioWebPartStrings>()({
  propertyPane: (strings) => portfolioChartPane(strings, [
        PropertyPaneChoiceGroup('grouping', { label: strings.GroupingLabel, options: [{ key: 'unit', text: strings.ColumnUnit }, { key: 'project', text: strings.ColumnProject }] }),
        PropertyPaneSlider('tolerancePct', { label: strings.ToleranceLabel, min: 0, max: 50, step: 1 }),
        PropertyPaneSlider('projectLimit', { label: strings.ProjectLimitLabel, min: 5, max: 50, step: 5 })
  ]),
  services: ({ sp, siteUrl, cacheKey, snapshots }) => ({
    service: new SpPortfolioService(sp, siteUrl, cacheKey, snapshots),
    // The benefits' reader is a chunk of its own, built when the benefit totals first render.
    benefits: () => import(/* webpackChunkName: 'benefit-service' */ '../../../services/BenefitService').then((m) => new m.SpBenefitService(sp, siteUrl))
  }),
  render: (s, properties, ctx) => React.createElement(BudgetOverview, {
    service: s.service, filter: ctx.filter, strings: ctx.strings, common: ctx.common, locale: ctx.locale,
    grouping: budgetKey(properties.grouping), tolerancePct: boundedInt(properties.tolerancePct, 0, 100, 5),
    projectLimit: boundedInt(properties.projectLimit, 5, 50, 15), benefits: s.benefits
  })
});
