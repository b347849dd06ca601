/**
 * OKRs end to end, in Debian's Chromium: a PMO member checks in a key result in Danish
 * (1.234,5 t, confidence 80) on the Strategy page and SharePoint stores exactly that, read back
 * by hand-made REST, with the key result's current value following; a visitor sees the progress
 * charts and their data tables but no check-in command; axe-core checks both pages and the form.
 *
 * Its own local SharePoint (in memory, provisioned and seeded like `npm start`) and bundle folder.
 */
import path from 'path';
import { axe, shot, startHub, SHOTS, type Hub } from './harness';
import { settleAnimations } from '../../tools/hub/chromium';
import { internalName, getList, type ListSchema } from '../../src/schema';

jest.setTimeout(60_000);

const STRATEGY_PAGE = '/SitePages/Strategy.aspx';
const KR = 'CO₂e from own operations';
const col = (list: 'keyResults' | 'keyResultCheckIns', key: string): string => internalName(list, key as never);
const listPath = (key: 'keyResults' | 'keyResultCheckIns'): string => `/_api/web/GetList('/sites/pmo/${(getList(key) as ListSchema).url}')`;

let hub: Hub;

beforeAll(async () => {
  hub = await startHub({ name: 'strategy' });
}, 120_000);

afterAll(async () => {
  await hub?.close();
});

describe('OKRs', () => {
  it('a PMO member checks in in Danish; SharePoint stores 1234.5 and the key result follows', async () => {
    const { page } = await hub.open('pmo', { page: STRATEGY_PAGE, locale: 'da-DK' });
    const okr = page.locator('[data-webpart="okr"]');
    await okr.getByRole('heading', { level: 2, name: 'Mål og nøgleresultater' }).waitFor({ timeout: 30_000 });
    await okr.getByRole('button', { name: `Check ind: ${KR}` }).click();
    const panel = page.getByRole('dialog', { name: `Check ind: ${KR}` });
    await panel.getByLabel(/^Værdi \(t\)/).fill('1.234,5');
    await panel.getByLabel(/^Sikkerhed/).fill('80');
    await panel.getByLabel(/^Kommentar/).fill('Solceller på lageret');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'strategy-check-in-da', false);
    await panel.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Check-in gemt; nøgleresultatet viser nu 1.234,5 t.').waitFor();

    const krs = await hub.rest<{ value: Array<Record<string, unknown>> }>('owner', 'GET', `${listPath('keyResults')}/items?$select=Id,Title,${col('keyResults', 'current')},${col('keyResults', 'confidence')}`);
    const kr = krs.body.value.find((r) => r.Title === KR) as Record<string, unknown>;
    expect(kr[col('keyResults', 'current')]).toBe(1234.5);
    expect(kr[col('keyResults', 'confidence')]).toBe(80);
    const checkIns = await hub.rest<{ value: Array<Record<string, unknown>> }>('owner', 'GET',
      `${listPath('keyResultCheckIns')}/items?$filter=${col('keyResultCheckIns', 'keyResult')}Id eq ${kr.Id as number}&$orderby=ID desc&$top=1&$select=*,Author/Title&$expand=Author`);
    const stored = checkIns.body.value[0];
    expect(stored[col('keyResultCheckIns', 'value')]).toBe(1234.5);
    expect(stored[col('keyResultCheckIns', 'confidence')]).toBe(80);
    expect(stored[col('keyResultCheckIns', 'comment')]).toBe('Solceller på lageret');
    expect((stored.Author as { Title: string }).Title).toBe('Mikkel Sørensen');
    await okr.getByRole('row', { name: KR }).filter({ hasText: '1.234,5 t' }).first().waitFor();
    expect(await axe(page)).toEqual([]);
  });

  it('a visitor sees the progress charts and their data, and no check-in command', async () => {
    const { page } = await hub.open('visitor', { page: STRATEGY_PAGE });
    const okr = page.locator('[data-webpart="okr"]');
    await okr.getByRole('heading', { level: 2, name: 'Objectives and key results' }).waitFor({ timeout: 30_000 });
    const progress = okr.getByRole('table', { name: 'Progress per objective' });
    await progress.waitFor({ state: 'attached' });
    expect(await progress.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    expect(await okr.getByRole('table', { name: 'Progress per quarter' }).locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    // chartist drew both charts.
    expect(await okr.locator('svg.ct-chart-bar').count()).toBe(1);
    expect(await okr.locator('svg.ct-chart-line').count()).toBe(1);
    expect(await okr.getByRole('button', { name: /^Check in/ }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    // The web part alone (the README's picture): charts and the first objectives.
    await settleAnimations(page);
    await okr.screenshot({ path: path.join(SHOTS, 'strategy-okr-visitor.png') });
  });

  it('a visitor sees the PMO\'s own KPIs: this quarter\'s values, definitions, trend charts with their data; the PMO also the sparring figures', async () => {
    const { page } = await hub.open('visitor', { page: STRATEGY_PAGE, locale: 'sv-SE' });
    const kpis = page.locator('[data-webpart="pmo-kpis"]');
    await kpis.getByRole('heading', { level: 2, name: 'PMO:ns egna nyckeltal' }).waitFor({ timeout: 30_000 });
    for (const name of ['Projekt levererade i tid', 'Statusrapporter i tid', 'Nedladdade mallar', 'Registrerade erfarenheter', 'Återanvända erfarenheter']) {
      const section = kpis.locator('section', { has: page.getByRole('heading', { level: 3, name }) });
      // A value (a number, or "nothing to measure"), never blank.
      expect((await section.locator('[data-kpi-value]').textContent())?.trim()).toMatch(/\S/);
      expect(await section.getByRole('table', { name: `${name} per kvartal` }).locator('tbody tr').count()).toBe(8);
    }
    expect(await kpis.getByText(/^Definition:/).count()).toBe(8);
    // Every trend drawn but the sparring ones: a visitor reads only their own requests and no assignment.
    await kpis.locator('svg.ct-chart-line').nth(5).waitFor();
    expect(await kpis.locator('svg.ct-chart-line').count()).toBe(6);
    expect(await kpis.getByText('Bara PMO ser alla sparringförfrågningar och deras möten: siffran visas inte för dig.').count()).toBe(2);
    expect(await axe(page)).toEqual([]);
    await settleAnimations(page);
    await kpis.screenshot({ path: path.join(SHOTS, 'strategy-pmo-kpis-sv.png') });

    const pmoPage = (await hub.open('pmo', { page: STRATEGY_PAGE })).page;
    const asPmo = pmoPage.locator('[data-webpart="pmo-kpis"]');
    await asPmo.getByRole('heading', { level: 2, name: "The PMO's own KPIs" }).waitFor({ timeout: 30_000 });
    await asPmo.locator('svg.ct-chart-line').nth(7).waitFor();
    expect(await asPmo.locator('svg.ct-chart-line').count()).toBe(8);
    // The demo books sessions: the PMO sees this quarter's waiting time, in days.
    const wait = asPmo.locator('section', { has: pmoPage.getByRole('heading', { level: 3, name: 'Waiting time for sparring' }) });
    expect((await wait.locator('[data-kpi-value]').textContent())?.trim()).toMatch(/^\d+(\.\d)? days?$/);
  });

  it('raised no console error, CSP violation or failed request', () => {
    expect(hub.problems()).toEqual({});
  });
});
