import { startLocalSharePoint } from './tools/local-sharepoint/src/server';
import { buildHub } from './tools/hub/build';
import { hubStaticHandler } from './tools/hub/server';
import { prepareDemoSite } from './tools/hub/demo';
import { launchChromium } from './tools/hub/chromium';
import { insertLargePortfolio } from './tools/bench/largePortfolio';
import { siteSnapshotsLeft } from './tools/bench/siteSnapshots';
(async () => {
  const hub = await buildHub({});
  const server = await startLocalSharePoint({ data: ':memory:', port: 0, staticHandler: hubStaticHandler(hub.outDir) });
  const url = `${server.url}/sites/pmo`;
  await prepareDemoSite(url);
  if (process.env.LARGE) insertLargePortfolio(server, new Date());
  const browser = await launchChromium();
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addCookies([{ name: 'pmohub-user', value: 'pmo', domain: new URL(url).hostname, path: '/' }]);
    const page = await context.newPage();
    await page.goto(`${url}/SitePages/Portfolio.aspx`);
    await page.waitForSelector('a[data-kpi="active"]', { timeout: 60000 });
    await page.waitForSelector('.ct-bar', { state: 'attached', timeout: 60000 });
    const t = await page.evaluate(() => {
      const p = (globalThis as any).performance;
      const res = p.getEntriesByType('resource').map((e: any) => `${Math.round(e.startTime)}-${Math.round(e.responseEnd)} ${decodeURIComponent(e.name).replace(/^https?:\/\/[^/]+/, '').slice(0, 90)}`);
      return { now: Math.round(p.now()), res };
    });
    if (i > 0) console.log(JSON.stringify(t, null, 1));
    if (i === 0) await siteSnapshotsLeft(url, ['projects', 'latestReports']);
    await context.close();
  }
  await browser.close(); await server.close();
})();
