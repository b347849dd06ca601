import * as React from 'react';
import Templates from './components/Templates';
import { SpTemplateService } from '../../services/TemplateService';
import type { IPmoHubWebPartProps } from '../shared/settings';
import { defineComposition } from '../shared/composition';
import { PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { validateSiteUrl } from '../shared/settings';

export const templatesComposition = defineComposition<IPmoHubWebPartProps, ITemplatesWebPartStrings>()({
  propertyPane: (strings) => ({
    pages: [{
      header: { description: strings.PropertyPaneDescription },
      groups: [{
        groupName: strings.DataGroupName,
        groupFields: [PropertyPaneTextField('siteUrl', {
          label: strings.SiteUrlLabel, description: strings.SiteUrlDescription, deferredValidationTime: 500,
          onGetErrorMessage: (v: string) => validateSiteUrl(v, strings.SiteUrlInvalid)
        })]
      }]
    }]
  }),
  services: ({ sp, siteUrl }) => ({ service: new SpTemplateService(sp, siteUrl) }),
  render: (s, _properties, ctx) => React.createElement(Templates, {
    service: s.service, strings: ctx.strings, common: ctx.common, locale: ctx.locale, officeWebViewer: ctx.officeWebViewer
  })
});
