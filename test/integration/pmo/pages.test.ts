// Pages are SharePoint pages: `provision` alone puts the profile's hub pages into Site Pages
// through the pages API, with their web parts, properties and filter connections; a second run
// writes nothing; a page the owner edited, or deleted, stays as the owner left it. What is
// checked is what SharePoint stored, read back over REST as anyone would.
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/clientside-pages';
import '@pnp/sp/navigation';
import { startSite, type Site } from './setup';
import { planSite, provision } from '../../../src/provisioning/apply';
import { pageTextsFor } from '../../../tools/cli/pageTexts';
import { connectedFilterSource } from '../../../src/pages/canvas';
import { profilePages } from '../../../src/pages/profiles';
import {
  BUDGET_MANIFEST_ID, PORTFOLIO_FILTERS_MANIFEST_ID, PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID, PRIORITISATION_MANIFEST_ID, STATUS_CHARTS_MANIFEST_ID, TIMELINE_MANIFEST_ID
} from '../../../src/pages/hubPages';
import { SpHubSettingsService } from '../../../src/services/HubSettingsService';
import { SpSitePageService, PageNotFoundError } from '../../../src/services/SitePageService';
import { buildProgram } from '../../../tools/cli/main';
import { SCHEMA_VERSION } from '../../../src/schema';

/** Runs the pmo-hub command in-process; what it printed on stdout, and its exit code. */
async function cli(args: string[]): Promise<{ out: string; code: number | undefined }> {
  const out: string[] = [];
  const spyOut = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out.push(String(chunk)); return true; });
  const spyErr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const before = process.exitCode;
  try {
    await buildProgram().parseAsync(['node', 'pmo-hub', ...args]);
    return { out: out.join(''), code: process.exitCode as number | undefined };
  } finally {
    spyOut.mockRestore();
    spyErr.mockRestore();
    process.exitCode = before;
  }
}

jest.setTimeout(120_000);

interface RestPage { Id: number; FileName: string; Title: string; CanvasContent1: string | null; Version: string }
interface Control { controlType?: number; webPartId?: string; id?: string; innerHTML?: string; position?: { zoneIndex: number; sectionIndex: number; sectionFactor?: number }; webPartData?: { instanceId: string; properties: Record<string, unknown>; dynamicDataPaths?: Record<string, string> } }

/** `GET _api/sitepages/pages` by hand, as a visitor's browser or a script would. */
async function restPages(site: Site, alias: string): Promise<RestPage[]> {
  const res = await fetch(`${site.url}/_api/sitepages/pages`, { headers: { accept: 'application/json;odata=nometadata', 'X-PMOHub-User': alias } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: RestPage[] }).value;
}

/** A hand-made REST call with a form digest, as a script run by that user would make it. */
async function rest(site: Site, alias: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const headers = { accept: 'application/json;odata=nometadata', 'content-type': 'application/json', 'X-PMOHub-User': alias };
  const ctx = await fetch(`${site.url}/_api/contextinfo`, { method: 'POST', headers });
  const digest = ((await ctx.json()) as { FormDigestValue: string }).FormDigestValue;
  const res = await fetch(`${site.url}${path}`, { method, headers: { ...headers, 'X-RequestDigest': digest }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

async function quickLaunch(site: Site, alias: string): Promise<Array<{ Id: number; Title: string; Url: string; IsExternal: boolean }>> {
  const res = await rest(site, alias, 'GET', '/_api/web/navigation/QuickLaunch');
  expect(res.status).toBe(200);
  return res.json.value;
}

function controls(page: RestPage): Control[] {
  return JSON.parse(page.CanvasContent1 ?? '[]') as Control[];
}

describe('provisioning the hub pages', () => {
  let site: Site;
  beforeEach(async () => { site = await startSite(); });
  afterEach(async () => { await site.server.close(); });

  it('creates the profile\'s pages with web parts and filter connections; a second run writes nothing', async () => {
    const texts = await pageTextsFor(site.sp);
    const first = await provision(site.sp, { texts });
    expect(first.profile).toBe('enterprise');
    // The enterprise profile's pages (profilePages), Strategy among them.
    expect(first.pagesWritten).toBe(profilePages('enterprise').length);
    expect(first.pagesWritten).toBe(6);

    // Published: a visitor reads them, each with the web parts of its definition in order.
    const pages = await restPages(site, 'visitor');
    const expected = profilePages('enterprise');
    expect(pages.map((p) => p.FileName).sort()).toEqual(expected.map((p) => p.fileName).sort());
    for (const def of expected) {
      const stored = pages.find((p) => p.FileName === def.fileName) as RestPage;
      expect(stored.Title).toBe(texts.title(def));
      expect(stored.Version).toMatch(/^\d+\.0$/);
      const parts = controls(stored).filter((c) => c.controlType === 3);
      expect(parts.map((c) => c.webPartId)).toEqual(def.webParts.map((w) => w.manifestId));
      parts.forEach((c, i) => expect(c.webPartData?.properties).toEqual(def.webParts[i].properties));
    }
    const home = controls(pages.find((p) => p.FileName === 'Home.aspx') as RestPage);
    expect(home.find((c) => c.controlType === 4)?.innerHTML).toContain('Project Management Office');

    // Every portfolio web part but the filter is connected to the page's one filter web part instance.
    const portfolio = controls(pages.find((p) => p.FileName === 'Portfolio.aspx') as RestPage).filter((c) => c.controlType === 3);
    const filter = portfolio.find((c) => c.webPartId === PORTFOLIO_FILTERS_MANIFEST_ID) as Control;
    const connected = portfolio.filter((c) => c !== filter).map((c) => connectedFilterSource(c));
    expect(connected).toHaveLength(6);
    expect(new Set(connected)).toEqual(new Set([filter.webPartData?.instanceId]));
    expect(connectedFilterSource(filter)).toBeUndefined();

    const second = await provision(site.sp, { texts });
    expect(second).toMatchObject({ writes: 0, pagesWritten: 0, upToDate: true });
    expect((await restPages(site, 'owner')).map((p) => p.Version)).toEqual(pages.map((p) => p.Version));
  });

  it('keeps a page the owner edited and one the owner deleted; the others are still PMO Hub\'s', async () => {
    const texts = await pageTextsFor(site.sp);
    await provision(site.sp, { texts });
    // The owner removes the timeline from Portfolio in the page editor (PnPjs does what the editor does).
    const page = await site.sp.web.loadClientsidePage('/sites/pmo/SitePages/Portfolio.aspx');
    const timeline = page.sections.flatMap((s) => s.columns.flatMap((c) => c.controls)).find((c) => (c.data as Control).webPartId === TIMELINE_MANIFEST_ID);
    timeline?.remove();
    await page.save(true);
    const edited = (await restPages(site, 'owner')).find((p) => p.FileName === 'Portfolio.aspx') as RestPage;
    // And deletes Templates.aspx.
    const templates = (await restPages(site, 'owner')).find((p) => p.FileName === 'Templates.aspx') as RestPage;
    await site.sp.web.lists.getByTitle('Site Pages').items.getById(templates.Id).delete();

    const plan = await planSite(site.sp, { texts });
    expect(plan.pages?.steps.map((s) => [s.fileName, s.kind])).toEqual([['Portfolio.aspx', 'keepEdited'], ['Templates.aspx', 'keepDeleted']]);
    const again = await provision(site.sp, { texts });
    expect(again).toMatchObject({ pagesWritten: 0, upToDate: true });
    const after = await restPages(site, 'owner');
    expect(after.map((p) => p.FileName)).not.toContain('Templates.aspx');
    const kept = after.find((p) => p.FileName === 'Portfolio.aspx') as RestPage;
    expect([kept.Version, kept.CanvasContent1]).toEqual([edited.Version, edited.CanvasContent1]);
    expect(controls(kept).some((c) => c.webPartId === TIMELINE_MANIFEST_ID)).toBe(false);
  });

  it('leaves a page it did not write alone, and a dry run makes no request that writes', async () => {
    const texts = await pageTextsFor(site.sp);
    await provision(site.sp, { texts: undefined });
    // A Home.aspx made by hand before PMO Hub wrote pages (SharePoint makes one on every new site).
    const own = await site.sp.web.addClientsidePage('Home.aspx', 'Our home');
    await own.save(true);
    // Planning (what --dry-run prints) sends reads only: GETs, and $batch parts that are all GETs.
    const writes: string[] = [];
    let requests = 0;
    const realFetch = globalThis.fetch;
    const spy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      requests++;
      const method = (init?.method ?? 'GET').toUpperCase();
      const body = typeof init?.body === 'string' ? init.body : '';
      const batchWrites = /\/\$batch$/.test(url) && /^(POST|PATCH|PUT|MERGE|DELETE) /m.test(body);
      if ((method !== 'GET' && !/\/(\$batch|contextinfo)$/i.test(url)) || batchWrites) writes.push(`${method} ${url}`);
      return realFetch(input, init);
    });
    let plan;
    try { plan = await planSite(site.sp, { texts }); } finally { spy.mockRestore(); }
    expect(requests).toBeGreaterThan(3);
    expect(writes).toEqual([]);
    expect(plan.pages?.steps.find((s) => s.fileName === 'Home.aspx')?.kind).toBe('keepForeign');
    const result = await provision(site.sp, { texts });
    expect(result.pagesWritten).toBe(profilePages('enterprise').length - 1);
    expect((await restPages(site, 'owner')).find((p) => p.FileName === 'Home.aspx')?.Title).toBe('Our home');
  });

  it('stores the profile; a later run keeps it, and a bigger profile adds its lists and pages', async () => {
    const texts = await pageTextsFor(site.sp);
    const first = await provision(site.sp, { texts, profile: 'operational' });
    expect(first.profile).toBe('operational');
    const settings = await new SpHubSettingsService(site.sp, '/sites/pmo').readAll();
    expect(settings.get('profile')?.value).toBe('operational');
    const titles = async (): Promise<string[]> => (await site.sp.web.lists.select('Title')<Array<{ Title: string }>>()).map((l) => l.Title);
    expect(await titles()).not.toContain('Prioritisation Criteria');
    expect((await restPages(site, 'owner')).map((p) => p.FileName).sort()).toEqual(['Community.aspx', 'Home.aspx', 'Projects.aspx', 'Templates.aspx']);

    // No --profile: the stored one.
    expect(await provision(site.sp, { texts })).toMatchObject({ profile: 'operational', upToDate: true });

    const bigger = await provision(site.sp, { texts, profile: 'portfolio' });
    expect(bigger.profile).toBe('portfolio');
    expect(await titles()).toContain('Prioritisation Criteria');
    const pages = await restPages(site, 'owner');
    const portfolio = pages.find((p) => p.FileName === 'Portfolio.aspx') as RestPage;
    expect(controls(portfolio).some((c) => c.webPartId === PRIORITISATION_MANIFEST_ID)).toBe(true);
    // Additive: the community page the operational profile had stays.
    expect(pages.map((p) => p.FileName)).toContain('Community.aspx');
    expect((await new SpHubSettingsService(site.sp, '/sites/pmo').readAll()).get('profile')?.value).toBe('portfolio');
  });

  it('pmo-hub provision: --dry-run lists the page changes, --profile chooses, a second run is up to date', async () => {
    const dry = await cli(['provision', '--site', site.url, '--dry-run', '--profile', 'tactical']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("PMO profile 'tactical'");
    expect(dry.out).toContain("+ store PMO profile 'tactical'");
    for (const p of profilePages('tactical')) expect(dry.out).toContain(`+ create page ${p.fileName}`);
    expect(dry.out).not.toContain('Community.aspx');
    expect(await restPages(site, 'owner')).toEqual([]);

    const run = await cli(['provision', '--site', site.url, '--profile', 'tactical', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ profile: 'tactical', pagesWritten: profilePages('tactical').length });
    const again = await cli(['provision', '--site', site.url, '--dry-run']);
    expect(again.out).toContain(`is up to date (schema ${SCHEMA_VERSION}, PMO profile 'tactical')`);
  });

  it('places side-by-side web parts in multi-column sections as SharePoint stores them', async () => {
    const texts = await pageTextsFor(site.sp);
    await provision(site.sp, { texts });
    const pages = await restPages(site, 'visitor');
    const parts = controls(pages.find((p) => p.FileName === 'Portfolio.aspx') as RestPage).filter((c) => c.controlType === 3);
    const at = (id: string): [number, number, number | undefined] => {
      const p = (parts.find((c) => c.webPartId === id) as Control).position as { zoneIndex: number; sectionIndex: number; sectionFactor?: number };
      return [p.zoneIndex, p.sectionIndex, p.sectionFactor];
    };
    // Two columns: the status charts and the budget in one section, side by side, half each.
    const charts = at(STATUS_CHARTS_MANIFEST_ID);
    expect(at(BUDGET_MANIFEST_ID)).toEqual([charts[0], charts[1] + 1, 6]);
    expect(charts[2]).toBe(6);
    // One-third left: the heat map narrow, the ranking wide.
    const heat = at(PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID);
    expect([heat[2], ...at(PRIORITISATION_MANIFEST_ID)]).toEqual([4, heat[0], heat[1] + 1, 8]);
    // The filters and the timeline keep a full-width section of their own.
    expect(at(PORTFOLIO_FILTERS_MANIFEST_ID)[2]).toBe(12);
    expect(new Set(parts.map((c) => c.position?.zoneIndex)).size).toBe(5);
    // Read back through PnPjs, the sections are what the hub renders.
    const page = await site.sp.web.loadClientsidePage('/sites/pmo/SitePages/Portfolio.aspx');
    expect(page.sections.map((s) => s.columns.map((c) => c.factor))).toEqual([[12], [12], [6, 6], [12], [4, 8]]);
  });

  it('links the profile\'s pages in the Quick Launch additively: the owner\'s links stay, a re-run writes nothing', async () => {
    const texts = await pageTextsFor(site.sp);
    await provision(site.sp, { texts: undefined });
    // The owner's own links, made before PMO Hub wrote pages: an external one, and one to the site itself (its Home).
    expect((await rest(site, 'owner', 'POST', '/_api/web/navigation/QuickLaunch', { Title: 'Intranet', Url: 'https://intranet.example.com/', IsExternal: true })).status).toBe(201);
    expect((await rest(site, 'owner', 'POST', '/_api/web/navigation/QuickLaunch', { Title: 'Start', Url: '/sites/pmo' })).status).toBe(201);
    const dry = await planSite(site.sp, { texts });
    expect(dry.pages?.nav.map((s) => [s.kind, s.fileName])).toEqual(profilePages('enterprise').filter((p) => p.fileName !== 'Home.aspx').map((p) => ['addLink', p.fileName]));
    const first = await provision(site.sp, { texts });
    expect(first.linksAdded).toBe(profilePages('enterprise').length - 1);
    const nodes = await quickLaunch(site, 'visitor');
    expect(nodes.map((n) => [n.Title, n.Url])).toEqual([
      ['Intranet', 'https://intranet.example.com/'], ['Start', '/sites/pmo'],
      ...profilePages('enterprise').filter((p) => p.fileName !== 'Home.aspx').map((p) => [texts.title(p), `/sites/pmo/SitePages/${p.fileName}`])
    ]);
    expect(nodes[0].IsExternal).toBe(true);

    const again = await provision(site.sp, { texts });
    expect(again).toMatchObject({ linksAdded: 0, upToDate: true });
    expect(await quickLaunch(site, 'visitor')).toEqual(nodes);

    // The owner removes PMO Hub's Templates link and renames the Portfolio one: both stay as the owner left them.
    const templates = nodes.find((n) => n.Url.endsWith('/Templates.aspx')) as { Id: number };
    const portfolio = nodes.find((n) => n.Url.endsWith('/Portfolio.aspx')) as { Id: number };
    expect((await rest(site, 'owner', 'DELETE', `/_api/web/navigation/QuickLaunch(${templates.Id})`)).status).toBe(200);
    expect((await rest(site, 'owner', 'MERGE', `/_api/web/navigation/QuickLaunch(${portfolio.Id})`, { Title: 'Our portfolio' })).status).toBe(200);
    const third = await provision(site.sp, { texts });
    expect(third).toMatchObject({ linksAdded: 0, upToDate: true });
    expect(third.navSteps?.map((s) => [s.kind, s.fileName])).toEqual([['keepRemoved', 'Templates.aspx']]);
    const after = await quickLaunch(site, 'owner');
    expect(after.map((n) => n.Url)).not.toContain('/sites/pmo/SitePages/Templates.aspx');
    expect(after.find((n) => n.Id === portfolio.Id)?.Title).toBe('Our portfolio');
  });

  it('SharePoint refuses Quick Launch changes by hand from those without Manage Lists, and links to pages that do not exist', async () => {
    await provision(site.sp, { texts: await pageTextsFor(site.sp) });
    const before = await quickLaunch(site, 'visitor');
    for (const alias of ['visitor', 'leader']) {
      expect([alias, (await rest(site, alias, 'POST', '/_api/web/navigation/QuickLaunch', { Title: 'Mine', Url: '/sites/pmo/SitePages/Projects.aspx' })).status]).toEqual([alias, 403]);
      expect([alias, (await rest(site, alias, 'DELETE', `/_api/web/navigation/QuickLaunch(${before[0].Id})`)).status]).toEqual([alias, 403]);
    }
    const missing = await rest(site, 'owner', 'POST', '/_api/web/navigation/QuickLaunch', { Title: 'Nope', Url: '/sites/pmo/SitePages/Nope.aspx' });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.json)).toContain('Nope.aspx');
    expect(await quickLaunch(site, 'owner')).toEqual(before);
    // PnPjs's own call, as a PMO member (Design includes Manage Lists): accepted.
    await (await site.as('pmo')).web.navigation.quicklaunch.add('Projects again', '/sites/pmo/SitePages/Projects.aspx');
    expect((await quickLaunch(site, 'visitor')).length).toBe(before.length + 1);
  });

  it('the hub reads a page as its reader may see it: web parts, connections, and whether SharePoint lets them edit', async () => {
    const texts = await pageTextsFor(site.sp);
    await provision(site.sp, { texts });
    const read = async (alias: string, file: string): Promise<Awaited<ReturnType<SpSitePageService['load']>>> =>
      new SpSitePageService(await site.as(alias), site.url).load(file);
    const visitor = await read('visitor', 'Portfolio.aspx');
    const pmo = await read('pmo', 'Portfolio.aspx');
    expect([visitor.canEdit, pmo.canEdit]).toEqual([false, true]);
    const parts = visitor.sections.flatMap((s) => s.columns.flatMap((c) => c.controls)).filter((c) => c.kind === 'webPart');
    expect(parts.map((c) => c.kind === 'webPart' && c.manifestId)).toEqual(profilePages('enterprise').find((p) => p.key === 'portfolio')?.webParts.map((w) => w.manifestId));
    const filterId = parts[0].id;
    expect(parts.slice(1).map((c) => c.kind === 'webPart' && c.filterSource)).toEqual(parts.slice(1).map(() => filterId));
    // A draft the owner has not published is not what a visitor reads.
    const page = await site.sp.web.loadClientsidePage('/sites/pmo/SitePages/Portfolio.aspx');
    page.title = 'Portfolio (draft)';
    await page.save(false);
    expect([(await read('visitor', 'Portfolio.aspx')).title, (await read('owner', 'Portfolio.aspx')).title]).toEqual(['Portfolio', 'Portfolio (draft)']);
    await expect(read('visitor', 'Nope.aspx')).rejects.toBeInstanceOf(PageNotFoundError);
  });

  it('pmo-hub seed on a smaller profile says why the demo cannot go there', async () => {
    await provision(site.sp, { profile: 'operational' });
    const errors: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { errors.push(String(chunk)); return true; });
    const before = process.exitCode;
    try {
      await buildProgram().parseAsync(['node', 'pmo-hub', 'seed', '--site', site.url]);
      expect(process.exitCode).toBe(1);
    } finally {
      spy.mockRestore();
      process.exitCode = before;
    }
    expect(errors.join('')).toContain("provisioned for the PMO profile 'operational'");
    expect(errors.join('')).toContain('--profile enterprise');
  });
});
