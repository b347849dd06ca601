import { startLocalSharePoint } from '../local-sharepoint/src/server';
import { buildHub } from '../hub/build';
import { hubStaticHandler } from '../hub/server';
import { prepareDemoSite } from '../hub/demo';
import { launchChromium } from '../hub/chromium';
import { insertLargePortfolio } from './largePortfolio';
import { startCpuProfile } from './cpuProfile';
import { siteSnapshotsLeft } from './siteSnapshots';
import { closeWhenSettled } from './settle';

type Results = Record<string, unknown>;

/**
 * Runs in the page before its scripts: notes on the page's own clock (ms since navigation start)
 * when the first render's conditions first hold in the DOM (checked on every DOM change, before
 * the browser paints it) and when the trend's line is there. Measured in the page because the
 * local SharePoint runs in this Node process, beside Playwright's client: while the server
 * builds the 100,000-report answer, Node cannot hear that the page is ready, and a Node clock
 * counted the server's work on the trend into the first render.
 */
const MARKS_SCRIPT = `(() => {
  const marks = window.__pmoBench = {};
  // Layout is asked for only once both are in the DOM: a layout on every change would slow the page measured.
  const visible = (el) => !!el && el.getClientRects().length > 0;
  const check = () => {
    if (marks.firstRender === undefined && document.querySelector('.ct-bar') && visible(document.querySelector('a[data-kpi="active"]'))) marks.firstRender = performance.now();
    if (marks.trend === undefined && document.querySelector('.ct-line')) marks.trend = performance.now();
    if (marks.firstRender !== undefined && marks.trend !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** The page's marks, once both are set. */
async function pageMarks(page: import('playwright-core').Page): Promise<{ firstRender: number; trend: number }> {
  type Marks = { firstRender?: number; trend?: number };
  // Functions, not strings: the hub's Content-Security-Policy forbids a string evaluated as script.
  await page.waitForFunction(() => (globalThis as { __pmoBench?: Marks }).__pmoBench?.firstRender !== undefined, undefined, { timeout: 120_000 });
  return await page.evaluate(() => (globalThis as { __pmoBench?: Marks }).__pmoBench) as { firstRender: number; trend: number };
}

/** What a request was for, by its URL: the portfolio's reads are few enough to name. */
function kindOf(url: string, body: string | null): string {
  const u = decodeURIComponent(url);
  if (u.includes('/$batch')) return body && body.includes('PMOStatusReports') ? 'trend pages ($batch)' : 'user and rights ($batch)';
  if (u.includes('PMOPortfolioViews')) return 'saved views';
  if (u.includes('PMOStatusReports') && /getchanges/i.test(u)) return 'latest reports: changes since (shared)';
  if (u.includes('PMOStatusReports')) return 'trend: highest report ID';
  if (u.includes('PMOProjects') && u.includes('CurrentChangeToken')) return 'projects: change token (shared)';
  if (u.includes('PMOProjects') && /getchanges/i.test(u)) return 'projects: changes since (shared)';
  if (u.includes('PMOProjects')) return 'projects (shared, pages of 5,000)';
  if (u.includes('PMOHubSnapshots')) return /getFolderByServerRelativePath/i.test(u) ? 'site snapshot files: which there are (shared)' : 'site snapshot file (shared)';
  return u.replace(/^https?:\/\/[^/]+/, '').slice(0, 80);
}

/**
 * The Portfolio page at 10,000 projects and 100,000 status reports (the `large` seed's shape, written
 * straight into the store) in headless Chromium as a PMO member: time from navigation until the
 * KPI tiles, the status chart and the budget chart show (first render), until the 12-month trend
 * shows, and every SharePoint request the page made, by what it was for.
 */
async function portfolioPage(runs: number): Promise<Results> {
  // Profiled, the bundle is not minified: the profile's summary then names the functions.
  const hub = await buildHub({ minify: !process.env.PORTFOLIO_BENCH_PROFILE });
  const server = await startLocalSharePoint({ data: ':memory:', port: 0, staticHandler: hubStaticHandler(hub.outDir) });
  const url = `${server.url}/sites/pmo`;
  // Provisioned and seeded as `npm start` does, hub pages included (provisioning writes pages only with their texts).
  await prepareDemoSite(url);
  insertLargePortfolio(server, new Date());
  const browser = await launchChromium();
  try {
    // The site's first visit ever: nothing in the browser and no snapshot files on the site yet. It is
    // a PMO member's, whose browser then leaves its reads in PMO Hub Snapshots; every later new
    // browser (the cold runs below) starts from those files.
    const firstVisitOnSite = await (async (): Promise<Results> => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.addCookies([{ name: 'pmohub-user', value: 'pmo', domain: new URL(url).hostname, path: '/' }]);
      await context.addInitScript(MARKS_SCRIPT);
      const page = await context.newPage();
      await page.goto(`${url}/SitePages/Portfolio.aspx`);
      const marks = await pageMarks(page);
      const filesKb = await siteSnapshotsLeft(url, ['projects', 'latestReports']);
      await closeWhenSettled(context, page);
      return { firstRenderMs: Math.round(marks.firstRender), siteSnapshotFilesGzipKb: filesKb };
    })();
    const first: number[] = [];
    const trend: number[] = [];
    const nodeClockFirst: number[] = [];
    const warmFirst: number[] = [];
    const warmFresh: number[] = [];
    let warmRequests = 0;
    let requests: Record<string, number> = {};
    let warmRequestsByPurpose: Record<string, number> = {};
    let total = 0;
    let projectsShown = '';
    let timeline: string[] = [];
    let profile: unknown;
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.addCookies([{ name: 'pmohub-user', value: 'pmo', domain: new URL(url).hostname, path: '/' }]);
      await context.addInitScript(MARKS_SCRIPT);
      const page = await context.newPage();
      const seen: Record<string, number> = {};
      // What each $batch was for, in the order they were sent (their URLs are all the same).
      const batchKinds: string[] = [];
      let n = 0;
      // PORTFOLIO_BENCH_PROFILE=<file>: the first cold visit runs under the CPU profiler (its time is then not comparable).
      const stopProfile = process.env.PORTFOLIO_BENCH_PROFILE && i === 0 ? await startCpuProfile(page) : undefined;
      const t0 = Date.now();
      page.on('request', (r) => {
        if (!r.url().includes('/_api/')) return;
        n++;
        const k = kindOf(r.url(), r.postData());
        seen[k] = (seen[k] ?? 0) + 1;
        if (r.url().includes('/$batch')) batchKinds.push(k);
      });
      await page.goto(`${url}/SitePages/Portfolio.aspx`);
      await Promise.all([
        page.waitForSelector('a[data-kpi="active"]', { timeout: 120_000 }),
        page.waitForSelector('.ct-bar', { state: 'attached', timeout: 120_000 })
      ]);
      nodeClockFirst.push(Date.now() - t0);
      if (stopProfile) profile = await stopProfile();
      await page.waitForSelector('.ct-line', { state: 'attached', timeout: 120_000 });
      const marks = await pageMarks(page);
      first.push(Math.round(marks.firstRender));
      trend.push(Math.round(marks.trend));
      projectsShown = (await page.getByText(/^\d[\d,]* of [\d,]+ projects$/).first().textContent()) ?? '';
      // A copy: the same page's listener goes on counting the warm visit below into `seen`.
      requests = { ...seen };
      total = n;
      // The page's own resource timing (its clock, from navigation start): what it asked when, and when the answer was in.
      const entries = await page.evaluate(() => (globalThis as unknown as { performance: { getEntriesByType(t: string): Array<{ name: string; startTime: number; responseEnd: number }> } })
        .performance.getEntriesByType('resource').filter((e) => e.name.includes('/_api/')).map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd })));
      let b = 0;
      timeline = entries.map((e) => `${Math.round(e.start)}–${Math.round(e.end)} ms ${e.name.includes('/$batch') ? batchKinds[b++] ?? '$batch' : kindOf(e.name, null)}`);
      // A warm visit: the same browser comes back; the web parts render from what IndexedDB kept and
      // ask SharePoint only what changed since (nothing here), then drop the "shown as read" note.
      const before = n;
      const t1 = Date.now();
      await page.goto(`${url}/SitePages/Portfolio.aspx`);
      warmFirst.push(Math.round((await pageMarks(page)).firstRender));
      // A function, not a string (the hub's Content-Security-Policy refuses eval); this file is typed for Node.
      await page.waitForFunction(() => !/Shown as read/.test((globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText), undefined, { timeout: 120_000 });
      warmFresh.push(Date.now() - t1);
      warmRequests = n - before;
      warmRequestsByPurpose = Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, v - (requests[k] ?? 0)]).filter(([, v]) => Number(v) > 0));
      await closeWhenSettled(context, page);
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return {
      firstVisitOnSite, projectsShown, nodeClockFirstRenderRunsMs: nodeClockFirst, firstRenderMs: median(first), firstRenderRunsMs: first, trendShownMs: median(trend), trendRunsMs: trend,
      pageApiRequests: total, requestsByPurpose: requests, lastRunRequestTimeline: timeline,
      warmVisit: { firstRenderMs: median(warmFirst), firstRenderRunsMs: warmFirst, freshMs: median(warmFresh), freshRunsMs: warmFresh, pageApiRequests: warmRequests, requestsByPurpose: warmRequestsByPurpose },
      ...(profile ? { cpuProfileOfFirstColdVisit: profile } : {}),
      note: 'firstVisitOnSite: the site\'s first visit ever (no browser copy, no site snapshot files), a PMO member\'s, which leaves the files. ' +
        'cold: a new browser on that site, starting from the files (nothing changed since they were left); first render = KPI tiles visible and status bars in the DOM, on the page\'s clock from navigation start (nodeClock…: ' +
        'the same seen from Node, delayed while the in-process server answers the trend); the trend reads 100,000+ reports in one $batch after the first screen is painted. ' +
        'warm: the same browser again; first render from what it remembered (page clock), fresh = the changes since read and the "shown as read" note gone (Node clock). ' +
        'The request timeline is the page\'s resource timing (page clock).'
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
