/**
 * The hub's edit mode end to end, in Debian's Chromium: a PMO member edits a page (toolbox from
 * the manifests, add, move, connect to the filters), saves and publishes; what SharePoint stored
 * is read back by hand over REST; a visitor then sees the page as published and no Edit command.
 * In English and Swedish, axe-core clean in edit mode. A PMO member also makes a new page (in Dutch
 * and Swedish): sections with SharePoint's layouts, a web part in each column, published, linked in
 * the site's Quick Launch, and seen by a visitor, whom SharePoint refuses a page of their own.
 */
import type { Page } from 'playwright-core';
import { axe, shot, startHub, type Hub } from './harness';
import { connectedFilterSource } from '../../src/pages/canvas';
import { KPI_TILES_MANIFEST_ID, PORTFOLIO_FILTERS_MANIFEST_ID, PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID, TEMPLATES_MANIFEST_ID } from '../../src/pages/hubPages';

jest.setTimeout(120_000);

/** Labels of the Portfolio KPIs web part's own property pane (the portfolio loc file's). */
const SITE_URL_LABEL = 'PMO site URL (empty: this site)';
const REGISTER_URL_LABEL = 'Project register page (empty: SitePages/Projects.aspx)';

let hub: Hub;

interface RestPage { Id: number; FileName: string; CanvasContent1: string | null }
interface Control {
  controlType?: number; id?: string; webPartId?: string; position?: { zoneIndex: number; sectionIndex: number; sectionFactor?: number };
  webPartData?: { properties?: Record<string, unknown>; dynamicDataPaths?: Record<string, string> };
}

async function storedWebParts(alias: string, fileName: string): Promise<Control[]> {
  const res = await hub.rest<{ value: RestPage[] }>(alias, 'GET', '/_api/sitepages/pages');
  expect(res.status).toBe(200);
  const page = res.body.value.find((p) => p.FileName === fileName) as RestPage;
  return (JSON.parse(page.CanvasContent1 ?? '[]') as Control[]).filter((c) => c.controlType === 3);
}

async function quickLaunch(alias: string): Promise<Array<{ Title: string; Url: string }>> {
  const res = await hub.rest<{ value: Array<{ Title: string; Url: string }> }>(alias, 'GET', '/_api/web/navigation/QuickLaunch');
  expect(res.status).toBe(200);
  return res.body.value;
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

  it('nl-NL: a PMO member makes a new page with a two-column section, a web part in each column, connected; it is published, in the navigation, and a visitor sees it', async () => {
    const { page } = await hub.open('pmo', { page: '/SitePages/Projects.aspx', locale: 'nl-NL' });
    await page.getByRole('button', { name: 'Nieuwe pagina', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Paginatitel' }).fill('Kwartaaloverzicht');
    // Design includes Manage Lists: SharePoint lets a PMO member change the navigation, so the hub offers it.
    await expect(dialog.getByRole('checkbox', { name: /sitenavigatie/ }).isChecked()).resolves.toBe(true);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'new-page-dialog-nl-NL', false);
    await dialog.getByRole('button', { name: 'Pagina maken' }).click();
    await page.waitForURL(/\/SitePages\/Kwartaaloverzicht\.aspx$/);
    await page.getByRole('button', { name: 'Opslaan en publiceren' }).waitFor();

    await page.getByRole('button', { name: 'Een sectie toevoegen' }).click();
    const menu = page.getByRole('menu');
    // The items' texts without their icons' glyphs (Fluent's icon font, private-use characters).
    const layouts = (await menu.getByRole('menuitem').allTextContents()).map((t) => t.replace(/[\uE000-\uF8FF]/g, '').trim());
    expect(layouts).toEqual(['Eén kolom', 'Twee kolommen', 'Drie kolommen', 'Linkerkolom van een derde', 'Rechterkolom van een derde']);
    await shot(page, 'section-layouts-nl-NL', false);
    await menu.getByRole('menuitem', { name: 'Twee kolommen' }).click();
    await addFromToolbox(page, 'Een webonderdeel toevoegen aan kolom 1', PORTFOLIO_FILTERS_MANIFEST_ID);
    await addFromToolbox(page, 'Een webonderdeel toevoegen aan kolom 2', KPI_TILES_MANIFEST_ID);
    await page.getByRole('toolbar', { name: /^Portfolio-kerncijfers/ }).getByRole('switch', { name: 'Verbinden met Portfoliofilters' }).click();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'new-page-two-columns-nl-NL', false);
    await page.getByRole('button', { name: 'Opslaan en publiceren' }).click();
    await page.getByRole('button', { name: 'Bewerken', exact: true }).waitFor();
    // The navigation, read again from the Quick Launch, has the page.
    await page.getByRole('navigation').getByRole('link', { name: 'Kwartaaloverzicht' }).waitFor();

    // What SharePoint stored: one section, two half columns, the KPIs connected to the filters; the link in the Quick Launch.
    const stored = await storedWebParts('visitor', 'Kwartaaloverzicht.aspx');
    expect(stored.map((c) => [c.webPartId, c.position?.sectionIndex, c.position?.sectionFactor])).toEqual([[PORTFOLIO_FILTERS_MANIFEST_ID, 1, 6], [KPI_TILES_MANIFEST_ID, 2, 6]]);
    expect(stored[0].position?.zoneIndex).toBe(stored[1].position?.zoneIndex);
    expect(connectedFilterSource(stored[1])).toBe(stored[0].id);
    expect((await quickLaunch('visitor')).filter((n) => n.Url === '/sites/pmo/SitePages/Kwartaaloverzicht.aspx').map((n) => n.Title)).toEqual(['Kwartaaloverzicht']);

    // A visitor: sees the page from the navigation, no New page or Edit; SharePoint refuses a page of their own made by hand.
    const visitor = (await hub.open('visitor', { page: '/SitePages/Projects.aspx', locale: 'nl-NL' })).page;
    await visitor.getByRole('navigation').getByRole('link', { name: 'Kwartaaloverzicht' }).click();
    await visitor.locator(`[data-sp-webpart-instance="${stored[1].id}"]`).waitFor();
    expect(await visitor.getByRole('button', { name: 'Nieuwe pagina' }).count()).toBe(0);
    expect(await visitor.getByRole('button', { name: 'Bewerken', exact: true }).count()).toBe(0);
    expect(await axe(visitor)).toEqual([]);
    expect((await hub.rest('visitor', 'POST', '/_api/sitepages/pages', { PageLayoutType: 'Article', PromotedState: 0 })).status).toBe(403);

    // At 390 px the columns stack: the second starts below the first.
    const narrow = (await hub.open('visitor', { page: '/SitePages/Kwartaaloverzicht.aspx', locale: 'nl-NL', viewport: { width: 390, height: 844 } })).page;
    // A fresh session loads the bundle again: on a busy machine that takes longer than one step.
    await narrow.locator(`[data-sp-webpart-instance="${stored[1].id}"]`).waitFor({ timeout: 30_000 });
    // Measured once both web parts show their content: a zone keeps a placeholder's room until its code is in.
    await narrow.locator('a[data-kpi="active"]').first().waitFor({ timeout: 30_000 });
    await narrow.waitForFunction(() => document.querySelectorAll('[data-webpart-waiting]').length === 0);
    const first = await narrow.locator(`[data-sp-webpart-instance="${stored[0].id}"]`).boundingBox();
    const second = await narrow.locator(`[data-sp-webpart-instance="${stored[1].id}"]`).boundingBox();
    expect(second && first && second.y >= first.y + first.height).toBe(true);
    expect(hub.problems()).toEqual({});
  });

  it('sv-SE: a PMO member makes a new page with a one-third-left section, adds a web part to its wide column, publishes; a visitor finds it in the navigation', async () => {
    const { page } = await hub.open('pmo', { page: '/SitePages/Templates.aspx', locale: 'sv-SE' });
    await page.getByRole('button', { name: 'Ny sida', exact: true }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Sidans rubrik' }).fill('Metodstöd');
    await page.getByRole('dialog').getByRole('button', { name: 'Skapa sida' }).click();
    await page.getByRole('button', { name: 'Spara och publicera' }).waitFor();
    await page.getByRole('button', { name: 'Lägg till ett avsnitt' }).click();
    await page.getByRole('menu').getByRole('menuitem', { name: 'En tredjedels vänsterkolumn' }).click();
    await addFromToolbox(page, 'Lägg till en webbdel i kolumn 2', TEMPLATES_MANIFEST_ID);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Spara och publicera' }).click();
    await page.getByRole('button', { name: 'Redigera', exact: true }).waitFor();

    const pages = await hub.rest<{ value: Array<{ FileName: string; Title: string }> }>('visitor', 'GET', '/_api/sitepages/pages');
    const created = pages.body.value.find((p) => p.Title === 'Metodstöd') as { FileName: string };
    const stored = await storedWebParts('visitor', created.FileName);
    expect(stored.map((c) => [c.webPartId, c.position?.sectionIndex, c.position?.sectionFactor])).toEqual([[TEMPLATES_MANIFEST_ID, 2, 8]]);
    expect((await quickLaunch('visitor')).map((n) => n.Title)).toContain('Metodstöd');

    const visitor = (await hub.open('visitor', { page: '/SitePages/Templates.aspx', locale: 'sv-SE' })).page;
    await visitor.getByRole('navigation').getByRole('link', { name: 'Metodstöd' }).click();
    await visitor.locator(`[data-sp-webpart-instance="${stored[0].id}"]`).waitFor();
    expect(await visitor.getByRole('button', { name: 'Ny sida' }).count()).toBe(0);
    expect(await axe(visitor)).toEqual([]);
    expect(hub.problems()).toEqual({});
  });
});
