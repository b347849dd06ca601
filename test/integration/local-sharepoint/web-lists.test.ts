/**
 * Contract: the web, the request digest and lists, through the real @pnp/sp v4.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/recycle-bin';
import '@pnp/sp/content-types';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { HttpRequestError, SITE, httpError, raw, spAs, startServer } from './helpers';

jest.setTimeout(15000);

let server: LocalSharePoint;
let sp: SPFI;

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
});
afterAll(async () => { await server.close(); });

interface SentRequest { url: string; method: string; headers: Record<string, string> }

/** Records what @pnp/sp hands to fetch, so the digest flow can be observed from the client side. */
function recordFetch(): { sent: SentRequest[]; restore: () => void } {
  const sent: SentRequest[] = [];
  const original = globalThis.fetch;
  const spy = jest.spyOn(globalThis, 'fetch').mockImplementation((input: RequestInfo | URL, init?: RequestInit) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => { headers[k] = v; });
    sent.push({ url: String(input), method: init?.method ?? 'GET', headers });
    return original(input, init);
  });
  return { sent, restore: () => spy.mockRestore() };
}

describe('web and contextinfo', () => {
  test('the first write of a process fetches a digest from contextinfo, later writes reuse it', async () => {
    const rec = recordFetch();
    try {
      await sp.web.lists.add('Digest One');
      await sp.web.lists.add('Digest Two');
    } finally {
      rec.restore();
    }
    const methods = rec.sent.map((r) => `${r.method} ${new URL(r.url).pathname}`);
    expect(methods).toEqual([
      `POST ${SITE}/_api/contextinfo`,
      `POST ${SITE}/_api/web/lists`,
      `POST ${SITE}/_api/web/lists`
    ]);
    const digest = rec.sent[1].headers['x-requestdigest'];
    expect(digest).toMatch(/^0x[0-9A-F]+,\d{2} \w{3} \d{4} \d\d:\d\d:\d\d -0000$/);
    expect(rec.sent[2].headers['x-requestdigest']).toBe(digest);
  });

  test('contextinfo answers JSON light flat and verbose under d.GetContextWebInformation', async () => {
    const light = await raw(server, 'POST', `${SITE}/_api/contextinfo`);
    expect(light.status).toBe(200);
    const info = light.json as Record<string, unknown>;
    expect(info.FormDigestTimeoutSeconds).toBe(1800);
    expect(info.WebFullUrl).toBe(`${server.url}${SITE}`);
    expect(String(info.FormDigestValue)).toMatch(/^0x[0-9A-F]+,/);
    const verbose = await raw(server, 'POST', `${SITE}/_api/contextinfo`, { headers: { accept: 'application/json;odata=verbose' } });
    const d = (verbose.json as { d: { GetContextWebInformation: Record<string, unknown> } }).d.GetContextWebInformation;
    expect(d.FormDigestValue).toEqual(expect.any(String));
  });

  test('web() returns the site, and $select narrows it', async () => {
    const web = await sp.web();
    expect(web).toMatchObject({ Title: 'PMO', ServerRelativeUrl: SITE, Url: `${server.url}${SITE}` });
    expect(web.Id).toMatch(/^[0-9a-f-]{36}$/);
    const narrow = await sp.web.select('Title')();
    expect(narrow.Title).toBe('PMO');
    expect(narrow).not.toHaveProperty('ServerRelativeUrl');
  });

  test('web.update changes the title', async () => {
    await sp.web.update({ Title: 'PMO Hub', Description: 'The PMO' });
    expect(await sp.web.select('Title', 'Description')()).toMatchObject({ Title: 'PMO Hub', Description: 'The PMO' });
    await sp.web.update({ Title: 'PMO' });
  });
});

describe('lists', () => {
  test('add returns the new list with SharePoint-derived names', async () => {
    const list = await sp.web.lists.add('Custom Made List', 'made by a test');
    expect(list).toMatchObject({
      Title: 'Custom Made List', Description: 'made by a test', BaseTemplate: 100,
      // The URL keeps the spaces of the title, so the entity type escapes them (reference §3.4, observed on SPO).
      EntityTypeName: 'Custom_x0020_Made_x0020_ListList', ListItemEntityTypeFullName: 'SP.Data.Custom_x0020_Made_x0020_ListListItem'
    });
    expect(list.Id).toMatch(/^[0-9a-f-]{36}$/);
    const root = await sp.web.lists.getById(list.Id).rootFolder.select('ServerRelativeUrl')();
    expect(root.ServerRelativeUrl).toBe(`${SITE}/Lists/Custom Made List`);
  });

  test('a library (template 101) lives at the site root, not under Lists/', async () => {
    const lib = await sp.web.lists.add('Method Templates', '', 101);
    expect(lib).toMatchObject({ BaseTemplate: 101, BaseType: 1, EntityTypeName: 'Method_x0020_Templates' });
    const root = await sp.web.lists.getByTitle('Method Templates').rootFolder();
    expect(root.ServerRelativeUrl).toBe(`${SITE}/Method Templates`);
  });

  test('ensure creates once, then reports created false and updates', async () => {
    const first = await sp.web.lists.ensure('Ensured', 'one');
    expect(first.created).toBe(true);
    const second = await sp.web.lists.ensure('Ensured', 'two');
    expect(second.created).toBe(false);
    expect(await second.list.select('Description')()).toMatchObject({ Description: 'two' });
    const all = await sp.web.lists.filter("Title eq 'Ensured'")();
    expect(all).toHaveLength(1);
  });

  test('getByTitle, getById and getList(url) address the same list', async () => {
    const added = await sp.web.lists.add('Risks');
    const byTitle = await sp.web.lists.getByTitle('Risks')();
    const byId = await sp.web.lists.getById(added.Id)();
    const byUrl = await sp.web.getList(`${SITE}/Lists/Risks`)();
    expect(byTitle.Id).toBe(added.Id);
    expect(byId.Title).toBe('Risks');
    expect(byUrl.Id).toBe(added.Id);
    // getByTitle is case-insensitive [verify]
    expect((await sp.web.lists.getByTitle('risks')()).Id).toBe(added.Id);
  });

  test('update changes title and description; the URL stays', async () => {
    const added = await sp.web.lists.add('Lessons');
    await sp.web.lists.getById(added.Id).update({ Title: 'Lessons Learned', Description: 'What we learned' });
    const after = await sp.web.lists.getById(added.Id).select('Title', 'Description', 'EntityTypeName')();
    expect(after).toMatchObject({ Title: 'Lessons Learned', Description: 'What we learned', EntityTypeName: 'LessonsList' });
    const e = await httpError(sp.web.lists.getByTitle('Lessons')());
    expect(e.status).toBe(404);
  });

  test('update with an unknown property is refused with 400', async () => {
    const added = await sp.web.lists.add('Strict');
    const e = await httpError(sp.web.lists.getById(added.Id).update({ NoSuchProperty: 1 } as never));
    expect(e.status).toBe(400);
    expect(e.message).toContain("'NoSuchProperty' does not exist on type 'SP.List'");
  });

  test('delete removes the list for good', async () => {
    const added = await sp.web.lists.add('Doomed');
    await sp.web.lists.getById(added.Id).delete();
    expect((await httpError(sp.web.lists.getById(added.Id)())).status).toBe(404);
  });

  test('recycle returns the recycle-bin id and the list shows up in the recycle bin', async () => {
    const added = await sp.web.lists.add('Recycled');
    const id = await sp.web.lists.getById(added.Id).recycle();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await httpError(sp.web.lists.getByTitle('Recycled')())).status).toBe(404);
    const bin = await sp.web.recycleBin();
    expect(bin.map((b: { Id: string }) => b.Id)).toContain(id);
  });

  test('a duplicate title is refused [verify: SPO answers 500]', async () => {
    await sp.web.lists.add('Twice');
    const e = await httpError(sp.web.lists.add('Twice'));
    expect(e.status).toBe(500);
    expect(e.message).toContain('already exists');
  });

  test('lists() supports $filter, $select and $orderby', async () => {
    const lists = await sp.web.lists.filter('BaseTemplate eq 101').select('Title', 'BaseTemplate').orderBy('Title')();
    const titles = lists.map((l: { Title: string }) => l.Title);
    // Documents and Site Assets come with every new site, as on SharePoint Online.
    expect(titles).toEqual(['Documents', 'Method Templates', 'Site Assets']);
    expect(lists[0]).not.toHaveProperty('Description');
  });

  test('a missing list is a 404 with an odata.error body, raised as HttpRequestError', async () => {
    let caught: unknown;
    try {
      await sp.web.lists.getByTitle('No Such List')();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(HttpRequestError);
    const err = caught as HttpRequestError;
    expect(err.status).toBe(404);
    const body = await err.response.json() as { 'odata.error': { code: string; message: { lang: string; value: string } } };
    expect(body['odata.error'].code).toBe('-1, System.ArgumentException');
    expect(body['odata.error'].message).toEqual({ lang: 'en-US', value: `List 'No Such List' does not exist at site with URL '${server.url}${SITE}'.` });
  });

  test('verbose clients get the error under "error"', async () => {
    const r = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Nope')`, { headers: { accept: 'application/json;odata=verbose' } });
    expect(r.status).toBe(404);
    expect(r.json).toHaveProperty('error.code', '-1, System.ArgumentException');
    expect(r.json).not.toHaveProperty('odata.error');
  });
});

describe('navigation properties and content types', () => {
  test('lists with RootFolder/ServerRelativeUrl selected through $expand (what provisioning reads)', async () => {
    const lists = await sp.web.lists.select('Id', 'Title', 'HasUniqueRoleAssignments', 'RootFolder/ServerRelativeUrl').expand('RootFolder')();
    const docs = lists.find((l: { Title: string }) => l.Title === 'Documents') as unknown as { RootFolder: { ServerRelativeUrl: string }; HasUniqueRoleAssignments: boolean };
    expect(docs.RootFolder).toMatchObject({ ServerRelativeUrl: `${SITE}/Shared Documents` });
    expect(docs.HasUniqueRoleAssignments).toBe(false);
  });

  test('a list\'s content types and a new site content type', async () => {
    await sp.web.lists.add('Typed');
    const cts = await sp.web.lists.getByTitle('Typed').contentTypes();
    expect(cts.map((c: { Name: string }) => c.Name)).toEqual(['Item']);
    // A list's Item is the site's Item (0x01) + "00" + 32 hex digits.
    expect(cts[0].StringId).toMatch(/^0x0100[0-9A-F]{32}$/);
    // SharePoint Online ignores the ID asked for over REST and makes a child of Item (pnp/pnpjs#457).
    const asked = '0x0100A33D9AD9805788419BDAAC2CCB37509F';
    const { data } = await sp.web.contentTypes.add(asked, 'PMO Project', 'A project', 'PMO Content Types');
    expect(data).toMatchObject({ Name: 'PMO Project', Group: 'PMO Content Types' });
    expect(data.StringId).toMatch(/^0x0100[0-9A-F]{32}$/);
    expect(data.StringId).not.toBe(asked);
    expect((await sp.web.contentTypes.getById(data.StringId)()).Name).toBe('PMO Project');
    expect((await httpError(sp.web.contentTypes.getById(asked)())).status).toBe(404);
    // Even when the ID asked for names a Document child, the new type is an Item child.
    const doc = await sp.web.contentTypes.add('0x010100A1B2C3D4E5F67890ABCDEF1234567890', 'PMO Template');
    expect(doc.data.StringId).toMatch(/^0x0100[0-9A-F]{32}$/);
    // A name already in use is refused [verify the message].
    expect((await httpError(sp.web.contentTypes.add(asked, 'PMO Project'))).status).toBe(400);
  });

  test('ensureSiteAssetsLibrary creates the library once and hands back a usable list', async () => {
    const first = await sp.web.lists.ensureSiteAssetsLibrary();
    const info = await first.select('Title', 'BaseTemplate')();
    expect(info).toMatchObject({ Title: 'Site Assets', BaseTemplate: 101 });
    const again = await sp.web.lists.ensureSiteAssetsLibrary();
    expect((await again.select('Id')()).Id).toBe((await first.select('Id')()).Id);
  });
});
