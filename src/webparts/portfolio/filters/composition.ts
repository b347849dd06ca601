import * as React from 'react';
import PortfolioFilters from './components/PortfolioFilters';
import { SpPortfolioService } from '../../../services/PortfolioService';
import { SpPortfolioViewService } from '../../../services/PortfolioViewService';
import type { IPortfolioFiltersWebPartProps } from '../shared/portfolioSettings';
import { defineComposition } from '../../shared/composition';
import { PropertyPaneToggle } from '@microsoft/sp-property-pane';
import { siteDataGroup } from '../../shared/siteDataPane';

/** The page's filter bar: the source of the portfolio filter, published through the host's `onFilterChange`. */
export const portfolioFiltersComposition = defineComposition<IPortfolioFiltersWebPartProps, IPortfolioWebPartStrings>()({
  propertyPane: (strings) => ({
    pages: [{
      header: { description: strings.PropertyPaneDescription },
      groups: [siteDataGroup(strings, [PropertyPaneToggle('showSavedViews', { label: strings.ShowSavedViewsLabel })])]
    }]
  }),
  services: ({ sp, siteUrl, cacheKey, snapshots }) => ({ service: new SpPortfolioService(sp, siteUrl, cacheKey, snapshots), views: new SpPortfolioViewService(sp, siteUrl) }),
  render: (s, properties, ctx) => React.createElement(PortfolioFilters, {
    service: s.service, views: properties.showSavedViews === false ? undefined : s.views,
    filter: ctx.filter, onChange: ctx.onFilterChange, strings: ctx.strings, common: ctx.common, locale: ctx.locale
  })
});
