/**
 * The portfolio planning web parts end to end, in Debian's Chromium: on the hub's Portfolio page
 * the roadmap is keyboard navigable (arrows move, Enter opens a project, Enter on a group
 * collapses it), a heat map cell lists exactly its risks, a PMO member changes a criterion's
 * weight and the ranking follows, a visitor sees no edit commands; axe-core finds nothing.
 *
 * Its own local SharePoint (in memory, seeded like `npm start`) and bundle folder, so it runs
 * beside the other e2e files. Expectations come from the services the web parts use, read from Node.
 */
import path from 'path';
import type { Locator, Page } from 'playwright-core';
import { axe, SHOTS, startHub, type Hub } from './harness';
import { settleAnimations } from '../../tools/hub/chromium';
import { SpPortfolioService } from '../../src/services/PortfolioService';
import { SpPortfolioRiskService } from '../../src/services/PortfolioRiskService';
import { SpPrioritisationService } from '../../src/services/PrioritisationService';
import { rankProjects } from '../../src/services/scoring';
import { buildTimeline } from '../../src/webparts/portfolio/timeline/components/timelineModel';
import { withPriorities, type PrioritisationCriterion, type Project, type Risk } from '../../src/model/portfolio';

jest.setTimeout(40_000);

const PORTFOLIO_PAGE = '/SitePages/Portfolio.aspx';

let hub: Hub;
let projects: Project[] = [];
let openRisks: Risk[] = [];
let criteria: PrioritisationCriterion[] = [];

async function openPortfolio(alias: string): Promise<{ page: Page; problems: string[] }> {
  if (!hub) throw new Error('The hub did not start (see the first failure).');
  const { page, problems } = await hub.open(alias, { page: PORTFOLIO_PAGE, timeout: 10_000 });
  await roadmap(page).waitFor();
  await page.getByRole('region', { name: 'Portfolio risk heat map', exact: true }).getByRole('group', { name: 'Heat map of open risks' }).waitFor();
  await ranking(page).waitFor();
  return { page, problems };
}

function roadmap(page: Page): Locator {
  return page.getByRole('region', { name: 'Roadmap', exact: true }).getByRole('group', { name: /^Roadmap\. / });
}

function ranking(page: Page): Locator {
  return page.getByRole('table', { name: 'Ranked projects' });
}

async function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
}

beforeAll(async () => {
  hub = await startHub({ name: 'portfolio-planning' });
  const sp = await hub.sp('owner');
  // The projects with the PMO's scores from Project Priorities, as the prioritisation view merges them.
  [projects, openRisks, criteria] = await Promise.all([
    Promise.all([new SpPortfolioService(sp, hub.siteUrl, 'e2e').loadProjects(), new SpPrioritisationService(sp, hub.siteUrl).priorities()])
      .then(([all, scores]) => withPriorities(all, scores)),
    new SpPortfolioRiskService(sp, hub.siteUrl).openRisks(), new SpPrioritisationService(sp, hub.siteUrl).criteria()
  ]);
}, 90_000);

afterAll(async () => {
  await hub?.close();
});

describe('a PMO member plans the portfolio', () => {
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    ({ page, problems } = await openPortfolio('pmo'));
  });

  it('moves through the roadmap with the keyboard and opens a project with Enter', async () => {
    const groups = buildTimeline(projects, 'programme').groups;
    const first = groups[0];
    const rows = roadmap(page).getByRole('button');
    await rows.first().focus();
    expect(await focusedLabel(page)).toBe(`${first.label}: ${first.bars.length} projects, expanded`);
    await page.keyboard.press('ArrowDown');
    const p = first.bars[0].project;
    expect((await focusedLabel(page)).startsWith(`${p.code} `)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect((await focusedLabel(page)).startsWith(`${first.bars[1].project.code} `)).toBe(true);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `${p.code} ${p.title}` });
    await dialog.getByText('Project leader', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // A closing Fluent panel hands focus back to its opener only when it finally unmounts; wait for
    // that, or it lands in the middle of the next key presses.
    await page.waitForFunction(() => document.querySelector('.ms-Panel') === null);
    // Home goes back to the group; Enter collapses it, and its projects leave the roadmap.
    await rows.nth(1).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    // The row's drawing sits under the names layer: attached and named is what counts.
    const header = roadmap(page).getByRole('button', { name: `${first.label}: ${first.bars.length} projects, collapsed` });
    await header.waitFor({ state: 'attached' });
    expect(await header.getAttribute('aria-expanded')).toBe('false');
    expect(await roadmap(page).locator(`[role="button"][aria-label^="${p.code} "]`).count()).toBe(0);
    await page.keyboard.press('Enter');
    await roadmap(page).locator(`[role="button"][aria-label^="${p.code} "]`).waitFor({ state: 'attached' });
  });

  it('a heat map cell lists exactly its open risks', async () => {
    const counts = new Map<string, number>();
    for (const r of openRisks) counts.set(`${r.probability}:${r.impact}`, (counts.get(`${r.probability}:${r.impact}`) ?? 0) + 1);
    const [key, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const [probability, impact] = key.split(':');
    const region = page.getByRole('region', { name: 'Portfolio risk heat map', exact: true });
    // The name starts with the visible count and band, then says where the cell is.
    const cell = region.locator(`[role="button"][aria-label^="${count} "][aria-label*=" – Probability ${probability}, impact ${impact}: ${count} risk"]`);
    await cell.click();
    expect(await cell.getAttribute('aria-pressed')).toBe('true');
    const list = region.getByRole('table', { name: `Risks with probability ${probability} and impact ${impact}` });
    await list.waitFor();
    const expected = openRisks.filter((r) => `${r.probability}:${r.impact}` === key).map((r) => r.title).sort();
    const shown = (await list.locator('tbody th').allTextContents()).sort();
    expect(shown).toEqual(expected);
    await settleAnimations(page);
    await region.screenshot({ path: path.join(SHOTS, 'portfolio-risk-heat-map.png') });
    await region.getByRole('button', { name: 'Show all', exact: true }).click();
    await region.getByRole('table', { name: 'All open risks, highest score first' }).waitFor();
  });

  it('changes a criterion weight and the ranking follows', async () => {
    // A change that puts another project first, found with the same scoring the web part uses.
    const top = rankProjects(projects, criteria)[0].project;
    let change: { criterion: PrioritisationCriterion; weight: number; first: Project } | undefined;
    for (const c of criteria) {
      for (const weight of [100, 0]) {
        const first = rankProjects(projects, criteria.map((x) => (x.id === c.id ? { ...x, weight } : x)))[0].project;
        if (!change && first.id !== top.id) change = { criterion: c, weight, first };
      }
    }
    if (!change) throw new Error('No single weight change reorders the demo ranking.');
    const firstRow = ranking(page).locator('tbody tr').first();
    await firstRow.getByRole('rowheader', { name: `${top.code} ${top.title}` }).waitFor();
    await page.getByRole('button', { name: `Edit ${change.criterion.title}`, exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'Edit criterion' });
    await panel.getByRole('textbox', { name: 'Weight (0–100)' }).fill(String(change.weight));
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.waitFor({ state: 'detached' });
    await firstRow.getByRole('rowheader', { name: `${change.first.code} ${change.first.title}` }).waitFor();
    const stored = await new SpPrioritisationService(await hub.sp('owner'), hub.siteUrl).criteria();
    expect(stored.find((c) => c.id === change!.criterion.id)?.weight).toBe(change.weight);
  });

  it('refuses a weight out of range at the field, keeping what was typed', async () => {
    await page.getByRole('button', { name: `Edit ${criteria[0].title}`, exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'Edit criterion' });
    const weight = panel.getByRole('textbox', { name: 'Weight (0–100)' });
    await weight.fill('150');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.getByText('Enter a number from 0 to 100, with at most one decimal.').waitFor();
    expect(await weight.inputValue()).toBe('150');
    // Closing with what was typed unsaved asks first (the shared form core's guard).
    await panel.getByRole('button', { name: 'Cancel', exact: true }).first().click();
    await page.getByRole('button', { name: 'Discard changes', exact: true }).click();
    await panel.waitFor({ state: 'detached' });
  });

  it('is accessible, and loads without console errors', async () => {
    await settleAnimations(page);
    await page.getByRole('region', { name: 'Roadmap', exact: true }).screenshot({ path: path.join(SHOTS, 'portfolio-roadmap.png') });
    await page.getByRole('region', { name: 'Prioritisation matrix', exact: true }).screenshot({ path: path.join(SHOTS, 'portfolio-prioritisation.png') });
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('a visitor', () => {
  it('sees the matrix and the ranking but no edit commands; axe-clean', async () => {
    const { page, problems } = await openPortfolio('visitor');
    await ranking(page).locator('tbody tr').first().waitFor();
    expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Score / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add criterion' }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
