import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { Client } from '@microsoft/microsoft-graph-client';
import { spFromUrl } from '../../../src/services/sp';
import type { GraphClientLike } from '../../../src/services/PeopleService';
import type { WebPartComposition } from '../../../src/webparts/shared/composition';
import * as ids from '../../../src/pages/hubPages';
import { HUB_PAGES } from '../../../src/pages/hubPages';
import type { ProjectRegisterStrings } from '../../../src/webparts/projectRegister/composition';
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
import kpisEn from '../../../src/webparts/pmoKpis/loc/en-us.js';
import kpisSv from '../../../src/webparts/pmoKpis/loc/sv-se.js';
import kpisDa from '../../../src/webparts/pmoKpis/loc/da-dk.js';
import kpisNl from '../../../src/webparts/pmoKpis/loc/nl-nl.js';
import benefitsEn from '../../../src/webparts/benefits/loc/en-us.js';
import benefitsSv from '../../../src/webparts/benefits/loc/sv-se.js';
import benefitsDa from '../../../src/webparts/benefits/loc/da-dk.js';
import benefitsNl from '../../../src/webparts/benefits/loc/nl-nl.js';
import frontDoorEn from '../../../src/webparts/frontDoor/loc/en-us.js';
import frontDoorSv from '../../../src/webparts/frontDoor/loc/sv-se.js';
import frontDoorDa from '../../../src/webparts/frontDoor/loc/da-dk.js';
import frontDoorNl from '../../../src/webparts/frontDoor/loc/nl-nl.js';
import { indexedDbSnapshots } from '../../../src/services/listSnapshots';
import { siteAwareSnapshotsFor } from '../../../src/services/siteSnapshots';
import { afterFirstScreen } from '../../../src/common/firstScreen';

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

/** A web part as the hub renders it: its composition and its strings in every language. */
interface Loaded {
  // Each entry pairs a composition with its own strings; the registry only passes them through.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  composition: WebPartComposition<any, any, any>;
  strings: ByLanguage<unknown>;
}

interface Registered {
  /** The composition's module, a chunk of its own (as SPFx loads it in onInit): a page loads only its own web parts' code. */
  load: () => Promise<Loaded>;
}

/**
 * Room a web part's zone takes while its code is not in: about a chart's or a short list's height,
 * so that a page's zones start where they will roughly be and only the first screen's count as in view.
 */
const ZONE_PLACEHOLDER_PX = 250;

/** Web parts loaded so far, by manifest id: what render and the property pane read synchronously. */
const loadedWebParts = new Map<string, Loaded>();

function lazy(load: () => Promise<Loaded>): Registered {
  let once: Promise<Loaded> | undefined;
  return { load: () => (once ??= load().catch((e: unknown) => { once = undefined; throw e; })) };
}

/** The web parts the hub can render, by manifest id. */
export const WEB_PARTS: Record<string, Registered> = {
  [ids.PROJECT_REGISTER_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-project-register' */ '../../../src/webparts/projectRegister/composition')).projectRegisterComposition, strings: REGISTER })),
  [ids.STATUS_REPORTS_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-status-reports' */ '../../../src/webparts/statusReports/composition')).statusReportsComposition, strings: STATUS })),
  [ids.RISKS_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-risks' */ '../../../src/webparts/risks/composition')).risksComposition, strings: RISKS })),
  [ids.TEMPLATES_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-templates' */ '../../../src/webparts/templates/composition')).templatesComposition, strings: TEMPLATES })),
  [ids.COMMUNITY_EVENTS_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-community-events' */ '../../../src/webparts/community/shared/compositions')).communityEventsComposition, strings: COMMUNITY })),
  [ids.EXPERT_DIRECTORY_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-expert-directory' */ '../../../src/webparts/community/shared/compositions')).expertDirectoryComposition, strings: COMMUNITY })),
  [ids.LESSONS_LEARNED_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-lessons-learned' */ '../../../src/webparts/community/shared/compositions')).lessonsLearnedComposition, strings: COMMUNITY })),
  [ids.PORTFOLIO_FILTERS_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-portfolio-filters' */ '../../../src/webparts/portfolio/filters/composition')).portfolioFiltersComposition, strings: PORTFOLIO })),
  [ids.KPI_TILES_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-kpi-tiles' */ '../../../src/webparts/portfolio/kpiTiles/composition')).kpiTilesComposition, strings: PORTFOLIO })),
  [ids.STATUS_CHARTS_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-status-charts' */ '../../../src/webparts/portfolio/statusCharts/composition')).statusChartsComposition, strings: PORTFOLIO })),
  [ids.BUDGET_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-budget' */ '../../../src/webparts/portfolio/budget/composition')).budgetComposition, strings: PORTFOLIO })),
  [ids.TIMELINE_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-timeline' */ '../../../src/webparts/portfolio/timeline/composition')).timelineComposition, strings: PLANNING })),
  [ids.PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-portfolio-risk-heat-map' */ '../../../src/webparts/portfolio/riskHeatMap/composition')).portfolioRiskHeatMapComposition, strings: PLANNING })),
  [ids.PRIORITISATION_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-prioritisation' */ '../../../src/webparts/portfolio/prioritisation/composition')).prioritisationComposition, strings: PLANNING })),
  [ids.FRONT_DOOR_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-front-door' */ '../../../src/webparts/frontDoor/composition')).frontDoorComposition, strings: FRONT_DOOR })),
  [ids.NEWS_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-news' */ '../../../src/webparts/frontDoor/newsComposition')).newsComposition, strings: FRONT_DOOR })),
  [ids.OKR_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-okr' */ '../../../src/webparts/okr/composition')).okrComposition, strings: OKR })),
  [ids.PMO_KPIS_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-pmo-kpis' */ '../../../src/webparts/pmoKpis/composition')).pmoKpisComposition, strings: PMO_KPIS })),
  [ids.BENEFITS_MANIFEST_ID]: lazy(async () => ({ composition: (await import(/* webpackChunkName: 'hub-benefits' */ '../../../src/webparts/benefits/composition')).benefitsComposition, strings: BENEFITS }))
};

/** Loads a web part's chunk (once) and keeps it for what reads it synchronously (render, the property pane). */
function loadWebPart(entry: Registered, manifestId: string): Promise<Loaded> {
  return entry.load().then((l) => { loadedWebParts.set(manifestId, l); return l; });
}

/** Starts loading a web part's chunk; a failure is left to the web part's own load, which reports it. */
function preload(manifestId: string): void {
  const entry = WEB_PARTS[manifestId];
  if (entry) loadWebPart(entry, manifestId).catch(() => undefined);
}

/**
 * Where a page's first web part zone starts: below the suite bar, the site header, the navigation
 * and the page's title and command bar (measured at 1366 px wide).
 */
const FIRST_ZONE_TOP_PX = 330;

/**
 * Starts loading the web parts a hub page is provisioned with that start within the first screen
 * (the zones in page order, ZONE_PLACEHOLDER_PX each), from the page's file name in the address,
 * while the page's own definition is still being read: SharePoint Online names a page's components
 * in the page it serves, so SPFx starts loading them at once too. The others load as
 * useLoadWhenNeeded says, as do the web parts of a page edited since.
 */
export function preloadWebPartsOf(pathname: string): void {
  let file: string;
  try {
    file = decodeURIComponent(pathname.split('/').pop() ?? '').toLowerCase();
  } catch {
    return;
  }
  const page = HUB_PAGES.find((p) => p.fileName.toLowerCase() === (file || 'home.aspx'));
  (page?.webParts ?? []).forEach((w, i) => {
    if (FIRST_ZONE_TOP_PX + i * ZONE_PLACEHOLDER_PX < window.innerHeight) preload(w.manifestId);
  });
}

/** Whether the hub can render this web part (its code may not be loaded yet). */
export function hasWebPart(manifestId: string): boolean {
  return manifestId in WEB_PARTS;
}

/**
 * The web part's composition once its chunk is in (asked for only once `wanted`): undefined while it
 * loads or waits, 'unknown' for a web part the hub does not have. A chunk that fails to load is
 * thrown in render, for the error boundary.
 */
function useWebPart(manifestId: string, wanted: boolean): Loaded | 'unknown' | undefined {
  const [failed, setFailed] = React.useState<unknown>(undefined);
  const [, loaded] = React.useReducer((n: number) => n + 1, 0);
  React.useEffect(() => {
    const entry = WEB_PARTS[manifestId];
    // Asked even when the preload has the chunk already: it may have come in after this render read nothing.
    if (!entry || !wanted) return undefined;
    let live = true;
    loadWebPart(entry, manifestId).then(() => { if (live) loaded(); }, (e: unknown) => { if (live) setFailed(e); });
    return () => { live = false; };
  }, [manifestId, wanted]);
  if (failed !== undefined) throw failed;
  if (!(manifestId in WEB_PARTS)) return 'unknown';
  return loadedWebParts.get(manifestId);
}

/**
 * Whether the web part's code should load now. SharePoint Online loads a web part outside the
 * viewport only when it is scrolled into view (by design, for page performance: sp-dev-docs
 * issues 729, 6424). The hub loads a zone that starts within the first screen when the page is laid
 * out (every zone still a placeholder) at once, and the others once that first screen is drawn
 * (common/firstScreen): every web part is there without scrolling, and their code is not compiled
 * on the first screen's critical path (the Portfolio page's timeline, heat map and prioritisation).
 */
function useLoadWhenNeeded(zone: React.RefObject<HTMLElement>, known: boolean): boolean {
  const [wanted, setWanted] = React.useState(known);
  React.useLayoutEffect(() => {
    if (wanted) return undefined;
    const el = zone.current;
    if (!el || el.getBoundingClientRect().top < window.innerHeight) {
      setWanted(true);
      return undefined;
    }
    let live = true;
    const want = (): void => { if (live) setWanted(true); };
    afterFirstScreen(undefined).then(want, want);
    return () => { live = false; };
  }, [wanted, zone]);
  return wanted;
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

/** The browser's IndexedDB, as the SPFx web parts use it: a second visit renders from the last read. */
const browserSnapshots = indexedDbSnapshots();

export interface HostProps {
  manifestId: string;
  properties: Record<string, unknown>;
  context: HubWebPartContext;
}

/** The web part's own property pane definition (its composition's, as its SPFx class returns it), in the user's language. */
export function propertyPaneOf(manifestId: string, context: HubWebPartContext): IPropertyPaneConfiguration | undefined {
  // The pane opens from a web part on the page, whose chunk is in by then.
  const entry = loadedWebParts.get(manifestId);
  return entry?.composition.propertyPane(entry.strings[context.language.key], context.common);
}

/** What an SPFx web part's onInit and render do, with the hub's page as the context. */
export function WebPartHost({ manifestId, properties, context }: HostProps): JSX.Element {
  const zone = React.useRef<HTMLDivElement>(null);
  const wanted = useLoadWhenNeeded(zone, loadedWebParts.has(manifestId));
  const entry = useWebPart(manifestId, wanted);
  const configured = typeof properties.siteUrl === 'string' ? properties.siteUrl.trim() : '';
  const siteUrl = configured || context.siteUrl;
  // One set of services per site and acting user, as SPFx builds them once per page load and sign-in;
  // the cache key keeps one user's shared portfolio read from the next.
  const services = React.useMemo(
    () => typeof entry === 'object' ? entry.composition.services({
      sp: spFromUrl(siteUrl), siteUrl, graph: localGraphClient, cacheKey: `${siteUrl}|${context.userKey}`,
      snapshots: { store: siteAwareSnapshotsFor(browserSnapshots, spFromUrl(siteUrl), siteUrl, context.userKey), userKey: context.userKey }
    }) : undefined,
    [entry, siteUrl, context.userKey]);
  const { filter, setFilter } = usePageFilter();
  if (entry === 'unknown') return <MessageBar messageBarType={MessageBarType.info}>{format(context.common.WebPartNotAvailable, manifestId)}</MessageBar>;
  // SPFx renders a web part only after onInit has loaded its composition.
  if (!entry) return <div ref={zone} style={{ minHeight: ZONE_PLACEHOLDER_PX }} data-webpart-waiting={manifestId} />;
  return entry.composition.render(services, properties, {
    strings: entry.strings[context.language.key], common: context.common, locale: context.language.tag, pageSiteUrl: context.siteUrl,
    officeWebViewer: false, filter, onFilterChange: setFilter
  });
}
