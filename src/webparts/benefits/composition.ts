import * as React from 'react';
import Benefits from './components/Benefits';
import { SpBenefitService } from '../../services/BenefitService';
import { GraphPeopleService } from '../../services/PeopleService';
import { PROJECT_SCOPED_DEFAULTS, parseProjectId, type IProjectScopedWebPartProps } from '../shared/settings';
import { projectDataPane } from '../shared/projectDataPane';
import { defineComposition } from '../shared/composition';

export const benefitsComposition = defineComposition<IProjectScopedWebPartProps, IBenefitsWebPartStrings>()({
  propertyPane: (s) => projectDataPane(s),
  // The owner picker finds people through Graph: the same on a tenant and in the local hub.
  services: ({ sp, siteUrl, graph }) => ({ benefits: new SpBenefitService(sp, siteUrl), people: new GraphPeopleService(sp, siteUrl, graph) }),
  render: (s, properties, ctx) => React.createElement(Benefits, {
    service: s.benefits, people: s.people, strings: ctx.strings, common: ctx.common, locale: ctx.locale,
    projectId: parseProjectId({ ...PROJECT_SCOPED_DEFAULTS, ...properties }.projectId)
  })
});
