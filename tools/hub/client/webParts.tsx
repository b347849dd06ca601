import * as React from 'react';
import ProjectRegister from '../../../src/webparts/projectRegister/components/ProjectRegister';
import { SpProjectService } from '../../../src/services/ProjectService';
import { spFromUrl } from '../../../src/services/sp';
import { PROJECT_PHASES } from '../../../src/schema';
import type { ProjectPhase } from '../../../src/model/portfolio';
import { PROJECT_REGISTER_MANIFEST_ID, RISKS_MANIFEST_ID, STATUS_REPORTS_MANIFEST_ID, TEMPLATES_MANIFEST_ID } from '../../../src/pages/hubPages';
import { BUDGET_MANIFEST_ID, KPI_TILES_MANIFEST_ID, PORTFOLIO_FILTERS_MANIFEST_ID, STATUS_CHARTS_MANIFEST_ID } from '../../../src/pages/hubPages';
import { BudgetHost, KpiTilesHost, PortfolioFiltersHost, StatusChartsHost } from './portfolioWebParts';
import { PLANNING_WEB_PARTS } from './planningWebParts';
import { REGISTER_STRINGS, type HubLanguage, type HubLanguageInfo } from './strings';
import StatusReports from '../../../src/webparts/statusReports/components/StatusReports';
import Risks from '../../../src/webparts/risks/components/Risks';
import { parseProjectId } from '../../../src/webparts/shared/settings';
import { SpStatusReportService } from '../../../src/services/StatusReportService';
import { SpRiskService } from '../../../src/services/RiskService';
import { SpProjectEditingService } from '../../../src/services/ProjectEditingService';
import { GraphPeopleService, type GraphClientLike } from '../../../src/services/PeopleService';
import { Client } from '@microsoft/microsoft-graph-client';
import { drillDownOf, withoutDrillDown } from '../../../src/webparts/portfolio/shared/drillDown';
import statusReportsEn from '../../../src/webparts/statusReports/loc/en-us.js';
import statusReportsSv from '../../../src/webparts/statusReports/loc/sv-se.js';
import statusReportsDa from '../../../src/webparts/statusReports/loc/da-dk.js';
import statusReportsNl from '../../../src/webparts/statusReports/loc/nl-nl.js';
import risksEn from '../../../src/webparts/risks/loc/en-us.js';
import risksSv from '../../../src/webparts/risks/loc/sv-se.js';
import risksDa from '../../../src/webparts/risks/loc/da-dk.js';
import risksNl from '../../../src/webparts/risks/loc/nl-nl.js';
import CommunityEvents from '../../../src/webparts/community/events/components/CommunityEvents';
import ExpertDirectory from '../../../src/webparts/community/experts/components/ExpertDirectory';
import LessonsLearned from '../../../src/webparts/community/lessons/components/LessonsLearned';
import { SpCommunityEventService } from '../../../src/services/CommunityEventService';
import { SpExpertService } from '../../../src/services/ExpertService';
import { SpSparringRequestService } from '../../../src/services/SparringRequestService';
import { SpLessonService } from '../../../src/services/LessonService';
import { COMMUNITY_EVENTS_MANIFEST_ID, EXPERT_DIRECTORY_MANIFEST_ID, LESSONS_LEARNED_MANIFEST_ID } from '../../../src/pages/hubPages';
import communityEn from '../../../src/webparts/community/loc/en-us.js';
import communitySv from '../../../src/webparts/community/loc/sv-se.js';
import communityDa from '../../../src/webparts/community/loc/da-dk.js';
import communityNl from '../../../src/webparts/community/loc/nl-nl.js';

import Templates from '../../../src/webparts/templates/components/Templates';
import { SpTemplateService } from '../../../src/services/TemplateService';
import templatesEn from '../../../src/webparts/templates/loc/en-us.js';
import templatesSv from '../../../src/webparts/templates/loc/sv-se.js';
import templatesDa from '../../../src/webparts/templates/loc/da-dk.js';
import templatesNl from '../../../src/webparts/templates/loc/nl-nl.js';

const STATUS_REPORTS_STRINGS: Record<HubLanguage, IStatusReportsWebPartStrings> = {
  'en-us': statusReportsEn, 'sv-se': statusReportsSv, 'da-dk': statusReportsDa, 'nl-nl': statusReportsNl
};
const RISKS_STRINGS: Record<HubLanguage, IRisksWebPartStrings> = {
  'en-us': risksEn, 'sv-se': risksSv, 'da-dk': risksDa, 'nl-nl': risksNl
};

const COMMUNITY_STRINGS: Record<HubLanguage, ICommunityWebPartStrings> = {
  'en-us': communityEn, 'sv-se': communitySv, 'da-dk': communityDa, 'nl-nl': communityNl
};

/** What SPFx's page context gives a web part, as far as the hub's web parts need it. */
export interface HubWebPartContext {
  /** Absolute URL of the site the page is on. */
  siteUrl: string;
  /** Changes when the acting user changes: services are rebuilt and data reloaded. */
  userKey: string;
  language: HubLanguageInfo;
  common: IPmoHubCommonStrings;
}

export interface HostProps {
  properties: Record<string, unknown>;
  context: HubWebPartContext;
}

function numberProp(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
}

function isPhase(v: unknown): v is ProjectPhase {
  return (PROJECT_PHASES as readonly unknown[]).includes(v);
}

/**
 * The local SharePoint's Microsoft Graph subset (/graph/v1.0 on the hub's own origin), standing in for
 * SPFx's msGraphClientFactory. No token: the local server knows the acting user from its cookie.
 */
function localGraphClient(): Promise<GraphClientLike> {
  return Promise.resolve(Client.init({
    baseUrl: `${window.location.origin}/graph/`,
    defaultVersion: 'v1.0',
    customHosts: new Set([window.location.hostname]),
    authProvider: (done) => done(null, 'local-development')
  }));
}

/** What ProjectRegisterWebPart.render does in SPFx, with the hub's context instead of SPFx's. */
function ProjectRegisterHost({ properties, context }: HostProps): JSX.Element {
  // Read once, as SPFx renders the web part once per page load.
  const [drillDown] = React.useState(() => drillDownOf(window.location.search));
  const configured = typeof properties.siteUrl === 'string' ? properties.siteUrl.trim() : '';
  const siteUrl = configured || context.siteUrl;
  // One service per acting user: the register reloads as that user, as after a sign-in.
  const built = React.useMemo(() => {
    const sp = spFromUrl(siteUrl);
    return {
      service: new SpProjectService(sp, siteUrl),
      editing: new SpProjectEditingService(sp, siteUrl),
      people: new GraphPeopleService(sp, siteUrl, localGraphClient),
      statusReports: new SpStatusReportService(sp, siteUrl),
      risks: new SpRiskService(sp, siteUrl)
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [siteUrl, context.userKey]);
  return (
    <ProjectRegister
      service={built.service}
      editing={built.editing}
      people={built.people}
      strings={REGISTER_STRINGS[context.language.key]}
      common={context.common}
      locale={context.language.tag}
      pageSize={numberProp(properties.pageSize, 50)}
      staleDays={numberProp(properties.staleDays, 30)}
      defaultPhase={isPhase(properties.defaultPhase) ? properties.defaultPhase : ''}
      drillDown={drillDown}
      onClearDrillDown={() => window.history.replaceState(window.history.state, '', withoutDrillDown(window.location.href))}
      controlLoop={{
        statusReports: built.statusReports, risks: built.risks, editing: built.editing, people: built.people,
        statusStrings: STATUS_REPORTS_STRINGS[context.language.key], riskStrings: RISKS_STRINGS[context.language.key]
      }}
    />
  );
}

function siteOf(properties: Record<string, unknown>, context: HubWebPartContext): string {
  const configured = typeof properties.siteUrl === 'string' ? properties.siteUrl.trim() : '';
  return configured || context.siteUrl;
}

/** What StatusReportsWebPart.render does in SPFx. */
function StatusReportsHost({ properties, context }: HostProps): JSX.Element {
  const siteUrl = siteOf(properties, context);
  const built = React.useMemo(() => {
    const sp = spFromUrl(siteUrl);
    return {
      projects: new SpProjectService(sp, siteUrl),
      services: { statusReports: new SpStatusReportService(sp, siteUrl), editing: new SpProjectEditingService(sp, siteUrl) }
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [siteUrl, context.userKey]);
  return (
    <StatusReports
      projectService={built.projects}
      services={built.services}
      strings={STATUS_REPORTS_STRINGS[context.language.key]}
      common={context.common}
      locale={context.language.tag}
      projectId={parseProjectId(properties.projectId)}
    />
  );
}

/** What RisksWebPart.render does in SPFx (without the Graph owner picker: the hub has no Graph client yet). */
function RisksHost({ properties, context }: HostProps): JSX.Element {
  const siteUrl = siteOf(properties, context);
  const built = React.useMemo(() => {
    const sp = spFromUrl(siteUrl);
    return {
      projects: new SpProjectService(sp, siteUrl),
      services: { risks: new SpRiskService(sp, siteUrl), editing: new SpProjectEditingService(sp, siteUrl) }
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [siteUrl, context.userKey]);
  return (
    <Risks
      projectService={built.projects}
      services={built.services}
      strings={RISKS_STRINGS[context.language.key]}
      common={context.common}
      locale={context.language.tag}
      projectId={parseProjectId(properties.projectId)}
    />
  );
}

/** What CommunityEventsWebPart.render does in SPFx; Graph is the local server's subset. */
function CommunityEventsHost({ properties, context }: HostProps): JSX.Element {
  const siteUrl = siteOf(properties, context);
  const built = React.useMemo(() => {
    const sp = spFromUrl(siteUrl);
    return { events: new SpCommunityEventService(sp, siteUrl, localGraphClient), lessons: new SpLessonService(sp, siteUrl) };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [siteUrl, context.userKey]);
  return (
    <CommunityEvents events={built.events} lessons={built.lessons} strings={COMMUNITY_STRINGS[context.language.key]} common={context.common}
      locale={context.language.tag} uidDomain={new URL(siteUrl).hostname} calendarViaGraph={properties.calendarViaGraph === true} />
  );
}

/** What ExpertDirectoryWebPart.render does in SPFx. */
function ExpertDirectoryHost({ properties, context }: HostProps): JSX.Element {
  const siteUrl = siteOf(properties, context);
  const built = React.useMemo(() => {
    const sp = spFromUrl(siteUrl);
    return { experts: new SpExpertService(sp, siteUrl, localGraphClient), sparring: new SpSparringRequestService(sp, siteUrl) };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [siteUrl, context.userKey]);
  return <ExpertDirectory experts={built.experts} sparring={built.sparring} strings={COMMUNITY_STRINGS[context.language.key]} common={context.common} locale={context.language.tag} />;
}

/** What LessonsLearnedWebPart.render does in SPFx. */
function LessonsLearnedHost({ properties, context }: HostProps): JSX.Element {
  const siteUrl = siteOf(properties, context);
  const lessons = React.useMemo(() => new SpLessonService(spFromUrl(siteUrl), siteUrl),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [siteUrl, context.userKey]);
  return <LessonsLearned lessons={lessons} strings={COMMUNITY_STRINGS[context.language.key]} common={context.common} locale={context.language.tag} />;
}

const TEMPLATES_STRINGS: Record<HubLanguage, ITemplatesWebPartStrings> = {
  'en-us': templatesEn, 'sv-se': templatesSv, 'da-dk': templatesDa, 'nl-nl': templatesNl
};

/** What TemplatesWebPart.render does in SPFx; the local SharePoint has no Office web viewer. */
function TemplatesHost({ properties, context }: HostProps): JSX.Element {
  const siteUrl = siteOf(properties, context);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const service = React.useMemo(() => new SpTemplateService(spFromUrl(siteUrl), siteUrl), [siteUrl, context.userKey]);
  return (
    <Templates service={service} strings={TEMPLATES_STRINGS[context.language.key]} common={context.common}
      locale={context.language.tag} officeWebViewer={false} />
  );
}

/** The web parts the hub can render, by manifest id: the ones built so far. */
export const WEB_PARTS: Record<string, (props: HostProps) => JSX.Element> = {
  [PROJECT_REGISTER_MANIFEST_ID]: ProjectRegisterHost,
  [STATUS_REPORTS_MANIFEST_ID]: StatusReportsHost,
  [RISKS_MANIFEST_ID]: RisksHost,
  [PORTFOLIO_FILTERS_MANIFEST_ID]: PortfolioFiltersHost,
  [KPI_TILES_MANIFEST_ID]: KpiTilesHost,
  [STATUS_CHARTS_MANIFEST_ID]: StatusChartsHost,
  [BUDGET_MANIFEST_ID]: BudgetHost,
  [COMMUNITY_EVENTS_MANIFEST_ID]: CommunityEventsHost,
  [EXPERT_DIRECTORY_MANIFEST_ID]: ExpertDirectoryHost,
  [LESSONS_LEARNED_MANIFEST_ID]: LessonsLearnedHost,
  [TEMPLATES_MANIFEST_ID]: TemplatesHost,
  ...PLANNING_WEB_PARTS
};
