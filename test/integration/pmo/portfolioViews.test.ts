import { startSite, type Site } from './setup';
import { insertLargePortfolio, LARGE_UNITS } from '../../../tools/bench/largePortfolio';
import { provision } from '../../../src/provisioning/apply';
import { seed } from '../../../src/provisioning/seed';
import { SpPortfolioService } from '../../../src/services/PortfolioService';
import { SpPortfolioViewService } from '../../../src/services/PortfolioViewService';
import { SpStatusTrendService } from '../../../src/services/StatusTrendService';
import { SpPmoKpiService } from '../../../src/services/PmoKpiService';
import { pmoKpis } from '../../../src/model/pmoKpis';
import { SpPortfolioRiskService } from '../../../src/services/PortfolioRiskService';
import { SpPrioritisationService } from '../../../src/services/PrioritisationService';
import type { ListSnapshot, SnapshotStore } from '../../../src/services/listSnapshots';
import { getList, internalName } from '../../../src/schema';
import { ValidationError } from '../../../src/services/errors';
import { filterPortfolio } from '../../../src/model/portfolioFilter';
import { budgetRows, portfolioKpis, statusDistribution, statusTrend, trendStart } from '../../../src/model/portfolioMetrics';

jest.setTimeout(240_000);

const TODAY = new Date(Date.UTC(2026, 10, 15));

/**
 * Requests for data the server answered while `f` ran, and whether any hit the list view threshold.
 * A session's first POST also fetches its form digest from contextinfo (at most once): counted apart.
 */
async function counted<T>(site: Site, f: () => Promise<T>): Promise<{ value: T; requests: number; throttled: number }> {
  const before = site.server.stats.total;
  const digestsBefore = site.server.stats.byKind.contextinfo ?? 0;
  const throttledBefore = site.server.stats.throttled;
  const value = await f();
  const digests = (site.server.stats.byKind.contextinfo ?? 0) - digestsBefore;
  expect(digests).toBeLessThanOrEqual(1);
  return { value, requests: site.server.stats.total - before - digests, throttled: site.server.stats.throttled - throttledBefore };
}

describe('portfolio reads at 10,000 projects and 100,000 status reports', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
    await provision(site.sp);
    await seed(site.sp, 'demo');
    insertLargePortfolio(site.server, TODAY);
  });
  afterAll(async () => { await site.server.close(); });

  it('reads every project for the filter, KPI and budget views, with their published reports, in 5 requests, under the threshold', async () => {
    const { value: projects, requests, throttled } = await counted(site, () => new SpPortfolioService(site.sp, site.url, 'large').loadProjects());
    expect(projects.length).toBeGreaterThanOrEqual(10_000);
    // 10,000+ demo projects in pages of 5,000; the 100,000 reports: their highest ID, then every page in one $batch.
    expect(requests).toBe(Math.ceil(projects.length / 5000) + 2);
    expect(throttled).toBe(0);
    const it = filterPortfolio(projects, { version: 1, units: ['IT'] });
    expect(it.length).toBeGreaterThan(900);
    expect(it.every((p) => p.unit === 'IT')).toBe(true);
    const k = portfolioKpis(it, 30, TODAY);
    expect(k.overall.Green + k.overall.Amber + k.overall.Red + k.overall.None).toBe(k.active);
    expect(statusDistribution(projects, 'unit', 'en-US').map((r) => r.key)).toEqual(expect.arrayContaining(LARGE_UNITS));
    expect(budgetRows(it, 'unit', 'en-US')).toHaveLength(1);
  });

  it('reads a year of report history in 2 requests (every ID page in one $batch), under the threshold', async () => {
    const from = trendStart(TODAY, 12);
    const { value: points, requests, throttled } = await counted(site, () => new SpStatusTrendService(site.sp, site.url).loadReportPoints(from));
    expect(throttled).toBe(0);
    expect(requests).toBe(2);
    // The large reports (10 per project, two weeks apart, up to today) all fall in the window; demo reports partly.
    expect(points.length).toBeGreaterThanOrEqual(100_000);
    expect(points.every((p) => p.reportDate >= from)).toBe(true);
    const projects = await new SpPortfolioService(site.sp, site.url, 'large').loadProjects();
    const it = new Set(filterPortfolio(projects, { version: 1, units: ['IT'] }).map((p) => p.id));
    const trend = statusTrend(points, it, TODAY, 12);
    expect(trend).toHaveLength(12);
    const last = trend[11];
    // Every IT project of the large seed reported this month or last: all of them count at the end.
    expect(last.Green + last.Amber + last.Red).toBeGreaterThanOrEqual(1000);
  });

  it('the PMO\'s KPIs read the 100,000+ reports with the trend\'s lean read, under the threshold, and count what a full read counts', async () => {
    const today = TODAY.toISOString().slice(0, 10);
    const { value: kpis, requests, throttled } = await counted(site, () => new SpPmoKpiService(site.sp, site.url).load(today));
    expect(throttled).toBe(0);
    // Reports: the highest ID and one $batch of every ID page (2). Projects: 10,030 in pages of 5,000 (3).
    // Downloads, requests, lessons: one page each (3). Sparring Requests' permissions (1); assignments in a $batch (1).
    expect(requests).toBe(10);
    // The same KPI from every report, drafts and all, read page by page the plain way (odata.nextLink).
    const project = `${internalName('statusReports', 'project')}Id`;
    const date = internalName('statusReports', 'reportDate');
    const published = internalName('statusReports', 'published');
    const all: Array<Record<string, unknown>> = [];
    for await (const page of site.sp.web.getList(`/sites/pmo/${getList('statusReports').url}`).items.select('ID', project, date, published).top(5000)) all.push(...page);
    expect(all.length).toBeGreaterThan(100_000);
    const projects = await new SpPortfolioService(site.sp, site.url, 'kpi-check').loadProjects();
    const full = pmoKpis({
      projects, quarters: kpis.quarters, downloads: [], sparring: [], lessons: [],
      reports: all.map((r) => ({ project: { id: r[project] as number, title: '' }, reportDate: String(r[date]).slice(0, 10), published: r[published] === true }))
    });
    const onTime = (series: typeof full): unknown => series.find((k) => k.key === 'reportsOnTime')?.byQuarter;
    expect(onTime(kpis.series)).toEqual(onTime(full));
    expect(Object.values(onTime(full) as Record<string, number | undefined>).some((v) => v !== undefined && v > 0)).toBe(true);
  });

  it('refuses a date filter on the same list: reading by ID pages is what keeps the trend readable', async () => {
    const date = internalName('statusReports', 'reportDate');
    const read = site.sp.web.getList(`/sites/pmo/${getList('statusReports').url}`).items
      .filter(`${date} ge datetime'2026-01-01T00:00:00Z'`).top(5000)();
    await expect(read).rejects.toThrow(/SPQueryThrottledException/);
  });

  /**
   * The Portfolio page's reads as its web parts make them (the compositions' services, a browser
   * that remembers nothing yet): one project read shared by every view, and each view's own reads.
   * Request counts are deterministic; these are today's, so a view that starts asking more fails here.
   */
  it('a cold Portfolio page at 10,030 projects: one shared read of 6 requests, each view at most 3 of its own', async () => {
    const memory = new Map<string, ListSnapshot<unknown>>();
    const store: SnapshotStore = {
      get: async <T>(k: string) => memory.get(k) as ListSnapshot<T> | undefined,
      set: async <T>(k: string, v: ListSnapshot<T>) => { memory.set(k, v as ListSnapshot<unknown>); }
    };
    const snapshots = { store, userKey: 'owner' };
    const portfolio = (): SpPortfolioService => new SpPortfolioService(site.sp, site.url, 'page-load', snapshots);
    const shared = await counted(site, () => portfolio().loadProjects());
    expect(shared.value.length).toBe(10_030);
    // The list's change token, then 10,030 projects in pages of 5,000; beside them the published
    // reports the latest status comes from: their highest ID, then every 5,000-ID page in one $batch.
    expect(shared.requests).toBe(6);
    expect(shared.throttled).toBe(0);
    const own: Record<string, number> = {};
    // The KPI tiles, the status distribution, budget and timeline read nothing of their own: the page's read is theirs.
    for (const view of ['kpiTiles', 'statusDistribution', 'budget', 'timeline']) own[view] = (await counted(site, () => portfolio().loadProjects())).requests;
    own.filters = (await counted(site, () => new SpPortfolioViewService(site.sp, site.url).load())).requests;
    // The trend's history is the reports the shared read already holds.
    own.trend = (await counted(site, () => new SpStatusTrendService(site.sp, site.url, 'page-load').loadReportPoints(trendStart(TODAY, 12)))).requests;
    own.riskHeatMap = (await counted(site, () => new SpPortfolioRiskService(site.sp, site.url).openRisks())).requests;
    const prioritisation = new SpPrioritisationService(site.sp, site.url);
    // The criteria, the user's rights and up to 5,000 projects' scores (Project Priorities), in one $batch.
    own.prioritisation = (await counted(site, () => prioritisation.load())).requests;
    expect(own).toEqual({ kpiTiles: 0, statusDistribution: 0, budget: 0, timeline: 0, filters: 3, trend: 0, riskHeatMap: 1, prioritisation: 1 });
    const views = Object.keys(own).length;
    const total = shared.requests + Object.values(own).reduce((a, n) => a + n, 0);
    expect(total / views).toBeLessThanOrEqual(4);
  });
});

describe('saved portfolio views', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
    await provision(site.sp);
    await seed(site.sp, 'demo');
  });
  afterAll(async () => { await site.server.close(); });

  it('a project leader sees the shared views and their own, saves personal views only', async () => {
    const leader = new SpPortfolioViewService(await site.as('leader'), site.url);
    const first = await counted(site, () => leader.load());
    // One $batch (user, both lists' permissions), then the personal and the shared views (schema 4: two lists).
    expect(first.requests).toBe(3);
    expect(first.value.canSaveShared).toBe(false);
    expect(first.value.canSavePersonal).toBe(true);
    expect(first.value.views.map((v) => v.title)).toEqual(['Green Transition programme', 'Red and amber projects']);
    const saved = await leader.save({ title: `IT <b>'s & "red"</b>`, filter: { version: 1, units: ['IT'], overall: ['Red'] }, shared: false });
    expect(saved.title).toBe(`IT <b>'s & "red"</b>`);
    expect(saved.filterDefinition).toEqual({ version: 1, units: ['IT'], overall: ['Red'] });
    expect(saved.owner.id).toBe(first.value.me.id);
    const again = await leader.load();
    expect(again.views.map((v) => v.title)).toContain(saved.title);
    // Someone else's personal view stays theirs.
    const pmo = await new SpPortfolioViewService(await site.as('pmo'), site.url).load();
    expect(pmo.views.map((v) => v.title)).not.toContain(saved.title);
    expect(pmo.canSaveShared).toBe(true);
  });

  it('a visitor reads the shared views and may save nothing', async () => {
    const visitor = await new SpPortfolioViewService(await site.as('visitor'), site.url).load();
    expect(visitor.canSavePersonal).toBe(false);
    expect(visitor.canSaveShared).toBe(false);
    expect(visitor.views.every((v) => v.shared)).toBe(true);
  });

  it('a PMO member saves a shared view everyone sees; a stored view with broken JSON still loads', async () => {
    const pmo = new SpPortfolioViewService(await site.as('pmo'), site.url);
    const shared = await pmo.save({ title: 'Finance, executing', filter: { version: 1, units: ['Finance'], phases: ['Execution'] }, shared: true });
    const leader = await new SpPortfolioViewService(await site.as('leader'), site.url).load();
    expect(leader.views.find((v) => v.id === shared.id)?.shared).toBe(true);
    // A shared view is the PMO's list's item; its id is negated in the model (one number per view).
    expect(shared.id).toBeLessThan(0);
    await site.sp.web.getList(`/sites/pmo/${getList('sharedPortfolioViews').url}`).items.getById(-shared.id).update({ [internalName('sharedPortfolioViews', 'filterDefinition')]: '{not json' });
    const reloaded = await pmo.load();
    expect(reloaded.views.find((v) => v.id === shared.id)?.filterDefinition).toEqual({ version: 1 });
  });

  it('refuses an empty title before any request', async () => {
    const pmo = new SpPortfolioViewService(await site.as('pmo'), site.url);
    const { requests } = await counted(site, () => pmo.save({ title: '  ', filter: { version: 1 }, shared: false }).catch((e: unknown) => {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fields).toEqual({ title: 'required' });
    }));
    expect(requests).toBe(0);
  });
});
