/**
 * The hub's edit mode end to end, in Debian's Chromium: a PMO member edits a page (toolbox from
 * the manifests, add, move, connect to the filters), saves and publishes; what SharePoint stored
 * is read back by hand over REST; a visitor then sees the page as published and no Edit command.
 * In English and Swedish, axe-core clean in edit mode.
 */
import type { Page } from 'playwright-core';
import { axe, shot, startHub, type Hub } from './harness';
import { connectedFilterSource } from '../../src/pages/canvas';
import { KPI_TILES_MANIFEST_ID, PORTFOLIO_FILTERS_MANIFEST_ID, PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID } from '../../src/pages/hubPages';

jest.setTimeout(120_000);

/** Labels of the Portfolio KPIs web part's own property pane (the portfolio loc file's). */
const SITE_URL_LABEL = 'PMO site URL (empty: this site)';
const REGISTER_URL_LABEL = 'Project register page (empty: SitePages/Projects.aspx)';

let hub: Hub;

interface RestPage { Id: number; FileName: string; CanvasContent1: string | null }
interface Control { controlType?: number; id?: string; webPartId?: string; webPartData?: { properties?: Record<string, unknown>; dynamicDataPaths?: Record<string, string> } }

async function storedWebParts(alias: string, fileName: string): Promise<Control[]> {
  const res = await hub.rest<{ value: RestPage[] }>(alias, 'GET', '/_api/sitepages/pages');
  expect(res.status).toBe(200);
  const page = res.body.value.find((p) => p.FileName === fileName) as RestPage;
  return (JSON.parse(page.CanvasContent1 ?? '[]') as Control[]).filter((c) => c.controlType === 3);
}

async function addFromToolbox(page: Page, addLabel: string, manifestId: string, nth = 0): Promise<void> {
  await page.getByRole('button', { name: addLabel }).nth(nth).click();
  await page.locator(`.ms-Panel [data-manifest-id="${manifestId}"]`).click();
  await page.locator('.ms-Panel').waitFor({ state: 'detached' });
}

beforeAll(async () => { hub = await startHub({ name: 'editmode' }); }, 120_000);
afterAll(async () => { await hub?.close(); });

describe('editing a hub page', () => {
  it('en-US: a PMO member adds a web part from the toolbox, moves it, saves and publishes; a visitor sees it', async () => {
    const before = await storedWebParts('visitor', 'Templates.aspx');
    const { page } = await hub.open('pmo', { page: '/SitePages/Templates.aspx', locale: 'en-US' });
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('button', { name: 'Add a web part at the end' }).click();
    // The toolbox lists the manifests' titles and descriptions in the user's language.
    const entry = page.locator(`.ms-Panel [data-manifest-id="${KPI_TILES_MANIFEST_ID}"]`);
    await expect(entry.textContent()).resolves.toContain('Portfolio KPIs');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'edit-mode-toolbox-en-US', false);
    await entry.click();
    await page.locator('.ms-Panel').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Move Portfolio KPIs up' }).click();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'edit-mode-en-US', false);
    // Its property pane is the web part's own definition: its label, its validator.
    await page.getByRole('button', { name: 'Edit the properties of Portfolio KPIs' }).click();
    const pane = page.locator('.ms-Panel');
    // A value its validator rejects is shown with the message and not given to the web part (nor saved).
    await pane.getByRole('textbox', { name: SITE_URL_LABEL }).fill('not a url');
    await pane.getByRole('alert').waitFor();
    await pane.getByRole('textbox', { name: REGISTER_URL_LABEL }).fill('/sites/pmo/SitePages/Register.aspx');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'edit-mode-properties-en-US', false);
    await pane.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).waitFor();

    const after = await storedWebParts('visitor', 'Templates.aspx');
    expect(after.map((c) => c.webPartId)).toEqual([...before.slice(0, -1).map((c) => c.webPartId), KPI_TILES_MANIFEST_ID, before[before.length - 1].webPartId]);
    const added = after[after.length - 2];
    expect(added.webPartData?.properties).toEqual({ siteUrl: '', staleDays: 30, registerUrl: '/sites/pmo/SitePages/Register.aspx' });

    const visitor = (await hub.open('visitor', { page: '/SitePages/Templates.aspx', locale: 'en-US' })).page;
    await visitor.locator(`[data-sp-webpart-instance="${added.id}"]`).waitFor();
    await visitor.getByRole('heading', { level: 1 }).waitFor();
    expect(await visitor.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(hub.problems()).toEqual({});
  });

  it('sv-SE: a PMO member removes a web part, adds it anew at the top and connects it to the page\'s Portfolio filters', async () => {
    const stored = await storedWebParts('visitor', 'Portfolio.aspx');
    const filter = stored.find((c) => c.webPartId === PORTFOLIO_FILTERS_MANIFEST_ID) as Control;
    const old = stored.find((c) => c.webPartId === PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID) as Control;
    const before = stored.filter((c) => c !== old);
    const { page } = await hub.open('pmo', { page: '/SitePages/Portfolio.aspx', locale: 'sv-SE' });
    await page.getByRole('button', { name: 'Redigera', exact: true }).click();
    await page.locator(`[data-sp-webpart-instance="${old.id}"]`).getByRole('button', { name: /^Ta bort / }).click();
    await page.locator(`[data-sp-webpart-instance="${old.id}"]`).waitFor({ state: 'detached' });
    await addFromToolbox(page, 'Lägg till en webbdel här', PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID);
    const toolbar = page.getByRole('toolbar').first();
    await toolbar.getByRole('switch', { name: 'Anslut till Portföljfilter' }).click();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'edit-mode-connect-sv-SE', false);
    await page.getByRole('button', { name: 'Spara och publicera' }).click();
    await page.getByRole('button', { name: 'Redigera', exact: true }).waitFor();

    const after = await storedWebParts('visitor', 'Portfolio.aspx');
    expect(after.length).toBe(stored.length);
    expect(after[0].webPartId).toBe(PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID);
    expect(connectedFilterSource(after[0])).toBe(filter.id);
    expect(after.slice(1).map((c) => [c.id, connectedFilterSource(c)])).toEqual(before.map((c) => [c.id, connectedFilterSource(c)]));

    const visitor = (await hub.open('visitor', { page: '/SitePages/Portfolio.aspx', locale: 'sv-SE' })).page;
    await visitor.locator(`[data-sp-webpart-instance="${after[0].id}"]`).waitFor();
    expect(await visitor.getByRole('button', { name: 'Redigera', exact: true }).count()).toBe(0);
    expect(await axe(visitor)).toEqual([]);
    expect(hub.problems()).toEqual({});
  });
});
