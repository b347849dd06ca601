/**
 * Contract: ETags and If-Match — no lost update (DESIGN rule 7).
 */
import type { SPFI } from '@pnp/sp';
import type { IList } from '@pnp/sp/lists';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { httpError, raw, spAs, startServer, SITE } from './helpers';

jest.setTimeout(15000);

let server: LocalSharePoint;
let sp: SPFI;
let list: IList;

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
  await sp.web.lists.add('Projects');
  list = sp.web.lists.getByTitle('Projects');
});
afterAll(async () => { await server.close(); });

test('item GET returns the ETag header "<guid>,<version>" and the body odata.etag "<version>"', async () => {
  const { Id } = await list.items.add({ Title: 'E1' });
  const r = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Projects')/items(${Id})`);
  expect(r.status).toBe(200);
  const body = r.json as { 'odata.etag': string; GUID: string };
  expect(body['odata.etag']).toBe('"1"');
  expect(r.headers.get('etag')).toBe(`"${body.GUID},1"`);
  const created = await raw(server, 'POST', `${SITE}/_api/web/lists/getByTitle('Projects')/items`, { body: JSON.stringify({ Title: 'E1b' }), headers: { 'content-type': 'application/json' } });
  expect(created.status).toBe(201);
  expect(created.headers.get('etag')).toMatch(/^"[0-9a-f-]{36},1"$/);
  expect(created.headers.get('location')).toMatch(/\/_api\/Web\/Lists\(guid'[0-9a-f-]{36}'\)\/Items\(\d+\)$/);
});

test('update with the current etag succeeds and returns the next one', async () => {
  const { Id } = await list.items.add({ Title: 'E2' });
  const item = await list.items.getById(Id)();
  const r1 = await list.items.getById(Id).update({ Title: 'E2 changed' }, item['odata.etag']);
  expect(r1.etag).toMatch(/,2"$/);
  // The header form from the previous answer is accepted as If-Match too [verify: SPO accepts both forms].
  const r2 = await list.items.getById(Id).update({ Title: 'E2 changed again' }, r1.etag);
  expect(r2.etag).toMatch(/,3"$/);
});

test('update with a stale If-Match is a 412 and changes nothing', async () => {
  const { Id } = await list.items.add({ Title: 'E3' });
  const stale = (await list.items.getById(Id)())['odata.etag'];
  await list.items.getById(Id).update({ Title: 'someone else' }, stale);
  const e = await httpError(list.items.getById(Id).update({ Title: 'mine' }, stale));
  expect(e.status).toBe(412);
  expect(e.code).toBe('-1, Microsoft.SharePoint.Client.ClientServiceException');
  expect(e.message).toMatch(/^The request ETag value '"1"' does not match the object's ETag value '"[0-9a-f-]{36},2"'\.$/);
  expect((await list.items.getById(Id).select('Title')()).Title).toBe('someone else');
});

test('If-Match * overwrites whatever is there (the default of @pnp update)', async () => {
  const { Id } = await list.items.add({ Title: 'E4' });
  await list.items.getById(Id).update({ Title: 'v2' });
  await list.items.getById(Id).update({ Title: 'v3' }, '*');
  expect((await list.items.getById(Id)())['odata.etag']).toBe('"3"');
});

test('delete with a stale etag is a 412 and the item stays; with the current one it goes', async () => {
  const { Id } = await list.items.add({ Title: 'E5' });
  await list.items.getById(Id).update({ Title: 'E5 v2' });
  expect((await httpError(list.items.getById(Id).delete('"1"'))).status).toBe(412);
  expect((await list.items.getById(Id)()).Title).toBe('E5 v2');
  await list.items.getById(Id).delete('"2"');
  expect((await httpError(list.items.getById(Id)())).status).toBe(404);
});

test('two users racing: the second save with the old etag gets 412', async () => {
  const { Id } = await list.items.add({ Title: 'Race' });
  const pmo = spAs(server, 'pmo').web.lists.getByTitle('Projects');
  const mine = (await list.items.getById(Id)())['odata.etag'];
  const theirs = (await pmo.items.getById(Id)())['odata.etag'];
  await pmo.items.getById(Id).update({ Title: 'theirs' }, theirs);
  expect((await httpError(list.items.getById(Id).update({ Title: 'mine' }, mine))).status).toBe(412);
});

test('list update honours If-Match on the list etag [verify]', async () => {
  const etag = String((await list() as unknown as Record<string, unknown>)['odata.etag']);
  expect(etag).toMatch(/^"\d+"$/);
  await list.update({ Description: 'one' }, etag);
  expect((await httpError(list.update({ Description: 'two' }, etag))).status).toBe(412);
});
