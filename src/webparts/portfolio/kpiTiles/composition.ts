import * as React from 'react';
import KpiTiles from './components/KpiTiles';
import { SpPortfolioService } from '../../../services/PortfolioService';
import { boundedInt, registerPageUrl, type IKpiTilesWebPartProps } from '../shared/portfolioSettings';
import { defineComposition } from '../../shared/composition';
import { PropertyPaneSlider, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { validateSiteUrl } from '../../shared/settings';
import { filterConnectionGroup } from '../shared/filterConnection';

export const kpiTilesComposition = defineComposition<IKpiTilesWebPartProps, IPortfolioWebPartStrings>()({
  propertyPane: (strings) => ({
    pages: [{
      header: { description: strings.PropertyPaneDescription },
      groups: [
        {
          groupName: strings.DataGroupName,
          groupFields: [
            PropertyPaneTextField('siteUrl', { label: strings.SiteUrlLabel, onGetErrorMessage: (v: string) => validateSiteUrl(v, strings.SiteUrlInvalid), deferredValidationTime: 500 })
          ]
        },
        filterConnectionGroup(strings.ConnectionGroupName, strings.ConnectionLabel),
        {
          groupName: strings.OptionsGroupName,
          groupFields: [
            PropertyPaneSlider('staleDays', { label: strings.StaleDaysLabel, min: 7, max: 90, step: 1 }),
            PropertyPaneTextField('registerUrl', { label: strings.RegisterUrlLabel })
          ]
        }
      ]
    }]
  }),
  services: ({ sp, siteUrl, cacheKey, snapshots }) => ({ service: new SpPortfolioService(sp, siteUrl, cacheKey, snapshots), siteUrl }),
  render: (s, properties, ctx) => React.createElement(KpiTiles, {
    service: s.service, filter: ctx.filter, strings: ctx.strings, common: ctx.common, locale: ctx.locale,
    staleDays: boundedInt(properties.staleDays, 1, 365, 30), registerUrl: registerPageUrl(properties.registerUrl, s.siteUrl)
  })
});
