/**
 * Contract: bad requests get a SharePoint-shaped answer and never corrupt data; throttling
 * (switched on through the admin endpoint) is survived by @pnp's retry without duplicates.
 */
import type { SPFI } from '@pnp/sp';
import type { IList } from '@pnp/sp/lists';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { httpError, raw, spAs, startServer, SITE, type ODataErrorBody } from './helpers';

jest.setTimeout(20000);

let server: LocalSharePoint;
let sp: SPFI;
let list: IList;
const ITEMS = `${SITE}/_api/web/lists/getByTitle('Projects')/items`;
const JSON_HEADERS = { 'content-type': 'application/json;charset=utf-8' };

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
  await sp.web.lists.add('Projects');
  list = sp.web.lists.getByTitle('Projects');
  await list.fields.addNumber('Budget');
  await list.items.add({ Title: 'Keep me', Budget: 1 });
});
afterAll(async () => { await server.close(); });

const count = async (): Promise<number> => (await list.select('ItemCount')()).ItemCount as number;
const odataError = (body: unknown): { code: string; message: { lang: string; value: string } } => {
  const e = (body as ODataErrorBody)['odata.error'];
  if (!e) throw new Error(`No odata.error in ${JSON.stringify(body)}`);
  return e;
};

test('malformed JSON is a 400 with an odata.error body, and nothing is written', async () => {
  const before = await count();
  const r = await raw(server, 'POST', ITEMS, { headers: JSON_HEADERS, body: '{"Title": "broken",' });
  expect(r.status).toBe(400);
  expect(r.headers.get('content-type')).toMatch(/^application\/json;odata=minimalmetadata/);
  expect(odataError(r.json).message.value).toMatch(/not valid JSON/);
  const notObject = await raw(server, 'POST', ITEMS, { headers: JSON_HEADERS, body: '[1,2]' });
  expect(notObject.status).toBe(400);
  expect(await count()).toBe(before);
});

test('an unknown list is a 404, an unknown item a 404', async () => {
  expect((await httpError(sp.web.lists.getByTitle('Ghost').items())).status).toBe(404);
  expect((await httpError(sp.web.lists.getById('6b1d2a9e-0000-4000-8000-000000000000')())).status).toBe(404);
  expect((await httpError(list.items.getById(424242)())).status).toBe(404);
  const r = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Ghost')/items(1)`);
  expect(odataError(r.json).code).toBe('-1, System.ArgumentException');
});

test('an unknown field in the body is a 400 naming it, and the other values are not written', async () => {
  const before = await count();
  const e = await httpError(list.items.add({ Title: 'half', Budget: 5, Bugdet: 6 }));
  expect(e.status).toBe(400);
  expect(e.message).toBe("The property 'Bugdet' does not exist on type 'SP.Data.ProjectsListItem'. Make sure to only use property names that are defined by the type.");
  expect(await count()).toBe(before);
  const u = await httpError(list.items.getById(1).update({ Title: 'changed', Nope: true }));
  expect(u.status).toBe(400);
  expect((await list.items.getById(1)()).Title).toBe('Keep me');
});

test('a read-only field in the body is a 400', async () => {
  expect((await httpError(list.items.getById(1).update({ Created: '2020-01-01T00:00:00Z' }))).status).toBe(400);
  expect((await httpError(list.items.add({ Title: 'x', ID: 77 }))).status).toBe(400);
});

test('a verbose __metadata.type that does not match the list is a 400', async () => {
  const r = await raw(server, 'POST', ITEMS, {
    headers: { accept: 'application/json;odata=verbose', 'content-type': 'application/json;odata=verbose' },
    body: JSON.stringify({ __metadata: { type: 'SP.Data.OtherListItem' }, Title: 'x' })
  });
  expect(r.status).toBe(400);
  expect(r.json).toHaveProperty('error.message.value');
  const ok = await raw(server, 'POST', ITEMS, {
    headers: { accept: 'application/json;odata=verbose', 'content-type': 'application/json;odata=verbose' },
    body: JSON.stringify({ __metadata: { type: 'SP.Data.ProjectsListItem' }, Title: 'verbose ok' })
  });
  expect(ok.status).toBe(201);
  expect(ok.json).toHaveProperty('d.Title', 'verbose ok');
});

test('an endpoint the local SharePoint does not implement is a 501 naming it', async () => {
  // The Quick Launch is there; child nodes are not.
  const web = await raw(server, 'GET', `${SITE}/_api/web/navigation/quicklaunch(1)/children`);
  expect(web.status).toBe(501);
  expect(odataError(web.json).message.value).toContain("'children' on a navigation node");
  const odd = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Projects')/frobnicate`);
  expect(odd.status).toBe(501);
  expect(odataError(odd.json).message.value).toContain("'frobnicate' on list 'Projects'");
  const viaPnp = await httpError(list.reserveListItemId());
  expect(viaPnp.status).toBe(501);
  expect(viaPnp.message).toContain('reserveListItemId');
  const membership = await httpError(list.getItemsByCAMLQuery({ ViewXml: '<View><Query><Where><Membership Type="CurrentUserGroups"><FieldRef Name="Title"/></Membership></Where></Query></View>' }));
  expect(membership.status).toBe(501);
  expect(membership.message).toContain('Membership');
});

test('the File of a plain list item and a malformed percent-encoding are 4xx, not crashes', async () => {
  const file = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Projects')/items(1)/File`);
  expect(file.status).toBe(404);
  expect(odataError(file.json).message.value).toBe('File Not Found.');
  expect((await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('%E0%A4%A')`)).status).toBe(400);
  const graph = await raw(server, 'GET', '/graph/v1.0/users/%ZZ');
  expect(graph.status).toBe(400);
  expect(graph.json).toHaveProperty('error.code', 'BadRequest');
});

test('a method a resource does not take is a 405', async () => {
  const r = await raw(server, 'DELETE', `${SITE}/_api/web/currentuser`);
  expect(r.status).toBe(405);
  expect(odataError(r.json).code).toContain('InvalidClientQueryException');
});

test('malformed $batch requests are 400s', async () => {
  const noBoundary = await raw(server, 'POST', `${SITE}/_api/$batch`, { headers: { 'content-type': 'multipart/mixed' }, body: 'x' });
  expect(noBoundary.status).toBe(400);
  expect(odataError(noBoundary.json).message.value).toContain('boundary');
  const unclosed = await raw(server, 'POST', `${SITE}/_api/$batch`, {
    headers: { 'content-type': 'multipart/mixed; boundary=batch_1' },
    body: `--batch_1\nContent-Type: application/http\n\nGET ${server.url}${ITEMS} HTTP/1.1\n\n`
  });
  expect(unclosed.status).toBe(400);
  const noRequestLine = await raw(server, 'POST', `${SITE}/_api/$batch`, {
    headers: { 'content-type': 'multipart/mixed; boundary=batch_2' },
    body: '--batch_2\nContent-Type: application/http\n\nthis is not http\n--batch_2--\n'
  });
  expect(noRequestLine.status).toBe(400);
  const before = await count();
  const writeThenGarbage = await raw(server, 'POST', `${SITE}/_api/$batch`, {
    headers: { 'content-type': 'multipart/mixed; boundary=batch_3' },
    body: `--batch_3\nContent-Type: application/http\n\nPOST ${server.url}${ITEMS} HTTP/1.1\ncontent-type: application/json\n\n{"Title":"from a bad batch"}\n--batch_3\nContent-Type: text/plain\n\nnope\n--batch_3--\n`
  });
  // The whole batch is refused before anything runs.
  expect(writeThenGarbage.status).toBe(400);
  expect(await count()).toBe(before);
});

test('$top above 5,000 and an unparsable $top are 400s', async () => {
  expect((await raw(server, 'GET', `${ITEMS}?$top=5001`)).status).toBe(400);
  expect((await raw(server, 'GET', `${ITEMS}?$top=ten`)).status).toBe(400);
});

test('an unknown acting user is refused with 401', async () => {
  const r = await raw(server, 'GET', `${SITE}/_api/web`, { headers: { 'x-pmohub-user': 'mallory' } });
  expect(r.status).toBe(401);
  expect(odataError(r.json).message.value).toContain('mallory');
});

test('a site that does not exist is a 404', async () => {
  const r = await raw(server, 'GET', '/sites/nowhere/_api/web');
  expect(r.status).toBe(404);
  expect(r.json).toHaveProperty(['odata.error', 'code']);
});

describe('throttling', () => {
  afterEach(async () => {
    await raw(server, 'POST', '/_admin/chaos', { body: JSON.stringify({ throttleRate: 0, retryAfterSeconds: 1 }) });
  });

  test('429 carries Retry-After and an odata.error body [verify: SPO\'s 429 body]', async () => {
    const set = await raw(server, 'POST', '/_admin/chaos', { body: JSON.stringify({ throttleRate: 1, retryAfterSeconds: 7 }) });
    expect(set.status).toBe(200);
    const r = await raw(server, 'GET', `${SITE}/_api/web`);
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    expect(odataError(r.json).code).toContain('SPQueryThrottledException');
  });

  test('at a 30% throttle rate, 30 adds through @pnp (which retries 429) all land exactly once', async () => {
    await sp.web.lists.add('Throttled');
    const target = sp.web.lists.getByTitle('Throttled');
    const throttledBefore = server.stats.throttled;
    const set = await raw(server, 'POST', '/_admin/chaos', { body: JSON.stringify({ throttleRate: 0.3, retryAfterSeconds: 0 }) });
    expect(set.json).toMatchObject({ throttleRate: 0.3, retryAfterSeconds: 0 });
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push((await target.items.add({ Title: `T${i}` })).Id as number);
    expect(server.stats.throttled - throttledBefore).toBeGreaterThanOrEqual(9);
    await raw(server, 'POST', '/_admin/chaos', { body: JSON.stringify({ throttleRate: 0 }) });
    const items = await target.items.select('Title').top(100)();
    expect(items).toHaveLength(30);
    expect(new Set(items.map((i: { Title: string }) => i.Title)).size).toBe(30);
    expect(new Set(ids).size).toBe(30);
  });

  test('bad chaos settings are refused', async () => {
    expect((await raw(server, 'POST', '/_admin/chaos', { body: JSON.stringify({ throttleRate: 2 }) })).status).toBe(400);
    expect((await raw(server, 'POST', '/_admin/chaos', { body: '{' })).status).toBe(400);
  });
});
