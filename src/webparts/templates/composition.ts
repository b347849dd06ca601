import * as React from 'react';
import Templates from './components/Templates';
import { SpTemplateService } from '../../services/TemplateService';
import type { IPmoHubWebPartProps } from '../shared/settings';
import { defineComposition } from '../shared/composition';
import { siteDataPane } from '../shared/siteDataPane';

export const templatesComposition = defineComposition<IPmoHubWebPartProps, ITemplatesWebPartStrings>()({
  propertyPane: (strings) => siteDataPane(strings),
  services: ({ sp, siteUrl }) => ({ service: new SpTemplateService(sp, siteUrl) }),
  render: (s, _properties, ctx) => React.createElement(Templates, {
    service: s.service, strings: ctx.strings, common: ctx.common, locale: ctx.locale, officeWebViewer: ctx.officeWebViewer
  })
});
