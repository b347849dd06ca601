/**
 * The portfolio overview end to end, in Debian's Chromium (issue 5, "Tests", end-to-end bullet): a
 * PMO member opens the hub's Portfolio page, filters by unit and sees every portfolio web part
 * follow, drills down from a KPI tile to the project register filtered, saves a personal view and
 * applies it again after a reload; axe-core checks the page, filtered and with the save dialog.
 *
 * Its own local SharePoint (in memory, provisioned and seeded like `npm start`) and its own bundle
 * folder, so it runs beside the other e2e files. The expected numbers come from the same services
 * and shaping functions the web parts use, read from Node.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { startLocalSharePoint, type LocalSharePoint } from '../../tools/local-sharepoint/src/server';
import { buildHub } from '../../tools/hub/build';
import { hubStaticHandler } from '../../tools/hub/server';
import { prepareDemoSite } from '../../tools/hub/demo';
import { CHROMIUM_PATH, launchChromium, settleAnimations } from '../../tools/hub/chromium';
import { connect } from '../../tools/cli/connect';
import { SpPortfolioService } from '../../src/services/PortfolioService';
import { SpPortfolioViewService } from '../../src/services/PortfolioViewService';
import { filterPortfolio } from '../../src/webparts/portfolio/shared/portfolioFilter';
import { budgetRows, portfolioKpis, statusDistribution } from '../../src/webparts/portfolio/shared/portfolioMetrics';
import type { Project } from '../../src/model/portfolio';

jest.setTimeout(30_000);

const ROOT = path.resolve(__dirname, '../..');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const DIST = path.join(ROOT, 'temp', 'hub-e2e-portfolio');
const SITE = '/sites/pmo';
const PORTFOLIO_PAGE = `${SITE}/SitePages/Portfolio.aspx`;
const UNIT = 'IT';

let server: LocalSharePoint | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
let siteUrl = '';
let all: Project[] = [];
const problems: string[] = [];

function url(pathname: string): string {
  if (!server) throw new Error('The local SharePoint did not start (see the first failure).');
  return `${server.url}${pathname}`;
}

async function axe(p: Page): Promise<string[]> {
  // Fluent fades rows and panels in; mid-fade text has too little contrast for axe.
  await settleAnimations(p);
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await p.evaluate(source);
  const results = await p.evaluate(() => (window as unknown as { axe: { run: (o: object) => Promise<AxeResults> } }).axe.run({ resultTypes: ['violations'] }));
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`);
}

async function shot(name: string): Promise<void> {
  await settleAnimations(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The page with every portfolio web part loaded (the filter count, the tiles, the trend's line). */
async function portfolioLoaded(): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
  await filterCount().waitFor();
  await tile('active').waitFor();
  await page.locator('.ct-line').first().waitFor();
  await page.getByRole('heading', { name: 'Budget, actual and forecast by unit' }).waitFor();
}

function filterCount(): Locator {
  return page.getByRole('region', { name: 'Portfolio filters' }).getByText(/^\d+ of \d+ projects$/);
}

function tile(key: string): Locator {
  return page.locator(`a[data-kpi="${key}"]`);
}

/** Picks a value of one of the filter bar's multi-select dropdowns (Fluent: options in a callout at the end of <body>). */
async function pick(label: string, option: string): Promise<void> {
  await page.getByRole('region', { name: 'Portfolio filters' }).getByRole('combobox', { name: label }).click();
  await page.locator('.ms-Dropdown-callout').getByText(option, { exact: true }).click();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('.ms-Dropdown-callout') === null);
}

/** What the web parts should show for the unit, from the same functions, on the same data. */
function expected(): { shown: number; active: number; groups: number; budget: string } {
  const shown = filterPortfolio(all, { version: 1, units: [UNIT] });
  const k = portfolioKpis(shown, 30, new Date());
  const budget = budgetRows(shown, 'unit', 'en-US')[0]?.budget ?? 0;
  return { shown: shown.length, active: k.active, groups: statusDistribution(shown, 'unit', 'en-US').length, budget: new Intl.NumberFormat('en-US').format(budget) };
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`The e2e tests drive Debian's Chromium at ${CHROMIUM_PATH}, which is not installed. Install it with: apt-get install -y chromium`);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  const [built] = await Promise.all([
    buildHub({ outDir: DIST }),
    launchChromium().then((b) => { browser = b; })
  ]);
  server = await startLocalSharePoint({ data: ':memory:', port: 0, staticHandler: hubStaticHandler(built.outDir) });
  siteUrl = url(SITE);
  await prepareDemoSite(siteUrl);
  all = await new SpPortfolioService(await connect(siteUrl, { auth: 'none', as: 'pmo' }), siteUrl, 'e2e').loadProjects();
  if (!browser) throw new Error('The browser did not start.');
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
  await context.addCookies([{ name: 'pmohub-user', value: 'pmo', url: url('/') }]);
  page = await context.newPage();
  page.setDefaultTimeout(8_000);
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.goto(url(PORTFOLIO_PAGE));
  await portfolioLoaded();
}, 90_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

describe('a PMO member on the portfolio page', () => {
  it('sees the whole portfolio in every web part', async () => {
    await page.getByRole('button', { name: /^Acting as Mikkel Sørensen/ }).waitFor();
    expect(await filterCount().textContent()).toBe(`${all.length} of ${all.length} projects`);
    const k = portfolioKpis(all, 30, new Date());
    // The icon is a glyph of Fluent's icon font (private use area): not text.
    expect((await tile('active').textContent())?.replace(/[\uE000-\uF8FF]/g, '')).toBe(`Active projects${k.active}Open in the project register.`);
    await page.getByText(`${all.length} projects in ${statusDistribution(all, 'unit', 'en-US').length} groups, by latest overall status.`).waitFor();
    await shot('portfolio-unfiltered');
  });

  it('filters by unit, and the KPI tiles, status chart and budget all follow', async () => {
    const e = expected();
    await pick('Unit', UNIT);
    await filterCount().filter({ hasText: `${e.shown} of ${all.length} projects` }).waitFor();
    await page.getByRole('link', { name: `Active projects ${e.active} Open in the project register.` }).waitFor();
    await page.getByText(`${e.shown} projects in ${e.groups} groups, by latest overall status.`).waitFor();
    await page.getByText(`Budget ${e.budget}, forecast`, { exact: false }).waitFor();
    // The chart's data table: the one row is the unit.
    const table = page.getByRole('table', { name: 'Status by unit' });
    expect(await table.locator('tbody th').allTextContents()).toEqual([UNIT]);
    await shot('portfolio-filtered-by-unit');
  });

  it('is axe-clean, filtered', async () => {
    expect(await axe(page)).toEqual([]);
  });

  it('drills down from the Active projects tile to the register, filtered, and can clear that filter', async () => {
    const e = expected();
    const href = await tile('active').getAttribute('href');
    expect(href).toContain('/SitePages/Projects.aspx?pf=');
    await tile('active').click();
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    await page.getByText('A filter from the portfolio overview is applied.').waitFor();
    // The register's own filters show what was applied: the unit and the active phases.
    await page.getByRole('combobox', { name: 'Unit' }).filter({ hasText: UNIT }).waitFor();
    await page.getByText(`${e.active} of ${all.length} projects`, { exact: true }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot('portfolio-drill-down-register');
    await page.getByRole('button', { name: 'Clear portfolio filter' }).click();
    await page.getByText('A filter from the portfolio overview is applied.').waitFor({ state: 'detached' });
    expect(new URL(page.url()).search).toBe('');
  });

  it('saves a personal view, and applies it again after a reload', async () => {
    await page.goto(url(PORTFOLIO_PAGE));
    await portfolioLoaded();
    await pick('Unit', UNIT);
    await page.getByRole('button', { name: 'Save view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save this view' });
    await dialog.getByRole('textbox', { name: 'Name' }).waitFor();
    // A PMO member may also share the view with everyone; this one stays personal.
    await dialog.getByRole('checkbox', { name: 'Share with everyone (a PMO view)' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Name' }).fill(`My ${UNIT} <projects> & "more"`);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Saved view' }).filter({ hasText: `My ${UNIT} <projects> & "more"` }).waitFor();

    const stored = await new SpPortfolioViewService(await connect(siteUrl, { auth: 'none', as: 'pmo' }), siteUrl).load();
    const view = stored.views.find((v) => v.title === `My ${UNIT} <projects> & "more"`);
    expect(view && { shared: view.shared, owner: view.owner.id === stored.me.id, filter: view.filterDefinition })
      .toEqual({ shared: false, owner: true, filter: { version: 1, units: [UNIT] } });

    await page.reload();
    await portfolioLoaded();
    expect(await filterCount().textContent()).toBe(`${all.length} of ${all.length} projects`);
    await page.getByRole('combobox', { name: 'Saved view' }).click();
    await page.locator('.ms-Dropdown-callout').getByRole('option', { name: `My ${UNIT} <projects> & "more"` }).click();
    await filterCount().filter({ hasText: `${expected().shown} of ${all.length} projects` }).waitFor();
    await page.getByRole('region', { name: 'Portfolio filters' }).getByRole('combobox', { name: 'Unit' }).filter({ hasText: UNIT }).waitFor();
  });

  it('raised no console error, CSP violation or failed request', () => {
    expect(problems).toEqual([]);
  });
});
