import { spfi, SPBrowser } from '@pnp/sp';
import { startLocalSharePoint } from '../local-sharepoint/src/server';
import { provision } from '../../src/provisioning/apply';
import { seed } from '../../src/provisioning/seed';
import { buildHub } from '../hub/build';
import { hubStaticHandler } from '../hub/server';
import { launchChromium } from '../hub/chromium';
import { insertLargePortfolio } from './largePortfolio';

type Results = Record<string, unknown>;

/** What a request was for, by its URL: the portfolio's reads are few enough to name. */
function kindOf(url: string, body: string | null): string {
  const u = decodeURIComponent(url);
  if (u.includes('/$batch')) return body && body.includes('PMOStatusReports') ? 'trend pages ($batch)' : 'user and rights ($batch)';
  if (u.includes('PMOPortfolioViews')) return 'saved views';
  if (u.includes('PMOStatusReports')) return 'trend: highest report ID';
  if (u.includes('PMOProjects')) return 'projects (shared, pages of 5,000)';
  return u.replace(/^https?:\/\/[^/]+/, '').slice(0, 80);
}

/**
 * The Portfolio page at 10,000 projects and 100,000 status reports (the `large` seed's shape, written
 * straight into the store) in headless Chromium as a PMO member: time from navigation until the
 * KPI tiles, the status chart and the budget chart show (first render), until the 12-month trend
 * shows, and every SharePoint request the page made, by what it was for.
 */
async function portfolioPage(runs: number): Promise<Results> {
  const hub = await buildHub();
  const server = await startLocalSharePoint({ data: ':memory:', port: 0, staticHandler: hubStaticHandler(hub.outDir) });
  const url = `${server.url}/sites/pmo`;
  const sp = spfi(url).using(SPBrowser({ baseUrl: url }));
  await provision(sp);
  await seed(sp, 'demo');
  insertLargePortfolio(server, new Date());
  const browser = await launchChromium();
  try {
    const first: number[] = [];
    const trend: number[] = [];
    const warmFirst: number[] = [];
    const warmFresh: number[] = [];
    let warmRequests = 0;
    let requests: Record<string, number> = {};
    let total = 0;
    let projectsShown = '';
    let timeline: string[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.addCookies([{ name: 'pmohub-user', value: 'pmo', domain: new URL(url).hostname, path: '/' }]);
      const page = await context.newPage();
      const seen: Record<string, number> = {};
      const spans: Array<[string, number, number]> = [];
      let n = 0;
      const t0 = Date.now();
      page.on('request', (r) => {
        if (!r.url().includes('/_api/')) return;
        n++;
        const k = kindOf(r.url(), r.postData());
        seen[k] = (seen[k] ?? 0) + 1;
        const start = Date.now() - t0;
        void r.response().then(() => r.sizes()).then(() => spans.push([k, start, Date.now() - t0]), () => undefined);
      });
      await page.goto(`${url}/SitePages/Portfolio.aspx`);
      await Promise.all([
        page.waitForSelector('a[data-kpi="active"]', { timeout: 120_000 }),
        page.waitForSelector('.ct-bar', { state: 'attached', timeout: 120_000 })
      ]);
      first.push(Date.now() - t0);
      await page.waitForSelector('.ct-line', { state: 'attached', timeout: 120_000 });
      trend.push(Date.now() - t0);
      projectsShown = (await page.getByText(/^\d[\d,]* of [\d,]+ projects$/).first().textContent()) ?? '';
      requests = seen;
      total = n;
      timeline = spans.sort((a, b) => a[1] - b[1]).map(([k, a, b]) => `${a}–${b} ms ${k}`);
      // A warm visit: the same browser comes back; the web parts render from what IndexedDB kept and
      // ask SharePoint only what changed since (nothing here), then drop the "shown as read" note.
      const before = n;
      const t1 = Date.now();
      await page.goto(`${url}/SitePages/Portfolio.aspx`);
      await Promise.all([
        page.waitForSelector('a[data-kpi="active"]', { timeout: 120_000 }),
        page.waitForSelector('.ct-bar', { state: 'attached', timeout: 120_000 })
      ]);
      warmFirst.push(Date.now() - t1);
      // A string: this file is typed for Node, the check runs in the page.
      await page.waitForFunction('!/Shown as read/.test(document.body.innerText)', undefined, { timeout: 120_000 });
      warmFresh.push(Date.now() - t1);
      warmRequests = n - before;
      await context.close();
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return {
      projectsShown, firstRenderMs: median(first), firstRenderRunsMs: first, trendShownMs: median(trend), trendRunsMs: trend,
      pageApiRequests: total, requestsByPurpose: requests, lastRunRequestTimeline: timeline,
      warmVisit: { firstRenderMs: median(warmFirst), firstRenderRunsMs: warmFirst, freshMs: median(warmFresh), freshRunsMs: warmFresh, pageApiRequests: warmRequests },
      note: 'cold: a new browser; first render = KPI tiles and status bars on screen; the trend reads 100,000+ reports in one $batch and shows after. ' +
        'warm: the same browser again; first render from what it remembered, fresh = the changes since read and the "shown as read" note gone'
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function portfolioBench(runs = Number(process.env.PORTFOLIO_BENCH_RUNS ?? 3)): Promise<Results> {
  // The page's JavaScript as shipped is measured from the .sppkg by pageWeightGzip (tools/bench/pageWeight.ts).
  return { page: await portfolioPage(runs) };
}
