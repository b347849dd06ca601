/**
 * Contract: $batch through sp.batched() — the multipart format @pnp/sp writes and parses,
 * mixed reads and writes, chunks of 20, and failures that stay in their own part.
 */
import type { SPFI } from '@pnp/sp';
import type { IList } from '@pnp/sp/lists';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { HttpRequestError, raw, spAs, startServer, SITE } from './helpers';

jest.setTimeout(15000);

let server: LocalSharePoint;
let sp: SPFI;
let list: IList;

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
  await sp.web.lists.add('Risks');
  list = sp.web.lists.getByTitle('Risks');
  await list.fields.addNumber('Score');
  for (let i = 1; i <= 3; i++) await list.items.add({ Title: `Seed ${i}`, Score: i });
});
afterAll(async () => { await server.close(); });

const batches = (): number => server.stats.byKind.batch ?? 0;

test('mixed GETs and writes in one batch all resolve, in order, with their own results', async () => {
  const before = batches();
  const [batched, execute] = sp.batched();
  const bl = batched.web.lists.getByTitle('Risks');
  const web = batched.web.select('Title')();
  const seed = bl.items.getById(1)();
  const added = bl.items.add({ Title: 'Batched add', Score: 7 });
  const updated = bl.items.getById(2).update({ Title: 'Seed 2 (batched)' });
  const deleted = bl.items.getById(3).delete();
  const afterWrites = bl.items.select('Title').orderBy('ID')();
  await execute();
  expect(batches() - before).toBe(1);
  expect((await web).Title).toBe('PMO');
  expect((await seed).Title).toBe('Seed 1');
  const a = await added;
  expect(a).toMatchObject({ Title: 'Batched add', Score: 7 });
  expect(a['odata.etag']).toBe('"1"');
  expect((await updated).etag).toMatch(/^"[0-9a-f-]{36},2"$/);
  await deleted;
  // Operations run in order: the trailing GET sees the writes before it.
  expect((await afterWrites).map((i: { Title: string }) => i.Title)).toEqual(['Seed 1', 'Seed 2 (batched)', 'Batched add']);
});

test('more than 20 operations go out in chunks of 20 and all land', async () => {
  const before = batches();
  const countBefore = (await list.select('ItemCount')()).ItemCount;
  const [batched, execute] = sp.batched();
  const bl = batched.web.lists.getByTitle('Risks');
  const adds = Array.from({ length: 45 }, (_, i) => bl.items.add({ Title: `Chunk ${i}`, Score: i }));
  await execute();
  const results = await Promise.all(adds);
  expect(batches() - before).toBe(3);
  expect(new Set(results.map((r) => r.Id)).size).toBe(45);
  expect(results.map((r) => r.Title)).toEqual(Array.from({ length: 45 }, (_, i) => `Chunk ${i}`));
  expect((await list.select('ItemCount')()).ItemCount).toBe(countBefore + 45);
});

test('a failing part rejects only its own promise; the others succeed (changesets are not transactional)', async () => {
  const [batched, execute] = sp.batched();
  const bl = batched.web.lists.getByTitle('Risks');
  const good1 = bl.items.add({ Title: 'Good 1' });
  const bad = bl.items.add({ Title: 'Bad', NoSuchField: 1 });
  const missing = bl.items.getById(99999)();
  const good2 = bl.items.add({ Title: 'Good 2' });
  const badCaught = bad.then(() => undefined, (e: unknown) => e);
  const missingCaught = missing.then(() => undefined, (e: unknown) => e);
  await execute();
  expect((await good1).Title).toBe('Good 1');
  expect((await good2).Title).toBe('Good 2');
  const badErr = await badCaught;
  expect(badErr).toBeInstanceOf(HttpRequestError);
  expect((badErr as HttpRequestError).status).toBe(400);
  expect((badErr as HttpRequestError).message).toContain("'NoSuchField' does not exist");
  expect((await missingCaught as HttpRequestError).status).toBe(404);
  expect(await list.items.filter("Title eq 'Bad'")()).toHaveLength(0);
});

test('a batch as a visitor: reads succeed, writes are 403 in their parts', async () => {
  const [batched, execute] = spAs(server, 'visitor').batched();
  const bl = batched.web.lists.getByTitle('Risks');
  const read = bl.items.top(1)();
  const write = bl.items.add({ Title: 'Visitor' }).then(() => 0, (e: unknown) => (e as HttpRequestError).status);
  await execute();
  expect(await read).toHaveLength(1);
  expect(await write).toBe(403);
});

test('web.batched() works the same way', async () => {
  const [batchedWeb, execute] = sp.web.batched();
  const titles = batchedWeb.lists.select('Title')();
  const item = batchedWeb.lists.getByTitle('Risks').items.getById(1).select('Title')();
  await execute();
  expect((await titles).map((l: { Title: string }) => l.Title)).toContain('Risks');
  expect((await item).Title).toBe('Seed 1');
});

test('an empty batch resolves', async () => {
  const [, execute] = sp.batched();
  await expect(execute()).resolves.toBeUndefined();
});

test('the answer is a flat multipart list named batchresponse_ with CRLF and one trailing line break', async () => {
  const url = `${server.url}${SITE}/_api/web/lists/getByTitle('Risks')/items(1)?$select=Title`;
  const body = `--batch_x\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n\nGET ${url} HTTP/1.1\naccept: application/json\n\n--batch_x--\n`;
  const r = await raw(server, 'POST', `${SITE}/_api/$batch`, { headers: { 'content-type': 'multipart/mixed; boundary=batch_x' }, body });
  expect(r.status).toBe(200);
  const boundary = /boundary=(batchresponse_[\w-]+)/.exec(r.headers.get('content-type') ?? '')?.[1];
  expect(boundary).toBeDefined();
  expect(r.text.startsWith(`--${boundary}\r\n`)).toBe(true);
  expect(r.text.endsWith(`--${boundary}--\r\n`)).toBe(true);
  expect(r.text).toContain('HTTP/1.1 200 OK');
  expect(r.text).toContain('"Title":"Seed 1"');
});

test('a part addressed to another site is refused inside the batch', async () => {
  await raw(server, 'POST', '/_admin/sites', { body: JSON.stringify({ path: '/sites/other', title: 'Other' }) });
  const url = `${server.url}/sites/other/_api/web`;
  const body = `--batch_y\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n\nGET ${url} HTTP/1.1\naccept: application/json\n\n--batch_y--\n`;
  const r = await raw(server, 'POST', `${SITE}/_api/$batch`, { headers: { 'content-type': 'multipart/mixed; boundary=batch_y' }, body });
  expect(r.status).toBe(200);
  expect(r.text).toContain('HTTP/1.1 400 Bad Request');
});

test('a GET on $batch is refused', async () => {
  const e = await raw(server, 'GET', `${SITE}/_api/$batch`);
  expect(e.status).toBe(400);
  expect(e.json).toHaveProperty(['odata.error', 'message', 'value'], '$batch needs POST.');
});

test('If-Match travels inside the batch: a stale etag is a 412 in its part, the current one succeeds', async () => {
  const { Id } = await list.items.add({ Title: 'Etag in batch' });
  await list.items.getById(Id as number).update({ Title: 'moved on' });
  const [batched, execute] = sp.batched();
  const bl = batched.web.lists.getByTitle('Risks');
  const stale = bl.items.getById(Id as number).update({ Title: 'stale' }, '"1"').then(() => 0, (e: unknown) => (e as HttpRequestError).status);
  const current = bl.items.getById(Id as number).update({ Title: 'current' }, '"2"');
  await execute();
  expect(await stale).toBe(412);
  expect((await current).etag).toMatch(/,3"$/);
  expect((await list.items.getById(Id as number)()).Title).toBe('current');
});

test('60 batched adds, then batched  pages read them back in order', async () => {
  await sp.web.lists.add('Batch Big');
  const big = sp.web.lists.getByTitle('Batch Big');
  const [batched, execute] = sp.batched();
  const bl = batched.web.lists.getByTitle('Batch Big');
  const adds = Array.from({ length: 60 }, (_, i) => bl.items.add({ Title: `B${i}` }));
  await execute();
  expect((await Promise.all(adds)).map((a) => a.Title)).toHaveLength(60);
  const [b2, exec2] = sp.batched();
  const pages = [0, 20, 40].map((skip) => b2.web.lists.getByTitle('Batch Big').items.select('Title').top(20).skip(skip)());
  await exec2();
  expect((await Promise.all(pages)).flat().map((r: { Title: string }) => r.Title)).toEqual(Array.from({ length: 60 }, (_, i) => `B${i}`));
  expect((await big.select('ItemCount')()).ItemCount).toBe(60);
});
