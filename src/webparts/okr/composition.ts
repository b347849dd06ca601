import * as React from 'react';
import Okr from './components/Okr';
import { SpOkrService } from '../../services/OkrService';
import type { IPmoHubWebPartProps } from '../shared/settings';
import { siteDataPane } from '../shared/siteDataPane';
import { defineComposition } from '../shared/composition';

export const okrComposition = defineComposition<IPmoHubWebPartProps, IOkrWebPartStrings>()({
  propertyPane: (s) => siteDataPane(s),
  services: ({ sp, siteUrl }) => ({ okr: new SpOkrService(sp, siteUrl) }),
  render: (s, _properties, ctx) => React.createElement(Okr, { service: s.okr, strings: ctx.strings, common: ctx.common, locale: ctx.locale })
});
