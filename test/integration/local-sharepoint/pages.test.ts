/**
 * Contract: modern pages through the real `@pnp/sp/clientside-pages` — create, save as draft,
 * load, publish, promote as news — and what each demo user may see and do, checked with
 * hand-made REST calls as well, because SharePoint (not the client) enforces it.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/clientside-pages';
import { ClientsideText, ClientsideWebpart, PromotedState, type IClientsidePage } from '@pnp/sp/clientside-pages';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { httpError, raw, spAs, startServer, SITE } from './helpers';

jest.setTimeout(30000);

let server: LocalSharePoint;
let sp: SPFI;

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
});
afterAll(async () => { await server.close(); });

const PART_ID = 'a3c5e9b1-6a0e-4b9c-9d6e-1f2a3b4c5d6e';
const FILTER_ID = '0b6f7d2c-1e3a-4f5b-8c9d-0e1f2a3b4c5d';

/** A client-side web part as SPFx writes it, with a dynamic-data connection to a filter web part. */
function webPart(instanceId: string, properties: Record<string, unknown>): ClientsideWebpart {
  return new ClientsideWebpart({
    ...JSON.parse(JSON.stringify(ClientsideWebpart.Default)) as Record<string, unknown>,
    id: instanceId,
    webPartId: PART_ID,
    webPartData: {
      id: PART_ID, instanceId, title: 'Portfolio overview', description: 'Projects by phase', dataVersion: '1.2',
      properties,
      serverProcessedContent: { htmlStrings: {}, searchablePlainTexts: {}, imageSources: {}, links: {} },
      dynamicDataPaths: { filter: `WebPart.${FILTER_ID}.${FILTER_ID}:portfolioFilter` },
      dynamicDataValues: { filterEnabled: true }
    }
  } as never);
}

interface PageJson {
  Id: number; Title: string | null; FileName: string; Version: string; PromotedState: number; FirstPublished: string;
  CanvasContent1: string | null; IsPageCheckedOutToCurrentUser: boolean; Url: string;
}

async function getPage(id: number, user?: 'owner' | 'pmo' | 'leader' | 'visitor'): Promise<{ status: number; page: PageJson }> {
  const r = await raw(server, 'GET', `${SITE}/_api/sitepages/pages(${id})`, { user });
  return { status: r.status, page: r.json as PageJson };
}

/** The page's list item id, through the public API (the page's JSON is protected in the typings). */
async function idOf(page: IClientsidePage): Promise<number> {
  return (await page.getItem<{ Id: number }>('Id')).Id;
}

function partsOf(page: PageJson): Array<Record<string, unknown>> {
  return (JSON.parse(page.CanvasContent1 ?? '[]') as Array<Record<string, unknown>>).filter((c) => c.controlType === 3);
}

describe('a page made with @pnp/sp/clientside-pages', () => {
  let page: IClientsidePage;
  let id: number;
  const instanceId = '5f0c8e4a-2b1d-4c3e-9f8a-7b6c5d4e3f2a';
  const properties = { phaseFilter: ['Execution', 'Planning'], showAmber: true, nested: { pageSize: 25, columns: ['code', 'title'] } };

  beforeAll(async () => {
    page = await sp.web.addClientsidePage('Portfolio', 'Portfolio overview');
    const section = page.addSection();
    section.addColumn(8).addControl(webPart(instanceId, properties));
    section.addColumn(4).addControl(new ClientsideText('<p>Read me first</p>'));
    await page.save(false);
    id = await idOf(page);
  });

  test('is a draft item of Site Pages named after the title given at creation', async () => {
    const { status, page: json } = await getPage(id);
    expect(status).toBe(200);
    expect(json.FileName).toBe('Portfolio.aspx');
    expect(json.Url).toBe('SitePages/Portfolio.aspx');
    expect(json.Version).toMatch(/^0\.\d+$/);
    const lib = await sp.web.lists.getByTitle('Site Pages').select('BaseTemplate', 'EnableVersioning', 'EnableMinorVersions')();
    expect(lib).toMatchObject({ BaseTemplate: 119, EnableVersioning: true, EnableMinorVersions: true });
    const file = await sp.web.getFileByServerRelativePath(`${SITE}/SitePages/Portfolio.aspx`).getItem<{ Id: number }>('Id');
    expect(file.Id).toBe(id);
  });

  test('keeps the canvas verbatim: sections, columns, webPartId, properties and dynamic-data connections', async () => {
    const { page: json } = await getPage(id);
    const controls = JSON.parse(json.CanvasContent1 ?? 'null') as Array<Record<string, unknown>>;
    const part = controls.find((c) => c.controlType === 3) as { webPartId: string; position: Record<string, number>; webPartData: Record<string, unknown> };
    expect(part.webPartId).toBe(PART_ID);
    expect(part.position).toMatchObject({ zoneIndex: 1, sectionIndex: 1, sectionFactor: 8 });
    expect(part.webPartData.properties).toEqual(properties);
    expect(part.webPartData.dynamicDataPaths).toEqual({ filter: `WebPart.${FILTER_ID}.${FILTER_ID}:portfolioFilter` });
    expect(part.webPartData.dynamicDataValues).toEqual({ filterEnabled: true });
    const text = controls.find((c) => c.controlType === 4) as { innerHTML: string; position: Record<string, number> };
    expect(text).toMatchObject({ innerHTML: '<p>Read me first</p>', position: { sectionIndex: 2, sectionFactor: 4 } });
  });

  test('loads back through loadClientsidePage with the same tree and properties', async () => {
    const loaded = await sp.web.loadClientsidePage(`${SITE}/SitePages/Portfolio.aspx`);
    expect(loaded.sections).toHaveLength(1);
    expect(loaded.sections[0].columns.map((c) => c.factor)).toEqual([8, 4]);
    const part = loaded.findControlById<ClientsideWebpart>(instanceId);
    expect(part).not.toBeNull();
    expect(part?.getProperties()).toEqual(properties);
  });

  test('a draft is hidden from visitors until it is published, then they see the published copy only', async () => {
    expect((await getPage(id, 'visitor')).status).toBe(404);
    const items = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Site Pages')/items?$select=Id`, { user: 'visitor' });
    expect(items.status).toBe(200);
    expect((items.json as { value: Array<{ Id: number }> }).value.map((i) => i.Id)).not.toContain(id);
    const list = await raw(server, 'GET', `${SITE}/_api/sitepages/pages`, { user: 'visitor' });
    expect((list.json as { value: PageJson[] }).value.map((p) => p.Id)).not.toContain(id);

    page.title = 'Portfolio overview';
    await page.save(true);
    const afterPublish = await getPage(id, 'visitor');
    expect(afterPublish.status).toBe(200);
    expect(afterPublish.page).toMatchObject({ Title: 'Portfolio overview', Version: '1.0' });
    expect(partsOf(afterPublish.page)[0]).toMatchObject({ webPartId: PART_ID });

    // The owner edits again without publishing: visitors keep seeing version 1.0.
    const draft = await sp.web.loadClientsidePage(`${SITE}/SitePages/Portfolio.aspx`);
    draft.findControlById<ClientsideWebpart>(instanceId)?.setProperties({ showAmber: false });
    draft.title = 'Portfolio (editing)';
    await draft.save(false);
    const owner = await getPage(id);
    expect(owner.page.Title).toBe('Portfolio (editing)');
    expect((partsOf(owner.page)[0].webPartData as { properties: { showAmber: boolean } }).properties.showAmber).toBe(false);
    const visitor = await getPage(id, 'visitor');
    expect(visitor.page).toMatchObject({ Title: 'Portfolio overview', Version: '1.0' });
    expect((partsOf(visitor.page)[0].webPartData as { properties: { showAmber: boolean } }).properties.showAmber).toBe(true);
    // The file name came from the first save and does not follow later titles.
    expect(owner.page.FileName).toBe('Portfolio.aspx');
    // The same holds for the page's list item, read or queried as a plain item.
    const itemUrl = `${SITE}/_api/web/lists/getByTitle('Site Pages')/items(${id})?$select=Title,CanvasContent1,OData__UIVersionString`;
    const asVisitor = (await raw(server, 'GET', itemUrl, { user: 'visitor' })).json as { Title: string; CanvasContent1: string };
    expect(asVisitor).toMatchObject({ Title: 'Portfolio overview', OData__UIVersionString: '1.0' });
    expect(asVisitor.CanvasContent1).toContain('"showAmber":true');
    expect((await raw(server, 'GET', itemUrl)).json).toMatchObject({ Title: 'Portfolio (editing)' });
    const byDraftTitle = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Site Pages')/items?$select=Id&$filter=Title eq 'Portfolio (editing)'`, { user: 'visitor' });
    expect((byDraftTitle.json as { value: unknown[] }).value).toEqual([]);
  });

  test('discardPage drops the draft: the page is the published version again', async () => {
    const d = await raw(server, 'POST', `${SITE}/_api/sitepages/pages(${id})/discardPage`);
    expect(d.status).toBe(200);
    const { page: json } = await getPage(id);
    expect(json).toMatchObject({ Title: 'Portfolio overview', Version: '1.0', IsPageCheckedOutToCurrentUser: false });
  });
});

describe('who may create and change pages', () => {
  test('a visitor cannot create a page; a site member (Edit) can', async () => {
    const denied = await httpError(spAs(server, 'visitor').web.addClientsidePage('Visitor page'));
    expect(denied.status).toBe(403);
    const byHand = await raw(server, 'POST', `${SITE}/_api/sitepages/pages`, {
      user: 'leader', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ PageLayoutType: 'Article' })
    });
    expect(byHand.status).toBe(403);
    const made = await spAs(server, 'pmo').web.addClientsidePage('Member page', 'Member page');
    await made.save(true);
    expect((await getPage(await idOf(made), 'visitor')).page.Title).toBe('Member page');
  });

  test('a visitor cannot check out, save or publish a published page by hand', async () => {
    const page = await sp.web.addClientsidePage('Locked', 'Locked');
    await page.save(true);
    const id = await idOf(page);
    const post = (path: string, body?: unknown): ReturnType<typeof raw> => raw(server, 'POST', `${SITE}/_api/sitepages/pages(${id})/${path}`, {
      user: 'visitor', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body)
    });
    expect((await post('checkoutpage')).status).toBe(403);
    expect((await post('savepage', { Title: 'Hacked', CanvasContent1: '[]' })).status).toBe(403);
    expect((await post('publish')).status).toBe(403);
    expect((await post('promoteToNews')).status).toBe(403);
    expect((await getPage(id, 'visitor')).page.Title).toBe('Locked');
  });

  test('a page checked out to one editor cannot be saved by another (423)', async () => {
    const page = await sp.web.addClientsidePage('Busy', 'Busy');
    const id = await idOf(page);
    const r = await raw(server, 'POST', `${SITE}/_api/sitepages/pages(${id})/savepage`, {
      user: 'pmo', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Title: 'Mine now' })
    });
    expect(r.status).toBe(423);
  });

  test('SavePageAsDraft by hand saves a minor version and checks the page in', async () => {
    const page = await sp.web.addClientsidePage('Draft by hand', 'Draft by hand');
    const id = await idOf(page);
    const before = (await getPage(id)).page;
    const canvas = JSON.stringify([{ controlType: 4, id: 't1', innerHTML: '<p>x</p>', position: { zoneIndex: 1, sectionIndex: 1, controlIndex: 1, sectionFactor: 12 } }]);
    const r = await raw(server, 'POST', `${SITE}/_api/sitepages/pages(${id})/SavePageAsDraft`, {
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sitePage: { Title: 'Draft by hand', CanvasContent1: canvas } })
    });
    expect(r.status).toBe(200);
    const after = (await getPage(id)).page;
    expect(after.CanvasContent1).toBe(canvas);
    expect(after.IsPageCheckedOutToCurrentUser).toBe(false);
    expect(Number(after.Version.split('.')[1])).toBe(Number(before.Version.split('.')[1]) + 1);
    expect(after.Version.startsWith('0.')).toBe(true);
    expect((await getPage(id, 'visitor')).status).toBe(404);
  });

  test('CanvasContent1 that is not a JSON array of controls is refused and nothing is stored', async () => {
    const page = await sp.web.addClientsidePage('Bad canvas', 'Bad canvas');
    const id = await idOf(page);
    const r = await raw(server, 'POST', `${SITE}/_api/sitepages/pages(${id})/savepage`, {
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ CanvasContent1: '{not json' })
    });
    expect(r.status).toBe(400);
    expect((await getPage(id)).page.CanvasContent1).not.toBe('{not json');
  });
});

describe('news', () => {
  test('promoteToNews through @pnp publishes a never-published page and makes it news with a first published date', async () => {
    const page = await sp.web.addClientsidePage('Quarterly challenge', 'Quarterly challenge meeting');
    page.addSection().addControl(new ClientsideText('<p>Agenda</p>'));
    await page.save(false);
    const before = Date.now() - 60_000;
    expect(await page.promoteToNews()).toBe(true);
    const { page: json } = await getPage(await idOf(page), 'visitor');
    expect(json.PromotedState).toBe(PromotedState.Promoted);
    expect(Date.parse(json.FirstPublished)).toBeGreaterThan(before);
  });

  test('promoting a page never published marks it to become news on its first publish', async () => {
    const page = await sp.web.addClientsidePage('Lessons digest', 'Lessons digest');
    const id = await idOf(page);
    expect((await raw(server, 'POST', `${SITE}/_api/sitepages/pages(${id})/promoteToNews`)).json).toHaveProperty('value', true);
    const pending = await getPage(id);
    expect(pending.page).toMatchObject({ PromotedState: PromotedState.PromoteOnPublish, FirstPublished: '0001-01-01T00:00:00Z' });
    expect((await raw(server, 'POST', `${SITE}/_api/sitepages/pages(${id})/publish`)).status).toBe(200);
    const news = await getPage(id, 'visitor');
    expect(news.page.PromotedState).toBe(PromotedState.Promoted);
    expect(news.page.FirstPublished).not.toBe('0001-01-01T00:00:00Z');
    const items = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Site Pages')/items?$select=Id,PromotedState,FirstPublishedDate&$filter=PromotedState eq 2`, { user: 'visitor' });
    expect((items.json as { value: Array<{ Id: number }> }).value.map((i) => i.Id)).toContain(id);
  });
});

describe('the Site Pages library', () => {
  test('a site that already has Site Pages keeps that library and the pages go into it', async () => {
    const other = await startServer();
    try {
      const osp = spAs(other);
      const lib = await osp.web.lists.ensureSitePagesLibrary();
      const before = await lib.select('Id')();
      const page = await osp.web.addClientsidePage('Home2', 'Home');
      await page.save(true);
      const after = await osp.web.lists.getByTitle('Site Pages').select('Id', 'ItemCount')();
      expect(after.Id).toBe(before.Id);
      expect(after.ItemCount).toBe(1);
      const fields = (await osp.web.lists.getByTitle('Site Pages').fields.select('InternalName')()).map((f: { InternalName: string }) => f.InternalName);
      expect(fields).toEqual(expect.arrayContaining(['CanvasContent1', 'LayoutWebpartsContent', 'PromotedState', 'FirstPublishedDate', 'BannerImageUrl']));
    } finally {
      await other.close();
    }
  });

  test('the list of pages shows every page an editor may see, with its canvas', async () => {
    const r = await raw(server, 'GET', `${SITE}/_api/sitepages/pages?$select=Id,Title,FileName,CanvasContent1`);
    expect(r.status).toBe(200);
    const pages = (r.json as { value: PageJson[] }).value;
    expect(pages.map((p) => p.FileName)).toEqual(expect.arrayContaining(['Portfolio.aspx', 'Member-page.aspx']));
    expect(pages.find((p) => p.FileName === 'Portfolio.aspx')?.CanvasContent1).toContain(PART_ID);
  });
});
