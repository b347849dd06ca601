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
import type { Locator, Page } from 'playwright-core';
import { axe, shot as shotOf, startHub, SITE, type Hub } from './harness';
import { SpPortfolioService } from '../../src/services/PortfolioService';
import { SpPortfolioViewService } from '../../src/services/PortfolioViewService';
import { filterPortfolio } from '../../src/model/portfolioFilter';
import { budgetRows, portfolioKpis, statusDistribution } from '../../src/model/portfolioMetrics';
import { KPI_TILES_MANIFEST_ID, PORTFOLIO_FILTERS_MANIFEST_ID, PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID, PRIORITISATION_MANIFEST_ID, TIMELINE_MANIFEST_ID } from '../../src/pages/hubPages';
import type { Project } from '../../src/model/portfolio';

jest.setTimeout(30_000);

const PORTFOLIO_PAGE = '/SitePages/Portfolio.aspx';
const UNIT = 'IT';

let hub: Hub;
let page: Page;
let all: Project[] = [];
let problems: string[] = [];

const shot = (name: string): Promise<void> => shotOf(page, name);

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
  hub = await startHub({ name: 'portfolio' });
  all = await new SpPortfolioService(await hub.sp('pmo'), hub.siteUrl, 'e2e').loadProjects();
  ({ page, problems } = await hub.open('pmo', { page: PORTFOLIO_PAGE }));
  await portfolioLoaded();
}, 90_000);

afterAll(async () => {
  await hub?.close();
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

  it('loads the web parts below the first screen once it is drawn, as SharePoint loads web parts out of view later', async () => {
    const s = await hub.open('pmo', { viewport: { width: 1366, height: 768 } });
    // Which zones still waited for their code when the KPI tiles first showed (noted in the page, before it paints).
    await s.context.addInitScript(`(() => {
      const o = new MutationObserver(() => {
        if (!document.querySelector('a[data-kpi="active"]')) return;
        window.__waitingAtFirstScreen = Array.from(document.querySelectorAll('[data-webpart-waiting]')).map((z) => z.getAttribute('data-webpart-waiting'));
        o.disconnect();
      });
      o.observe(document, { childList: true, subtree: true });
    })();`);
    await s.page.goto(hub.url(`${SITE}${PORTFOLIO_PAGE}`));
    await s.page.locator('a[data-kpi="active"]').waitFor();
    const waiting = await s.page.evaluate(() => (window as unknown as { __waitingAtFirstScreen: string[] }).__waitingAtFirstScreen);
    expect(waiting).toEqual(expect.arrayContaining([TIMELINE_MANIFEST_ID, PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID, PRIORITISATION_MANIFEST_ID]));
    for (const first of [PORTFOLIO_FILTERS_MANIFEST_ID, KPI_TILES_MANIFEST_ID]) expect(waiting).not.toContain(first);
    // Then every web part is there without scrolling.
    await s.page.getByRole('heading', { name: 'Roadmap' }).waitFor({ timeout: 20_000 });
    await s.page.waitForFunction(() => document.querySelectorAll('[data-webpart-waiting]').length === 0, undefined, { timeout: 20_000 });
    expect(s.problems).toEqual([]);
    await s.context.close();
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
    await page.goto(hub.url(`${SITE}${PORTFOLIO_PAGE}`));
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

    const stored = await new SpPortfolioViewService(await hub.sp('pmo'), hub.siteUrl).load();
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
