import * as React from 'react';
import StatusReports from './components/StatusReports';
import { SpProjectService } from '../../services/ProjectService';
import { SpStatusReportService } from '../../services/StatusReportService';
import { SpProjectEditingService } from '../../services/ProjectEditingService';
import { PROJECT_SCOPED_DEFAULTS, parseProjectId, type IProjectScopedWebPartProps } from '../shared/settings';
import { defineComposition } from '../shared/composition';
import { projectDataPane } from '../shared/projectDataPane';

export const statusReportsComposition = defineComposition<IProjectScopedWebPartProps, IStatusReportsWebPartStrings>()({
  propertyPane: (strings) => projectDataPane(strings),
  services: ({ sp, siteUrl, cacheKey }) => ({
    projectService: new SpProjectService(sp, siteUrl, undefined, cacheKey),
    services: { statusReports: new SpStatusReportService(sp, siteUrl), editing: new SpProjectEditingService(sp, siteUrl) }
  }),
  render: (s, properties, ctx) => React.createElement(StatusReports, {
    projectService: s.projectService, services: s.services, strings: ctx.strings, common: ctx.common, locale: ctx.locale,
    projectId: parseProjectId({ ...PROJECT_SCOPED_DEFAULTS, ...properties }.projectId)
  })
});
