import * as React from 'react';
import PmoKpis from './components/PmoKpis';
import { SpPmoKpiService } from '../../services/PmoKpiService';
import type { IPmoHubWebPartProps } from '../shared/settings';
import { siteDataPane } from '../shared/siteDataPane';
import { defineComposition } from '../shared/composition';

export const pmoKpisComposition = defineComposition<IPmoHubWebPartProps, IPmoKpisWebPartStrings>()({
  propertyPane: (s) => siteDataPane(s),
  services: ({ sp, siteUrl }) => ({ kpis: new SpPmoKpiService(sp, siteUrl) }),
  render: (s, _properties, ctx) => React.createElement(PmoKpis, { service: s.kpis, strings: ctx.strings, common: ctx.common, locale: ctx.locale })
});
