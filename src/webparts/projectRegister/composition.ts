import * as React from 'react';
import ProjectRegister from './components/ProjectRegister';
import type { IControlLoop } from './components/IProjectRegisterProps';
import { SpProjectService, type IProjectService } from '../../services/ProjectService';
import { SpProjectEditingService } from '../../services/ProjectEditingService';
import type { IPrioritisationService } from '../../services/PrioritisationService';
import { GraphPeopleService } from '../../services/PeopleService';
import type { IPeopleService, IProjectEditingService } from '../../services/editing';
import { drillDownOf, withoutDrillDown } from '../portfolio/shared/drillDown';
import { DEFAULTS, type IProjectRegisterWebPartProps } from './settings';
import type { WebPartComposition } from '../shared/composition';
import { propertyPane } from './propertyPane';
import { onceUntilFailure } from '../../common/once';
import type { IProjectBenefitsReader } from './components/ProjectBenefits';

export interface ProjectRegisterStrings {
  register: IProjectRegisterWebPartStrings;
  /** The control loop opens status reports and risks of a project in place. */
  status: IStatusReportsWebPartStrings;
  risks: IRisksWebPartStrings;
}

interface Services {
  service: IProjectService;
  editing: IProjectEditingService;
  people: IPeopleService;
  controlLoop: IControlLoop['services'];
  benefits: () => Promise<IProjectBenefitsReader>;
  priorities: Pick<IPrioritisationService, 'priorities' | 'priorityOf'>;
}

export const projectRegisterComposition: WebPartComposition<IProjectRegisterWebPartProps, Services, ProjectRegisterStrings> = {
  services: ({ sp, siteUrl, graph, snapshots, cacheKey }) => {
    // The PMO's scores are read only when a project's details open or the register is exported: the
    // service (and its scoring) is a chunk of its own, not part of every page with a register.
    const scores = onceUntilFailure(() => import(/* webpackChunkName: 'prioritisation-service' */ '../../services/PrioritisationService')
      .then((m): IPrioritisationService => new m.SpPrioritisationService(sp, siteUrl)));
    // A chunk of its own, built once, when someone first opens a project's status reports or risks.
    const loopServices: IControlLoop['services'] = onceUntilFailure(() => Promise.all([
      import(/* webpackChunkName: 'control-loop-services' */ '../../services/StatusReportService'),
      import(/* webpackChunkName: 'control-loop-services' */ '../../services/RiskService')
    ]).then(([reports, risks]) => ({ statusReports: new reports.SpStatusReportService(sp, siteUrl), risks: new risks.SpRiskService(sp, siteUrl) })));
    return {
      service: new SpProjectService(sp, siteUrl, snapshots, cacheKey),
      editing: new SpProjectEditingService(sp, siteUrl),
      people: new GraphPeopleService(sp, siteUrl, graph),
      controlLoop: loopServices,
      // Its own chunk, built when a project's details first show its benefits.
      benefits: () => import(/* webpackChunkName: 'benefit-service' */ '../../services/BenefitService').then((m) => new m.SpBenefitService(sp, siteUrl)),
      priorities: { priorities: () => scores().then((p) => p.priorities()), priorityOf: (id: number) => scores().then((p) => p.priorityOf(id)) }
    };
  },
  propertyPane: (strings, common) => propertyPane(strings.register, common),
  render: (s, properties, ctx) => {
    const p = { ...DEFAULTS, ...properties };
    const controlLoop: IControlLoop = {
      services: s.controlLoop, editing: s.editing, people: s.people, statusStrings: ctx.strings.status, riskStrings: ctx.strings.risks
    };
    return React.createElement(ProjectRegister, {
      service: s.service, editing: s.editing, people: s.people, priorities: s.priorities, controlLoop, benefits: s.benefits, strings: ctx.strings.register, common: ctx.common, locale: ctx.locale,
      pageSize: p.pageSize, staleDays: p.staleDays, defaultPhase: p.defaultPhase || '',
      // A KPI tile of the portfolio overview links here with its filter in the URL.
      drillDown: drillDownOf(window.location.search),
      onClearDrillDown: () => window.history.replaceState(window.history.state, '', withoutDrillDown(window.location.href))
    });
  }
};
