/**
 * `npm run bench`: writes numbers, never passes or fails on time. Results go to
 * bench-results.json and stdout. Each measurement says what it measured; the machine
 * (2 cores here) is recorded with them.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import { spawn } from 'child_process';
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { startLocalSharePoint } from '../local-sharepoint/src/server';
import { provision } from '../../src/provisioning/apply';
import { SpProjectService } from '../../src/services/ProjectService';
import { SpProjectEditingService } from '../../src/services/ProjectEditingService';
import { SpStatusReportService } from '../../src/services/StatusReportService';
import { seed } from '../../src/provisioning/seed';
import type { FieldValue } from '../local-sharepoint/src/store/types';
import { registerFirstRender } from './browser';
import { portfolioBench } from './portfolio';
import { roadmapAt10kProjects } from './planning';
import { insertLargePortfolio } from './largePortfolio';
import { buildHub } from '../hub/build';
import { hubStaticHandler } from '../hub/server';
import { prepareDemoSite } from '../hub/demo';
import { launchChromium } from '../hub/chromium';
import { HUB_PAGES } from '../../src/pages/hubPages';
import { PAGE_BUDGET_GZIP_KB, packageGzipKb, pageWeight, readJsonWithComments, readShippedPackage, webPartEntryModules } from './pageWeight';
import { closeWhenSettled } from './settle';

type Results = Record<string, unknown>;
const root = path.resolve(__dirname, '../..');
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d;

async function localSp(): Promise<{ sp: SPFI; url: string; close: () => Promise<void>; stats: { total: number } }> {
  const server = await startLocalSharePoint({ data: ':memory:', port: 0 });
  const url = `${server.url}/sites/pmo`;
  return { sp: spfi(url).using(SPBrowser({ baseUrl: url })), url, close: () => server.close(), stats: server.stats };
}

async function writeThroughput(): Promise<Results> {
  const { sp, close } = await localSp();
  await sp.web.lists.add('Bench', '', 100);
  const list = sp.web.lists.getByTitle('Bench');
  await list.fields.addNumber('Score');
  let t0 = process.hrtime.bigint();
  const single = 500;
  for (let i = 0; i < single; i++) await list.items.add({ Title: `single ${i}`, Score: i });
  const singlePerSec = single / (ms(t0) / 1000);
  const batchedCount = 5000;
  t0 = process.hrtime.bigint();
  for (let i = 0; i < batchedCount; i += 1000) {
    const [b, execute] = sp.batched({ maxRequests: 100 });
    const target = b.web.lists.getByTitle('Bench');
    const all = Promise.all(Array.from({ length: 1000 }, (_, k) => target.items.add({ Title: `batched ${i + k}`, Score: i + k })));
    await execute();
    await all;
  }
  const batchedPerSec = batchedCount / (ms(t0) / 1000);
  await close();
  return { singleItemsPerSecond: round(singlePerSec), batchedItemsPerSecond: round(batchedPerSec), note: '@pnp/sp in this process against the in-memory server; batches of 100 operations per $batch request' };
}

/** A 100,000-item list written straight to the store (the REST path is measured above). */
async function largeList(): Promise<Results> {
  const dataFile = path.join(os.tmpdir(), `pmo-bench-${process.pid}.db`);
  fs.rmSync(dataFile, { force: true });
  const seedServer = await startLocalSharePoint({ data: dataFile, port: 0 });
  const url = `${seedServer.url}/sites/pmo`;
  const sp = spfi(url).using(SPBrowser({ baseUrl: url }));
  await sp.web.lists.add('Large', '', 100);
  const list = sp.web.lists.getByTitle('Large');
  await list.fields.addText('Unit');
  await list.fields.getByInternalNameOrTitle('Unit').update({ Indexed: true });
  const { store } = seedServer;
  const web = store.getWebByPath('/sites/pmo');
  if (!web) throw new Error('no web');
  const l = store.getList(web, { title: 'Large' });
  if (!l) throw new Error('no list');
  const actor = { web, user: store.principals(web, 'user')[0] };
  let t0 = process.hrtime.bigint();
  store.tx(() => {
    for (let i = 0; i < 100_000; i++) {
      const values: Record<string, FieldValue> = { Title: `Item ${i}`, Unit: `Unit ${i % 50}` };
      store.insertItem(actor, l, values);
    }
  });
  const storeInsertPerSec = 100_000 / (ms(t0) / 1000);
  await seedServer.close();

  // A separate server process, so its memory is its own.
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'tools/local-sharepoint/src/cli.ts'), '--port', '0', '--data', dataFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const childUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /site: (http:\/\/localhost:\d+\/sites\/pmo)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const csp = spfi(childUrl).using(SPBrowser({ baseUrl: childUrl }));
  const large = csp.web.lists.getByTitle('Large');
  // 10,000 items read in pages of 5,000 (threshold-safe order by ID).
  t0 = process.hrtime.bigint();
  let read = 0;
  for await (const page of large.items.select('Id', 'Title').top(5000)) {
    read += (page as unknown[]).length;
    if (read >= 10_000) break;
  }
  const pagedRead10k = ms(t0);
  t0 = process.hrtime.bigint();
  const filtered = await large.items.filter("Unit eq 'Unit 7'").select('Id', 'Title').top(5000)<unknown[]>();
  const indexedFilter = ms(t0);
  let thresholdRefused = false;
  try {
    await large.items.filter("Title eq 'Item 7'").top(10)();
  } catch (e) {
    thresholdRefused = (e as { status?: number }).status === 500;
  }
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
  const fileMb = fs.statSync(dataFile).size / 1e6;
  fs.rmSync(dataFile, { force: true });
  fs.rmSync(`${dataFile}-wal`, { force: true });
  fs.rmSync(`${dataFile}-shm`, { force: true });
  return {
    items: 100_000, storeInsertsPerSecond: round(storeInsertPerSec), pagedRead10kItemsMs: round(pagedRead10k),
    indexedFilterMs: round(indexedFilter), indexedFilterRows: filtered.length, unindexedFilterRefusedByThreshold: thresholdRefused,
    serverRssMbAt100kItems: round(rssKb / 1024), dataFileMb: round(fileMb)
  };
}

async function provisioningRequests(): Promise<Results> {
  const { sp, close, stats } = await localSp();
  let before = stats.total;
  let t0 = process.hrtime.bigint();
  const cold = await provision(sp);
  const coldMs = ms(t0);
  const coldRequests = stats.total - before;
  before = stats.total;
  t0 = process.hrtime.bigint();
  const warm = await provision(sp);
  const warmMs = ms(t0);
  const warmRequests = stats.total - before;
  await close();
  return { coldRequests, coldWrites: cold.writes, coldMs: round(coldMs), warmRequests, warmWrites: warm.writes, warmMs: round(warmMs) };
}

async function registerRead(): Promise<Results> {
  // Profiled, the bundle is not minified: the profile's summary then names the functions.
  const hub = await buildHub({ minify: !process.env.REGISTER_BENCH_PROFILE });
  const server = await startLocalSharePoint({ data: ':memory:', port: 0, staticHandler: hubStaticHandler(hub.outDir) });
  const url = `${server.url}/sites/pmo`;
  const sp = spfi(url).using(SPBrowser({ baseUrl: url }));
  // The Projects page as `npm start` makes it (provisioning writes pages only with their texts), then
  // the portfolio bench's 10,000 projects and 100,000 reports: the status reports web part shares the page.
  await prepareDemoSite(url);
  insertLargePortfolio(server, new Date());
  const before = server.stats.total;
  const t0 = process.hrtime.bigint();
  const projects = await new SpProjectService(sp, url).loadProjects();
  const loadMs = ms(t0);
  const requests = server.stats.total - before;
  let browser: Results = {};
  try {
    browser = await registerFirstRender(url);
  } catch (e) {
    browser = { skipped: `register first render in Chromium not measured: ${(e as Error).message}` };
  }
  await server.close();
  return { projects: projects.length, serviceLoadMs: round(loadMs), requests, ...browser };
}

/**
 * The register's writes as a project leader makes them: saving a project (edit panel) and
 * publishing a status report (report + the project's latest-status fields). Latency is measured
 * twice: on the bare in-memory server, and with 100 ms added to every request, roughly a
 * tenant's round trip from Europe, where the number of requests is what the user waits for.
 */
async function controlLoopWrites(): Promise<Results> {
  const server = await startLocalSharePoint({ data: ':memory:', port: 0 });
  const url = `${server.url}/sites/pmo`;
  const sp = spfi(url).using(SPBrowser({ baseUrl: url }));
  await provision(sp);
  await seed(sp, 'demo');
  const projects = new SpProjectService(sp, url);
  const editing = new SpProjectEditingService(sp, url);
  const reports = new SpStatusReportService(sp, url);
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const measure = async (label: string, latencyMs: number, n: number): Promise<Results> => {
    server.chaos.latencyMs = latencyMs;
    // Each save and publish changes the project's ETag: keep the newest copy, as the web part does.
    const all = await projects.loadProjects();
    const saveMs: number[] = []; const saveRequests: number[] = [];
    const publishMs: number[] = []; const publishRequests: number[] = [];
    for (let i = 0; i < n; i++) {
      let project = all[i % all.length];
      let before = server.stats.total;
      let t0 = process.hrtime.bigint();
      project = await editing.saveProject({ ...project, title: `${project.title.replace(/ \(bench \d+\)$/, '')} (bench ${i})` });
      saveMs.push(ms(t0)); saveRequests.push(server.stats.total - before);
      const previous = await reports.latest(project.id);
      const report = {
        project: { id: project.id, title: project.title }, reportDate: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}`,
        overall: 'Amber' as const, schedule: 'Green' as const, cost: 'Amber' as const, scope: 'Green' as const, risk: 'Red' as const,
        summary: previous?.summary ?? 'Bench report.', percentComplete: 50, published: false
      };
      before = server.stats.total;
      t0 = process.hrtime.bigint();
      all[i % all.length] = (await reports.publish(report, project)).project;
      publishMs.push(ms(t0)); publishRequests.push(server.stats.total - before);
    }
    return {
      [label]: {
        projectSaveMedianMs: round(median(saveMs)), projectSaveRequests: median(saveRequests),
        publishMedianMs: round(median(publishMs)), requestsPerPublish: median(publishRequests), samples: n
      }
    };
  };
  try {
    return {
      ...(await measure('localNoLatency', 0, 40)),
      ...(await measure('with100msPerRequest', 100, 10)),
      note: 'median of n saves/publishes through the services the web parts use; requests counted by the server (a $batch is one request)'
    };
  } finally {
    await server.close();
  }
}

/**
 * The gzipped JavaScript each hub page loads for its PMO Hub web parts as shipped (entry bundle,
 * strings, the chunks the web parts load at first render; on-demand chunks apart), against the
 * 250 KB page budget, and the package's total. See tools/bench/pageWeight.ts.
 */
async function pageWeights(): Promise<Results> {
  const pkg = await readShippedPackage(path.join(root, 'sharepoint/solution/pmo-hub.sppkg'), path.join(root, 'temp/chunk-groups.json'));
  const entries = webPartEntryModules(root, readJsonWithComments);
  const pages: Results = {};
  for (const page of HUB_PAGES) {
    const w = pageWeight(pkg, entries, page.webParts.map((p) => p.manifestId), 'en-US');
    pages[page.key] = {
      webParts: page.webParts.map((p) => p.alias), firstRenderGzipKb: w.firstRenderGzipKb, files: w.files.length,
      onDemandGzipKb: w.onDemandGzipKb, withinBudget: w.firstRenderGzipKb <= PAGE_BUDGET_GZIP_KB
    };
  }
  return { budgetGzipKb: PAGE_BUDGET_GZIP_KB, pages, packageJsGzipKb: packageGzipKb(pkg), locale: 'en-US' };
}

function bundleSizes(): Results {
  const dirs = ['release/assets', 'dist'].map((d) => path.join(root, d)).filter((d) => fs.existsSync(d));
  if (!dirs.length) return { skipped: 'no ship build found: run `npm run package` first' };
  const out: Record<string, { rawKb: number; gzipKb: number }> = {};
  for (const dir of dirs) {
    for (const f of fs.readdirSync(dir)) {
      if (!f.endsWith('.js') || out[f]) continue;
      const buf = fs.readFileSync(path.join(dir, f));
      out[f] = { rawKb: round(buf.length / 1024), gzipKb: round(zlib.gzipSync(buf, { level: 9 }).length / 1024) };
    }
  }
  return out;
}

/**
 * The method templates web part (its weight as shipped is in pageWeightGzip's templates page; the
 * preview's zip reader is a chunk loaded on first preview): its first render on the demo hub in
 * Chromium as a visitor, from navigation start until the first template card is shown (median of three).
 */
async function templatesLibrary(): Promise<Results> {
  const out: Results = {};
  const hub = await buildHub();
  const server = await startLocalSharePoint({ data: ':memory:', port: 0, staticHandler: hubStaticHandler(hub.outDir) });
  const siteUrl = `${server.url}/sites/pmo`;
  const browser = await launchChromium();
  try {
    await prepareDemoSite(siteUrl);
    const times: number[] = [];
    let requests = 0;
    let cards = 0;
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.addCookies([{ name: 'pmohub-user', value: 'visitor', url: server.url }]);
      const page = await context.newPage();
      let api = 0;
      page.on('request', (r) => { if (r.url().includes('/_api/')) api++; });
      const t0 = Date.now();
      await page.goto(`${siteUrl}/SitePages/Templates.aspx`);
      await page.getByRole('list', { name: 'Method templates' }).getByRole('listitem').first().waitFor({ timeout: 60_000 });
      times.push(Date.now() - t0);
      requests = api;
      cards = await page.getByRole('list', { name: 'Method templates' }).getByRole('listitem').count();
      await closeWhenSettled(context, page);
    }
    times.sort((a, b) => a - b);
    out.firstRender = { firstRenderMs: times[1], runsMs: times, pageApiRequests: requests, cards };
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const want = (k: string): boolean => only.length === 0 || only.includes(k);
  const results: Results = {
    date: new Date().toISOString(), machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: round(os.totalmem() / 1e9), node: process.version }
  };
  const run = async (key: string, f: () => Promise<Results> | Results): Promise<void> => {
    if (!want(key)) return;
    process.stderr.write(`bench: ${key}…\n`);
    try {
      results[key] = await f();
    } catch (e) {
      results[key] = { error: (e as Error).message };
    }
  };
  await run('localSharePointWrites', writeThroughput);
  await run('localSharePointLargeList', largeList);
  await run('provisioning', provisioningRequests);
  await run('registerAt10kProjects', registerRead);
  await run('registerWrites', controlLoopWrites);
  await run('portfolioAt10kProjects100kReports', () => portfolioBench());
  await run('roadmapAt10kProjects', roadmapAt10kProjects);
  await run('bundlesGzip', bundleSizes);
  await run('pageWeightGzip', pageWeights);
  await run('templatesLibrary', templatesLibrary);
  const file = path.join(root, 'bench-results.json');
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to ${file}\n`);
}

void main();
