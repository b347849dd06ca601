/**
 * Contract: permission levels and where SharePoint checks them, through the real @pnp/sp v4.
 * ReadSecurity/WriteSecurity as Microsoft documents them (only Override List Behaviors =
 * CancelCheckout lifts them), the base permissions of each built-in level, custom levels
 * (`roleDefinitions.add`), unique permissions on folders inherited by what is inside,
 * Limited Access, and the same checks inside `$batch`, on versions, files and lookups.
 * Demo users: owner (site admin), pmo (Members: Edit), leader and visitor (Visitors: Read).
 */
import type { SPFI } from '@pnp/sp';
import { PermissionKind } from '@pnp/sp/security';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { httpError, spAs, startServer, uniqueName, type DemoUser } from './helpers';

jest.setTimeout(30000);

let server: LocalSharePoint;
let sp: SPFI;
const as = (u: DemoUser): SPFI => spAs(server, u);
const ids: Record<string, number> = {};
const userId = async (mail: string): Promise<number> => (await sp.web.siteUsers.getByEmail(mail)()).Id;

/** Is PermissionKind `k` set in a `{High, Low}` mask. */
function has(mask: { High: string | number; Low: string | number }, k: number): boolean {
  const bit = k - 1;
  return bit < 32 ? ((Number(mask.Low) >>> bit) & 1) === 1 : ((Number(mask.High) >>> (bit - 32)) & 1) === 1;
}

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
  for (const name of ['Read', 'Contribute', 'Edit', 'Design', 'View Only']) ids[name] = (await sp.web.roleDefinitions.getByName(name)()).Id;
  ids.visitor = await userId('erik.johansson@contoso.com');
  ids.leader = await userId('sanne.devries@contoso.com');
  ids.pmo = await userId('mikkel.sorensen@contoso.com');
});
afterAll(async () => { await server.close(); });

/** A list with its own permissions: each user gets exactly the levels given. */
async function listWith(title: string, grants: Partial<Record<'visitor' | 'leader' | 'pmo', string>>, props: Record<string, unknown> = {}, template = 100): Promise<void> {
  await sp.web.lists.add(title, '', template, false, props);
  const list = sp.web.lists.getByTitle(title);
  await list.breakRoleInheritance(false);
  for (const [who, level] of Object.entries(grants)) await list.roleAssignments.add(ids[who], ids[level as string]);
}

const titles = async (u: DemoUser, list: string): Promise<string[]> =>
  (await as(u).web.lists.getByTitle(list).items.select('Title').orderBy('ID')()).map((i: { Title: string }) => i.Title);

describe('the base permissions of the built-in levels (SPPermissionGroup64, "User permissions and permission levels")', () => {
  test.each([
    ['Limited Access', [PermissionKind.Open, PermissionKind.ViewFormPages, PermissionKind.BrowseUserInfo, PermissionKind.UseRemoteAPIs], [PermissionKind.ViewListItems]],
    ['View Only', [PermissionKind.ViewListItems, PermissionKind.ViewVersions], [PermissionKind.OpenItems, PermissionKind.AddListItems]],
    ['Read', [PermissionKind.ViewListItems, PermissionKind.OpenItems, PermissionKind.ViewVersions, PermissionKind.CreateAlerts], [PermissionKind.AddListItems]],
    ['Contribute', [PermissionKind.AddListItems, PermissionKind.EditListItems, PermissionKind.DeleteListItems, PermissionKind.ManagePersonalViews], [PermissionKind.ManageLists, PermissionKind.CancelCheckout]],
    ['Edit', [PermissionKind.ManageLists, PermissionKind.DeleteListItems], [PermissionKind.CancelCheckout, PermissionKind.ApproveItems, PermissionKind.ManagePermissions]],
    ['Design', [PermissionKind.CancelCheckout, PermissionKind.ApproveItems, PermissionKind.AddAndCustomizePages], [PermissionKind.ManagePermissions]],
    ['Full Control', [PermissionKind.ManagePermissions, PermissionKind.EnumeratePermissions, PermissionKind.CancelCheckout], []]
  ] as const)('%s', async (name, yes, no) => {
    const def = await sp.web.roleDefinitions.getByName(name)() as unknown as { BasePermissions: { High: string; Low: string } };
    for (const k of yes) expect([name, k, has(def.BasePermissions, k)]).toEqual([name, k, true]);
    for (const k of no) expect([name, k, has(def.BasePermissions, k)]).toEqual([name, k, false]);
  });

  test('Limited Access cannot be given by hand', async () => {
    const limited = (await sp.web.roleDefinitions.getByType(1)()).Id;
    expect((await httpError(sp.web.roleAssignments.add(ids.visitor, limited))).status).toBe(400);
  });
});

describe('ReadSecurity 2: only the author, or whoever holds Override List Behaviors (CancelCheckout)', () => {
  const L = uniqueName('Asks');
  let visitorItem: number;

  beforeAll(async () => {
    await listWith(L, { visitor: 'Contribute', leader: 'Contribute', pmo: 'Edit' }, { ReadSecurity: 2, WriteSecurity: 2 });
    visitorItem = (await as('visitor').web.lists.getByTitle(L).items.add({ Title: 'Visitor asks' })).Id as number;
    await as('leader').web.lists.getByTitle(L).items.add({ Title: 'Leader asks' });
  });

  test('Manage Lists (Edit) does not lift it; Design (CancelCheckout) does', async () => {
    expect(await titles('pmo', L)).toEqual([]);
    expect((await httpError(as('pmo').web.lists.getByTitle(L).items.getById(visitorItem)())).status).toBe(404);
    await sp.web.lists.getByTitle(L).roleAssignments.add(ids.pmo, ids.Design);
    expect(await titles('pmo', L)).toEqual(['Visitor asks', 'Leader asks']);
    expect((await as('pmo').web.lists.getByTitle(L).items.getById(visitorItem).update({ Title: 'Visitor asks (triaged)' }))).toBeTruthy();
    await sp.web.lists.getByTitle(L).roleAssignments.remove(ids.pmo, ids.Design);
  });

  test('an item\'s own permissions do not lift it: Read on someone else\'s item still reads nothing [verify]', async () => {
    const item = sp.web.lists.getByTitle(L).items.getById(visitorItem);
    await item.breakRoleInheritance(true);
    await item.roleAssignments.add(ids.leader, ids.Read);
    expect(await titles('leader', L)).toEqual(['Leader asks']);
    expect((await httpError(as('leader').web.lists.getByTitle(L).items.getById(visitorItem)())).status).toBe(404);
    // Not even Override List Behaviors on the item alone: SharePoint does not say it checks there.
    await item.roleAssignments.add(ids.leader, ids.Design);
    expect((await httpError(as('leader').web.lists.getByTitle(L).items.getById(visitorItem)())).status).toBe(404);
  });

  test('versions of an unreadable item are a 404 too', async () => {
    await sp.web.lists.getByTitle(L).update({ EnableVersioning: true });
    expect((await httpError(as('leader').web.lists.getByTitle(L).items.getById(visitorItem).versions())).status).toBe(404);
    expect((await as('visitor').web.lists.getByTitle(L).items.getById(visitorItem).versions()).length).toBeGreaterThanOrEqual(0);
  });
});

describe('WriteSecurity', () => {
  test('2: Edit (Manage Lists) cannot change others\' items; Design can', async () => {
    const L = uniqueName('Lessons');
    await listWith(L, { visitor: 'Contribute', pmo: 'Edit' }, { WriteSecurity: 2 });
    const { Id } = await as('visitor').web.lists.getByTitle(L).items.add({ Title: 'Lesson' });
    expect((await httpError(as('pmo').web.lists.getByTitle(L).items.getById(Id as number).update({ Title: 'x' }))).status).toBe(403);
    expect((await httpError(as('pmo').web.lists.getByTitle(L).items.getById(Id as number).delete())).status).toBe(403);
    await sp.web.lists.getByTitle(L).roleAssignments.add(ids.pmo, ids.Design);
    await as('pmo').web.lists.getByTitle(L).items.getById(Id as number).update({ Title: 'Lesson (edited by the PMO)' });
    expect((await sp.web.lists.getByTitle(L).items.getById(Id as number)()).Title).toBe('Lesson (edited by the PMO)');
  });

  test('4: nobody without Override List Behaviors adds or edits, not even their own', async () => {
    const L = uniqueName('Frozen');
    await listWith(L, { visitor: 'Contribute', pmo: 'Design' });
    const { Id } = await as('visitor').web.lists.getByTitle(L).items.add({ Title: 'Before the freeze' });
    await sp.web.lists.getByTitle(L).update({ WriteSecurity: 4 });
    expect((await httpError(as('visitor').web.lists.getByTitle(L).items.add({ Title: 'x' }))).status).toBe(403);
    expect((await httpError(as('visitor').web.lists.getByTitle(L).items.getById(Id as number).update({ Title: 'x' }))).status).toBe(403);
    await as('pmo').web.lists.getByTitle(L).items.add({ Title: 'By the PMO' });
    expect(await titles('visitor', L)).toEqual(['Before the freeze', 'By the PMO']);
  });
});

describe('custom permission levels (roleDefinitions.add)', () => {
  const L = uniqueName('Downloads');
  let addOnly: number;

  beforeAll(async () => {
    // "Add but not edit": Read plus Add Items, built from @pnp's PermissionKind as a tenant admin would.
    const kinds = [PermissionKind.ViewListItems, PermissionKind.AddListItems, PermissionKind.OpenItems, PermissionKind.ViewVersions,
      PermissionKind.ViewFormPages, PermissionKind.Open, PermissionKind.ViewPages, PermissionKind.BrowseUserInfo, PermissionKind.UseRemoteAPIs];
    let low = 0;
    for (const k of kinds) low = (low | (1 << (k - 1))) >>> 0;
    const created = await sp.web.roleDefinitions.add('Add Only (test)', 'Add items, never change them', 200, { High: 0, Low: low });
    addOnly = created.data.Id;
    await listWith(L, { visitor: 'Read' });
    await sp.web.lists.getByTitle(L).roleAssignments.add(ids.visitor, addOnly);
  });

  test('it is listed with the mask that was asked, and its name is unique', async () => {
    const def = await sp.web.roleDefinitions.getById(addOnly)() as unknown as { Name: string; BasePermissions: { High: string; Low: string }; RoleTypeKind: number };
    expect(def.Name).toBe('Add Only (test)');
    expect(has(def.BasePermissions, PermissionKind.AddListItems)).toBe(true);
    expect(has(def.BasePermissions, PermissionKind.EditListItems)).toBe(false);
    expect((await httpError(sp.web.roleDefinitions.add('add only (TEST)', '', 1, { High: 0, Low: 1 }))).status).toBe(400);
  });

  test('only Manage Permissions creates one', async () => {
    expect((await httpError(as('pmo').web.roleDefinitions.add('By PMO', '', 1, { High: 0, Low: 1 }))).status).toBe(403);
  });

  test('a holder adds, but neither edits nor deletes, even their own item', async () => {
    const list = as('visitor').web.lists.getByTitle(L);
    const { Id } = await list.items.add({ Title: 'Downloaded' });
    expect((await httpError(list.items.getById(Id as number).update({ Title: 'x' }))).status).toBe(403);
    expect((await httpError(list.items.getById(Id as number).delete())).status).toBe(403);
    expect(await titles('visitor', L)).toEqual(['Downloaded']);
  });

  test('inside $batch every part is checked on its own', async () => {
    const [batched, execute] = as('visitor').batched();
    const list = batched.web.lists.getByTitle(L);
    const added = list.items.add({ Title: 'Batched add' }).then(() => 'ok', (e: { status?: number }) => e.status);
    const edited = list.items.getById(1).update({ Title: 'Batched edit' }).then(() => 'ok', (e: { status?: number }) => e.status);
    const deleted = list.items.getById(1).delete().then(() => 'ok', (e: { status?: number }) => e.status);
    await execute();
    expect([await added, await edited, await deleted]).toEqual(['ok', 403, 403]);
    expect(await titles('owner', L)).toEqual(['Downloaded', 'Batched add']);
  });
});

describe('unique permissions on a folder apply to everything inside it', () => {
  const L = uniqueName('Reports');
  let folderUrl: string;
  let rootUrl: string;

  beforeAll(async () => {
    await listWith(L, { visitor: 'Read', leader: 'Read', pmo: 'Edit' }, { EnableVersioning: true }, 101);
    const lib = sp.web.lists.getByTitle(L);
    rootUrl = (await lib.rootFolder.select('ServerRelativeUrl')<{ ServerRelativeUrl: string }>()).ServerRelativeUrl;
    await lib.rootFolder.folders.addUsingPath('P-1');
    folderUrl = `${rootUrl}/P-1`;
    const folderItem = await sp.web.getFolderByServerRelativePath(folderUrl).getItem();
    await folderItem.breakRoleInheritance(true);
    await folderItem.roleAssignments.add(ids.leader, ids.Contribute);
    await folderItem.roleAssignments.remove(ids.visitor, ids.Read);
    await sp.web.getFolderByServerRelativePath(folderUrl).files.addUsingPath('by-owner.txt', 'owner');
  });

  test('the leader adds and edits inside the folder, not beside it', async () => {
    const web = as('leader').web;
    await web.getFolderByServerRelativePath(folderUrl).files.addUsingPath('report.txt', 'v1');
    await web.getFileByServerRelativePath(`${folderUrl}/by-owner.txt`).setContent('changed by the leader');
    expect((await httpError(web.getFolderByServerRelativePath(rootUrl).files.addUsingPath('beside.txt', 'x'))).status).toBe(403);
    expect((await httpError(web.getFolderByServerRelativePath(rootUrl).folders.addUsingPath('P-2'))).status).toBe(403);
  });

  test('the visitor, removed from the folder, sees nothing inside it: not the item, its file or its versions', async () => {
    const names = (await as('visitor').web.lists.getByTitle(L).items.select('FileLeafRef')()).map((i: { FileLeafRef: string }) => i.FileLeafRef);
    expect(names).toEqual([]);
    expect((await httpError(as('visitor').web.getFileByServerRelativePath(`${folderUrl}/by-owner.txt`).getText())).status).toBe(404);
    expect((await httpError(as('visitor').web.lists.getByTitle(L).items.getById(2).versions())).status).toBe(404);
  });

  test('View Only reads the item but cannot download the file (no Open Items)', async () => {
    const folderItem = await sp.web.getFolderByServerRelativePath(folderUrl).getItem();
    await folderItem.roleAssignments.add(ids.visitor, ids['View Only']);
    const file = as('visitor').web.getFileByServerRelativePath(`${folderUrl}/by-owner.txt`);
    expect((await file.listItemAllFields.select('FileLeafRef')<{ FileLeafRef: string }>()).FileLeafRef).toBe('by-owner.txt');
    expect((await httpError(file.getText())).status).toBe(403);
  });
});

describe('lookups project nothing of an item the reader cannot read [verify]', () => {
  test('$expand of a lookup to an unreadable item is null; the readable one projects', async () => {
    const T = uniqueName('Templates');
    const D = uniqueName('Uses');
    await listWith(T, { visitor: 'Read', pmo: 'Edit' });
    await sp.web.lists.add(D);
    const targetId = (await sp.web.lists.getByTitle(T)()).Id;
    await sp.web.lists.getByTitle(D).fields.createFieldAsXml(`<Field Type="Lookup" Name="Tpl" StaticName="Tpl" DisplayName="Tpl" List="{${targetId}}" ShowField="Title" />`);
    const open = (await sp.web.lists.getByTitle(T).items.add({ Title: 'Approved template' })).Id as number;
    const draft = (await sp.web.lists.getByTitle(T).items.add({ Title: 'Secret draft' })).Id as number;
    const d = sp.web.lists.getByTitle(T).items.getById(draft);
    await d.breakRoleInheritance(false);
    await d.roleAssignments.add(ids.pmo, ids.Edit);
    await sp.web.lists.getByTitle(D).items.add({ Title: 'a', TplId: open });
    await sp.web.lists.getByTitle(D).items.add({ Title: 'b', TplId: draft });
    const rows = await as('visitor').web.lists.getByTitle(D).items.select('Title', 'Tpl/Title').expand('Tpl').orderBy('ID')();
    expect(rows.map((r: { Tpl: { Title: string } | null }) => r.Tpl?.Title ?? null)).toEqual(['Approved template', null]);
    const filtered = await as('visitor').web.lists.getByTitle(D).items.filter("Tpl/Title eq 'Secret draft'")();
    expect(filtered).toHaveLength(0);
    const asPmo = await as('pmo').web.lists.getByTitle(D).items.select('Title', 'Tpl/Title').expand('Tpl').orderBy('ID')();
    expect(asPmo.map((r: { Tpl: { Title: string } | null }) => r.Tpl?.Title ?? null)).toEqual(['Approved template', 'Secret draft']);
  });
});
