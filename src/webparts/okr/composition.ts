import * as React from 'react';
import { PropertyPaneTextField } from '@microsoft/sp-property-pane';
import Okr from './components/Okr';
import { SpOkrService } from '../../services/OkrService';
import { validateSiteUrl, type IPmoHubWebPartProps } from '../shared/settings';
import { defineComposition } from '../shared/composition';

export const okrComposition = defineComposition<IPmoHubWebPartProps, IOkrWebPartStrings>()({
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
  services: ({ sp, siteUrl }) => ({ okr: new SpOkrService(sp, siteUrl) }),
  render: (s, _properties, ctx) => React.createElement(Okr, { service: s.okr, strings: ctx.strings, common: ctx.common, locale: ctx.locale })
});
