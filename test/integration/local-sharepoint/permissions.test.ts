/**
 * Contract: who may do what. Demo users: owner (site admin, Owners: Full Control), pmo
 * (Members: Edit), leader and visitor (Visitors: Read). Item-level security, unique
 * permissions, users, groups and effective permissions through the real @pnp/sp v4.
 */
import type { SPFI } from '@pnp/sp';
import { PermissionKind } from '@pnp/sp/security';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { httpError, spAs, startServer, type DemoUser } from './helpers';

jest.setTimeout(20000);

let server: LocalSharePoint;
let sp: SPFI;
const as = (u: DemoUser): SPFI => spAs(server, u);
const LOGIN = {
  owner: 'i:0#.f|membership|astrid.lindqvist@contoso.com',
  pmo: 'i:0#.f|membership|mikkel.sorensen@contoso.com',
  leader: 'i:0#.f|membership|sanne.devries@contoso.com',
  visitor: 'i:0#.f|membership|erik.johansson@contoso.com'
};
const ACCESS_DENIED = '-2147024891, System.UnauthorizedAccessException';
let readerRoleId: number;
let contributeRoleId: number;

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
  await sp.web.lists.add('Projects');
  await sp.web.lists.getByTitle('Projects').items.add({ Title: 'Existing' });
  readerRoleId = (await sp.web.roleDefinitions.getByType(2)()).Id;
  contributeRoleId = (await sp.web.roleDefinitions.getByName('Contribute')()).Id;
});
afterAll(async () => { await server.close(); });

describe('current user and demo identities', () => {
  test.each([
    ['owner', 'Astrid Lindqvist', true],
    ['pmo', 'Mikkel Sørensen', false],
    ['leader', 'Sanne de Vries', false],
    ['visitor', 'Erik Johansson', false]
  ] as const)('currentUser as %s', async (alias, title, admin) => {
    const me = await as(alias).web.currentUser();
    expect(me).toMatchObject({ Title: title, LoginName: LOGIN[alias], IsSiteAdmin: admin, PrincipalType: 1 });
    expect(me.Email).toMatch(/@contoso\.com$/);
    expect(me.UserId).toMatchObject({ NameIdIssuer: 'urn:federation:microsoftonline' });
  });

  test('currentUser groups show the membership', async () => {
    const groups = await as('pmo').web.currentUser.groups();
    expect(groups.map((g: { Title: string }) => g.Title)).toEqual(['PMO Members']);
  });

  test('the default user (no header) is the site owner', async () => {
    expect((await sp.web.currentUser()).LoginName).toBe(LOGIN.owner);
  });
});

describe('web permissions per demo user', () => {
  test('owner and pmo create lists and items', async () => {
    await as('owner').web.lists.add('By Owner');
    await as('pmo').web.lists.add('By PMO');
    expect((await as('pmo').web.lists.getByTitle('By Owner').items.add({ Title: 'pmo item' })).Title).toBe('pmo item');
    expect((await as('owner').web.lists.getByTitle('By PMO').items.add({ Title: 'owner item' })).Title).toBe('owner item');
  });

  test('visitor and leader read, but get 403 System.UnauthorizedAccessException on writes [verify: message text]', async () => {
    for (const u of ['visitor', 'leader'] as const) {
      const list = as(u).web.lists.getByTitle('Projects');
      expect((await list.items()).length).toBeGreaterThan(0);
      const add = await httpError(list.items.add({ Title: 'nope' }));
      expect(add.status).toBe(403);
      expect(add.code).toBe(ACCESS_DENIED);
      expect((await httpError(list.items.getById(1).update({ Title: 'nope' }))).status).toBe(403);
      expect((await httpError(list.items.getById(1).delete())).status).toBe(403);
      expect((await httpError(as(u).web.lists.add(`Nope ${u}`))).status).toBe(403);
    }
    expect(await sp.web.lists.getByTitle('Projects').items.filter("Title eq 'nope'")()).toHaveLength(0);
  });

  test('effective permissions: AddListItems, ManageLists and FullMask per user (web and list)', async () => {
    const expected: Record<DemoUser, [boolean, boolean, boolean]> = {
      owner: [true, true, true], pmo: [true, true, false], leader: [false, false, false], visitor: [false, false, false]
    };
    for (const [u, [add, manage, full]] of Object.entries(expected) as Array<[DemoUser, [boolean, boolean, boolean]]>) {
      const web = as(u).web;
      const list = web.lists.getByTitle('Projects');
      expect(await web.currentUserHasPermissions(PermissionKind.AddListItems)).toBe(add);
      expect(await list.currentUserHasPermissions(PermissionKind.AddListItems)).toBe(add);
      expect(await web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(manage);
      expect(await list.currentUserHasPermissions(PermissionKind.ViewListItems)).toBe(true);
      // Edm.Int64 comes as strings in JSON light. @pnp's FullMask test compares Low === 65535 strictly,
      // so currentUserHasPermissions(FullMask) is false even on SharePoint Online: read the mask instead.
      const mask = await web.getCurrentUserEffectivePermissions();
      expect(mask).toMatchObject({ High: expect.stringMatching(/^\d+$/), Low: expect.stringMatching(/^\d+$/) });
      expect(String(mask.High) === '2147483647' && String(mask.Low) === '4294967295').toBe(full);
    }
  });

  test('userHasPermissions(login) answers for another user', async () => {
    expect(await sp.web.userHasPermissions(LOGIN.visitor, PermissionKind.AddListItems)).toBe(false);
    expect(await sp.web.userHasPermissions(LOGIN.pmo, PermissionKind.AddListItems)).toBe(true);
    expect(await sp.web.lists.getByTitle('Projects').userHasPermissions(LOGIN.visitor, PermissionKind.ViewListItems)).toBe(true);
  });
});

describe('item-level security (ReadSecurity / WriteSecurity)', () => {
  let visitorItemId: number;

  beforeAll(async () => {
    // Like Sparring Requests: everyone may add, requesters read only their own.
    await sp.web.lists.add('Sparring', '', 100, false, { ReadSecurity: 2, WriteSecurity: 2 });
    const list = sp.web.lists.getByTitle('Sparring');
    await list.breakRoleInheritance(true);
    const visitors = await sp.web.associatedVisitorGroup();
    await list.roleAssignments.add(visitors.Id, contributeRoleId);
    await as('leader').web.lists.getByTitle('Sparring').items.add({ Title: 'Leader asks' });
    visitorItemId = (await as('visitor').web.lists.getByTitle('Sparring').items.add({ Title: 'Visitor asks' })).Id as number;
  });

  test('the list reports ReadSecurity 2 and WriteSecurity 2', async () => {
    expect(await sp.web.lists.getByTitle('Sparring').select('ReadSecurity', 'WriteSecurity')()).toMatchObject({ ReadSecurity: 2, WriteSecurity: 2 });
  });

  test('a leader sees only their own items; so does a PMO member (Edit); the owner (site admin) sees all', async () => {
    const titles = async (u: DemoUser): Promise<string[]> =>
      (await as(u).web.lists.getByTitle('Sparring').items.select('Title').orderBy('ID')()).map((i: { Title: string }) => i.Title);
    expect(await titles('leader')).toEqual(['Leader asks']);
    expect(await titles('visitor')).toEqual(['Visitor asks']);
    // Edit holds Manage Lists but not Override List Behaviors (CancelCheckout), the one
    // permission Microsoft names as lifting ReadSecurity 2: the PMO member sees none of these.
    expect(await titles('pmo')).toEqual([]);
    expect(await titles('owner')).toEqual(['Leader asks', 'Visitor asks']);
  });

  test('another user\'s item is a 404 to a leader, for reads and writes', async () => {
    const leaderList = as('leader').web.lists.getByTitle('Sparring');
    expect((await httpError(leaderList.items.getById(visitorItemId)())).status).toBe(404);
    expect((await httpError(leaderList.items.getById(visitorItemId).update({ Title: 'x' }))).status).toBe(404);
  });

  test('WriteSecurity 2 alone: others\' items are visible but not editable', async () => {
    await sp.web.lists.add('Lessons', '', 100, false, { WriteSecurity: 2 });
    const list = sp.web.lists.getByTitle('Lessons');
    await list.breakRoleInheritance(true);
    await list.roleAssignments.add((await sp.web.associatedVisitorGroup()).Id, contributeRoleId);
    const { Id } = await as('visitor').web.lists.getByTitle('Lessons').items.add({ Title: 'Lesson' });
    const leaderList = as('leader').web.lists.getByTitle('Lessons');
    expect((await leaderList.items.getById(Id as number)()).Title).toBe('Lesson');
    expect((await httpError(leaderList.items.getById(Id as number).update({ Title: 'changed' }))).status).toBe(403);
    await as('visitor').web.lists.getByTitle('Lessons').items.getById(Id as number).update({ Title: 'mine to change' });
  });

  test('ReadSecurity must be 1 or 2', async () => {
    expect((await httpError(sp.web.lists.getByTitle('Lessons').update({ ReadSecurity: 3 }))).status).toBe(400);
  });
});

describe('unique permissions on an item', () => {
  let secretId: number;

  beforeAll(async () => {
    await sp.web.lists.add('Portfolio Notes');
    const list = sp.web.lists.getByTitle('Portfolio Notes');
    await list.items.add({ Title: 'Public' });
    secretId = (await list.items.add({ Title: 'Secret' })).Id as number;
    const item = list.items.getById(secretId);
    await item.breakRoleInheritance(false);
    const visitor = await sp.web.siteUsers.getByEmail('erik.johansson@contoso.com')();
    await item.roleAssignments.add(visitor.Id, readerRoleId);
  });

  const titles = async (u: DemoUser): Promise<string[]> =>
    (await as(u).web.lists.getByTitle('Portfolio Notes').items.select('Title').orderBy('ID')()).map((i: { Title: string }) => i.Title);

  test('only the granted user (and the site admin) can read it', async () => {
    expect(await titles('visitor')).toEqual(['Public', 'Secret']);
    expect(await titles('leader')).toEqual(['Public']);
    expect(await titles('pmo')).toEqual(['Public']);
    expect(await titles('owner')).toEqual(['Public', 'Secret']);
    expect((await as('visitor').web.lists.getByTitle('Portfolio Notes').items.getById(secretId)()).Title).toBe('Secret');
    expect((await httpError(as('leader').web.lists.getByTitle('Portfolio Notes').items.getById(secretId)())).status).toBe(404);
  });

  test('the item reports its unique role assignments and per-user permissions', async () => {
    const item = sp.web.lists.getByTitle('Portfolio Notes').items.getById(secretId);
    const ras = await item.roleAssignments.expand('Member', 'RoleDefinitionBindings')() as unknown as Array<{ Member: { Title: string }; RoleDefinitionBindings: Array<{ Name: string }> }>;
    expect(ras.map((r) => [r.Member.Title, r.RoleDefinitionBindings.map((b) => b.Name)]))
      .toContainEqual(['Erik Johansson', ['Read']]);
    const visitorId = (await sp.web.siteUsers.getByEmail('erik.johansson@contoso.com')()).Id;
    expect((await item.roleAssignments.getById(visitorId)()).PrincipalId).toBe(visitorId);
    expect((await httpError(item.roleAssignments.getById(424242)())).status).toBe(404);
    expect(await item.userHasPermissions(LOGIN.visitor, PermissionKind.ViewListItems)).toBe(true);
    expect(await item.userHasPermissions(LOGIN.leader, PermissionKind.ViewListItems)).toBe(false);
    expect(await as('visitor').web.lists.getByTitle('Portfolio Notes').items.getById(secretId).currentUserHasPermissions(PermissionKind.EditListItems)).toBe(false);
  });

  test('a visitor cannot change the item\'s permissions', async () => {
    const e = await httpError(as('visitor').web.lists.getByTitle('Portfolio Notes').items.getById(secretId).roleAssignments.add(1, readerRoleId));
    expect(e.status).toBe(403);
  });

  test('resetRoleInheritance makes it visible to all readers again', async () => {
    await sp.web.lists.getByTitle('Portfolio Notes').items.getById(secretId).resetRoleInheritance();
    expect(await titles('leader')).toEqual(['Public', 'Secret']);
  });
});

describe('an item shared out of a list the user cannot see (Limited Access)', () => {
  let sharedId: number;
  let internalId: number;

  beforeAll(async () => {
    await sp.web.lists.add('PMO Only');
    const list = sp.web.lists.getByTitle('PMO Only');
    await list.breakRoleInheritance(false);
    await list.roleAssignments.add((await sp.web.associatedMemberGroup()).Id, (await sp.web.roleDefinitions.getByName('Edit')()).Id);
    internalId = (await list.items.add({ Title: 'Internal' })).Id as number;
    sharedId = (await list.items.add({ Title: 'Shared with Erik' })).Id as number;
    const shared = list.items.getById(sharedId);
    await shared.breakRoleInheritance(true);
    await shared.roleAssignments.add((await sp.web.siteUsers.getByEmail('erik.johansson@contoso.com')()).Id, readerRoleId);
  });

  test('the granted visitor reaches the list and sees only that item [verify: SharePoint grants Limited Access]', async () => {
    const list = as('visitor').web.lists.getByTitle('PMO Only');
    expect((await list.items.select('Title')()).map((i: { Title: string }) => i.Title)).toEqual(['Shared with Erik']);
    expect((await list.items.getById(sharedId)()).Title).toBe('Shared with Erik');
    expect((await httpError(list.items.getById(internalId)())).status).toBe(404);
    expect((await httpError(list.items.add({ Title: 'x' }))).status).toBe(403);
  });

  test('someone without a grant does not even see the list; the PMO member sees everything', async () => {
    expect((await httpError(as('leader').web.lists.getByTitle('PMO Only')())).status).toBe(404);
    expect((await httpError(as('leader').web.lists.getByTitle('PMO Only').items())).status).toBe(404);
    expect((await as('pmo').web.lists.getByTitle('PMO Only').items.select('Title')()).map((i: { Title: string }) => i.Title)).toEqual(['Internal', 'Shared with Erik']);
  });
});

describe('users and groups', () => {
  test('ensureUser adds a directory user once and returns the same principal again', async () => {
    const first = await sp.web.ensureUser('i:0#.f|membership|karin.holm@contoso.com');
    expect(first).toMatchObject({ Title: 'Karin Holm', Email: 'karin.holm@contoso.com', LoginName: 'i:0#.f|membership|karin.holm@contoso.com' });
    const again = await sp.web.ensureUser('karin.holm@contoso.com');
    expect(again.Id).toBe(first.Id);
    expect((await sp.web.getUserById(first.Id)()).Title).toBe('Karin Holm');
  });

  test('ensureUser of someone not in the directory is a 404 [verify]; a visitor may not add new users [verify]', async () => {
    expect((await httpError(sp.web.ensureUser('i:0#.f|membership|nobody@contoso.com'))).status).toBe(404);
    expect((await httpError(as('visitor').web.ensureUser('i:0#.f|membership|anna.andersson@contoso.com'))).status).toBe(403);
    // …but may resolve someone already on the site.
    expect((await as('visitor').web.ensureUser(LOGIN.pmo)).Title).toBe('Mikkel Sørensen');
  });

  test('siteUsers: list, getById, getByEmail, getByLoginName', async () => {
    const all = await sp.web.siteUsers();
    expect(all.map((u: { LoginName: string }) => u.LoginName)).toEqual(expect.arrayContaining(Object.values(LOGIN)));
    const leader = await sp.web.siteUsers.getByEmail('sanne.devries@contoso.com')();
    expect((await sp.web.siteUsers.getById(leader.Id)()).Title).toBe('Sanne de Vries');
    expect((await sp.web.siteUsers.getByLoginName(LOGIN.leader)()).Id).toBe(leader.Id);
    expect((await httpError(sp.web.siteUsers.getById(999999)())).status).toBe(404);
  });

  test('siteGroups and the associated groups', async () => {
    const groups = await sp.web.siteGroups();
    expect(groups.map((g: { Title: string }) => g.Title)).toEqual(expect.arrayContaining(['PMO Owners', 'PMO Members', 'PMO Visitors']));
    const members = await sp.web.associatedMemberGroup();
    expect(members.Title).toBe('PMO Members');
    const memberUsers = await sp.web.siteGroups.getById(members.Id).users();
    expect(memberUsers.map((u: { LoginName: string }) => u.LoginName)).toContain(LOGIN.pmo);
    expect((await sp.web.siteGroups.getByName('PMO Visitors').users()).map((u: { LoginName: string }) => u.LoginName))
      .toEqual(expect.arrayContaining([LOGIN.leader, LOGIN.visitor]));
  });

  test('siteGroups.add, users.add, and a role assignment on the web give the group\'s members rights', async () => {
    const group = await sp.web.siteGroups.add({ Title: 'Project Leaders', Description: 'Contribute to projects' });
    expect(group).toMatchObject({ Title: 'Project Leaders', Description: 'Contribute to projects', PrincipalType: 8 });
    const added = await sp.web.siteGroups.getById(group.Id).users.add(LOGIN.leader);
    expect((await added()).LoginName).toBe(LOGIN.leader);
    expect((await sp.web.siteGroups.getById(group.Id).users()).map((u: { LoginName: string }) => u.LoginName)).toEqual([LOGIN.leader]);
    expect(await as('leader').web.currentUserHasPermissions(PermissionKind.AddListItems)).toBe(false);
    await sp.web.roleAssignments.add(group.Id, contributeRoleId);
    expect(await as('leader').web.currentUserHasPermissions(PermissionKind.AddListItems)).toBe(true);
    expect((await as('leader').web.lists.getByTitle('Projects').items.add({ Title: 'By a leader' })).Title).toBe('By a leader');
    expect((await as('visitor').web.lists.getByTitle('Projects').items.select('Title')()).map((i: { Title: string }) => i.Title)).toContain('By a leader');
    await sp.web.siteGroups.getById(group.Id).users.removeByLoginName(LOGIN.leader);
    expect(await as('leader').web.currentUserHasPermissions(PermissionKind.AddListItems)).toBe(false);
  });

  test('a duplicate group name is refused; a visitor cannot create groups', async () => {
    expect((await httpError(sp.web.siteGroups.add({ Title: 'PMO Members' }))).status).toBe(400);
    expect((await httpError(as('visitor').web.siteGroups.add({ Title: 'Mine' }))).status).toBe(403);
  });

  test('role definitions carry SharePoint Online\'s ids [verify]', async () => {
    const defs = await sp.web.roleDefinitions();
    const byName = Object.fromEntries(defs.map((d: { Name: string; Id: number }) => [d.Name, d.Id]));
    expect(byName).toMatchObject({ 'Full Control': 1073741829, Edit: 1073741830, Contribute: 1073741827, Read: 1073741826 });
  });
});
