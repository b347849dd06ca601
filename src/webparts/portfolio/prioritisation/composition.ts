import * as React from 'react';
import Prioritisation from './components/Prioritisation';
import { SpPortfolioService } from '../../../services/PortfolioService';
import { SpPrioritisationService } from '../../../services/PrioritisationService';
import type { IPrioritisationWebPartProps } from './PrioritisationWebPart';
import { defineComposition } from '../../shared/composition';
import { PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { viewGroup } from '../planning/planningPane';
import { siteDataGroup } from '../../shared/siteDataPane';
import { filterConnectionGroup } from '../shared/filterConnection';

export const prioritisationComposition = defineComposition<IPrioritisationWebPartProps, IPortfolioPlanningWebPartStrings>()({
  propertyPane: (strings) => ({
    pages: [{
      header: { description: strings.PropertyPaneDescription },
      groups: [
        siteDataGroup(strings),
        filterConnectionGroup(strings.FilterGroupName, strings.FilterConnectionLabel),
        viewGroup(strings, [PropertyPaneTextField('easeCriteria', { label: strings.EaseCriteriaLabel, description: strings.EaseCriteriaDescription })])
      ]
    }]
  }),
  services: ({ sp, siteUrl, cacheKey, snapshots }) => ({ portfolio: new SpPortfolioService(sp, siteUrl, cacheKey, snapshots), service: new SpPrioritisationService(sp, siteUrl) }),
  render: (s, properties, ctx) => React.createElement(Prioritisation, {
    portfolio: s.portfolio, service: s.service, filter: ctx.filter, strings: ctx.strings, common: ctx.common, locale: ctx.locale,
    easeCriteria: typeof properties.easeCriteria === 'string' ? properties.easeCriteria : 'Effort, Risk'
  })
});
