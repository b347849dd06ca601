import * as React from 'react';
import Risks from './components/Risks';
import type { IRiskServices } from './components/RiskRegister';
import { SpProjectService } from '../../services/ProjectService';
import { SpRiskService } from '../../services/RiskService';
import { SpProjectEditingService } from '../../services/ProjectEditingService';
import { GraphPeopleService } from '../../services/PeopleService';
import { PROJECT_SCOPED_DEFAULTS, parseProjectId, type IProjectScopedWebPartProps } from '../shared/settings';
import { defineComposition } from '../shared/composition';
import { projectDataPane } from '../shared/projectDataPane';

export const risksComposition = defineComposition<IProjectScopedWebPartProps, IRisksWebPartStrings>()({
  propertyPane: (strings) => projectDataPane(strings),
  services: ({ sp, siteUrl, graph, cacheKey }) => ({
    projectService: new SpProjectService(sp, siteUrl, undefined, cacheKey),
    // The owner picker finds people through Graph: the same on a tenant and in the local hub.
    services: { risks: new SpRiskService(sp, siteUrl), editing: new SpProjectEditingService(sp, siteUrl), people: new GraphPeopleService(sp, siteUrl, graph) } as IRiskServices
  }),
  render: (s, properties, ctx) => React.createElement(Risks, {
    projectService: s.projectService, services: s.services, strings: ctx.strings, common: ctx.common, locale: ctx.locale,
    projectId: parseProjectId({ ...PROJECT_SCOPED_DEFAULTS, ...properties }.projectId)
  })
});
