/**
 * What every end-to-end file needs, written once: the hub bundle, a local SharePoint (in
 * memory) provisioned and seeded like `npm start`, Debian's Chromium, a signed-in browser
 * session per demo user and language with the console/CSP problems it meets, axe-core,
 * screenshots, and REST calls made by hand as a user.
 *
 * The clock: this process's clock (so the in-process local SharePoint's Created/Modified and
 * the seed) starts at DEMO_NOW, and every browser session's clock starts where it stands, both
 * running on from there: "upcoming", "overdue", "stale" and "waited" mean the same on any day
 * the suite runs.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { startLocalSharePoint, type LocalSharePoint } from '../../tools/local-sharepoint/src/server';
import { buildHub } from '../../tools/hub/build';
import { hubStaticHandler } from '../../tools/hub/server';
import { prepareDemoSite } from '../../tools/hub/demo';
import { CHROMIUM_PATH, launchChromium, settleAnimations } from '../../tools/hub/chromium';
import { connect } from '../../tools/cli/connect';
import type { SPFI } from '@pnp/sp';
import type { DemoLanguage } from '../../src/provisioning/demoTexts';
import { DEMO_NOW, pinClock, unpinClock, withCalendarClock } from '../fixtures/demoClock';

export { DEMO_NOW } from '../fixtures/demoClock';

const ROOT = path.resolve(__dirname, '../..');
export const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
export const SITE = '/sites/pmo';

export type HubLocale = 'en-US' | 'sv-SE' | 'da-DK' | 'nl-NL';

export interface Session {
  alias: string;
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions and failed requests (CSP violations land here too). */
  problems: string[];
}

export interface OpenOptions {
  /** The browser's language; the hub follows it. Default en-US. */
  locale?: HubLocale;
  /** A site-relative path such as `/SitePages/Community.aspx`; nothing is opened without it. */
  page?: string;
  viewport?: { width: number; height: number };
  /** Default true, as Playwright's. */
  acceptDownloads?: boolean;
  /** Step timeout of the page (Playwright's default of 30 s hides a stuck step for too long). */
  timeout?: number;
  /** The browser's time zone (IANA), to show that times follow the site's, not the browser's. */
  timezoneId?: string;
}

export interface RestAnswer<T = unknown> {
  status: number;
  body: T;
}

export interface Hub {
  server: LocalSharePoint;
  browser: Browser;
  /** The folder the hub bundle was built into. */
  dist: string;
  /** Absolute URL of the site, e.g. http://127.0.0.1:40123/sites/pmo */
  siteUrl: string;
  /** Absolute URL of a server-relative path. */
  url(pathname: string): string;
  /**
   * A new browser session signed in as a demo user (alias, e-mail or login name); `null` opens it
   * with no user chosen (the local SharePoint's default user, the site owner).
   */
  open(alias: string | null, options?: OpenOptions): Promise<Session>;
  /** Real @pnp/sp signed in as a demo user, for reading back what SharePoint stored. */
  sp(alias: string): Promise<SPFI>;
  /**
   * A REST call made by hand as a demo user (JSON light), the way anyone could make it from a
   * browser console: writes carry a form digest from contextinfo, as SharePoint requires.
   */
  rest<T = unknown>(alias: string, method: string, sitePath: string, body?: unknown, headers?: Record<string, string>): Promise<RestAnswer<T>>;
  /** Every session's problems, by alias; a test ends with `expect(hub.problems()).toEqual({})`. */
  problems(): Record<string, string[]>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Names the bundle folder (temp/hub-e2e-<name>), so files running in parallel do not share one. */
  name: string;
  /** The moment the demo is seeded for and the clocks start at. Default DEMO_NOW. */
  now?: number;
  /** The site's language (LCID), fixed when the site is created. Default 1033 (English). */
  siteLanguage?: number;
  /** The demo's language (`pmo-hub seed --language`); default the site's. */
  seedLanguage?: DemoLanguage | 'all';
}

export async function startHub(options: StartOptions): Promise<Hub> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`The e2e tests drive Debian's Chromium at ${CHROMIUM_PATH}, which is not installed. Install it with: apt-get install -y chromium`);
  }
  pinClock(options.now ?? DEMO_NOW);
  fs.mkdirSync(SHOTS, { recursive: true });
  const outDir = path.join(ROOT, 'temp', `hub-e2e-${options.name}`);
  const [built, browser] = await Promise.all([buildHub({ outDir }), launchChromium()]);
  let server: LocalSharePoint;
  try {
    server = await startLocalSharePoint({
      data: ':memory:', port: 0, staticHandler: hubStaticHandler(built.outDir),
      ...(options.siteLanguage ? { sites: [{ path: SITE, title: 'PMO', language: options.siteLanguage }] } : {})
    });
  } catch (e) {
    await browser.close();
    throw e;
  }
  const siteUrl = `${server.url}${SITE}`;
  await prepareDemoSite(siteUrl, undefined, { language: options.seedLanguage });
  const sessions: Session[] = [];
  const url = (pathname: string): string => `${server.url}${pathname}`;
  const digests = new Map<string, string>();

  const rest = async <T>(alias: string, method: string, sitePath: string, body?: unknown, headers: Record<string, string> = {}): Promise<RestAnswer<T>> => {
    const base = { 'X-PMOHub-User': alias, accept: 'application/json;odata=nometadata' };
    const h: Record<string, string> = { ...base, ...headers };
    if (method !== 'GET') {
      if (!digests.has(alias)) {
        const ctx = await fetch(url(`${SITE}/_api/contextinfo`), { method: 'POST', headers: base });
        const info = await ctx.json() as { FormDigestValue?: string };
        digests.set(alias, info.FormDigestValue ?? '');
      }
      h['X-RequestDigest'] = digests.get(alias) as string;
      if (body !== undefined) h['content-type'] = h['content-type'] ?? 'application/json;odata=nometadata';
    }
    const res = await fetch(url(`${SITE}${sitePath}`), { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON: keep the text */ }
    return { status: res.status, body: parsed as T };
  };

  return {
    server, browser, siteUrl, url, rest, dist: built.outDir,
    sp: (alias) => connect(siteUrl, { auth: 'none', as: alias }),
    async open(alias, o = {}) {
      const context = await browser.newContext({
        viewport: o.viewport ?? { width: 1366, height: 900 }, locale: o.locale ?? 'en-US', acceptDownloads: o.acceptDownloads ?? true,
        ...(o.timezoneId ? { timezoneId: o.timezoneId } : {})
      });
      // Playwright's driver runs in this process and replays the install in each new document as
      // "time + (the page's real now − the driver's now at install)", clamped at zero: the driver
      // must read the calendar's clock then, or the page starts off by the shift.
      const time = Date.now();
      await withCalendarClock(() => context.clock.install({ time }));
      if (alias !== null) await context.addCookies([{ name: 'pmohub-user', value: alias, url: url('/') }]);
      const page = await context.newPage();
      page.setDefaultTimeout(o.timeout ?? 8_000);
      // Loading the page (its bundle, fonts, first API calls) is the slowest step on a busy machine.
      page.setDefaultNavigationTimeout(30_000);
      const s: Session = { alias: alias ?? 'owner', context, page, problems: [] };
      page.on('console', (m) => { if (m.type() === 'error') s.problems.push(`console: ${m.text()}`); });
      page.on('pageerror', (e) => s.problems.push(`page error: ${e.message}`));
      // ERR_ABORTED is the browser cancelling a request because the page moved on (a navigation or
      // reload while the favicon or a read was in flight): not a failure of the hub or the server.
      page.on('requestfailed', (r) => {
        const error = r.failure()?.errorText ?? '';
        if (error !== 'net::ERR_ABORTED') s.problems.push(`request failed: ${r.url()} ${error}`);
      });
      sessions.push(s);
      if (o.page) await page.goto(url(`${SITE}${o.page}`));
      return s;
    },
    problems() {
      const out: Record<string, string[]> = {};
      for (const s of sessions) if (s.problems.length) out[s.alias] = (out[s.alias] ?? []).concat(s.problems);
      return out;
    },
    async close() {
      unpinClock();
      for (const s of sessions) await s.context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
    }
  };
}

/** axe-core on the page, evaluated through DevTools (the page's CSP admits no injected script). */
export async function axe(page: Page, options: object = { resultTypes: ['violations'] }): Promise<string[]> {
  // Fluent fades rows and panels in; mid-fade text has too little contrast for axe.
  await settleAnimations(page);
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const results = await page.evaluate((o) => (window as unknown as { axe: { run: (o: object) => Promise<AxeResults> } }).axe.run(o), options);
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`);
}

/** A screenshot of the settled page in test-results/screenshots/<name>.png. */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await settleAnimations(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}
