import * as React from 'react';
import ProjectRegister from '../../../src/webparts/projectRegister/components/ProjectRegister';
import { SpProjectService } from '../../../src/services/ProjectService';
import { spFromUrl } from '../../../src/services/sp';
import { PROJECT_PHASES } from '../../../src/schema';
import type { ProjectPhase } from '../../../src/model/portfolio';
import { PROJECT_REGISTER_MANIFEST_ID, RISKS_MANIFEST_ID, STATUS_REPORTS_MANIFEST_ID } from '../../../src/pages/hubPages';
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

const STATUS_REPORTS_STRINGS: Record<HubLanguage, IStatusReportsWebPartStrings> = {
  'en-us': statusReportsEn, 'sv-se': statusReportsSv, 'da-dk': statusReportsDa, 'nl-nl': statusReportsNl
};
const RISKS_STRINGS: Record<HubLanguage, IRisksWebPartStrings> = {
  'en-us': risksEn, 'sv-se': risksSv, 'da-dk': risksDa, 'nl-nl': risksNl
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

/** The web parts the hub can render, by manifest id: the ones built so far. */
export const WEB_PARTS: Record<string, (props: HostProps) => JSX.Element> = {
  [PROJECT_REGISTER_MANIFEST_ID]: ProjectRegisterHost,
  [STATUS_REPORTS_MANIFEST_ID]: StatusReportsHost,
  [RISKS_MANIFEST_ID]: RisksHost,
  [PORTFOLIO_FILTERS_MANIFEST_ID]: PortfolioFiltersHost,
  [KPI_TILES_MANIFEST_ID]: KpiTilesHost,
  [STATUS_CHARTS_MANIFEST_ID]: StatusChartsHost,
  [BUDGET_MANIFEST_ID]: BudgetHost,
  ...PLANNING_WEB_PARTS
};
