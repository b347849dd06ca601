/**
 * Contract: the change log through the real @pnp/sp — list.getChanges, web.getChanges,
 * getListItemChangesSinceToken and CurrentChangeToken — enough for a threshold-safe delta
 * read of a big list; trimmed to what the caller may read when the query asks for it.
 */
import type { SPFI } from '@pnp/sp';
import type { IChangeQuery } from '@pnp/sp';
import type { IList } from '@pnp/sp/lists';
import { XMLParser } from 'fast-xml-parser';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { addItemsDirect, httpError, raw, spAs, startServer, SITE } from './helpers';

jest.setTimeout(60000);

let server: LocalSharePoint;
let sp: SPFI;

interface Change { Time: string; ChangeType: number; ItemId?: number; ListId: string; ChangeToken: { StringValue: string }; 'odata.type': string; Title?: string }

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
});
afterAll(async () => { await server.close(); });

async function token(list: IList): Promise<{ StringValue: string }> {
  return (await list.select('CurrentChangeToken')()).CurrentChangeToken as { StringValue: string };
}

const ALL: IChangeQuery = { Item: true, Add: true, Update: true, DeleteObject: true };

describe('list.getChanges', () => {
  let list: IList;
  beforeAll(async () => {
    await sp.web.lists.add('Projects');
    list = sp.web.lists.getByTitle('Projects');
    await list.fields.addText('Phase');
  });

  test('reports adds, updates and deletes after a token, in order, each with its own token', async () => {
    const start = await token(list);
    expect(start.StringValue).toMatch(/^1;3;[0-9a-f-]{36};\d+;\d+$/);
    const a = await list.items.add({ Title: 'Alpha' });
    const b = await list.items.add({ Title: 'Beta' });
    await list.items.getById(a.Id).update({ Phase: 'Planning' });
    await list.items.getById(b.Id).delete();
    const changes = await list.getChanges({ ...ALL, ChangeTokenStart: start }) as Change[];
    expect(changes.map((c) => [c.ChangeType, c.ItemId])).toEqual([[1, a.Id], [1, b.Id], [2, a.Id], [3, b.Id]]);
    expect(changes.every((c) => c['odata.type'] === 'SP.ChangeItem')).toBe(true);
    // A change is timed by the same clock that stamps the item.
    const modified = Date.parse((await list.items.getById(a.Id).select('Modified')()).Modified);
    expect(Math.abs(Date.parse(changes[2].Time) - modified)).toBeLessThan(5000);
    // Continuing from the last change's token returns nothing new.
    const after = await list.getChanges({ ...ALL, ChangeTokenStart: changes[3].ChangeToken }) as Change[];
    expect(after).toEqual([]);
    // Only what the query asks for.
    const addsOnly = await list.getChanges({ Item: true, Add: true, ChangeTokenStart: start }) as Change[];
    expect(addsOnly.map((c) => c.ChangeType)).toEqual([1, 1]);
    expect(await list.getChanges({ Add: true, Update: true, ChangeTokenStart: start })).toEqual([]);
    // The current token moved past every change.
    const now = await token(list);
    expect(Number(now.StringValue.split(';')[4])).toBeGreaterThanOrEqual(Number(changes[3].ChangeToken.StringValue.split(';')[4]));
  });

  test('getChanges runs inside a $batch beside reads, and every promise settles', async () => {
    const start = await token(list);
    const { Id } = await list.items.add({ Title: 'Gamma' });
    const [batched, execute] = sp.batched();
    const bl = batched.web.lists.getByTitle('Projects');
    const changes = bl.getChanges({ ...ALL, ChangeTokenStart: start });
    const item = bl.items.getById(Id).select('Title')();
    await execute();
    expect((await changes as Change[]).map((c) => [c.ChangeType, c.ItemId])).toEqual([[1, Id]]);
    expect((await item).Title).toBe('Gamma');
  });

  test('tokens that are not this list\'s, malformed or from the future are refused', async () => {
    await sp.web.lists.add('Other');
    const other = await token(sp.web.lists.getByTitle('Other'));
    expect((await httpError(list.getChanges({ ...ALL, ChangeTokenStart: other }))).status).toBe(400);
    expect((await httpError(list.getChanges({ ...ALL, ChangeTokenStart: { StringValue: 'garbage' } }))).status).toBe(400);
    const mine = (await token(list)).StringValue.split(';');
    mine[4] = String(Number(mine[4]) + 1000);
    expect((await httpError(list.getChanges({ ...ALL, ChangeTokenStart: { StringValue: mine.join(';') } }))).status).toBe(400);
  });

  test('changes are not security-trimmed unless RequireSecurityTrim asks; trimmed, a reader gets only items they may read', async () => {
    const start = await token(list);
    const open = await list.items.add({ Title: 'Visible' });
    const secret = await list.items.add({ Title: 'Secret' });
    await list.items.getById(secret.Id).breakRoleInheritance(false);
    await list.items.getById(secret.Id).update({ Phase: 'Closing' });
    const visitorList = spAs(server, 'visitor').web.lists.getByTitle('Projects');
    const trimmed = { ...ALL, ChangeTokenStart: start, RequireSecurityTrim: true } as IChangeQuery;
    // The change log's security is not the items' (SharePoint's change log guide): ids only, no content.
    const untrimmed = await visitorList.getChanges({ ...ALL, ChangeTokenStart: start }) as Change[];
    expect(untrimmed.map((c) => c.ItemId)).toEqual([open.Id, secret.Id, secret.Id]);
    expect((await httpError(visitorList.items.getById(secret.Id)())).status).toBe(404);
    expect((await visitorList.getChanges(trimmed) as Change[]).map((c) => c.ItemId)).toEqual([open.Id]);
    const owner = await list.getChanges(trimmed) as Change[];
    expect(owner.map((c) => c.ItemId)).toEqual([open.Id, secret.Id, secret.Id]);
    // Trimmed, deleting the secret item does not tell the visitor it existed.
    await list.items.getById(secret.Id).delete();
    expect((await visitorList.getChanges(trimmed) as Change[]).map((c) => c.ItemId)).toEqual([open.Id]);

    await sp.web.lists.add('Board only');
    const board = sp.web.lists.getByTitle('Board only');
    await board.breakRoleInheritance(false);
    const hidden = await raw(server, 'POST', `${SITE}/_api/web/lists/getByTitle('Board%20only')/getChanges`, {
      user: 'visitor', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ALL })
    });
    expect(hidden.status).toBe(404);
  });
});

describe('a threshold-safe delta read of a big list', () => {
  const COUNT = 5200;
  let big: IList;
  beforeAll(async () => {
    await sp.web.lists.add('Status Reports');
    big = sp.web.lists.getByTitle('Status Reports');
    await big.fields.addText('Overall');
    addItemsDirect(server, 'Status Reports', Array.from({ length: COUNT }, (_, i) => ({ Title: `Report ${i + 1}`, Overall: 'Green' })));
  });

  test('one answer holds 1,000 changes by default and at most 2,000 (FetchLimit)', async () => {
    const q: IChangeQuery = { Item: true, Add: true };
    expect(await big.getChanges(q) as Change[]).toHaveLength(1000);
    expect(await big.getChanges({ ...q, FetchLimit: 3000 } as IChangeQuery) as Change[]).toHaveLength(2000);
    const page = await big.getChanges({ ...q, FetchLimit: 5 } as IChangeQuery) as Change[];
    expect(page.map((c) => c.ItemId)).toEqual([1, 2, 3, 4, 5]);
  });

  test('changes since a token name exactly the items to re-read, which ID filters fetch under the threshold', async () => {
    const start = await token(big);
    // An unindexed filter is refused on this list: a full re-read by value is not an option.
    expect((await httpError(big.items.filter("Overall eq 'Red'")())).status).toBe(500);
    const [batched, execute] = sp.batched();
    const bl = batched.web.lists.getByTitle('Status Reports');
    const writes = [17, 2500, 5150].map((id) => bl.items.getById(id).update({ Overall: 'Red' }));
    const added = bl.items.add({ Title: 'Report new', Overall: 'Amber' });
    await execute();
    await Promise.all(writes);
    const newItem = await added;
    await big.items.getById(99).delete();

    const changes: Change[] = [];
    let from = start;
    for (let guard = 0; guard < 10; guard++) {
      const page = await big.getChanges({ ...ALL, ChangeTokenStart: from, FetchLimit: 2 } as IChangeQuery) as Change[];
      if (!page.length) break;
      expect(page.length).toBeLessThanOrEqual(2);
      changes.push(...page);
      from = page[page.length - 1].ChangeToken;
    }
    const deleted = changes.filter((c) => c.ChangeType === 3).map((c) => c.ItemId);
    const changed = [...new Set(changes.filter((c) => c.ChangeType !== 3).map((c) => c.ItemId as number))];
    expect(deleted).toEqual([99]);
    expect(changed.sort((a, b) => a - b)).toEqual([17, 2500, 5150, newItem.Id].sort((a, b) => a - b));
    const reread = await big.items.filter(changed.map((id) => `ID eq ${id}`).join(' or ')).select('Id', 'Overall')() as Array<{ Id: number; Overall: string }>;
    expect(reread.map((r) => r.Overall).sort()).toEqual(['Amber', 'Red', 'Red', 'Red']);
  });
});

describe('web.getChanges', () => {
  test('reports list and item changes across the web\'s lists', async () => {
    const start = (await sp.web.select('CurrentChangeToken')()).CurrentChangeToken as { StringValue: string };
    expect(start.StringValue).toMatch(/^1;2;/);
    await sp.web.lists.add('Lessons');
    const item = await sp.web.lists.getByTitle('Lessons').items.add({ Title: 'Kick-off late' });
    const changes = await sp.web.getChanges({ Item: true, List: true, Add: true, ChangeTokenStart: start }) as Change[];
    expect(changes.map((c) => c['odata.type'])).toEqual(['SP.ChangeList', 'SP.ChangeItem']);
    expect(changes[0]).toMatchObject({ ChangeType: 1, Title: 'Lessons' });
    expect(changes[1]).toMatchObject({ ChangeType: 1, ItemId: item.Id });
  });
});

describe('getListItemChangesSinceToken', () => {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'z:row' || name === 'Id' });
  interface Rowset { listitems: { Changes: { LastChangeToken: string; Id?: Array<{ '#text': number; ChangeType: string }> }; 'rs:data': { ItemCount: string; 'z:row'?: Array<Record<string, string>> } } }

  test('first the items and a token, then the deletes and the changed rows since', async () => {
    await sp.web.lists.add('Sparring');
    const list = sp.web.lists.getByTitle('Sparring');
    const one = await list.items.add({ Title: 'Planning help' });
    const two = await list.items.add({ Title: 'Risk review' });
    const first = xml.parse(await list.getListItemChangesSinceToken({ ViewFields: '<ViewFields><FieldRef Name="Title"/></ViewFields>' })) as Rowset;
    expect(first.listitems['rs:data']['z:row']?.map((r) => r.ows_Title)).toEqual(['Planning help', 'Risk review']);
    const since = first.listitems.Changes.LastChangeToken;
    await list.items.getById(one.Id).update({ Title: 'Planning help (urgent)' });
    await list.items.getById(two.Id).delete();
    const second = xml.parse(await list.getListItemChangesSinceToken({ ChangeToken: since })) as Rowset;
    expect(second.listitems.Changes.Id?.map((i) => [i.ChangeType, Number(i['#text'])])).toEqual([['Delete', two.Id]]);
    expect(second.listitems['rs:data']['z:row']?.map((r) => [r.ows_ID, r.ows_Title])).toEqual([[String(one.Id), 'Planning help (urgent)']]);
    expect(second.listitems.Changes.LastChangeToken).not.toBe(since);
  });
});
