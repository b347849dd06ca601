/**
 * Contract: paging — @pnp's async iterator over absolute odata.nextLink pages, manual
 * $skiptoken (items.skip), the default page size, and $top above the threshold.
 */
import type { SPFI } from '@pnp/sp';
import type { IList } from '@pnp/sp/lists';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { addItemsDirect, httpError, raw, spAs, startServer, SITE } from './helpers';

jest.setTimeout(20000);

const COUNT = 230;
let server: LocalSharePoint;
let sp: SPFI;
let list: IList;

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
  await sp.web.lists.add('Reports');
  list = sp.web.lists.getByTitle('Reports');
  await list.fields.addNumber('Score');
  addItemsDirect(server, 'Reports', Array.from({ length: COUNT }, (_, i) => ({ Title: `R${String(i + 1).padStart(3, '0')}`, Score: (i + 1) % 7 })));
});
afterAll(async () => { await server.close(); });

interface Row { Id: number; Title: string; Score: number }

test('the async iterator walks every page of 50 in ID order', async () => {
  const sizes: number[] = [];
  const seen: number[] = [];
  for await (const page of list.items.select('Id', 'Title').top(50)) {
    sizes.push(page.length);
    seen.push(...(page as Row[]).map((r) => r.Id));
  }
  expect(sizes).toEqual([50, 50, 50, 50, 30]);
  expect(seen).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
});

test('the iterator keeps $filter, $select and $orderby across pages (sort values in the skiptoken)', async () => {
  const titles: string[] = [];
  let pages = 0;
  for await (const page of list.items.select('Title', 'Score').filter('Score ge 3').orderBy('Title', false).top(40)) {
    pages++;
    for (const r of page as Row[]) {
      expect(r.Score).toBeGreaterThanOrEqual(3);
      expect(r).not.toHaveProperty('Modified');
      titles.push(r.Title);
    }
  }
  const expected = Array.from({ length: COUNT }, (_, i) => ({ t: `R${String(i + 1).padStart(3, '0')}`, s: (i + 1) % 7 }))
    .filter((x) => x.s >= 3).map((x) => x.t).sort().reverse();
  expect(titles).toEqual(expected);
  expect(pages).toBe(Math.ceil(expected.length / 40));
});

test('odata.nextLink is absolute and carries $skiptoken=Paged=TRUE&p_ID=<last id>; the last page has none', async () => {
  const first = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Reports')/items?$top=100&$select=Id`);
  const body = first.json as { value: Row[]; 'odata.nextLink': string };
  expect(body.value).toHaveLength(100);
  const next = new URL(body['odata.nextLink']);
  expect(body['odata.nextLink'].startsWith(`${server.url}${SITE}/_api/`)).toBe(true);
  expect(next.searchParams.get('$skiptoken')).toBe('Paged=TRUE&p_ID=100');
  expect(next.searchParams.get('$select')).toBe('Id');
  const last = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Reports')/items?$top=100&$skiptoken=${encodeURIComponent('Paged=TRUE&p_ID=200')}`);
  const lastBody = last.json as { value: Row[] };
  expect(lastBody.value.map((r) => r.Id)).toEqual(Array.from({ length: 30 }, (_, i) => 201 + i));
  expect(lastBody).not.toHaveProperty(['odata.nextLink']);
});

test('verbose pages carry d.__next', async () => {
  const r = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Reports')/items?$top=10&$select=Id`, { headers: { accept: 'application/json;odata=verbose' } });
  const d = (r.json as { d: { results: Row[]; __next: string } }).d;
  expect(d.results).toHaveLength(10);
  expect(new URL(d.__next).searchParams.get('$skiptoken')).toBe('Paged=TRUE&p_ID=10');
});

test('items.skip(id) is $skiptoken paging (not $skip), forward and backward', async () => {
  const forward = await list.items.select('Id').top(50).skip(50)() as Row[];
  expect(forward.map((r) => r.Id)).toEqual(Array.from({ length: 50 }, (_, i) => 51 + i));
  const back = await list.items.select('Id').top(50).skip(100, true)() as Row[];
  expect(back.map((r) => r.Id)).toEqual(Array.from({ length: 50 }, (_, i) => 50 + i));
});

test('without $top a page has 100 items', async () => {
  expect(await list.items()).toHaveLength(100);
});

test('$top 5000 is allowed; $top above 5000 is a 400 [verify: SPO\'s exact answer to $top > 5000]', async () => {
  expect(await list.items.select('Id').top(5000)()).toHaveLength(COUNT);
  const e = await httpError(list.items.top(5001)());
  expect(e.status).toBe(400);
  expect(e.message).toContain('5000');
});

test('a malformed $skiptoken is a 400', async () => {
  const r = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Reports')/items?$skiptoken=nonsense`);
  expect(r.status).toBe(400);
  expect(r.json).toHaveProperty(['odata.error', 'code']);
});

describe('skiptoken edge cases', () => {
  beforeAll(async () => {
    await sp.web.lists.add('Tricky');
    const t = sp.web.lists.getByTitle('Tricky');
    await t.fields.addNumber('Rank');
    // Ties, empty values and sort values full of characters that need escaping in a URL.
    const titles = ['a&b=c', "O'Brien", '100%', 'Ärende #1', '计划 / plan', 'a+b', null, 'zeta', 'a&b=c', '?x=1&y=2'];
    addItemsDirect(server, 'Tricky', titles.map((title, i) => ({ Title: title, Rank: i % 3 === 0 ? null : i % 2 })));
  });

  const walk = async (build: (l: IList) => AsyncIterable<unknown[]>): Promise<number[]> => {
    const ids: number[] = [];
    for await (const page of build(sp.web.lists.getByTitle('Tricky'))) ids.push(...(page as Row[]).map((r) => r.Id));
    return ids;
  };

  test('pages ordered by text with special characters and ties match one unpaged read', async () => {
    const all = (await sp.web.lists.getByTitle('Tricky').items.select('Id').orderBy('Title').orderBy('ID').top(5000)() as Row[]).map((r) => r.Id);
    expect(all).toHaveLength(10);
    expect(await walk((l) => l.items.select('Id', 'Title').orderBy('Title').top(3))).toEqual(all);
  });

  test('pages ordered descending by a number with empty values and ties match one unpaged read', async () => {
    const all = (await sp.web.lists.getByTitle('Tricky').items.select('Id').orderBy('Rank', false).top(5000)() as Row[]).map((r) => r.Id);
    expect(await walk((l) => l.items.select('Id', 'Rank').orderBy('Rank', false).top(2))).toEqual(all);
  });

  test('deleting the last item of a page before fetching the next page loses nothing else', async () => {
    const list = sp.web.lists.getByTitle('Tricky');
    const expected = (await list.items.select('Id').orderBy('Title').top(5000)() as Row[]).map((r) => r.Id);
    const r = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Tricky')/items?$select=Id,Title&$orderby=Title&$top=4`);
    const first = r.json as { value: Row[]; 'odata.nextLink': string };
    const boundary = first.value[3].Id;
    await list.items.getById(boundary).delete();
    const second = await raw(server, 'GET', first['odata.nextLink']);
    const rest = (second.json as { value: Row[] }).value.map((x) => x.Id);
    expect(rest).toHaveLength(4);
    // The next page starts right after where the deleted item sorted: no item skipped, none repeated.
    expect([...first.value.slice(0, 3).map((x) => x.Id), ...rest]).toEqual(expected.filter((id) => id !== boundary).slice(0, 7));
  });
});

test('an empty page still names the list\'s entity set in odata.metadata', async () => {
  await sp.web.lists.add('Empty Reports');
  const r = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Empty%20Reports')/items`);
  expect(r.json).toEqual({ 'odata.metadata': `${server.url}${SITE}/_api/$metadata#SP.ListData.Empty_x0020_ReportsListItems`, value: [] });
  const full = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Reports')/items?$top=1`);
  expect((full.json as Record<string, unknown>)['odata.metadata']).toBe(`${server.url}${SITE}/_api/$metadata#SP.ListData.ReportsListItems`);
});
