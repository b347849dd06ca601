import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { Client } from '@microsoft/microsoft-graph-client';
import { spFromUrl } from '../../../src/services/sp';
import type { GraphClientLike } from '../../../src/services/PeopleService';
import type { WebPartComposition } from '../../../src/webparts/shared/composition';
import * as ids from '../../../src/pages/hubPages';
import { projectRegisterComposition, type ProjectRegisterStrings } from '../../../src/webparts/projectRegister/composition';
import { statusReportsComposition } from '../../../src/webparts/statusReports/composition';
import { risksComposition } from '../../../src/webparts/risks/composition';
import { templatesComposition } from '../../../src/webparts/templates/composition';
import { communityEventsComposition, expertDirectoryComposition, lessonsLearnedComposition } from '../../../src/webparts/community/shared/compositions';
import { portfolioFiltersComposition } from '../../../src/webparts/portfolio/filters/composition';
import { kpiTilesComposition } from '../../../src/webparts/portfolio/kpiTiles/composition';
import { statusChartsComposition } from '../../../src/webparts/portfolio/statusCharts/composition';
import { budgetComposition } from '../../../src/webparts/portfolio/budget/composition';
import { timelineComposition } from '../../../src/webparts/portfolio/timeline/composition';
import { portfolioRiskHeatMapComposition } from '../../../src/webparts/portfolio/riskHeatMap/composition';
import { prioritisationComposition } from '../../../src/webparts/portfolio/prioritisation/composition';
import { frontDoorComposition } from '../../../src/webparts/frontDoor/composition';
import { newsComposition } from '../../../src/webparts/frontDoor/newsComposition';
import { usePageFilter } from './pageFilter';
import { REGISTER_STRINGS, format, type HubLanguage, type HubLanguageInfo } from './strings';
import statusReportsEn from '../../../src/webparts/statusReports/loc/en-us.js';
import statusReportsSv from '../../../src/webparts/statusReports/loc/sv-se.js';
import statusReportsDa from '../../../src/webparts/statusReports/loc/da-dk.js';
import statusReportsNl from '../../../src/webparts/statusReports/loc/nl-nl.js';
import risksEn from '../../../src/webparts/risks/loc/en-us.js';
import risksSv from '../../../src/webparts/risks/loc/sv-se.js';
import risksDa from '../../../src/webparts/risks/loc/da-dk.js';
import risksNl from '../../../src/webparts/risks/loc/nl-nl.js';
import communityEn from '../../../src/webparts/community/loc/en-us.js';
import communitySv from '../../../src/webparts/community/loc/sv-se.js';
import communityDa from '../../../src/webparts/community/loc/da-dk.js';
import communityNl from '../../../src/webparts/community/loc/nl-nl.js';
import templatesEn from '../../../src/webparts/templates/loc/en-us.js';
import templatesSv from '../../../src/webparts/templates/loc/sv-se.js';
import templatesDa from '../../../src/webparts/templates/loc/da-dk.js';
import templatesNl from '../../../src/webparts/templates/loc/nl-nl.js';
import portfolioEn from '../../../src/webparts/portfolio/loc/en-us.js';
import portfolioSv from '../../../src/webparts/portfolio/loc/sv-se.js';
import portfolioDa from '../../../src/webparts/portfolio/loc/da-dk.js';
import portfolioNl from '../../../src/webparts/portfolio/loc/nl-nl.js';
import planningEn from '../../../src/webparts/portfolio/loc-planning/en-us.js';
import planningSv from '../../../src/webparts/portfolio/loc-planning/sv-se.js';
import planningDa from '../../../src/webparts/portfolio/loc-planning/da-dk.js';
import planningNl from '../../../src/webparts/portfolio/loc-planning/nl-nl.js';
import okrEn from '../../../src/webparts/okr/loc/en-us.js';
import okrSv from '../../../src/webparts/okr/loc/sv-se.js';
import okrDa from '../../../src/webparts/okr/loc/da-dk.js';
import okrNl from '../../../src/webparts/okr/loc/nl-nl.js';
import { okrComposition } from '../../../src/webparts/okr/composition';
import kpisEn from '../../../src/webparts/pmoKpis/loc/en-us.js';
import kpisSv from '../../../src/webparts/pmoKpis/loc/sv-se.js';
import kpisDa from '../../../src/webparts/pmoKpis/loc/da-dk.js';
import kpisNl from '../../../src/webparts/pmoKpis/loc/nl-nl.js';
import { pmoKpisComposition } from '../../../src/webparts/pmoKpis/composition';
import benefitsEn from '../../../src/webparts/benefits/loc/en-us.js';
import benefitsSv from '../../../src/webparts/benefits/loc/sv-se.js';
import benefitsDa from '../../../src/webparts/benefits/loc/da-dk.js';
import benefitsNl from '../../../src/webparts/benefits/loc/nl-nl.js';
import { benefitsComposition } from '../../../src/webparts/benefits/composition';
import frontDoorEn from '../../../src/webparts/frontDoor/loc/en-us.js';
import frontDoorSv from '../../../src/webparts/frontDoor/loc/sv-se.js';
import frontDoorDa from '../../../src/webparts/frontDoor/loc/da-dk.js';
import frontDoorNl from '../../../src/webparts/frontDoor/loc/nl-nl.js';
import { indexedDbSnapshots } from '../../../src/services/listSnapshots';
import { siteAwareSnapshotsFor } from '../../../src/services/siteSnapshots';

// The local hub as an SPFx host: for each web part, the composition written beside its SPFx
// class, the strings files SPFx would load for the user's language, and what the hub's page
// gives instead of SPFx's context (the local SharePoint and its Graph subset on this origin).

/** What SPFx's page context gives a web part, as far as the hub's web parts need it. */
export interface HubWebPartContext {
  /** Absolute URL of the site the page is on. */
  siteUrl: string;
  /** Changes when the acting user changes: services are rebuilt and data reloaded. */
  userKey: string;
  language: HubLanguageInfo;
  common: IPmoHubCommonStrings;
}

type ByLanguage<S> = Record<HubLanguage, S>;
const STATUS: ByLanguage<IStatusReportsWebPartStrings> = { 'en-us': statusReportsEn, 'sv-se': statusReportsSv, 'da-dk': statusReportsDa, 'nl-nl': statusReportsNl };
const RISKS: ByLanguage<IRisksWebPartStrings> = { 'en-us': risksEn, 'sv-se': risksSv, 'da-dk': risksDa, 'nl-nl': risksNl };
const COMMUNITY: ByLanguage<ICommunityWebPartStrings> = { 'en-us': communityEn, 'sv-se': communitySv, 'da-dk': communityDa, 'nl-nl': communityNl };
const TEMPLATES: ByLanguage<ITemplatesWebPartStrings> = { 'en-us': templatesEn, 'sv-se': templatesSv, 'da-dk': templatesDa, 'nl-nl': templatesNl };
const PORTFOLIO: ByLanguage<IPortfolioWebPartStrings> = { 'en-us': portfolioEn, 'sv-se': portfolioSv, 'da-dk': portfolioDa, 'nl-nl': portfolioNl };
const PLANNING: ByLanguage<IPortfolioPlanningWebPartStrings> = { 'en-us': planningEn, 'sv-se': planningSv, 'da-dk': planningDa, 'nl-nl': planningNl };
const OKR: ByLanguage<IOkrWebPartStrings> = { 'en-us': okrEn, 'sv-se': okrSv, 'da-dk': okrDa, 'nl-nl': okrNl };
const PMO_KPIS: ByLanguage<IPmoKpisWebPartStrings> = { 'en-us': kpisEn, 'sv-se': kpisSv, 'da-dk': kpisDa, 'nl-nl': kpisNl };
const BENEFITS: ByLanguage<IBenefitsWebPartStrings> = { 'en-us': benefitsEn, 'sv-se': benefitsSv, 'da-dk': benefitsDa, 'nl-nl': benefitsNl };
const FRONT_DOOR: ByLanguage<IFrontDoorWebPartStrings> = { 'en-us': frontDoorEn, 'sv-se': frontDoorSv, 'da-dk': frontDoorDa, 'nl-nl': frontDoorNl };
const REGISTER: ByLanguage<ProjectRegisterStrings> = {
  'en-us': { register: REGISTER_STRINGS['en-us'], status: STATUS['en-us'], risks: RISKS['en-us'] },
  'sv-se': { register: REGISTER_STRINGS['sv-se'], status: STATUS['sv-se'], risks: RISKS['sv-se'] },
  'da-dk': { register: REGISTER_STRINGS['da-dk'], status: STATUS['da-dk'], risks: RISKS['da-dk'] },
  'nl-nl': { register: REGISTER_STRINGS['nl-nl'], status: STATUS['nl-nl'], risks: RISKS['nl-nl'] }
};

interface Registered {
  // Each entry pairs a composition with its own strings; the registry only passes them through.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  composition: WebPartComposition<any, any, any>;
  strings: ByLanguage<unknown>;
}

/** The web parts the hub can render, by manifest id. */
export const WEB_PARTS: Record<string, Registered> = {
  [ids.PROJECT_REGISTER_MANIFEST_ID]: { composition: projectRegisterComposition, strings: REGISTER },
  [ids.STATUS_REPORTS_MANIFEST_ID]: { composition: statusReportsComposition, strings: STATUS },
  [ids.RISKS_MANIFEST_ID]: { composition: risksComposition, strings: RISKS },
  [ids.TEMPLATES_MANIFEST_ID]: { composition: templatesComposition, strings: TEMPLATES },
  [ids.COMMUNITY_EVENTS_MANIFEST_ID]: { composition: communityEventsComposition, strings: COMMUNITY },
  [ids.EXPERT_DIRECTORY_MANIFEST_ID]: { composition: expertDirectoryComposition, strings: COMMUNITY },
  [ids.LESSONS_LEARNED_MANIFEST_ID]: { composition: lessonsLearnedComposition, strings: COMMUNITY },
  [ids.PORTFOLIO_FILTERS_MANIFEST_ID]: { composition: portfolioFiltersComposition, strings: PORTFOLIO },
  [ids.KPI_TILES_MANIFEST_ID]: { composition: kpiTilesComposition, strings: PORTFOLIO },
  [ids.STATUS_CHARTS_MANIFEST_ID]: { composition: statusChartsComposition, strings: PORTFOLIO },
  [ids.BUDGET_MANIFEST_ID]: { composition: budgetComposition, strings: PORTFOLIO },
  [ids.TIMELINE_MANIFEST_ID]: { composition: timelineComposition, strings: PLANNING },
  [ids.PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID]: { composition: portfolioRiskHeatMapComposition, strings: PLANNING },
  [ids.PRIORITISATION_MANIFEST_ID]: { composition: prioritisationComposition, strings: PLANNING },
  [ids.FRONT_DOOR_MANIFEST_ID]: { composition: frontDoorComposition, strings: FRONT_DOOR },
  [ids.NEWS_MANIFEST_ID]: { composition: newsComposition, strings: FRONT_DOOR },
  [ids.OKR_MANIFEST_ID]: { composition: okrComposition, strings: OKR },
  [ids.PMO_KPIS_MANIFEST_ID]: { composition: pmoKpisComposition, strings: PMO_KPIS },
  [ids.BENEFITS_MANIFEST_ID]: { composition: benefitsComposition, strings: BENEFITS }
};

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

/** The browser's IndexedDB, as the SPFx web parts use it: a second visit renders from the last read. */
const browserSnapshots = indexedDbSnapshots();

export interface HostProps {
  manifestId: string;
  properties: Record<string, unknown>;
  context: HubWebPartContext;
}

/** The web part's own property pane definition (its composition's, as its SPFx class returns it), in the user's language. */
export function propertyPaneOf(manifestId: string, context: HubWebPartContext): IPropertyPaneConfiguration | undefined {
  const entry = WEB_PARTS[manifestId];
  return entry?.composition.propertyPane(entry.strings[context.language.key], context.common);
}

/** What an SPFx web part's onInit and render do, with the hub's page as the context. */
export function WebPartHost({ manifestId, properties, context }: HostProps): JSX.Element {
  const entry = WEB_PARTS[manifestId];
  const configured = typeof properties.siteUrl === 'string' ? properties.siteUrl.trim() : '';
  const siteUrl = configured || context.siteUrl;
  // One set of services per site and acting user, as SPFx builds them once per page load and sign-in;
  // the cache key keeps one user's shared portfolio read from the next.
  const services = React.useMemo(
    () => entry?.composition.services({
      sp: spFromUrl(siteUrl), siteUrl, graph: localGraphClient, cacheKey: `${siteUrl}|${context.userKey}`,
      snapshots: { store: siteAwareSnapshotsFor(browserSnapshots, spFromUrl(siteUrl), siteUrl, context.userKey), userKey: context.userKey }
    }),
    [entry, siteUrl, context.userKey]);
  const { filter, setFilter } = usePageFilter();
  if (!entry) return <MessageBar messageBarType={MessageBarType.info}>{format(context.common.WebPartNotAvailable, manifestId)}</MessageBar>;
  return entry.composition.render(services, properties, {
    strings: entry.strings[context.language.key], common: context.common, locale: context.language.tag, pageSiteUrl: context.siteUrl,
    officeWebViewer: false, filter, onFilterChange: setFilter
  });
}
