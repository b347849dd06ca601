/**
 * Contract: content approval, minor versions and draft-item security as Microsoft documents them
 * (SPModerationStatusType 0 approved, 1 denied, 2 pending, 3 draft; DraftVersionVisibility 0 reader,
 * 1 author = "users who can edit items", 2 approver = "users who can approve items and the author").
 * Demo users here: owner (site admin: approves), pmo (Edit: edits but cannot approve), leader
 * (given Contribute on the lists: writes), visitor (Read). Hand-made REST calls and real @pnp/sp.
 */
import type { SPFI } from '@pnp/sp';
import { CheckinType } from '@pnp/sp/files';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { SITE, httpError, raw, spAs, startServer, type DemoUser } from './helpers';

jest.setTimeout(30000);

let server: LocalSharePoint;
let sp: SPFI;
const as = (u: DemoUser): SPFI => spAs(server, u);
const LEADER = 'i:0#.f|membership|sanne.devries@contoso.com';
const LIST = 'Reports';
const api = (rest: string): string => `${SITE}/_api/web/lists/getByTitle('${LIST}')${rest}`;
const json = { 'content-type': 'application/json' };

interface ItemJson { Title: string; OData__ModerationStatus: number; OData__ModerationComments: string | null; OData__UIVersionString: string }
const get = async (user: DemoUser, id: number): Promise<{ status: number; item?: ItemJson }> => {
  const r = await raw(server, 'GET', api(`/items(${id})?$select=Title,OData__ModerationStatus,OData__ModerationComments,OData__UIVersionString`), { user });
  return { status: r.status, item: r.status === 200 ? r.json as ItemJson : undefined };
};
const merge = (user: DemoUser, id: number, body: Record<string, unknown>): ReturnType<typeof raw> =>
  raw(server, 'POST', api(`/items(${id})`), { user, headers: { ...json, 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }, body: JSON.stringify(body) });
const titles = async (user: DemoUser, filter?: string): Promise<string[]> => {
  const r = await raw(server, 'GET', api(`/items?$select=Title${filter ? `&$filter=${encodeURIComponent(filter)}` : ''}`), { user });
  expect(r.status).toBe(200);
  return (r.json as { value: Array<{ Title: string }> }).value.map((i) => i.Title);
};

async function grantLeader(list: string, role: string): Promise<void> {
  const l = sp.web.lists.getByTitle(list);
  await l.breakRoleInheritance(true);
  const leader = await sp.web.ensureUser(LEADER);
  await l.roleAssignments.add(leader.Id, (await sp.web.roleDefinitions.getByName(role)()).Id);
}

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
  await sp.web.lists.add(LIST, '', 100, false, { EnableModeration: true, EnableVersioning: true, DraftVersionVisibility: 2 });
  await grantLeader(LIST, 'Contribute');
});
afterAll(async () => { await server.close(); });

describe('list items under content approval (DraftVersionVisibility 2: approvers and the author)', () => {
  let id: number;

  beforeAll(async () => {
    id = (await as('leader').web.lists.getByTitle(LIST).items.add({ Title: 'Week 1 draft' })).Id as number;
  });

  test('the list reports its approval settings', async () => {
    expect(await sp.web.lists.getByTitle(LIST).select('EnableModeration', 'DraftVersionVisibility', 'EnableMinorVersions')())
      .toEqual(expect.objectContaining({ EnableModeration: true, DraftVersionVisibility: 2, EnableMinorVersions: false }));
  });

  test('a new item is pending; its author and the approver see it, an editor without Approve Items and a reader do not', async () => {
    expect(await get('leader', id)).toMatchObject({ status: 200, item: { OData__ModerationStatus: 2, OData__UIVersionString: '1.0' } });
    expect((await get('owner', id)).status).toBe(200);
    expect((await get('pmo', id)).status).toBe(404);
    expect((await get('visitor', id)).status).toBe(404);
    expect(await titles('visitor')).not.toContain('Week 1 draft');
    expect(await titles('pmo')).not.toContain('Week 1 draft');
  });

  test('only holders of Approve Items set the status, by MERGE or at creation', async () => {
    expect((await merge('leader', id, { OData__ModerationStatus: 0 })).status).toBe(403);
    expect((await merge('pmo', id, { OData__ModerationStatus: 0 })).status).toBe(404);
    const add = await raw(server, 'POST', api('/items'), { user: 'leader', headers: json, body: JSON.stringify({ Title: 'Self-approved', OData__ModerationStatus: 0 }) });
    expect(add.status).toBe(403);
    expect(await get('leader', id)).toMatchObject({ item: { OData__ModerationStatus: 2 } });
  });

  test('approval by MERGE publishes the item to readers, in the same version', async () => {
    expect((await merge('owner', id, { OData__ModerationStatus: 0, OData__ModerationComments: 'Fine' })).status).toBe(204);
    expect(await get('visitor', id)).toMatchObject({ status: 200, item: { Title: 'Week 1 draft', OData__ModerationStatus: 0, OData__ModerationComments: 'Fine', OData__UIVersionString: '1.0' } });
    expect(await titles('visitor', 'OData__ModerationStatus eq 0')).toContain('Week 1 draft');
  });

  test("an author's edit sends the item back to pending; readers keep the approved version", async () => {
    await as('leader').web.lists.getByTitle(LIST).items.getById(id).update({ Title: 'Week 1 revised' });
    expect(await get('leader', id)).toMatchObject({ item: { Title: 'Week 1 revised', OData__ModerationStatus: 2, OData__UIVersionString: '2.0' } });
    expect(await get('visitor', id)).toMatchObject({ item: { Title: 'Week 1 draft', OData__ModerationStatus: 0, OData__UIVersionString: '1.0' } });
    // A reader's filter runs on the version they see.
    expect(await titles('visitor', "Title eq 'Week 1 revised'")).toEqual([]);
    expect(await titles('visitor', 'OData__ModerationStatus eq 2')).toEqual([]);
    expect(await titles('owner', 'OData__ModerationStatus eq 2')).toContain('Week 1 revised');
  });

  test("a reader's version history stops at the approved version", async () => {
    const mine = await raw(server, 'GET', api(`/items(${id})/versions`), { user: 'leader' });
    const theirs = await raw(server, 'GET', api(`/items(${id})/versions`), { user: 'visitor' });
    const labels = (r: typeof mine): string[] => (r.json as { value: Array<{ VersionLabel: string }> }).value.map((v) => v.VersionLabel);
    expect(labels(mine)).toEqual(['2.0', '1.0']);
    expect(labels(theirs)).toEqual(['1.0']);
    expect((await raw(server, 'GET', api(`/items(${id})/versions(1024)`), { user: 'visitor' })).status).toBe(404);
  });

  test('an approver rejects through ValidateUpdateListItem; readers still see the approved version', async () => {
    const r = await raw(server, 'POST', api(`/items(${id})/ValidateUpdateListItem`), {
      user: 'owner', headers: json,
      body: JSON.stringify({ formValues: [{ FieldName: '_ModerationStatus', FieldValue: '1' }, { FieldName: '_ModerationComments', FieldValue: 'Numbers missing' }] })
    });
    expect(r.status).toBe(200);
    expect(await get('leader', id)).toMatchObject({ item: { Title: 'Week 1 revised', OData__ModerationStatus: 1, OData__ModerationComments: 'Numbers missing' } });
    expect(await get('visitor', id)).toMatchObject({ item: { Title: 'Week 1 draft', OData__ModerationStatus: 0 } });
  });

  test('the same through ValidateUpdateListItem by a non-approver is refused', async () => {
    const r = await raw(server, 'POST', api(`/items(${id})/ValidateUpdateListItem`), {
      user: 'leader', headers: json, body: JSON.stringify({ formValues: [{ FieldName: '_ModerationStatus', FieldValue: '0' }] })
    });
    expect(r.status).toBe(403);
  });

  test('a lookup from another list projects what its reader may see', async () => {
    await sp.web.lists.add('Links', '', 100, false);
    await sp.web.lists.getByTitle('Links').fields.addLookup('Report', { LookupListId: (await sp.web.lists.getByTitle(LIST)()).Id, LookupFieldName: 'Title' });
    await sp.web.lists.getByTitle('Links').items.add({ Title: 'link', ReportId: id });
    const r = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Links')/items?$select=Report/Title&$expand=Report`, { user: 'visitor' });
    expect((r.json as { value: Array<{ Report: { Title: string } }> }).value[0].Report.Title).toBe('Week 1 draft');
  });

  test('DraftVersionVisibility 1 lets editors see drafts; 0 lets every reader', async () => {
    const draft = (await as('leader').web.lists.getByTitle(LIST).items.add({ Title: 'Never approved' })).Id as number;
    await sp.web.lists.getByTitle(LIST).update({ DraftVersionVisibility: 1 });
    expect((await get('pmo', draft)).status).toBe(200);
    expect((await get('visitor', draft)).status).toBe(404);
    await sp.web.lists.getByTitle(LIST).update({ DraftVersionVisibility: 0 });
    expect((await get('visitor', draft)).status).toBe(200);
    await sp.web.lists.getByTitle(LIST).update({ DraftVersionVisibility: 2 });
    expect((await get('visitor', draft)).status).toBe(404);
  });

  test('bad settings and statuses are refused', async () => {
    expect((await httpError(sp.web.lists.getByTitle(LIST).update({ DraftVersionVisibility: 3 }))).status).toBe(400);
    expect((await httpError(sp.web.lists.getByTitle(LIST).update({ EnableMinorVersions: true }))).status).toBe(400);
    expect((await merge('owner', id, { OData__ModerationStatus: 4 })).status).toBe(400);
    expect((await merge('owner', id, { OData__ModerationStatus: 3 })).status).toBe(400);
    await sp.web.lists.add('Plain', '', 100, false);
    const plain = (await sp.web.lists.getByTitle('Plain').items.add({ Title: 'x' })).Id as number;
    const r = await raw(server, 'POST', `${SITE}/_api/web/lists/getByTitle('Plain')/items(${plain})`, {
      user: 'owner', headers: { ...json, 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }, body: JSON.stringify({ OData__ModerationStatus: 0 })
    });
    expect(r.status).toBe(400);
    expect((await sp.web.lists.getByTitle('Plain').items.getById(plain).select('OData__ModerationStatus')()).OData__ModerationStatus).toBe(0);
  });
});

describe('approving at creation: Approve Items of the folder the item goes into', () => {
  test('a leader who approves in one folder (Design there) adds approved items there, and only there', async () => {
    const list = sp.web.lists.getByTitle(LIST);
    await list.addValidateUpdateItemUsingPath([{ FieldName: 'Title', FieldValue: 'P1' }], `${SITE}/Lists/Reports`, false, undefined, { leafName: 'P1', objectType: 1 });
    const folder = list.items.getById((await sp.web.getFolderByServerRelativePath(`${SITE}/Lists/Reports/P1`).listItemAllFields.select('Id')()).Id as number);
    await folder.breakRoleInheritance(true);
    await folder.roleAssignments.add((await sp.web.ensureUser(LEADER)).Id, (await sp.web.roleDefinitions.getByName('Design')()).Id);
    const approved = [{ FieldName: 'Title', FieldValue: 'Published in P1' }, { FieldName: '_ModerationStatus', FieldValue: '0' }];
    const r = await as('leader').web.lists.getByTitle(LIST).addValidateUpdateItemUsingPath(approved, `${SITE}/Lists/Reports/P1`) as Array<{ FieldName: string; FieldValue: string }>;
    const id = Number(r.find((x) => x.FieldName === 'Id')?.FieldValue);
    expect(await get('visitor', id)).toMatchObject({ status: 200, item: { Title: 'Published in P1', OData__ModerationStatus: 0 } });
    expect((await httpError(as('leader').web.lists.getByTitle(LIST).addValidateUpdateItemUsingPath(approved, `${SITE}/Lists/Reports`))).status).toBe(403);
  });
});

describe('documents: minor versions and content approval', () => {
  const LIB = 'Approved Docs';
  const url = `${SITE}/ApprovedDocs`;
  const file = (u: DemoUser, name: string): ReturnType<SPFI['web']['getFileByServerRelativePath']> => as(u).web.getFileByServerRelativePath(`${url}/${name}`);
  const fileJson = async (u: DemoUser, name: string): Promise<{ status: number; UIVersionLabel?: string; Level?: number; status2?: number }> => {
    const r = await raw(server, 'GET', `${SITE}/_api/web/getFileByServerRelativePath(decodedurl='${url}/${name}')?$select=UIVersionLabel,Level`, { user: u });
    return { status: r.status, ...(r.json as object) };
  };
  const statusOf = async (name: string): Promise<number> =>
    (await sp.web.getFileByServerRelativePath(`${url}/${name}`).listItemAllFields.select('OData__ModerationStatus')()).OData__ModerationStatus as number;

  beforeAll(async () => {
    await sp.web.lists.add(LIB, '', 101, false, { Url: 'ApprovedDocs', EnableVersioning: true, EnableMinorVersions: true, EnableModeration: true, DraftVersionVisibility: 2 } as Record<string, unknown>);
    await grantLeader(LIB, 'Contribute');
    await as('leader').web.getFolderByServerRelativePath(url).files.addUsingPath('plan.txt', 'first', { Overwrite: true });
  });

  test('an upload is draft 0.1, unseen by readers', async () => {
    expect(await fileJson('leader', 'plan.txt')).toMatchObject({ status: 200, UIVersionLabel: '0.1', Level: 2 });
    expect(await statusOf('plan.txt')).toBe(3);
    expect((await fileJson('visitor', 'plan.txt')).status).toBe(404);
    expect((await raw(server, 'GET', `${SITE}/_api/web/getFileByServerRelativePath(decodedurl='${url}/plan.txt')/$value`, { user: 'visitor' })).status).toBe(404);
  });

  test('approve and deny need Approve Items and a pending file', async () => {
    expect((await httpError(file('owner', 'plan.txt').approve('too early'))).status).toBe(400);
    await file('leader', 'plan.txt').publish('please');
    expect(await statusOf('plan.txt')).toBe(2);
    expect(await fileJson('leader', 'plan.txt')).toMatchObject({ UIVersionLabel: '0.1' });
    expect((await httpError(file('leader', 'plan.txt').approve('mine'))).status).toBe(403);
    expect((await httpError(file('pmo', 'plan.txt').approve('edit is not approve'))).status).toBe(404);
  });

  test('approval makes the next major version and shows it to readers', async () => {
    await file('owner', 'plan.txt').approve('ok');
    expect(await statusOf('plan.txt')).toBe(0);
    expect(await fileJson('visitor', 'plan.txt')).toMatchObject({ status: 200, UIVersionLabel: '1.0', Level: 1 });
    expect(await file('visitor', 'plan.txt').getText()).toBe('first');
  });

  test('a new upload is draft 1.1; readers keep 1.0 and its content until the next approval', async () => {
    await as('leader').web.getFolderByServerRelativePath(url).files.addUsingPath('plan.txt', 'second', { Overwrite: true });
    expect(await fileJson('leader', 'plan.txt')).toMatchObject({ UIVersionLabel: '1.1', Level: 2 });
    expect(await fileJson('visitor', 'plan.txt')).toMatchObject({ UIVersionLabel: '1.0', Level: 1 });
    expect(await file('visitor', 'plan.txt').getText()).toBe('first');
    expect(await file('leader', 'plan.txt').getText()).toBe('second');
    const versions = await raw(server, 'GET', `${SITE}/_api/web/getFileByServerRelativePath(decodedurl='${url}/plan.txt')/versions`, { user: 'visitor' });
    expect((versions.json as { value: unknown[] }).value).toEqual([]);
  });

  test('deny keeps the approved version for readers; unpublish withdraws it', async () => {
    await file('leader', 'plan.txt').checkout();
    await file('leader', 'plan.txt').checkin('submit', CheckinType.Major);
    expect(await statusOf('plan.txt')).toBe(2);
    await file('owner', 'plan.txt').deny('not yet');
    expect(await statusOf('plan.txt')).toBe(1);
    expect(await file('visitor', 'plan.txt').getText()).toBe('first');
    await as('leader').web.getFolderByServerRelativePath(url).files.addUsingPath('other.txt', 'x', { Overwrite: true });
    await file('leader', 'other.txt').publish('');
    await file('owner', 'other.txt').approve('');
    expect(await fileJson('visitor', 'other.txt')).toMatchObject({ status: 200, UIVersionLabel: '1.0' });
    expect((await httpError(file('leader', 'other.txt').unpublish('mine'))).status).toBe(403);
    await file('owner', 'other.txt').unpublish('withdrawn');
    expect((await fileJson('visitor', 'other.txt')).status).toBe(404);
    expect(await fileJson('owner', 'other.txt')).toMatchObject({ UIVersionLabel: '0.2', Level: 2 });
  });

  test('$filter on the approval status, through @pnp/sp', async () => {
    const pending = await sp.web.lists.getByTitle(LIB).items.filter('OData__ModerationStatus eq 0').select('FileLeafRef')();
    expect(pending.map((i) => i.FileLeafRef)).toEqual([]);
    const denied = await sp.web.lists.getByTitle(LIB).items.filter('OData__ModerationStatus eq 1').select('FileLeafRef')();
    expect(denied.map((i) => i.FileLeafRef)).toEqual(['plan.txt']);
  });
});

describe('documents: minor versions without content approval', () => {
  const url = `${SITE}/Drafts`;
  beforeAll(async () => {
    await sp.web.lists.add('Drafts', '', 101, false, { EnableVersioning: true, EnableMinorVersions: true, DraftVersionVisibility: 1 });
    await sp.web.getFolderByServerRelativePath(url).files.addUsingPath('memo.txt', 'v', { Overwrite: true });
  });
  const label = async (u: DemoUser): Promise<{ status: number; UIVersionLabel?: string }> => {
    const r = await raw(server, 'GET', `${SITE}/_api/web/getFileByServerRelativePath(decodedurl='${url}/memo.txt')?$select=UIVersionLabel`, { user: u });
    return { status: r.status, ...(r.json as object) };
  };

  test('a draft is seen by editors only; publishing makes 1.0 for everyone', async () => {
    expect(await label('pmo')).toMatchObject({ status: 200, UIVersionLabel: '0.1' });
    expect((await label('visitor')).status).toBe(404);
    expect((await httpError(sp.web.getFileByServerRelativePath(`${url}/memo.txt`).approve(''))).status).toBe(400);
    await sp.web.getFileByServerRelativePath(`${url}/memo.txt`).publish('v1');
    expect(await label('visitor')).toMatchObject({ status: 200, UIVersionLabel: '1.0' });
    expect((await httpError(sp.web.getFileByServerRelativePath(`${url}/memo.txt`).publish('again'))).status).toBe(400);
  });

  test('a minor check-in needs minor versions', async () => {
    await sp.web.lists.add('Majors', '', 101, false, { EnableVersioning: true });
    await sp.web.getFolderByServerRelativePath(`${SITE}/Majors`).files.addUsingPath('a.txt', 'a');
    const f = sp.web.getFileByServerRelativePath(`${SITE}/Majors/a.txt`);
    await f.checkout();
    expect((await httpError(f.checkin('', CheckinType.Minor))).status).toBe(400);
    await f.checkin('', CheckinType.Major);
  });
});
