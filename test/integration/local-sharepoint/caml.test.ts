/**
 * Contract: CAML through the real @pnp/sp — getItemsByCAMLQuery (getitems) and
 * renderListDataAsStream — with Where/OrderBy/RowLimit/paging, the same answers as the
 * equivalent OData $filter, the same list view threshold, and item permissions. Every call is
 * awaited: a batch that is never executed proves nothing.
 */
import type { SPFI } from '@pnp/sp';
import type { IList } from '@pnp/sp/lists';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { addItemsDirect, httpError, raw, spAs, startServer, SITE } from './helpers';

jest.setTimeout(60000);

let server: LocalSharePoint;
let sp: SPFI;
let list: IList;

interface Row { Id: number; Title: string }
const ids = (rows: Array<{ Id?: number; ID?: number | string }>): number[] => rows.map((r) => Number(r.Id ?? r.ID));

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
  await sp.web.lists.add('Risks');
  list = sp.web.lists.getByTitle('Risks');
  await list.fields.addText('Status');
  await list.fields.addNumber('Score');
  await list.fields.addDateTime('Due');
  await list.fields.addBoolean('Escalated');
  await list.fields.addUser('Owner');
  const ownerId = (await sp.web.currentUser.select('Id')()).Id;
  const statuses = ['Open', 'Closed', 'Mitigating', 'Open', null];
  for (let i = 1; i <= 12; i++) {
    await list.items.add({
      Title: i % 3 === 0 ? `Budget overrun ${i}` : `Risk ${i}`, Status: statuses[i % 5], Score: i * 2,
      Due: new Date(Date.UTC(2026, 11, 1 + (i % 4), 8 + i)).toISOString(), Escalated: i % 4 === 0, OwnerId: i % 2 ? ownerId : null
    });
  }
});
afterAll(async () => { await server.close(); });

const caml = async (where: string, extra = ''): Promise<number[]> =>
  ids(await list.getItemsByCAMLQuery({ ViewXml: `<View><Query><Where>${where}</Where><OrderBy><FieldRef Name="ID"/></OrderBy></Query>${extra}</View>` }) as Row[]);
const odata = async (filter: string): Promise<number[]> => ids(await list.items.filter(filter).select('Id').orderBy('Id')() as Row[]);

describe('getItemsByCAMLQuery answers as the equivalent $filter does', () => {
  test.each([
    ['<Eq><FieldRef Name="Status"/><Value Type="Text">Open</Value></Eq>', "Status eq 'Open'"],
    ['<Neq><FieldRef Name="Status"/><Value Type="Text">Open</Value></Neq>', "Status ne 'Open'"],
    ['<Gt><FieldRef Name="Score"/><Value Type="Number">10</Value></Gt>', 'Score gt 10'],
    ['<Geq><FieldRef Name="Score"/><Value Type="Number">10</Value></Geq>', 'Score ge 10'],
    ['<Lt><FieldRef Name="Score"/><Value Type="Number">10</Value></Lt>', 'Score lt 10'],
    ['<Leq><FieldRef Name="Score"/><Value Type="Number">10</Value></Leq>', 'Score le 10'],
    ['<Contains><FieldRef Name="Title"/><Value Type="Text">overrun</Value></Contains>', "substringof('overrun',Title)"],
    ['<BeginsWith><FieldRef Name="Title"/><Value Type="Text">Budget</Value></BeginsWith>', "startswith(Title,'Budget')"],
    ['<IsNull><FieldRef Name="Status"/></IsNull>', 'Status eq null'],
    ['<IsNotNull><FieldRef Name="Owner"/></IsNotNull>', 'OwnerId ne null'],
    ['<Eq><FieldRef Name="Escalated"/><Value Type="Boolean">1</Value></Eq>', 'Escalated eq 1'],
    ['<And><Eq><FieldRef Name="Status"/><Value Type="Text">Open</Value></Eq><Gt><FieldRef Name="Score"/><Value Type="Number">5</Value></Gt></And>', "Status eq 'Open' and Score gt 5"],
    ['<Or><Eq><FieldRef Name="Status"/><Value Type="Text">Closed</Value></Eq><IsNull><FieldRef Name="Status"/></IsNull></Or>', "Status eq 'Closed' or Status eq null"],
    ['<In><FieldRef Name="Status"/><Values><Value Type="Text">Closed</Value><Value Type="Text">Mitigating</Value></Values></In>', "Status eq 'Closed' or Status eq 'Mitigating'"],
    ['<Eq><FieldRef Name="Owner" LookupId="TRUE"/><Value Type="Integer"><UserID/></Value></Eq>', 'OwnerId eq 6']
  ])('%s', async (where, filter) => {
    const expected = await odata(filter);
    expect(expected.length).toBeGreaterThan(0);
    expect(await caml(where)).toEqual(expected);
  });

  test('a DateTime without IncludeTimeValue compares the date alone; with it, the instant', async () => {
    const day = '<Eq><FieldRef Name="Due"/><Value Type="DateTime">2026-12-02</Value></Eq>';
    const sameDay = await odata("Due ge '2026-12-02T00:00:00Z' and Due lt '2026-12-03T00:00:00Z'");
    expect(sameDay.length).toBeGreaterThan(1);
    expect(await caml(day)).toEqual(sameDay);
    const exact = '<Eq><FieldRef Name="Due"/><Value Type="DateTime" IncludeTimeValue="TRUE">2026-12-02T09:00:00Z</Value></Eq>';
    expect(await caml(exact)).toEqual(await odata("Due eq '2026-12-02T09:00:00Z'"));
  });

  test('OrderBy and RowLimit, and paging with ListItemCollectionPosition', async () => {
    const view = '<View><Query><OrderBy><FieldRef Name="Score" Ascending="FALSE"/></OrderBy></Query><RowLimit>4</RowLimit></View>';
    const first = await list.getItemsByCAMLQuery({ ViewXml: view }) as Array<Row & { Score: number }>;
    expect(first.map((r) => r.Score)).toEqual([24, 22, 20, 18]);
    const byId = '<View><Query><OrderBy><FieldRef Name="ID"/></OrderBy></Query><RowLimit>5</RowLimit></View>';
    const seen: number[] = [];
    let paging: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await list.getItemsByCAMLQuery({ ViewXml: byId, ListItemCollectionPosition: paging ? { PagingInfo: paging } : undefined }) as Row[];
      seen.push(...ids(page));
      if (page.length < 5) break;
      paging = `Paged=TRUE&p_ID=${page[page.length - 1].Id}`;
    }
    expect(seen).toEqual(await odata('Id gt 0'));
  });

  test('$select and $expand apply to getitems as to items', async () => {
    const rows = await list.select('Id', 'Title', 'Owner/Title').expand('Owner').getItemsByCAMLQuery({
      ViewXml: '<View><Query><Where><Eq><FieldRef Name="ID"/><Value Type="Counter">1</Value></Eq></Where></Query></View>'
    }, 'Owner') as Array<{ Id: number; Owner: { Title: string } }>;
    expect(rows).toHaveLength(1);
    expect(rows[0].Owner.Title).toBe('Astrid Lindqvist');
  });

  test('getitems works inside a $batch, and the batch is awaited', async () => {
    const [batched, execute] = sp.batched();
    const bl = batched.web.lists.getByTitle('Risks');
    const p1 = bl.getItemsByCAMLQuery({ ViewXml: '<View><Query><Where><Eq><FieldRef Name="Status"/><Value Type="Text">Closed</Value></Eq></Where></Query></View>' });
    const p2 = bl.items.filter("Status eq 'Closed'").select('Id')();
    await execute();
    const [a, b] = await Promise.all([p1, p2]);
    expect(ids(a as Row[])).toEqual(ids(b as Row[]));
    expect((a as Row[]).length).toBeGreaterThan(0);
  });

  test('malformed or unsupported CAML is a 400 or 501, never an empty answer', async () => {
    expect((await httpError(list.getItemsByCAMLQuery({ ViewXml: '<View><Query><Where><Eq>' }))).status).toBe(400);
    const three = '<Or><IsNull><FieldRef Name="Status"/></IsNull><IsNull><FieldRef Name="Title"/></IsNull><IsNull><FieldRef Name="Score"/></IsNull></Or>';
    expect((await httpError(list.getItemsByCAMLQuery({ ViewXml: `<View><Query><Where>${three}</Where></Query></View>` }))).status).toBe(400);
    const unknown = await httpError(list.getItemsByCAMLQuery({ ViewXml: '<View><Query><Where><Eq><FieldRef Name="Nope"/><Value Type="Text">x</Value></Eq></Where></Query></View>' }));
    expect(unknown.status).toBe(400);
    expect(unknown.message).toContain('Nope');
    const membership = await httpError(list.getItemsByCAMLQuery({ ViewXml: '<View><Query><Where><Membership Type="CurrentUserGroups"><FieldRef Name="Owner"/></Membership></Where></Query></View>' }));
    expect(membership.status).toBe(501);
  });
});

describe('RenderListDataAsStream', () => {
  test('returns display rows with paging through NextHref', async () => {
    const params = {
      ViewXml: '<View><Query><OrderBy><FieldRef Name="ID"/></OrderBy></Query><ViewFields><FieldRef Name="Title"/><FieldRef Name="Score"/><FieldRef Name="Due"/><FieldRef Name="Escalated"/><FieldRef Name="Owner"/></ViewFields><RowLimit Paged="TRUE">5</RowLimit></View>',
      RenderOptions: 2
    };
    const first = await list.renderListDataAsStream(params) as { Row: Array<Record<string, unknown>>; NextHref?: string; FirstRow: number; LastRow: number };
    expect(first.Row).toHaveLength(5);
    expect(first).toMatchObject({ FirstRow: 1, LastRow: 5 });
    expect(first.Row[0]).toMatchObject({ ID: '1', Title: 'Risk 1', Score: '2', 'Score.': '2', Escalated: 'No', 'Escalated.value': '0' });
    expect(first.Row[0]['Due.']).toBe('2026-12-02T09:00:00Z');
    expect(first.Row[0].Owner).toEqual([expect.objectContaining({ id: '6', title: 'Astrid Lindqvist' })]);
    expect(first.NextHref).toMatch(/^\?Paged=TRUE&p_ID=5/);
    const next = new Map([...new URLSearchParams(String(first.NextHref).slice(1))]);
    const second = await list.renderListDataAsStream(params, null, next) as { Row: Array<{ ID: string }>; FirstRow: number };
    expect(second.Row.map((r) => r.ID)).toEqual(['6', '7', '8', '9', '10']);
    expect(second.FirstRow).toBe(6);
  });

  test('without ViewXml it renders the default view', async () => {
    const r = await list.renderListDataAsStream({ RenderOptions: 2 }) as { Row: unknown[]; RowLimit: number };
    expect(r.Row.length).toBe(12);
    expect(r.RowLimit).toBe(30);
  });
});

describe('permissions', () => {
  test('an item a visitor may not read is not in their CAML results', async () => {
    const item = list.items.getById(3);
    await item.breakRoleInheritance(false);
    try {
      const visitorList = spAs(server, 'visitor').web.lists.getByTitle('Risks');
      const all = '<View><Query><OrderBy><FieldRef Name="ID"/></OrderBy></Query></View>';
      expect(ids(await visitorList.getItemsByCAMLQuery({ ViewXml: all }) as Row[])).not.toContain(3);
      expect(ids(await list.getItemsByCAMLQuery({ ViewXml: all }) as Row[])).toContain(3);
      const rows = await visitorList.renderListDataAsStream({ ViewXml: all }) as { Row: Array<{ ID: string }> };
      expect(rows.Row.map((r) => r.ID)).not.toContain('3');
    } finally {
      await item.resetRoleInheritance();
    }
  });
});

describe('the list view threshold, as the OData path enforces it', () => {
  const COUNT = 5100;
  let big: IList;
  beforeAll(async () => {
    await sp.web.lists.add('Big Reports');
    big = sp.web.lists.getByTitle('Big Reports');
    await big.fields.addText('Status');
    await big.fields.addText('Code');
    await big.fields.getByInternalNameOrTitle('Code').update({ Indexed: true });
    addItemsDirect(server, 'Big Reports', Array.from({ length: COUNT }, (_, i) => ({ Title: `R${i + 1}`, Status: i % 10 ? 'Open' : 'Closed', Code: `C${i % 100}` })));
  });

  test('an unindexed Where fails with SPQueryThrottledException even with a small RowLimit, like $filter', async () => {
    const where = '<View><Query><Where><Eq><FieldRef Name="Status"/><Value Type="Text">Closed</Value></Eq></Where></Query><RowLimit>10</RowLimit></View>';
    const e = await httpError(big.getItemsByCAMLQuery({ ViewXml: where }));
    const o = await httpError(big.items.filter("Status eq 'Closed'").top(10)());
    expect(e.status).toBe(500);
    expect(e.code).toBe(o.code);
    expect(e.code).toContain('SPQueryThrottledException');
    const stream = await httpError(big.renderListDataAsStream({ ViewXml: where }));
    expect(stream.status).toBe(500);
  });

  test('an indexed Where that narrows below 5,000 rows works', async () => {
    const rows = await big.getItemsByCAMLQuery({ ViewXml: '<View><Query><Where><Eq><FieldRef Name="Code"/><Value Type="Text">C7</Value></Eq></Where></Query><RowLimit>5000</RowLimit></View>' }) as Row[];
    expect(rows).toHaveLength(COUNT / 100);
  });

  test('paging by ID with a RowLimit walks the whole list; without RowLimit the query is refused', async () => {
    const page = await big.getItemsByCAMLQuery({ ViewXml: '<View><RowLimit>5000</RowLimit></View>', ListItemCollectionPosition: { PagingInfo: 'Paged=TRUE&p_ID=5000' } }) as Row[];
    expect(ids(page)).toEqual(Array.from({ length: COUNT - 5000 }, (_, i) => 5001 + i));
    const all = await httpError(big.getItemsByCAMLQuery({ ViewXml: '<View/>' }));
    expect(all.status).toBe(500);
    expect(all.code).toContain('SPQueryThrottledException');
    expect((await httpError(big.getItemsByCAMLQuery({ ViewXml: '<View><RowLimit>5001</RowLimit></View>' }))).status).toBe(400);
  });

  test('a raw getitems call reads the body SharePoint documents ({query: SP.CamlQuery})', async () => {
    const r = await raw(server, 'POST', `${SITE}/_api/web/lists/getByTitle('Big%20Reports')/getitems?$select=Id`, {
      headers: { 'content-type': 'application/json;odata=verbose', accept: 'application/json;odata=verbose' },
      body: JSON.stringify({ query: { __metadata: { type: 'SP.CamlQuery' }, ViewXml: '<View><Query><Where><Eq><FieldRef Name="ID"/><Value Type="Counter">42</Value></Eq></Where></Query></View>' } })
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ d: { results: [expect.objectContaining({ Id: 42 })] } });
  });
});
