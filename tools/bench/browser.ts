import { launchChromium } from '../hub/chromium';
import { startCpuProfile } from './cpuProfile';
import { siteSnapshotsLeft } from './siteSnapshots';
import { closeWhenSettled } from './settle';

type Results = Record<string, unknown>;

/**
 * Notes, on the page's clock (ms from navigation start), when the first project row is in the
 * grid: the local SharePoint runs in the bench's Node process, so Node's clock would also count
 * whatever the server is busy with when the row appears (see portfolio.ts).
 */
const ROW_MARK_SCRIPT = `(() => {
  const observer = new MutationObserver(() => {
    if (document.querySelector('[role="grid"] [data-automationid="DetailsRow"]')) { window.__pmoFirstRow = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/**
 * Opens the hub's Projects page in headless Chromium as a visitor and times the register's
 * first render: from navigation start until the first project row is in the grid. Also
 * counts the SharePoint requests the page made to get there.
 */
export async function registerFirstRender(siteUrl: string, runs = Number(process.env.REGISTER_BENCH_RUNS ?? 3)): Promise<Results> {
  const browser = await launchChromium();
  try {
    const origin = new URL(siteUrl);
    /** A new browser's visit as `user`: its first row on the page's clock. */
    const visitOnce = async (user: string): Promise<number> => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.addCookies([{ name: 'pmohub-user', value: user, domain: origin.hostname, path: '/' }]);
      await context.addInitScript(ROW_MARK_SCRIPT);
      const page = await context.newPage();
      await page.goto(`${siteUrl}/SitePages/Projects.aspx`);
      await page.waitForSelector('[role="grid"] [data-automationid="DetailsRow"]', { timeout: 60_000 });
      const at = Math.round(await page.evaluate(() => (globalThis as { __pmoFirstRow?: number }).__pmoFirstRow ?? Number.NaN));
      if (user === 'pmo') await siteSnapshotsLeft(siteUrl, ['register', 'latestReports']);
      await closeWhenSettled(context, page);
      return at;
    };
    // The site's first visits ever: a visitor's (nothing in the browser, no snapshot files on the
    // site), then a PMO member's, whose browser leaves its reads in PMO Hub Snapshots; the visitors'
    // new browsers below start from those files.
    const firstVisitOnSite = { visitorFirstRowMs: await visitOnce('visitor'), pmoFirstRowMs: await visitOnce('pmo') };
    const filesKb = await siteSnapshotsLeft(siteUrl, ['register', 'latestReports']);
    const times: number[] = [];
    const nodeClock: number[] = [];
    const warmTimes: number[] = [];
    const warmFresh: number[] = [];
    let warmRequests = 0;
    let requests = 0;
    let rows = 0;
    let profile: unknown;
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.addCookies([{ name: 'pmohub-user', value: 'visitor', domain: origin.hostname, path: '/' }]);
      await context.addInitScript(ROW_MARK_SCRIPT);
      const page = await context.newPage();
      let api = 0;
      page.on('request', (r) => { if (r.url().includes('/_api/')) api++; });
      // REGISTER_BENCH_PROFILE=<file>: the first cold visit runs under the CPU profiler (its time is then not comparable).
      const stopProfile = process.env.REGISTER_BENCH_PROFILE && i === 0 ? await startCpuProfile(page, process.env.REGISTER_BENCH_PROFILE) : undefined;
      const t0 = Date.now();
      await page.goto(`${siteUrl}/SitePages/Projects.aspx`);
      await page.waitForSelector('[role="grid"] [data-automationid="DetailsRow"]', { timeout: 60_000 });
      nodeClock.push(Date.now() - t0);
      if (stopProfile) profile = await stopProfile();
      // A function, not a string: the hub's Content-Security-Policy refuses eval.
      times.push(Math.round(await page.evaluate(() => (globalThis as { __pmoFirstRow?: number }).__pmoFirstRow ?? Number.NaN)));
      requests = api;
      rows = await page.locator('[role="grid"] [data-automationid="DetailsRow"]').count();
      // A warm visit: the same browser comes back; the register shows what IndexedDB kept and asks
      // SharePoint only what changed since (nothing here), then drops the "shown as read" note.
      const before = api;
      const t1 = Date.now();
      await page.goto(`${siteUrl}/SitePages/Projects.aspx`);
      await page.waitForSelector('[role="grid"] [data-automationid="DetailsRow"]', { timeout: 60_000 });
      warmTimes.push(Math.round(await page.evaluate(() => (globalThis as { __pmoFirstRow?: number }).__pmoFirstRow ?? Number.NaN)));
      // A function, not a string (Content-Security-Policy); this file is typed for Node.
      await page.waitForFunction(() => !/Shown as read/.test((globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText), undefined, { timeout: 60_000 });
      warmFresh.push(Date.now() - t1);
      warmRequests = api - before;
      await closeWhenSettled(context, page);
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    times.sort((a, b) => a - b);
    return {
      firstVisitOnSite: { ...firstVisitOnSite, siteSnapshotFilesGzipKb: filesKb },
      note: 'firstVisitOnSite: the site\'s first visits ever, a visitor\'s and then a PMO member\'s (which leaves the snapshot files); cold: a visitor\'s new browser starting from those files (nothing changed since); warm: the same browser again.',
      firstRenderMs: times[Math.floor(times.length / 2)], firstRenderRunsMs: times, nodeClockRunsMs: nodeClock, pageApiRequests: requests, rowsRenderedOnFirstPage: rows,
      warmVisit: { firstRenderMs: median(warmTimes), firstRenderRunsMs: warmTimes, freshMs: median(warmFresh), freshRunsMs: warmFresh, pageApiRequests: warmRequests },
      ...(profile ? { cpuProfileOfFirstColdVisit: profile } : {})
    };
  } finally {
    await browser.close();
  }
}
