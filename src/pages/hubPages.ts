// The Node tools' tsconfig (the local hub's server imports this file) does not include the
// strings' global declarations; an import cannot name a global declaration file.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../common/loc/mystrings.d.ts" />
/**
 * The hub's pages, declared once as data: provisioning creates them as modern pages
 * (SitePages/<fileName>; which web parts sit side by side is in profiles.ts) for the PMO profiles
 * they name, on a tenant and locally alike; the local hub renders what Site Pages then stores.
 * Titles and texts are keys of the common strings: a page is written in the site's language, the
 * navigation in every one.
 */

export type HubPageKey = 'home' | 'projects' | 'portfolio' | 'strategy' | 'templates' | 'community';

export type PmoProfile = 'operational' | 'tactical' | 'portfolio' | 'enterprise' | 'excellence';

export interface HubWebPart {
  /** The web part's component id (its manifest's `id`). */
  manifestId: string;
  /** The manifest's `alias`: readable in page JSON and logs. */
  alias: string;
  /** The web part's properties on this page, as SharePoint stores them. */
  properties: Record<string, unknown>;
  /** Connect its `filter` property to the page's Portfolio filters web part (SPFx dynamic data). */
  connectFilter?: boolean;
  /** Only these profiles get the web part on this page; omitted: every profile that has the page. */
  profiles?: PmoProfile[];
}

export interface HubPage {
  key: HubPageKey;
  /** File in the Site Pages library; `Home.aspx` is the site's welcome page. */
  fileName: string;
  titleKey: keyof IPmoHubCommonStrings;
  /** A text part above the web parts (a Text web part on a tenant page). */
  introKey?: keyof IPmoHubCommonStrings;
  webParts: HubWebPart[];
  /** The profiles whose sites get this page, in navigation order (see profiles.ts). */
  profiles: PmoProfile[];
}

/**
 * The project register's component id. Copied from ProjectRegisterWebPart.manifest.json
 * (a JSON file with comments, which the SPFx build reads but `import` cannot); a unit
 * test checks that both agree.
 */
export const PROJECT_REGISTER_MANIFEST_ID: string = '2da2bba0-966b-4b54-a6a6-acaf9073c87e';
export const PROJECT_REGISTER_ALIAS: string = 'ProjectRegisterWebPart';

/** The status reports and risks web parts' component ids (their manifests'; checked by the same test). */
export const STATUS_REPORTS_MANIFEST_ID: string = '1be1af01-f8b2-484b-9920-c7b0d523d501';
export const STATUS_REPORTS_ALIAS: string = 'StatusReportsWebPart';
export const RISKS_MANIFEST_ID: string = '38a36937-e3d2-4dff-a517-7c3e09a59d65';
export const RISKS_ALIAS: string = 'RisksWebPart';
/** The method templates web part's component id (its manifest's; checked by the same test). */
export const TEMPLATES_MANIFEST_ID: string = '9959e411-351f-4400-89ae-226a14597a2f';
export const TEMPLATES_ALIAS: string = 'TemplatesWebPart';

/** The portfolio overview's web parts (ids checked by the same test). */
export const PORTFOLIO_FILTERS_MANIFEST_ID: string = 'ac9e946e-b021-4b69-bd9b-f91cae980de6';
export const PORTFOLIO_FILTERS_ALIAS: string = 'PortfolioFiltersWebPart';
export const KPI_TILES_MANIFEST_ID: string = '575a1644-a5c7-41d4-a3d0-921c68f43a1b';
export const KPI_TILES_ALIAS: string = 'KpiTilesWebPart';
export const STATUS_CHARTS_MANIFEST_ID: string = '92d1c75c-8a9c-4f54-86b0-3d73ac084e37';
export const STATUS_CHARTS_ALIAS: string = 'StatusChartsWebPart';
export const BUDGET_MANIFEST_ID: string = '0108eff2-aec3-4adf-b923-149aad45bc54';
export const BUDGET_ALIAS: string = 'BudgetWebPart';
/** The community web parts' component ids (checked by the same test). */
export const COMMUNITY_EVENTS_MANIFEST_ID: string = '3f671a6a-9385-4025-9d4a-206d3ca01228';
export const COMMUNITY_EVENTS_ALIAS: string = 'CommunityEventsWebPart';
export const EXPERT_DIRECTORY_MANIFEST_ID: string = 'a6683ffc-a298-4791-97e5-8b245b4e1bd5';
export const EXPERT_DIRECTORY_ALIAS: string = 'ExpertDirectoryWebPart';
export const LESSONS_LEARNED_MANIFEST_ID: string = 'e0b0b2f3-36a2-4826-a25b-e30bc5c7b937';
export const LESSONS_LEARNED_ALIAS: string = 'LessonsLearnedWebPart';

/** The portfolio planning web parts' component ids (their manifests'; checked by the same test). */
export const TIMELINE_MANIFEST_ID: string = 'd0434cb8-57f5-4733-a517-d954f23bd5e1';
export const TIMELINE_ALIAS: string = 'TimelineWebPart';
export const PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID: string = 'ac86e7a7-2cd9-475c-9ef8-06b33afc7329';
export const PORTFOLIO_RISK_HEAT_MAP_ALIAS: string = 'PortfolioRiskHeatMapWebPart';
export const PRIORITISATION_MANIFEST_ID: string = 'efa0df43-f0f5-4992-a21d-450428a4db7c';
export const PRIORITISATION_ALIAS: string = 'PrioritisationWebPart';
/** The OKR web part's component id (its manifest's; checked by the same test). */
export const OKR_MANIFEST_ID: string = 'b4ba5012-19b1-40f3-92d5-459dc7764dd0';
export const OKR_ALIAS: string = 'OkrWebPart';
/** The PMO KPI web part's component id (its manifest's; checked by the same test). */
export const PMO_KPIS_MANIFEST_ID: string = '25f68a81-491a-446d-913f-e0db82973da8';
export const PMO_KPIS_ALIAS: string = 'PmoKpisWebPart';
/** The benefits register's component id (its manifest's; checked by the same test). */
export const BENEFITS_MANIFEST_ID: string = '11507537-728e-4846-af24-d9bd20123f3c';
export const BENEFITS_ALIAS: string = 'BenefitsWebPart';

/** The front door's web parts (their manifests'; checked by the same test). */
export const FRONT_DOOR_MANIFEST_ID: string = '994fe718-3823-4a9c-abe4-69447dfc537a';
export const FRONT_DOOR_ALIAS: string = 'FrontDoorWebPart';
export const NEWS_MANIFEST_ID: string = '98d8420d-6c11-4a5e-9979-77cae2575987';
export const NEWS_ALIAS: string = 'NewsWebPart';

export const HUB_PAGES: HubPage[] = [
  {
    key: 'home',
    fileName: 'Home.aspx',
    titleKey: 'NavHome',
    introKey: 'HomeWelcome',
    profiles: ['operational', 'tactical', 'portfolio', 'enterprise', 'excellence'],
    // A communication site's front page: what the PMO is, its news, then the projects.
    webParts: [{
      manifestId: FRONT_DOOR_MANIFEST_ID,
      alias: FRONT_DOOR_ALIAS,
      properties: { siteUrl: '', staleDays: 30 }
    }, {
      manifestId: NEWS_MANIFEST_ID,
      alias: NEWS_ALIAS,
      properties: { siteUrl: '', count: 4 }
    }, {
      manifestId: PROJECT_REGISTER_MANIFEST_ID,
      alias: PROJECT_REGISTER_ALIAS,
      // Compact on the home page: the full register is one click away on Projects.
      properties: { siteUrl: '', defaultPhase: '', pageSize: 10, staleDays: 30 }
    }]
  },
  {
    key: 'projects',
    fileName: 'Projects.aspx',
    titleKey: 'NavProjects',
    profiles: ['operational', 'tactical', 'portfolio', 'enterprise', 'excellence'],
    webParts: [{
      manifestId: PROJECT_REGISTER_MANIFEST_ID,
      alias: PROJECT_REGISTER_ALIAS,
      properties: { siteUrl: '', defaultPhase: '', pageSize: 50, staleDays: 30 }
    }, {
      // Below the register: pick a project, write its status report, follow its trend.
      manifestId: STATUS_REPORTS_MANIFEST_ID,
      alias: STATUS_REPORTS_ALIAS,
      properties: { siteUrl: '', projectId: '' },
      // A centre of excellence keeps the register for its lessons and experts, not the reporting.
      profiles: ['operational', 'tactical', 'portfolio', 'enterprise']
    }, {
      manifestId: RISKS_MANIFEST_ID,
      alias: RISKS_ALIAS,
      properties: { siteUrl: '', projectId: '' },
      profiles: ['operational', 'tactical', 'portfolio', 'enterprise']
    }]
  },
  {
    key: 'portfolio',
    fileName: 'Portfolio.aspx',
    titleKey: 'NavPortfolio',
    // An operational PMO supports single projects and a centre of excellence methods: neither steers a portfolio.
    profiles: ['tactical', 'portfolio', 'enterprise'],
    // The filter bar first: every other portfolio web part on the page follows it (SPFx dynamic data).
    webParts: [{
      manifestId: PORTFOLIO_FILTERS_MANIFEST_ID,
      alias: PORTFOLIO_FILTERS_ALIAS,
      properties: { siteUrl: '', showSavedViews: true }
    }, {
      manifestId: KPI_TILES_MANIFEST_ID,
      alias: KPI_TILES_ALIAS,
      connectFilter: true,
      properties: { siteUrl: '', staleDays: 30, registerUrl: '' }
    }, {
      manifestId: STATUS_CHARTS_MANIFEST_ID,
      alias: STATUS_CHARTS_ALIAS,
      connectFilter: true,
      properties: { siteUrl: '', grouping: 'unit', showTrend: true }
    }, {
      manifestId: BUDGET_MANIFEST_ID,
      alias: BUDGET_ALIAS,
      connectFilter: true,
      properties: { siteUrl: '', grouping: 'unit', tolerancePct: 5, projectLimit: 15 }
    }, {
      manifestId: TIMELINE_MANIFEST_ID,
      alias: TIMELINE_ALIAS,
      connectFilter: true,
      properties: { siteUrl: '', grouping: 'programme', zoom: 'quarters' }
    }, {
      manifestId: PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID,
      alias: PORTFOLIO_RISK_HEAT_MAP_ALIAS,
      connectFilter: true,
      properties: { siteUrl: '' }
    }, {
      manifestId: PRIORITISATION_MANIFEST_ID,
      alias: PRIORITISATION_ALIAS,
      connectFilter: true,
      properties: { siteUrl: '', easeCriteria: 'Effort, Risk' },
      // Weighing projects against criteria is what a portfolio office is for; a tactical one coordinates.
      profiles: ['portfolio', 'enterprise']
    }]
  },
  {
    key: 'strategy',
    fileName: 'Strategy.aspx',
    titleKey: 'NavStrategy',
    // The profiles that have the objectives' lists. A page of its own: on the Portfolio page the
    // OKRs' charts and form would take that page over its 250 KB budget.
    profiles: ['portfolio', 'enterprise'],
    webParts: [
      { manifestId: OKR_MANIFEST_ID, alias: OKR_ALIAS, properties: { siteUrl: '' } },
      { manifestId: PMO_KPIS_MANIFEST_ID, alias: PMO_KPIS_ALIAS, properties: { siteUrl: '' } },
      // What the projects are for, measured: benefits realisation beside the objectives they serve.
      { manifestId: BENEFITS_MANIFEST_ID, alias: BENEFITS_ALIAS, properties: { siteUrl: '', projectId: '' } }
    ]
  },
  {
    key: 'templates',
    fileName: 'Templates.aspx',
    titleKey: 'NavTemplates',
    profiles: ['operational', 'tactical', 'portfolio', 'enterprise', 'excellence'],
    webParts: [{
      manifestId: TEMPLATES_MANIFEST_ID,
      alias: TEMPLATES_ALIAS,
      properties: { siteUrl: '' }
    }]
  },
  {
    key: 'community',
    fileName: 'Community.aspx',
    titleKey: 'NavCommunity',
    // An operational PMO offers sparring and keeps lessons; the meeting cycle is a centre of excellence's.
    profiles: ['operational', 'enterprise', 'excellence'],
    webParts: [
      { manifestId: COMMUNITY_EVENTS_MANIFEST_ID, alias: COMMUNITY_EVENTS_ALIAS, properties: { siteUrl: '' }, profiles: ['enterprise', 'excellence'] },
      { manifestId: EXPERT_DIRECTORY_MANIFEST_ID, alias: EXPERT_DIRECTORY_ALIAS, properties: { siteUrl: '' } },
      { manifestId: LESSONS_LEARNED_MANIFEST_ID, alias: LESSONS_LEARNED_ALIAS, properties: { siteUrl: '' } },
      { manifestId: NEWS_MANIFEST_ID, alias: NEWS_ALIAS, properties: { siteUrl: '', count: 6 } }
    ]
  }
];

/** The page a server-relative path shows: the site itself is its home page; file names are case-insensitive as in SharePoint. */
export function hubPageOfPath(sitePath: string, pathname: string): HubPage | undefined {
  const site = sitePath.replace(/\/+$/, '').toLowerCase();
  const path = pathname.replace(/\/+$/, '').toLowerCase();
  if (path === site) return HUB_PAGES[0];
  const prefix = `${site}/sitepages/`;
  if (!path.startsWith(prefix)) return undefined;
  const file = path.slice(prefix.length);
  return HUB_PAGES.find((p) => p.fileName.toLowerCase() === file);
}

/** The URL of a page: the home page is the site URL, the way SharePoint links its welcome page. */
export function hubPagePath(sitePath: string, page: HubPage): string {
  const site = sitePath.replace(/\/+$/, '');
  return page.key === 'home' ? site : `${site}/SitePages/${page.fileName}`;
}
