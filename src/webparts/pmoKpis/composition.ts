import * as React from 'react';
import { PropertyPaneTextField } from '@microsoft/sp-property-pane';
import PmoKpis from './components/PmoKpis';
import { SpPmoKpiService } from '../../services/PmoKpiService';
import { validateSiteUrl, type IPmoHubWebPartProps } from '../shared/settings';
import { defineComposition } from '../shared/composition';

export const pmoKpisComposition = defineComposition<IPmoHubWebPartProps, IPmoKpisWebPartStrings>()({
  propertyPane: (s) => ({
    pages: [{
      header: { description: s.PropertyPaneDescription },
      groups: [{
        groupName: s.DataGroupName,
        groupFields: [
          PropertyPaneTextField('siteUrl', { label: s.SiteUrlLabel, description: s.SiteUrlDescription, onGetErrorMessage: (v: string) => validateSiteUrl(v, s.SiteUrlInvalid), deferredValidationTime: 500 })
        ]
      }]
    }]
  }),
  services: ({ sp, siteUrl }) => ({ kpis: new SpPmoKpiService(sp, siteUrl) }),
  render: (s, _properties, ctx) => React.createElement(PmoKpis, { service: s.kpis, strings: ctx.strings, common: ctx.common, locale: ctx.locale })
});
