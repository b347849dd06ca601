import { randomUUID } from 'crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import { parseJson } from './db';
import type { Field, FieldProps, FieldValue, Item, List, ListProps, Principal, View, Web } from './types';
import { Errors, SpError } from '../http/errors';
import { ensureSitePages } from './pages';
import {
  afterInsert, afterWrite, beforeWrite, checkModerationChange, moderationValues, nextUiVersion, onlyModeration, takeModeration
} from './moderation';
import { DIRECTORY, type DirectoryUser, loginNameOf } from '../directory';
import {
  LIMITED_ACCESS_ID, PermissionKind, PermissionSet, ROLE_DEFINITIONS, kindsOfMask, type RoleDefinition
} from '../model/permissions';
import {
  FieldTypeKind, KIND_BY_TYPE, entityPropertyName, isIdRefType, isMultiType, normaliseDate, unwrapCollection
} from '../model/fieldTypes';

export const THRESHOLD = 5000;
export const MAX_INDEXES = 20;

const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The standard columns every list has, with SharePoint's fixed field IDs (the same on every list
 * and site, e.g. Title is fa564e0f-…); `system` names the item column that holds the value.
 */
const BASE_FIELDS: Array<[string, string, string, string, FieldProps]> = [
  ['1d22ea11-1e32-424e-89ab-9fedbadb6ce1', 'ID', 'ID', 'Counter', { system: 'id', ReadOnlyField: true, Indexed: true }],
  ['fa564e0f-0c70-4ab9-b863-0177e6ddd247', 'Title', 'Title', 'Text', { Required: true, MaxLength: 255 }],
  ['03e45e84-1992-4d42-9116-26f756012634', 'ContentTypeId', 'Content Type ID', 'ContentTypeId', { system: 'contentTypeId', ReadOnlyField: true, Hidden: true }],
  ['8c06beca-0777-48f7-91c7-6da68bc07b69', 'Created', 'Created', 'DateTime', { system: 'created', ReadOnlyField: true }],
  ['28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', 'Modified', 'Modified', 'DateTime', { system: 'modified', ReadOnlyField: true }],
  ['1df5e554-ec7e-46a6-901d-d85a3881cb18', 'Author', 'Created By', 'User', { system: 'author', ReadOnlyField: true }],
  ['d31655d1-1d5b-4511-95a1-7a09e9b75bf2', 'Editor', 'Modified By', 'User', { system: 'editor', ReadOnlyField: true }],
  ['dce8262a-3ae9-45aa-aab4-83bd75fb738a', '_UIVersionString', 'Version', 'Text', { system: 'uiVersion', ReadOnlyField: true }],
  ['67df98f4-9dec-48ff-a553-29bece9c5bf4', 'Attachments', 'Attachments', 'Attachments', { system: 'attachments', ReadOnlyField: true }],
  ['ae069f25-3ac2-4256-b9c3-15dbc15da0e0', 'GUID', 'GUID', 'Guid', { system: 'guid', ReadOnlyField: true, Hidden: true }],
  // Content approval's columns, on every list; set through approval, never as plain columns.
  ['fdc3b2ed-5bf2-4835-a4bc-b885f3396a61', '_ModerationStatus', 'Approval Status', 'ModStat', { system: 'moderationStatus', ReadOnlyField: true, Hidden: true }],
  ['34ad21eb-75bd-4544-8c73-0e08330291fe', '_ModerationComments', "Approver Comments", 'Note', { system: 'moderationComments', ReadOnlyField: true, Hidden: true }],
  // Not a column in SharePoint (an entity property); kept as one here, so it has no fixed ID.
  ['', 'FileSystemObjectType', 'Item Type', 'Integer', { system: 'fsType', ReadOnlyField: true, Hidden: true }],
  // A lookup ("Item Type") in SharePoint; here the same number: 0 item or file, 1 folder.
  ['30bb605f-5bae-48fe-b4e3-1f81d9772af9', 'FSObjType', 'Item Type', 'Integer', { system: 'fsType', ReadOnlyField: true, Hidden: true }],
  ['94f89715-e097-4e8b-ba79-ea02aa8b7adb', 'FileRef', 'URL Path', 'Text', { system: 'fileRef', ReadOnlyField: true, Hidden: true }],
  ['56605df6-8fa1-47e4-a04c-5b384d59609f', 'FileDirRef', 'Path', 'Text', { system: 'fileDirRef', ReadOnlyField: true, Hidden: true }],
  ['39360f11-34cf-4356-9945-25c44e68dade', 'File_x0020_Type', 'File Type', 'Text', { system: 'fileType', ReadOnlyField: true, Hidden: true }],
  ['7177cfc7-f399-4d4d-905d-37dd51bc90bf', 'EncodedAbsUrl', 'Encoded Absolute URL', 'Text', { system: 'encodedAbsUrl', ReadOnlyField: true, Hidden: true }]
];
const LIBRARY_FIELDS: Array<[string, string, string, string, FieldProps]> = [
  ['8553196d-ec8d-4564-9861-3dbe931050c8', 'FileLeafRef', 'Name', 'Text', { system: 'leaf', Required: true }]
];

/** SharePoint's built-in content types (IDs fixed on every site). */
export const CONTENT_TYPE_ITEM = '0x01';
export const CONTENT_TYPE_DOCUMENT = '0x0101';
export const CONTENT_TYPE_FOLDER = '0x0120';
const BUILT_IN_CONTENT_TYPES: Array<[string, string, string]> = [
  [CONTENT_TYPE_ITEM, 'Item', 'List Content Types'],
  [CONTENT_TYPE_DOCUMENT, 'Document', 'Document Content Types'],
  [CONTENT_TYPE_FOLDER, 'Folder', 'Folder Content Types']
];

/** A list's copy of a site content type: the parent's ID, "00", and 32 hex digits (here the list's ID, so it is stable). */
export function listContentTypeId(list: { id: string }, parent: string): string {
  return `${parent}00${list.id.replace(/-/g, '').toUpperCase()}`;
}

export interface Actor {
  web: Web;
  user: Principal;
}

/**
 * All state of the local SharePoint and the rules SharePoint applies to it. Routes call
 * this; it never sees HTTP. Every write runs inside one SQLite transaction, so a request
 * that fails half-way leaves nothing behind.
 */
export class SharePointStore {
  private readonly statements = new Map<string, Statement>();
  private readonly fieldCache = new Map<string, Field[]>();
  /**
   * Further rules that hide items from some readers (e.g. a modern page never published is
   * seen only by those who may edit Site Pages). Registered by the stores of those features.
   */
  public readonly itemReadRules: Array<(actor: Actor, list: List, item: Item) => boolean> = [];
  /** Further rules that show some readers another version of an item (e.g. a page's last published copy). */
  public readonly itemViewRules: Array<(actor: Actor, list: List, item: Item) => Item> = [];

  /** The item as this actor may see it: what queries filter on and what responses show. */
  public viewItem(actor: Actor, list: List, item: Item): Item {
    return this.itemViewRules.reduce((i, rule) => rule(actor, list, i), item);
  }
  private readonly permCache = new Map<string, PermissionSet>();
  /** list id|folder path → the scope of the nearest folder with unique permissions ('' for none). */
  private readonly scopeCache = new Map<string, string>();

  public constructor(public readonly db: Db) {}

  /** Prepared once per SQL text: preparing dominates the cost of small statements. */
  public q(sql: string): Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  public tx<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } catch (e) {
      // A rolled-back transaction may have changed fields the cache already holds.
      this.fieldCache.clear();
      this.invalidateSecurity();
      throw e;
    }
  }

  // ---------------------------------------------------------------- webs

  public getWebByPath(path: string): Web | undefined {
    const row = this.q('SELECT * FROM webs WHERE path = ?').get(path) as WebRow | undefined;
    return row ? toWeb(row) : undefined;
  }

  public webs(): Web[] {
    return (this.q('SELECT * FROM webs ORDER BY path').all() as WebRow[]).map(toWeb);
  }

  /** Creates a site as SharePoint's team-site template would: groups, a documents library. */
  public createWeb(path: string, title: string, language: number = 1033): Web {
    if (!/^\/sites\/[A-Za-z0-9_-]{1,64}$/.test(path)) {
      throw Errors.badRequest(`A site URL must look like /sites/<name> (letters, digits, - and _): '${path}'.`);
    }
    if (this.getWebByPath(path)) throw Errors.badRequest(`A site already exists at ${path}.`);
    return this.tx(() => {
      const id = randomUUID();
      this.q('INSERT INTO webs (id, path, title, created) VALUES (?, ?, ?, ?)').run(id, path, title, now());
      const web = this.getWebByPath(path) as Web;
      const owner = this.ensureUser(web, DIRECTORY[0]);
      this.q('UPDATE principals SET is_site_admin = 1 WHERE web_id = ? AND id = ?').run(web.id, owner.id);
      const owners = this.createGroup(web, `${title} Owners`, owner.id);
      const members = this.createGroup(web, `${title} Members`, owner.id);
      const visitors = this.createGroup(web, `${title} Visitors`, owner.id);
      // A site's language is chosen when it is created and never changes (SharePoint Online: "Choose the default language for your site").
      this.setWebProps(web, { AssociatedOwnerGroup: owners.id, AssociatedMemberGroup: members.id, AssociatedVisitorGroup: visitors.id, Language: language });
      this.addRoleAssignment(web, 'web', owners.id, 1073741829);
      this.addRoleAssignment(web, 'web', members.id, 1073741830);
      this.addRoleAssignment(web, 'web', visitors.id, 1073741826);
      for (const u of DIRECTORY) {
        const target = u.role === 'owner' ? owners : u.role === 'member' ? members : u.role === 'none' ? undefined : visitors;
        if (!target) continue;
        const p = this.ensureUser(web, u);
        this.addGroupMember(web, target.id, p.id);
      }
      this.ensureBuiltIns(web);
      return this.getWebByPath(path) as Web;
    });
  }

  /**
   * What every new SharePoint site has: the built-in content types, the base site columns, and the
   * Documents, Site Assets and Site Pages libraries. Idempotent, so sites stored before these
   * existed get them when the server starts.
   */
  public ensureBuiltIns(web: Web): void {
    this.tx(() => {
      const scope = `web:${web.id}`;
      for (const [id, name, group] of BUILT_IN_CONTENT_TYPES) {
        this.q('INSERT OR IGNORE INTO content_types (scope, id, name, props) VALUES (?, ?, ?, ?)').run(scope, id, name, JSON.stringify({ Group: group, BuiltIn: true }));
      }
      const have = new Set(this.fields(scope).map((f) => f.id));
      let seq = this.fields(scope).length;
      for (const [fid, name, ftitle, type, fprops] of [...BASE_FIELDS, ...LIBRARY_FIELDS]) {
        if (fid && !have.has(fid)) this.insertField(scope, fid, name, ftitle, type, seq++, { ...fprops, Group: '_Hidden', SiteColumn: true });
      }
      const owner = this.principals(web, 'user').find((p) => p.isSiteAdmin);
      if (!owner) return;
      const actor = { web, user: owner };
      for (const [title, template, url] of [['Documents', 101, 'Shared Documents'], ['Site Assets', 101, 'SiteAssets']] as const) {
        // A list of that title elsewhere (made before these were built in) is left alone rather than failing the start.
        if (!this.getList(web, { url: `${web.path}/${url}` }) && !this.getList(web, { title })) this.createList(actor, { Title: title, BaseTemplate: template, Url: url });
      }
      // Site Pages as a communication site has it: minor versions, editors' drafts, the page columns.
      ensureSitePages(this, actor);
    });
  }

  public setWebProps(web: Web, props: Record<string, unknown>): void {
    const merged = { ...web.props, ...props };
    this.q('UPDATE webs SET props = ? WHERE id = ?').run(JSON.stringify(merged), web.id);
    web.props = merged;
  }

  public updateWeb(web: Web, body: Record<string, unknown>): void {
    const title = typeof body.Title === 'string' ? body.Title : web.title;
    const description = typeof body.Description === 'string' ? body.Description : web.description;
    this.q('UPDATE webs SET title = ?, description = ? WHERE id = ?').run(title, description, web.id);
  }

  // ---------------------------------------------------------------- principals

  public ensureUser(web: Web, u: DirectoryUser): Principal {
    const login = loginNameOf(u.mail);
    const existing = this.getPrincipalByLogin(web, 'user', login);
    if (existing) return existing;
    const id = this.nextPrincipalId(web);
    this.q(
      'INSERT INTO principals (web_id, id, kind, login, title, email, props) VALUES (?, ?, ?, ?, ?, ?, ?)'
    ).run(web.id, id, 'user', login, u.displayName, u.mail, JSON.stringify({
      UserPrincipalName: u.mail, JobTitle: u.jobTitle, Department: u.department, AadObjectId: u.id
    }));
    return this.getPrincipal(web, id) as Principal;
  }

  private nextPrincipalId(web: Web): number {
    const row = this.q('SELECT next_principal_id AS n FROM webs WHERE id = ?').get(web.id) as { n: number };
    // SharePoint's first ids go to system accounts; start where real tenants' users start.
    const id = Math.max(row.n, 6);
    this.q('UPDATE webs SET next_principal_id = ? WHERE id = ?').run(id + 1, web.id);
    return id;
  }

  public getPrincipal(web: Web, id: number): Principal | undefined {
    const row = this.q('SELECT * FROM principals WHERE web_id = ? AND id = ?').get(web.id, id) as PrincipalRow | undefined;
    return row ? toPrincipal(row) : undefined;
  }

  public getPrincipalByLogin(web: Web, kind: 'user' | 'group', login: string): Principal | undefined {
    const row = this.q('SELECT * FROM principals WHERE web_id = ? AND kind = ? AND login = ?').get(web.id, kind, login) as PrincipalRow | undefined;
    return row ? toPrincipal(row) : undefined;
  }

  public principals(web: Web, kind: 'user' | 'group'): Principal[] {
    return (this.q('SELECT * FROM principals WHERE web_id = ? AND kind = ? ORDER BY id').all(web.id, kind) as PrincipalRow[]).map(toPrincipal);
  }

  public createGroup(web: Web, title: string, ownerId: number, description = ''): Principal {
    if (!title.trim() || title.length > 255) throw Errors.badRequest('A group name must have 1 to 255 characters.');
    if (this.getPrincipalByLogin(web, 'group', title)) {
      throw new SpError(400, '-2130575293, Microsoft.SharePoint.SPException', 'The specified name is already in use.');
    }
    const id = this.nextPrincipalId(web);
    this.q(
      'INSERT INTO principals (web_id, id, kind, login, title, props) VALUES (?, ?, ?, ?, ?, ?)'
    ).run(web.id, id, 'group', title, title, JSON.stringify({ Description: description, OwnerId: ownerId, AllowMembersEditMembership: false, OnlyAllowMembersViewMembership: false }));
    return this.getPrincipal(web, id) as Principal;
  }

  public updatePrincipalProps(web: Web, p: Principal, props: Record<string, unknown>, title?: string): void {
    this.q('UPDATE principals SET props = ?, title = ?, login = ? WHERE web_id = ? AND id = ?')
      .run(JSON.stringify({ ...p.props, ...props }), title ?? p.title, p.kind === 'group' ? (title ?? p.login) : p.login, web.id, p.id);
  }

  public deletePrincipal(web: Web, id: number): void {
    this.q('DELETE FROM principals WHERE web_id = ? AND id = ?').run(web.id, id);
    this.q('DELETE FROM group_members WHERE web_id = ? AND (group_id = ? OR user_id = ?)').run(web.id, id, id);
    this.q('DELETE FROM role_assignments WHERE web_id = ? AND principal_id = ?').run(web.id, id);
    this.invalidateSecurity();
  }

  public addGroupMember(web: Web, groupId: number, userId: number): void {
    this.q('INSERT OR IGNORE INTO group_members (web_id, group_id, user_id) VALUES (?, ?, ?)').run(web.id, groupId, userId);
    this.invalidateSecurity();
  }

  public removeGroupMember(web: Web, groupId: number, userId: number): void {
    this.q('DELETE FROM group_members WHERE web_id = ? AND group_id = ? AND user_id = ?').run(web.id, groupId, userId);
    this.invalidateSecurity();
  }

  public groupMembers(web: Web, groupId: number): Principal[] {
    return (this.q(
      'SELECT p.* FROM principals p JOIN group_members m ON m.web_id = p.web_id AND m.user_id = p.id WHERE m.web_id = ? AND m.group_id = ? ORDER BY p.id'
    ).all(web.id, groupId) as PrincipalRow[]).map(toPrincipal);
  }

  public groupsOfUser(web: Web, userId: number): Principal[] {
    return (this.q(
      'SELECT p.* FROM principals p JOIN group_members m ON m.web_id = p.web_id AND m.group_id = p.id WHERE m.web_id = ? AND m.user_id = ? ORDER BY p.id'
    ).all(web.id, userId) as PrincipalRow[]).map(toPrincipal);
  }

  // ---------------------------------------------------------------- security

  public roleAssignments(web: Web, scope: string): Array<{ principalId: number; roleDefIds: number[] }> {
    const rows = this.q('SELECT principal_id, roledef_id FROM role_assignments WHERE web_id = ? AND scope = ? ORDER BY principal_id')
      .all(web.id, scope) as Array<{ principal_id: number; roledef_id: number }>;
    const byPrincipal = new Map<number, number[]>();
    for (const r of rows) byPrincipal.set(r.principal_id, [...(byPrincipal.get(r.principal_id) ?? []), r.roledef_id]);
    return [...byPrincipal.entries()].map(([principalId, roleDefIds]) => ({ principalId, roleDefIds }));
  }

  public addRoleAssignment(web: Web, scope: string, principalId: number, roleDefId: number): void {
    if (!this.getPrincipal(web, principalId)) throw Errors.argument(`Principal ${principalId} does not exist.`, 404);
    if (!this.roleDefinition(web, roleDefId)) throw Errors.argument(`Role definition ${roleDefId} does not exist.`, 404);
    // Limited Access is what SharePoint adds by itself; it cannot be given by hand.
    if (roleDefId === LIMITED_ACCESS_ID) throw Errors.badRequest('The Limited Access permission level cannot be assigned directly.');
    this.q('INSERT OR IGNORE INTO role_assignments (web_id, scope, principal_id, roledef_id) VALUES (?, ?, ?, ?)')
      .run(web.id, scope, principalId, roleDefId);
    this.invalidateSecurity();
  }

  public removeRoleAssignment(web: Web, scope: string, principalId: number, roleDefId?: number): void {
    if (roleDefId === undefined) {
      this.q('DELETE FROM role_assignments WHERE web_id = ? AND scope = ? AND principal_id = ?').run(web.id, scope, principalId);
    } else {
      this.q('DELETE FROM role_assignments WHERE web_id = ? AND scope = ? AND principal_id = ? AND roledef_id = ?').run(web.id, scope, principalId, roleDefId);
    }
    this.invalidateSecurity();
  }

  /** Permissions, groups or folders changed: forget what was derived from them. */
  public invalidateSecurity(): void {
    this.permCache.clear();
    this.scopeCache.clear();
  }

  // Role definitions: the built-in permission levels plus the site collection's own.

  public roleDefinitions(web: Web): RoleDefinition[] {
    const custom = (this.q('SELECT * FROM role_definitions WHERE web_id = ? ORDER BY id').all(web.id) as Array<{
      id: number; name: string; description: string; ord: number; kinds: string;
    }>).map((r): RoleDefinition => ({ id: r.id, name: r.name, description: r.description, roleTypeKind: 0, order: r.ord, kinds: parseJson<number[]>(r.kinds) }));
    return [...ROLE_DEFINITIONS, ...custom];
  }

  public roleDefinition(web: Web, id: number): RoleDefinition | undefined {
    return ROLE_DEFINITIONS.find((r) => r.id === id) ?? this.roleDefinitions(web).find((r) => r.id === id);
  }

  /**
   * `roleDefinitions.add`: a custom permission level. Creating permission levels is what
   * Manage Permissions grants ("Create and change permission levels on the Web site").
   */
  public addRoleDefinition(actor: Actor, body: Record<string, unknown>): RoleDefinition {
    this.demand(actor, PermissionKind.ManagePermissions);
    const name = typeof body.Name === 'string' ? body.Name.trim() : '';
    if (!name || name.length > 64) throw Errors.badRequest('A permission level needs a Name of 1 to 64 characters.');
    if (this.roleDefinitions(actor.web).some((r) => r.name.toLowerCase() === name.toLowerCase())) {
      throw new SpError(400, '-2130575293, Microsoft.SharePoint.SPException', 'The specified name is already in use.');
    }
    const mask = body.BasePermissions as { High?: unknown; Low?: unknown } | undefined;
    if (!mask || mask.High === undefined || mask.Low === undefined || !isFinite(Number(mask.High)) || !isFinite(Number(mask.Low))) {
      throw Errors.badRequest('A permission level needs BasePermissions with High and Low.');
    }
    const kinds = kindsOfMask({ High: mask.High as string, Low: mask.Low as string });
    const row = this.q('SELECT MAX(id) AS m FROM role_definitions WHERE web_id = ?').get(actor.web.id) as { m: number | null };
    // [verify: SharePoint Online numbers custom levels after the built-in ones; the exact start is not documented]
    const id = Math.max(row.m ?? 0, 1073741924) + 1;
    const order = typeof body.Order === 'number' ? body.Order : 0;
    this.q('INSERT INTO role_definitions (web_id, id, name, description, ord, kinds) VALUES (?, ?, ?, ?, ?, ?)')
      .run(actor.web.id, id, name, typeof body.Description === 'string' ? body.Description : '', order, JSON.stringify(kinds));
    this.invalidateSecurity();
    return this.roleDefinition(actor.web, id) as RoleDefinition;
  }

  public deleteRoleDefinition(actor: Actor, id: number): void {
    this.demand(actor, PermissionKind.ManagePermissions);
    if (ROLE_DEFINITIONS.some((r) => r.id === id)) throw Errors.badRequest('A built-in permission level cannot be deleted.');
    this.q('DELETE FROM role_definitions WHERE web_id = ? AND id = ?').run(actor.web.id, id);
    this.q('DELETE FROM role_assignments WHERE web_id = ? AND roledef_id = ?').run(actor.web.id, id);
    this.invalidateSecurity();
  }

  /**
   * The scope whose assignments apply: the item's own, else the nearest folder above it with
   * unique permissions, else the list's, else the site's — SharePoint's inheritance chain.
   */
  public effectiveScope(list?: List, item?: Item): string {
    if (list && item) {
      if (item.uniquePerms) return itemScope(list, item);
      const folder = this.folderScope(list, item.folder);
      if (folder) return folder;
    }
    if (list && list.uniquePerms) return list.id;
    return 'web';
  }

  /** The scope of the folder at `path` or of the nearest folder above it with its own permissions. */
  public folderScope(list: List, path: string): string | undefined {
    if (!path || path.toLowerCase() === list.url.toLowerCase()) return undefined;
    const key = `${list.id}|${path}`;
    if (this.scopeCache.has(key)) return this.scopeCache.get(key) || undefined;
    let scope = '';
    for (let p = path; p.length > list.url.length;) {
      const cut = p.lastIndexOf('/');
      const row = this.q('SELECT id, unique_perms FROM items WHERE list_id = ? AND folder = ? AND leaf = ? AND fs_type = 1')
        .get(list.id, p.slice(0, cut), p.slice(cut + 1)) as { id: number; unique_perms: number } | undefined;
      if (row?.unique_perms) { scope = `${list.id}:${row.id}`; break; }
      p = p.slice(0, cut);
    }
    this.scopeCache.set(key, scope);
    return scope || undefined;
  }

  public breakInheritance(web: Web, list: List, item: Item | undefined, copy: boolean): void {
    const from = this.effectiveScope(list, item);
    const scope = item ? itemScope(list, item) : list.id;
    if (from === scope) return;
    this.q('DELETE FROM role_assignments WHERE web_id = ? AND scope = ?').run(web.id, scope);
    if (copy) {
      this.q('INSERT INTO role_assignments (web_id, scope, principal_id, roledef_id) SELECT web_id, ?, principal_id, roledef_id FROM role_assignments WHERE web_id = ? AND scope = ?')
        .run(scope, web.id, from);
    }
    if (item) {
      this.q('UPDATE items SET unique_perms = 1 WHERE list_id = ? AND id = ?').run(list.id, item.id);
      item.uniquePerms = true;
    } else {
      this.q('UPDATE lists SET unique_perms = 1 WHERE id = ?').run(list.id);
      list.uniquePerms = true;
    }
    this.invalidateSecurity();
  }

  public resetInheritance(web: Web, list: List, item?: Item): void {
    const scope = item ? itemScope(list, item) : list.id;
    this.q('DELETE FROM role_assignments WHERE web_id = ? AND scope = ?').run(web.id, scope);
    if (item) {
      this.q('UPDATE items SET unique_perms = 0 WHERE list_id = ? AND id = ?').run(list.id, item.id);
      item.uniquePerms = false;
    } else {
      this.q('UPDATE lists SET unique_perms = 0 WHERE id = ?').run(list.id);
      list.uniquePerms = false;
    }
    this.invalidateSecurity();
  }

  /** What the user may do on the site, a list, or an item (through its folders), by role assignments. */
  public permissions(web: Web, user: Principal, list?: List, item?: Item): PermissionSet {
    if (user.isSiteAdmin) return PermissionSet.fullControl();
    return this.permissionsAt(web, user, this.effectiveScope(list, item));
  }

  private permissionsAt(web: Web, user: Principal, scope: string): PermissionSet {
    if (user.isSiteAdmin) return PermissionSet.fullControl();
    const key = `${web.id}|${user.id}|${scope}`;
    const cached = this.permCache.get(key);
    if (cached) return cached;
    const principalIds = [user.id, ...this.groupsOfUser(web, user.id).map((g) => g.id)];
    let set = new PermissionSet();
    const rows = this.q(
      `SELECT roledef_id FROM role_assignments WHERE web_id = ? AND scope = ? AND principal_id IN (${principalIds.map(() => '?').join(',')})`
    ).all(web.id, scope, ...principalIds) as Array<{ roledef_id: number }>;
    for (const r of rows) {
      const def = this.roleDefinition(web, r.roledef_id);
      if (def?.full) { set = PermissionSet.fullControl(); break; }
      if (def) set.add(def.kinds);
    }
    this.permCache.set(key, set);
    return set;
  }

  /**
   * Limited Access: someone granted rights on an item or folder of a list they cannot otherwise
   * see may still open the list and read what was shared, as SharePoint grants Limited Access up
   * the chain (SPPermissionGroup64.Guest: "Has access to a specific list but not to the entire site").
   */
  public hasItemGrant(actor: Actor, list: List): boolean {
    const principalIds = [actor.user.id, ...this.groupsOfUser(actor.web, actor.user.id).map((g) => g.id)];
    const rows = this.q(
      `SELECT DISTINCT roledef_id FROM role_assignments WHERE web_id = ? AND scope LIKE ? AND principal_id IN (${principalIds.map(() => '?').join(',')})`
    ).all(actor.web.id, `${list.id}:%`, ...principalIds) as Array<{ roledef_id: number }>;
    return rows.some((r) => this.roleDefinition(actor.web, r.roledef_id)?.kinds.includes(PermissionKind.ViewListItems) ?? false);
  }

  /** May the actor read items of the list at all: by the list's permissions, or through an item shared with them. */
  public demandListRead(actor: Actor, list: List): void {
    if (this.permissions(actor.web, actor.user, list).has(PermissionKind.ViewListItems)) return;
    if (!this.hasItemGrant(actor, list)) throw Errors.accessDenied();
  }

  public demand(actor: Actor, kind: number, list?: List, item?: Item): void {
    if (!this.permissions(actor.web, actor.user, list, item).has(kind)) throw Errors.accessDenied();
  }

  /**
   * Override List Behaviors, SharePoint's one documented exception to item-level security:
   * SPList.ReadSecurity is "2 - Users have Read access only to items that they create"
   * (https://learn.microsoft.com/previous-versions/office/sharepoint-server/ms449811(v=office.15)),
   * and the permission that lifts it is Override List Behaviors, SPBasePermissions.CancelCheckout
   * ("Discard or check in a document which is checked out to another user, and change or override
   * settings which allow users to read/edit only their own items";
   * https://learn.microsoft.com/sharepoint/sites/user-permissions-and-permission-levels; the list's
   * advanced settings page: "Users with the Cancel Checkout permission can read and edit all items").
   * Manage Lists is not an exception, and neither are an item's own permissions. SharePoint does not
   * say at which scope it checks the override; the list's is the stricter reading [verify].
   */
  public overridesListBehaviors(actor: Actor, list: List): boolean {
    return this.permissions(actor.web, actor.user, list).has(PermissionKind.CancelCheckout);
  }

  /** ReadSecurity 2: only the item's author (or an Override List Behaviors holder) reads it. */
  public canReadItem(actor: Actor, list: List, item: Item): boolean {
    if (!this.permissions(actor.web, actor.user, list, item).has(PermissionKind.ViewListItems)) return false;
    if (!this.itemReadRules.every((rule) => rule(actor, list, item))) return false;
    if (list.props.ReadSecurity === 2 && item.authorId !== actor.user.id) return this.overridesListBehaviors(actor, list);
    return true;
  }

  /** A read of something more than the item itself (versions, the file): 404 when unseen, 403 without `kind`. */
  public demandItemRead(actor: Actor, list: List, item: Item, kind: number): void {
    if (!this.canReadItem(actor, list, item)) throw Errors.itemNotFound();
    if (!this.permissions(actor.web, actor.user, list, item).has(kind)) throw Errors.accessDenied();
  }

  /**
   * SPList.WriteSecurity: 1 all users modify all items, 2 users modify only items they create,
   * 4 users modify no item (the list settings' "Create and Edit access: None", which also stops
   * new items, see demandAdd). Override List Behaviors lifts both, as for ReadSecurity.
   */
  public demandItemWrite(actor: Actor, list: List, item: Item, kind: number): void {
    if (!this.canReadItem(actor, list, item)) throw Errors.itemNotFound();
    if (!this.permissions(actor.web, actor.user, list, item).has(kind)) throw Errors.accessDenied();
    const ws = list.props.WriteSecurity;
    if (((ws === 2 && item.authorId !== actor.user.id) || ws === 4) && !this.overridesListBehaviors(actor, list)) {
      throw Errors.accessDenied();
    }
  }

  /** What the actor may do in the folder a new item goes into (the list's root when none). */
  public permissionsForAdd(actor: Actor, list: List, folder?: string): PermissionSet {
    if (actor.user.isSiteAdmin) return PermissionSet.fullControl();
    const scope = (folder ? this.folderScope(list, folder) : undefined) ?? this.effectiveScope(list);
    return this.permissionsAt(actor.web, actor.user, scope);
  }

  /** Adding an item or file: Add Items on the folder it goes into (or the list), and WriteSecurity not 4. */
  public demandAdd(actor: Actor, list: List, folder?: string): void {
    if (!this.permissionsForAdd(actor, list, folder).has(PermissionKind.AddListItems)) throw Errors.accessDenied();
    if (list.props.WriteSecurity === 4 && !this.overridesListBehaviors(actor, list)) throw Errors.accessDenied();
  }

  // ---------------------------------------------------------------- lists

  public lists(web: Web): List[] {
    return (this.q('SELECT * FROM lists WHERE web_id = ? ORDER BY created, title').all(web.id) as ListRow[]).map(toList);
  }

  public getList(web: Web, by: { id?: string; title?: string; url?: string }): List | undefined {
    let row: ListRow | undefined;
    if (by.id) row = this.q('SELECT * FROM lists WHERE web_id = ? AND id = ?').get(web.id, by.id.toLowerCase()) as ListRow | undefined;
    else if (by.title !== undefined) row = this.q('SELECT * FROM lists WHERE web_id = ? AND title = ?').get(web.id, by.title) as ListRow | undefined;
    else if (by.url !== undefined) row = this.q('SELECT * FROM lists WHERE web_id = ? AND url = ?').get(web.id, by.url.replace(/\/+$/, '')) as ListRow | undefined;
    return row ? toList(row) : undefined;
  }

  public reloadList(list: List): List {
    return toList(this.q('SELECT * FROM lists WHERE id = ?').get(list.id) as ListRow);
  }

  public createList(actor: Actor, body: Record<string, unknown>): List {
    this.demand(actor, PermissionKind.ManageLists);
    const title = body.Title;
    if (typeof title !== 'string' || !title.trim()) throw Errors.badRequest('A list needs a Title.');
    if (title.length > 255) throw Errors.badRequest('The list title must be 255 characters or fewer.');
    const template = body.BaseTemplate === undefined ? 100 : Number(body.BaseTemplate);
    if (![100, 101, 103, 104, 105, 106, 107, 119, 171].includes(template)) {
      throw Errors.notImplemented(`lists of BaseTemplate ${String(body.BaseTemplate)}`);
    }
    const { web } = actor;
    if (this.getList(web, { title })) {
      throw new SpError(500, '-2130575342, Microsoft.SharePoint.SPException',
        'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.');
    }
    const urlName = typeof body.Url === 'string' && body.Url ? body.Url : listUrlNameOf(title);
    const isLibrary = template === 101 || template === 119;
    let url = `${web.path}/${isLibrary ? '' : 'Lists/'}${urlName || 'List'}`;
    for (let n = 1; this.getList(web, { url }); n++) url = `${web.path}/${isLibrary ? '' : 'Lists/'}${urlName}${n}`;
    const known: Array<keyof ListProps> = ['Description', 'Hidden', 'EnableVersioning', 'EnableMinorVersions', 'MajorVersionLimit',
      'ReadSecurity', 'WriteSecurity', 'ContentTypesEnabled', 'EnableAttachments', 'ForceCheckout', 'OnQuickLaunch', 'NoCrawl',
      'EnableModeration', 'DraftVersionVisibility'];
    const props: ListProps = {
      Description: '', Hidden: false, EnableVersioning: isLibrary, EnableMinorVersions: false, MajorVersionLimit: isLibrary ? 500 : 50,
      ReadSecurity: 1, WriteSecurity: 1, ContentTypesEnabled: false, EnableAttachments: !isLibrary, ForceCheckout: false,
      OnQuickLaunch: false, NoCrawl: false, EnableModeration: false, DraftVersionVisibility: 0
    };
    for (const k of known) if (body[k] !== undefined) props[k] = body[k];
    validateListProps(props, template);
    const id = randomUUID();
    const ts = now();
    return this.tx(() => {
      this.q('INSERT INTO lists (id, web_id, title, url, base_template, created, modified, props) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, web.id, title, url, template, ts, ts, JSON.stringify(props));
      let seq = 0;
      for (const [fid, name, ftitle, type, fprops] of [...BASE_FIELDS, ...(isLibrary ? LIBRARY_FIELDS : [])]) {
        const p = { ...fprops };
        if (isLibrary && name === 'Title') p.Required = false;
        this.insertField(id, fid || randomUUID(), name, ftitle, type, seq++, p);
      }
      this.q('INSERT INTO content_types (scope, id, name, props) VALUES (?, ?, ?, ?)')
        .run(id, listContentTypeId({ id }, isLibrary ? CONTENT_TYPE_DOCUMENT : CONTENT_TYPE_ITEM), isLibrary ? 'Document' : 'Item',
          JSON.stringify({ Group: isLibrary ? 'Document Content Types' : 'List Content Types' }));
      const list = this.getList(web, { id }) as List;
      this.insertView(list, { Title: 'All Items', DefaultView: true, ViewFields: isLibrary ? ['DocIcon', 'LinkFilename', 'Modified', 'Editor'] : ['LinkTitle'], RowLimit: 30 });
      return list;
    });
  }

  public updateList(actor: Actor, list: List, body: Record<string, unknown>): void {
    this.demand(actor, PermissionKind.ManageLists, list);
    const props = { ...list.props };
    let title = list.title;
    for (const [k, v] of Object.entries(body)) {
      if (k === '__metadata') continue;
      if (k === 'Title') {
        if (typeof v !== 'string' || !v.trim()) throw Errors.badRequest('A list needs a Title.');
        const clash = this.getList(actor.web, { title: v });
        if (clash && clash.id !== list.id) throw Errors.badRequest(`A list titled '${v}' already exists.`);
        title = v;
      } else if (k in props || ['Description', 'Hidden', 'EnableVersioning', 'EnableMinorVersions', 'MajorVersionLimit', 'ReadSecurity',
        'WriteSecurity', 'ContentTypesEnabled', 'EnableAttachments', 'ForceCheckout', 'OnQuickLaunch', 'NoCrawl', 'EnableFolderCreation',
        'DraftVersionVisibility', 'EnableModeration', 'DefaultContentApprovalWorkflowId', 'Direction', 'ExcludeFromOfflineClient',
        'IrmEnabled', 'ValidationFormula', 'ValidationMessage'].includes(k)) {
        props[k] = v;
      } else {
        throw Errors.badRequest(`The property '${k}' does not exist on type 'SP.List'. Make sure to only use property names that are defined by the type.`);
      }
    }
    validateListProps(props, list.baseTemplate);
    this.q('UPDATE lists SET title = ?, props = ?, modified = ?, version = version + 1 WHERE id = ?')
      .run(title, JSON.stringify(props), now(), list.id);
  }

  /** Deletes or recycles a list; a recycled list can be restored from the recycle bin. */
  public deleteList(actor: Actor, list: List, recycle: boolean): string | undefined {
    this.demand(actor, PermissionKind.ManageLists, list);
    return this.tx(() => {
      let recycleId: string | undefined;
      if (recycle) {
        recycleId = randomUUID();
        const dump = {
          list: this.q('SELECT * FROM lists WHERE id = ?').get(list.id),
          fields: this.q('SELECT * FROM fields WHERE scope = ?').all(list.id),
          views: this.q('SELECT * FROM views WHERE list_id = ?').all(list.id),
          items: this.q('SELECT * FROM items WHERE list_id = ?').all(list.id)
        };
        this.q('INSERT INTO recycle_bin (id, web_id, kind, title, deleted, deleted_by, payload) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(recycleId, actor.web.id, 'list', list.title, now(), actor.user.id, JSON.stringify(dump));
      }
      for (const t of ['fields WHERE scope', 'views WHERE list_id', 'content_types WHERE scope', 'items WHERE list_id', 'item_index WHERE list_id',
        'item_versions WHERE list_id', 'file_contents WHERE list_id', 'uploads WHERE list_id']) {
        this.q(`DELETE FROM ${t} = ?`).run(list.id);
        this.fieldCache.delete(list.id);
      }
      this.q('DELETE FROM role_assignments WHERE web_id = ? AND (scope = ? OR scope LIKE ?)').run(actor.web.id, list.id, `${list.id}:%`);
      this.q('DELETE FROM lists WHERE id = ?').run(list.id);
      return recycleId;
    });
  }

  // ---------------------------------------------------------------- fields

  /** Cached per list (fields change rarely, items often); callers must not mutate the result. */
  public fields(scope: string): Field[] {
    let cached = this.fieldCache.get(scope);
    if (!cached) {
      cached = (this.q('SELECT * FROM fields WHERE scope = ? ORDER BY seq').all(scope) as FieldRow[]).map(toField);
      this.fieldCache.set(scope, cached);
    }
    return cached;
  }

  public getField(scope: string, by: { id?: string; name?: string; title?: string; nameOrTitle?: string }): Field | undefined {
    const all = this.fields(scope);
    if (by.id) return all.find((f) => f.id === by.id?.toLowerCase());
    if (by.name !== undefined) return all.find((f) => f.internalName === by.name);
    if (by.title !== undefined) return all.find((f) => f.title === by.title);
    if (by.nameOrTitle !== undefined) return all.find((f) => f.internalName === by.nameOrTitle) ?? all.find((f) => f.title === by.nameOrTitle);
    return undefined;
  }

  private insertField(scope: string, id: string, internalName: string, title: string, type: string, seq: number, props: FieldProps): void {
    this.fieldCache.delete(scope);
    const kind = KIND_BY_TYPE[type];
    if (kind === undefined) throw Errors.badRequest(`Unsupported field type ${type}.`);
    this.q('INSERT INTO fields (scope, id, internal_name, title, type_kind, type_as_string, seq, props) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(scope, id, internalName, title, kind, type, seq, JSON.stringify(props));
  }

  /**
   * Adds a field. The internal name comes from the explicit name when one is given
   * (CAML `Name`/`StaticName`), else from the title as SharePoint escapes it.
   */
  public addField(actor: Actor, list: List | undefined, def: {
    title: string; type: string; internalName?: string; id?: string; props: FieldProps; addToDefaultView?: boolean;
  }): Field {
    this.demand(actor, list ? PermissionKind.ManageLists : PermissionKind.ManageWeb, list);
    const scope = list ? list.id : `web:${actor.web.id}`;
    if (!def.title || !def.title.trim()) throw Errors.badRequest('A field needs a Title.');
    if (KIND_BY_TYPE[def.type] === undefined) throw Errors.notImplemented(`fields of type ${def.type}`);
    const internalName = def.internalName ?? escapeInternalName(def.title);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(internalName)) {
      throw Errors.badRequest(`The internal name '${internalName}' is not valid: use letters, digits and _ only.`);
    }
    const existing = this.fields(scope);
    if (existing.some((f) => f.internalName.toLowerCase() === internalName.toLowerCase())) {
      throw new SpError(500, '-2130575245, Microsoft.SharePoint.SPException', `A duplicate field name "${internalName}" was found.`);
    }
    const id = (def.id ?? randomUUID()).toLowerCase().replace(/[{}]/g, '');
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) throw Errors.badRequest(`'${id}' is not a valid field ID.`);
    if (existing.some((f) => f.id === id)) {
      throw new SpError(500, '-2130575245, Microsoft.SharePoint.SPException', `A field with id ${id} was found in the list already.`);
    }
    if (isIdRefType(def.type) && def.type.startsWith('Lookup')) {
      const target = def.props.LookupList ? this.getList(actor.web, { id: def.props.LookupList.replace(/[{}]/g, '') }) : undefined;
      if (!target) throw Errors.badRequest(`The lookup field '${def.title}' needs an existing LookupList (got '${String(def.props.LookupList)}').`);
      def.props.LookupList = target.id;
      def.props.LookupField = def.props.LookupField || 'Title';
    }
    if (def.props.Indexed && list) this.checkIndexLimit(list, 1);
    return this.tx(() => {
      const seq = existing.length ? Math.max(...existing.map((f) => f.seq)) + 1 : 0;
      this.insertField(scope, id, internalName, def.title, def.type, seq, def.props);
      const field = this.getField(scope, { id }) as Field;
      if (list && field.props.Indexed) this.rebuildIndex(list, field);
      if (list && def.addToDefaultView) {
        const dv = this.views(list).find((v) => v.props.DefaultView);
        if (dv && !dv.props.ViewFields.includes(internalName)) this.setViewProps(dv, { ViewFields: [...dv.props.ViewFields, internalName] });
      }
      if (list) this.touchList(list);
      return field;
    });
  }

  public updateField(actor: Actor, list: List | undefined, field: Field, body: Record<string, unknown>): void {
    this.demand(actor, list ? PermissionKind.ManageLists : PermissionKind.ManageWeb, list);
    const props: FieldProps = { ...field.props };
    let title = field.title;
    const settable = ['Required', 'Indexed', 'EnforceUniqueValues', 'Hidden', 'Description', 'Group', 'Choices', 'FillInChoice', 'MaxLength',
      'MinimumValue', 'MaximumValue', 'DefaultValue', 'DisplayFormat', 'SelectionMode', 'ReadOnlyField', 'ValidationFormula',
      'ValidationMessage', 'EditFormat', 'NumberOfLines', 'RichText', 'AppendOnly', 'AllowHyperlink', 'RestrictedMode',
      'DateTimeCalendarType', 'FriendlyDisplayFormat', 'CurrencyLocaleId', 'ShowInDisplayForm', 'ShowInEditForm', 'ShowInNewForm',
      'CustomFormatter', 'ClientSideComponentId', 'JSLink', 'StaticName', 'AllowDeletion', 'Sealed', 'Format'];
    for (const [k, raw] of Object.entries(body)) {
      if (k === '__metadata' || k === 'FieldTypeKind') continue;
      const v = k === 'Choices' ? unwrapCollection(raw) : raw;
      if (k === 'Title') {
        if (typeof v !== 'string' || !v.trim()) throw Errors.badRequest('A field needs a Title.');
        title = v;
      } else if (settable.includes(k)) {
        (props as Record<string, unknown>)[k] = v;
      } else {
        throw Errors.badRequest(`The property '${k}' does not exist on type 'SP.Field'. Make sure to only use property names that are defined by the type.`);
      }
    }
    if (props.system && body.Indexed !== undefined && field.internalName === 'ID') throw Errors.badRequest('The ID column is always indexed.');
    if (props.EnforceUniqueValues && !props.Indexed) {
      throw Errors.badRequest('You must index this column before enforcing unique values on it.');
    }
    const becameIndexed = !field.props.Indexed && !!props.Indexed;
    if (list && becameIndexed) this.checkIndexLimit(list, 1);
    this.tx(() => {
      this.q('UPDATE fields SET title = ?, props = ? WHERE scope = ? AND id = ?').run(title, JSON.stringify(props), field.scope, field.id);
      this.fieldCache.delete(field.scope);
      if (list && props.Indexed !== field.props.Indexed) {
        const updated = this.getField(field.scope, { id: field.id }) as Field;
        if (props.Indexed) this.rebuildIndex(list, updated);
        else this.q('DELETE FROM item_index WHERE list_id = ? AND field = ?').run(list.id, field.internalName);
      }
      if (list) this.touchList(list);
    });
  }

  public deleteField(actor: Actor, list: List | undefined, field: Field): void {
    this.demand(actor, list ? PermissionKind.ManageLists : PermissionKind.ManageWeb, list);
    if (field.props.system || field.internalName === 'Title') {
      throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPFieldValidationException', 'You cannot delete a built-in column.');
    }
    this.tx(() => {
      this.q('DELETE FROM fields WHERE scope = ? AND id = ?').run(field.scope, field.id);
      this.fieldCache.delete(field.scope);
      if (list) {
        this.q('DELETE FROM item_index WHERE list_id = ? AND field = ?').run(list.id, field.internalName);
        this.touchList(list);
      }
    });
  }

  private checkIndexLimit(list: List, adding: number): void {
    const indexed = this.fields(list.id).filter((f) => f.props.Indexed && f.internalName !== 'ID').length;
    if (indexed + adding > MAX_INDEXES) {
      throw new SpError(400, '-2130575185, Microsoft.SharePoint.SPException',
        `The list '${list.title}' already has ${MAX_INDEXES} indexed columns, the most SharePoint allows.`);
    }
  }

  // ---------------------------------------------------------------- content types

  public contentTypes(scope: string): Array<{ id: string; name: string; props: Record<string, unknown> }> {
    return (this.q('SELECT * FROM content_types WHERE scope = ? ORDER BY id').all(scope) as Array<{ id: string; name: string; props: string }>)
      .map((r) => ({ id: r.id, name: r.name, props: parseJson<Record<string, unknown>>(r.props) }));
  }

  /**
   * `contentTypes.add` over REST: SharePoint ignores a requested ID and always makes a child of
   * Item, `0x0100` + 32 hex digits (pnp/pnpjs#457, #3367). A name already used is refused [verify
   * the message]. Returns the new ID.
   */
  public addContentType(scope: string, name: string, props: Record<string, unknown>): string {
    if (this.contentTypes(scope).some((c) => c.name.toLowerCase() === name.toLowerCase())) {
      throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', `A duplicate content type "${name}" was found.`);
    }
    const id = `${CONTENT_TYPE_ITEM}00${randomUUID().replace(/-/g, '').toUpperCase()}`;
    this.q('INSERT INTO content_types (scope, id, name, props) VALUES (?, ?, ?, ?)').run(scope, id, name, JSON.stringify(props));
    return id;
  }

  /** A list's copy of a site content type (the parent's ID + "00" + 32 hex digits); one per parent. */
  public addListContentType(list: List, site: { id: string; name: string; props: Record<string, unknown> }): { id: string; name: string; props: Record<string, unknown> } {
    const existing = this.contentTypes(list.id).find((c) => c.id.toUpperCase().startsWith(`${site.id.toUpperCase()}00`) && c.id.length === site.id.length + 34);
    if (existing) throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', `A duplicate content type "${site.name}" was found.`);
    const id = `${site.id}00${randomUUID().replace(/-/g, '').toUpperCase()}`;
    const { BuiltIn: _builtIn, ...props } = site.props;
    this.q('INSERT INTO content_types (scope, id, name, props) VALUES (?, ?, ?, ?)').run(list.id, id, site.name, JSON.stringify(props));
    this.touchList(list);
    return { id, name: site.name, props };
  }

  public updateContentType(scope: string, id: string, patch: { Name?: string; Description?: string; Group?: string }): void {
    const ct = this.contentTypes(scope).find((c) => c.id === id);
    if (!ct) throw Errors.argument(`The content type '${id}' does not exist.`, 404);
    if (ct.props.BuiltIn) throw new SpError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied. The built-in content types are read-only here [verify].');
    const name = patch.Name ?? ct.name;
    if (name !== ct.name && this.contentTypes(scope).some((c) => c.id !== id && c.name.toLowerCase() === name.toLowerCase())) {
      throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', `A duplicate content type "${name}" was found.`);
    }
    const props = { ...ct.props, ...(patch.Description !== undefined ? { Description: patch.Description } : {}), ...(patch.Group !== undefined ? { Group: patch.Group } : {}) };
    this.q('UPDATE content_types SET name = ?, props = ? WHERE scope = ? AND id = ?').run(name, JSON.stringify(props), scope, id);
  }

  // ---------------------------------------------------------------- views

  public views(list: List): View[] {
    return (this.q('SELECT * FROM views WHERE list_id = ? ORDER BY seq').all(list.id) as ViewRow[]).map(toView);
  }

  public insertView(list: List, body: Record<string, unknown>): View {
    const title = body.Title;
    if (typeof title !== 'string' || !title.trim()) throw Errors.badRequest('A view needs a Title.');
    const views = this.views(list);
    if (views.some((v) => v.title.toLowerCase() === title.toLowerCase() && !body.PersonalView)) {
      throw Errors.badRequest(`A view named '${title}' already exists in the list.`);
    }
    const rowLimit = body.RowLimit === undefined ? 30 : Number(body.RowLimit);
    if (!Number.isInteger(rowLimit) || rowLimit < 1 || rowLimit > THRESHOLD) {
      throw Errors.badRequest(`RowLimit must be an integer from 1 to ${THRESHOLD}.`);
    }
    const viewFields = unwrapCollection(body.ViewFields) ?? [];
    const props: View['props'] = {
      DefaultView: !!body.DefaultView || !!body.SetAsDefaultView || views.length === 0,
      PersonalView: !!body.PersonalView,
      Hidden: !!body.Hidden,
      RowLimit: rowLimit,
      Paged: body.Paged === undefined ? true : !!body.Paged,
      ViewQuery: typeof body.ViewQuery === 'string' ? body.ViewQuery : '',
      ViewFields: viewFields.map(String),
      ViewTypeKind: typeof body.ViewTypeKind === 'number' ? body.ViewTypeKind : 1
    };
    const id = randomUUID();
    if (props.DefaultView) for (const v of views) this.setViewProps(v, { DefaultView: false });
    this.q('INSERT INTO views (list_id, id, title, seq, props) VALUES (?, ?, ?, ?, ?)').run(list.id, id, title, views.length, JSON.stringify(props));
    return this.views(list).find((v) => v.id === id) as View;
  }

  public setViewProps(view: View, patch: Partial<View['props']> & { Title?: string }): void {
    const { Title, ...rest } = patch;
    const props = { ...view.props, ...rest };
    if (rest.DefaultView) this.q("UPDATE views SET props = json_set(props, '$.DefaultView', json('false')) WHERE list_id = ?").run(view.listId);
    this.q('UPDATE views SET props = ?, title = ? WHERE list_id = ? AND id = ?').run(JSON.stringify(props), Title ?? view.title, view.listId, view.id);
    view.props = props;
    if (Title) view.title = Title;
  }

  public deleteView(list: List, view: View): void {
    if (view.props.DefaultView) throw Errors.badRequest('The default view of a list cannot be deleted.');
    this.q('DELETE FROM views WHERE list_id = ? AND id = ?').run(list.id, view.id);
  }

  // ---------------------------------------------------------------- items

  public touchList(list: List): void {
    this.q('UPDATE lists SET modified = ? WHERE id = ?').run(now(), list.id);
  }

  public getItem(list: List, id: number): Item | undefined {
    const row = this.q('SELECT * FROM items WHERE list_id = ? AND id = ?').get(list.id, id) as ItemRow | undefined;
    return row ? toItem(row) : undefined;
  }

  public getItemsByIds(list: List, ids: number[]): Map<number, Item> {
    const out = new Map<number, Item>();
    const stmt = this.q('SELECT * FROM items WHERE list_id = ? AND id = ?');
    for (const id of new Set(ids)) {
      const row = stmt.get(list.id, id) as ItemRow | undefined;
      if (row) out.set(id, toItem(row));
    }
    return out;
  }

  /** Converts a payload of entity property names into stored values, rejecting what SharePoint rejects. */
  public coerceItemPayload(actor: Actor, list: List, body: Record<string, unknown>, creating: boolean): Record<string, FieldValue> {
    const fields = this.fields(list.id);
    const byProperty = new Map<string, Field>();
    for (const f of fields) {
      if (isIdRefType(f.typeAsString)) byProperty.set(`${entityPropertyName(f.internalName)}Id`, f);
      else byProperty.set(entityPropertyName(f.internalName), f);
    }
    const out: Record<string, FieldValue> = {};
    const entityType = listItemEntityTypeFullName(list);
    for (const [key, raw] of Object.entries(body)) {
      if (key === '__metadata') {
        const t = (raw as { type?: string } | null)?.type;
        if (t && t !== entityType) {
          throw Errors.badRequest(`A type named '${t}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`);
        }
        continue;
      }
      if (key.endsWith('StringId') && byProperty.has(key.slice(0, -'StringId'.length) + 'Id')) {
        const f = byProperty.get(key.slice(0, -'StringId'.length) + 'Id') as Field;
        if (raw === null || raw === undefined) out[f.internalName] = null;
        continue;
      }
      const field = byProperty.get(key);
      if (!field) {
        throw Errors.badRequest(`The property '${key}' does not exist on type '${entityType}'. Make sure to only use property names that are defined by the type.`);
      }
      if (field.props.system && field.props.system !== 'leaf') {
        throw Errors.badRequest(`The field '${field.internalName}' is read-only.`);
      }
      out[field.internalName] = this.coerceValue(actor, field, raw);
    }
    if (creating) {
      for (const f of fields) {
        if (out[f.internalName] === undefined && f.props.DefaultValue !== undefined && f.props.DefaultValue !== null && f.props.DefaultValue !== '') {
          out[f.internalName] = this.coerceValue(actor, f, defaultOf(f));
        }
      }
    }
    return out;
  }

  private coerceValue(actor: Actor, field: Field, raw: unknown): FieldValue {
    const name = field.internalName;
    const t = field.typeAsString;
    const bad = (edm: string): SpError => Errors.badRequest(
      `Cannot convert a primitive value to the expected type '${edm}'. See the inner exception for more details. (field '${name}', value ${JSON.stringify(raw)})`);
    if (raw === undefined) return null;
    switch (t) {
      case 'Text': case 'Note': case 'Choice': case 'Guid': {
        if (raw === null) return null;
        if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') throw bad('Edm.String');
        const s = String(raw);
        const max = t === 'Text' ? (field.props.MaxLength ?? 255) : t === 'Note' ? 63999 * 4 : 255;
        if (s.length > max) {
          throw new SpError(400, '-2130575155, Microsoft.SharePoint.SPFieldValidationException',
            `The value of the field '${field.title}' is longer than the ${max} characters it allows.`);
        }
        return s;
      }
      case 'MultiChoice': {
        if (raw === null) return null;
        const arr = unwrapCollection(raw);
        if (!arr || arr.some((v) => typeof v !== 'string')) throw bad('Collection(Edm.String)');
        return arr as string[];
      }
      case 'Number': case 'Currency': case 'Integer': {
        if (raw === null || raw === '') return null;
        const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
        if (!Number.isFinite(n)) throw bad('Edm.Double');
        if (field.props.MinimumValue !== undefined && n < field.props.MinimumValue) {
          throw new SpError(400, '-2130575155, Microsoft.SharePoint.SPFieldValidationException',
            `The value of the field '${field.title}' must be at least ${field.props.MinimumValue}.`);
        }
        if (field.props.MaximumValue !== undefined && n > field.props.MaximumValue) {
          throw new SpError(400, '-2130575155, Microsoft.SharePoint.SPFieldValidationException',
            `The value of the field '${field.title}' must be at most ${field.props.MaximumValue}.`);
        }
        return n;
      }
      case 'Boolean': {
        if (raw === null) return null;
        if (typeof raw === 'boolean') return raw;
        if (raw === 1 || raw === 0) return raw === 1;
        if (raw === 'true' || raw === 'false') return raw === 'true';
        throw bad('Edm.Boolean');
      }
      case 'DateTime':
        return normaliseDate(raw, name);
      case 'URL': {
        if (raw === null) return null;
        if (typeof raw !== 'object' || typeof (raw as { Url?: unknown }).Url !== 'string') throw bad('SP.FieldUrlValue');
        const v = raw as { Url: string; Description?: string };
        if (v.Url && !/^(https?:\/\/|mailto:|\/)/i.test(v.Url)) {
          throw new SpError(400, '-2130575155, Microsoft.SharePoint.SPFieldValidationException', `Invalid URL: ${v.Url}.`);
        }
        return { Url: v.Url, Description: typeof v.Description === 'string' ? v.Description : v.Url };
      }
      case 'User': case 'Lookup': {
        if (raw === null || raw === 0 || raw === '') return null;
        const n = typeof raw === 'number' ? raw : Number(raw);
        if (!Number.isInteger(n) || n < 0) throw bad('Edm.Int32');
        if (t === 'User') this.checkUserIds(actor, [n]);
        return n;
      }
      case 'UserMulti': case 'LookupMulti': {
        if (raw === null) return [];
        const arr = unwrapCollection(raw);
        if (!arr) throw bad('Collection(Edm.Int32)');
        const ids = arr.map((v) => (typeof v === 'number' ? v : Number(v)));
        if (ids.some((n) => !Number.isInteger(n) || n <= 0)) throw bad('Collection(Edm.Int32)');
        if (t === 'UserMulti') this.checkUserIds(actor, ids);
        return [...new Set(ids)];
      }
      default:
        throw Errors.badRequest(`The field '${name}' of type ${t} cannot be written through this endpoint.`);
    }
  }

  private checkUserIds(actor: Actor, ids: number[]): void {
    for (const id of ids) {
      if (!this.getPrincipal(actor.web, id)) {
        throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', `The user or group with id ${id} does not exist or is not unique.`);
      }
    }
  }

  private checkUnique(list: List, values: Record<string, FieldValue>, exceptId?: number): void {
    for (const f of this.fields(list.id)) {
      if (!f.props.EnforceUniqueValues) continue;
      const v = values[f.internalName];
      if (v === null || v === undefined || v === '') continue;
      const key = indexKey(f.typeAsString, v as FieldValue);
      const clash = this.q('SELECT item_id FROM item_index WHERE list_id = ? AND field = ? AND v = ? AND item_id != ? LIMIT 1')
        .get(list.id, f.internalName, key as string | number, exceptId ?? -1);
      if (clash) {
        throw new SpError(409, '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
          'The list item could not be added or updated because duplicate values were found in one or more fields in the list.');
      }
    }
  }

  public addItem(actor: Actor, list: List, body: Record<string, unknown>, file?: { folder: string; leaf: string; fsType?: number }): Item {
    this.demandAdd(actor, list, file?.folder);
    const { change, rest } = takeModeration(body);
    // A new item's approver rights are those of the folder it goes into.
    if (change) checkModerationChange(this, actor, list, this.permissionsForAdd(actor, list, file?.folder), change);
    const values = { ...this.coerceItemPayload(actor, list, rest, true), ...moderationValues(list, change, true) };
    return this.tx(() => this.insertItem(actor, list, values, file));
  }

  /** Inserts without permission checks: callers have checked. */
  public insertItem(actor: Actor, list: List, values: Record<string, FieldValue>, file?: { folder: string; leaf: string; fsType?: number }): Item {
    const fresh = this.reloadList(list);
    this.checkUnique(fresh, values);
    if (file?.fsType !== 1) values = { ...moderationValues(fresh, undefined, true), ...values };
    const id = fresh.nextItemId;
    const ts = now();
    const data: Record<string, FieldValue> = {};
    for (const [k, v] of Object.entries(values)) if (k !== 'FileLeafRef') data[k] = v;
    this.q(
      'INSERT INTO items (list_id, id, guid, created, modified, author_id, editor_id, fs_type, folder, leaf, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
    ).run(list.id, id, randomUUID(), ts, ts, actor.user.id, actor.user.id, file?.fsType ?? 0, file?.folder ?? '', file?.leaf ?? '', JSON.stringify(data));
    this.q('UPDATE lists SET next_item_id = ?, item_count = item_count + 1, modified = ? WHERE id = ?').run(id + 1, ts, list.id);
    const item = afterInsert(this, fresh, this.getItem(list, id) as Item);
    this.writeIndex(fresh, item);
    if (fresh.props.EnableVersioning) this.snapshotVersion(list, item);
    return item;
  }

  public updateItem(actor: Actor, list: List, item: Item, body: Record<string, unknown>, ifMatch: string | undefined): Item {
    this.demandItemWrite(actor, list, item, PermissionKind.EditListItems);
    checkEtag(ifMatch, item);
    const { change, rest } = takeModeration(body);
    if (change) checkModerationChange(this, actor, list, this.permissions(actor.web, actor.user, list, item), change);
    const values = { ...this.coerceItemPayload(actor, list, rest, false), ...moderationValues(list, change, false) };
    return this.tx(() => this.writeItemValues(actor, list, item, values));
  }

  public writeItemValues(actor: Actor, list: List, given: Item, values: Record<string, FieldValue>, newVersion = true): Item {
    // Callers may hold the version a reader sees (the last approved); writes apply to the current one.
    const item = this.getItem(list, given.id) ?? given;
    const approvalOnly = onlyModeration(values);
    if (newVersion) beforeWrite(this, list, item, values);
    const data = { ...item.data };
    for (const [k, v] of Object.entries(values)) if (k !== 'FileLeafRef') data[k] = v;
    this.checkUnique(list, data, item.id);
    const leaf = typeof values.FileLeafRef === 'string' ? values.FileLeafRef : item.leaf;
    const uiVersion = nextUiVersion(list, item, values, newVersion, approvalOnly);
    this.q('UPDATE items SET data = ?, version = version + 1, ui_version = ?, modified = ?, editor_id = ?, leaf = ? WHERE list_id = ? AND id = ?')
      .run(JSON.stringify(data), uiVersion, now(), actor.user.id, leaf, list.id, item.id);
    if (uiVersion !== item.uiVersion) {
      // A metadata-only version of a document still has the document: SharePoint's new version
      // points at the same file stream (a content write replaces this copy right after).
      this.q(`INSERT OR IGNORE INTO file_contents (list_id, item_id, ui_version, content, check_in_comment, created, author_id)
        SELECT list_id, item_id, ?, content, '', ?, ? FROM file_contents WHERE list_id = ? AND item_id = ? AND ui_version = ?`)
        .run(uiVersion, now(), actor.user.id, list.id, item.id, item.uiVersion);
    }
    this.touchList(list);
    const updated = this.getItem(list, item.id) as Item;
    this.writeIndex(list, updated);
    if (list.props.EnableVersioning) this.snapshotVersion(list, updated);
    if (newVersion) afterWrite(this, list, updated);
    return updated;
  }

  public deleteItem(actor: Actor, list: List, item: Item, ifMatch: string | undefined, recycle: boolean): string | undefined {
    this.demandItemWrite(actor, list, item, PermissionKind.DeleteListItems);
    checkEtag(ifMatch, item);
    return this.tx(() => {
      let recycleId: string | undefined;
      if (recycle) {
        recycleId = randomUUID();
        this.q('INSERT INTO recycle_bin (id, web_id, kind, title, deleted, deleted_by, payload) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(recycleId, actor.web.id, 'item', String(item.data.Title ?? item.leaf ?? item.id), now(), actor.user.id,
            JSON.stringify({ listId: list.id, row: this.q('SELECT * FROM items WHERE list_id = ? AND id = ?').get(list.id, item.id) }));
      }
      this.q('DELETE FROM items WHERE list_id = ? AND id = ?').run(list.id, item.id);
      this.q('DELETE FROM item_index WHERE list_id = ? AND item_id = ?').run(list.id, item.id);
      this.q('DELETE FROM item_versions WHERE list_id = ? AND item_id = ?').run(list.id, item.id);
      this.q('DELETE FROM file_contents WHERE list_id = ? AND item_id = ?').run(list.id, item.id);
      this.q('DELETE FROM role_assignments WHERE web_id = ? AND scope = ?').run(actor.web.id, itemScope(list, item));
      this.q('UPDATE lists SET item_count = item_count - 1, modified = ? WHERE id = ?').run(now(), list.id);
      this.invalidateSecurity();
      return recycleId;
    });
  }

  private snapshotVersion(list: List, item: Item): void {
    this.q('INSERT OR REPLACE INTO item_versions (list_id, item_id, ui_version, modified, editor_id, data) VALUES (?, ?, ?, ?, ?, ?)')
      .run(list.id, item.id, item.uiVersion, item.modified, item.editorId, JSON.stringify(item.data));
    const limit = list.props.MajorVersionLimit || 500;
    this.q('DELETE FROM item_versions WHERE list_id = ? AND item_id = ? AND ui_version <= ?').run(list.id, item.id, item.uiVersion - limit * 512);
  }

  public itemVersions(list: List, item: Item): Array<{ uiVersion: number; modified: string; editorId: number; data: Record<string, FieldValue> }> {
    return (this.q('SELECT * FROM item_versions WHERE list_id = ? AND item_id = ? ORDER BY ui_version DESC').all(list.id, item.id) as Array<{
      ui_version: number; modified: string; editor_id: number; data: string;
    }>).map((r) => ({ uiVersion: r.ui_version, modified: r.modified, editorId: r.editor_id, data: parseJson<Record<string, FieldValue>>(r.data) }));
  }

  // ---------------------------------------------------------------- indexes

  public indexedFields(list: List): Field[] {
    // ID is the list's own key; the other system columns (Created By, Modified…) can be indexed as on SharePoint.
    return this.fields(list.id).filter((f) => f.props.Indexed && f.props.system !== 'id');
  }

  private writeIndex(list: List, item: Item): void {
    this.q('DELETE FROM item_index WHERE list_id = ? AND item_id = ?').run(list.id, item.id);
    const insert = this.q('INSERT INTO item_index (list_id, field, v, item_id) VALUES (?, ?, ?, ?)');
    for (const f of this.indexedFields(list)) {
      for (const key of indexKeys(f, item)) insert.run(list.id, f.internalName, key, item.id);
    }
  }

  private rebuildIndex(list: List, field: Field): void {
    this.q('DELETE FROM item_index WHERE list_id = ? AND field = ?').run(list.id, field.internalName);
    const insert = this.q('INSERT INTO item_index (list_id, field, v, item_id) VALUES (?, ?, ?, ?)');
    // Read in chunks: better-sqlite3 refuses writes while an iterator holds the connection.
    const chunk = this.q('SELECT * FROM items WHERE list_id = ? AND id > ? ORDER BY id LIMIT 1000');
    for (let after = 0; ;) {
      const rows = chunk.all(list.id, after) as ItemRow[];
      if (!rows.length) break;
      for (const row of rows) {
        const item = toItem(row);
        for (const key of indexKeys(field, item)) insert.run(list.id, field.internalName, key, item.id);
      }
      after = rows[rows.length - 1].id;
    }
  }

  // ---------------------------------------------------------------- recycle bin

  public recycleBin(web: Web): Array<{ id: string; kind: string; title: string; deleted: string; deletedBy: number }> {
    return (this.q('SELECT id, kind, title, deleted, deleted_by FROM recycle_bin WHERE web_id = ? ORDER BY deleted DESC').all(web.id) as Array<{
      id: string; kind: string; title: string; deleted: string; deleted_by: number;
    }>).map((r) => ({ id: r.id, kind: r.kind, title: r.title, deleted: r.deleted, deletedBy: r.deleted_by }));
  }
}

// ------------------------------------------------------------------ helpers

export function itemScope(list: List, item: Item): string {
  return `${list.id}:${item.id}`;
}

/**
 * The URL name SharePoint derives from a new list's title: the title itself (spaces kept, so
 * `Custom Made List` becomes `Custom_x0020_Made_x0020_ListList` as entity type) without the
 * characters a URL cannot carry [verify: the exact character set SPO strips].
 */
export function listUrlNameOf(title: string): string {
  const printable = [...title].filter((c) => c.charCodeAt(0) >= 0x20).join('');
  return printable.replace(/["#%&*:<>?\\/{|}~]/g, '').replace(/\.+$/, '').trim().replace(/\s+/g, ' ');
}

export function isLibrary(list: List): boolean {
  return list.baseTemplate === 101 || list.baseTemplate === 119;
}

/** `Shared Documents` → `Shared_x0020_Documents`; lists add `List`. */
export function entityTypeName(list: List): string {
  const last = list.url.split('/').pop() ?? list.title;
  const escaped = escapeInternalName(last, 1000);
  return isLibrary(list) ? escaped : `${escaped}List`;
}

export function listItemEntityTypeFullName(list: List): string {
  return `SP.Data.${entityTypeName(list)}Item`;
}

/** SharePoint's internal-name escaping: non-alphanumerics as _xHHHH_, cut to 32 characters. */
export function escapeInternalName(title: string, max = 32): string {
  let out = '';
  for (const ch of title) {
    if (/[A-Za-z0-9]/.test(ch)) out += ch;
    else out += `_x${ch.codePointAt(0)?.toString(16).padStart(4, '0')}_`;
  }
  return out.slice(0, max);
}

/** The item ETag, as the `odata.etag` body annotation writes it. */
export function itemEtag(item: Item): string {
  return `"${item.version}"`;
}

/** The ETag header form: `"<item guid>,<version>"`. */
export function itemEtagHeader(item: Item): string {
  return `"${item.guid},${item.version}"`;
}

/** Accepts `*`, `"7"`, `"<guid>,7"` (and W/ weak forms); a mismatch is SharePoint's 412. */
export function checkEtag(ifMatch: string | undefined, item: Item): void {
  if (ifMatch === undefined || ifMatch.trim() === '' || ifMatch.trim() === '*') return;
  const m = /^(?:W\/)?"?(?:[^",]*,)?(\d+)"?$/.exec(ifMatch.trim());
  if (!m || Number(m[1]) !== item.version) throw Errors.etagMismatch(ifMatch, itemEtagHeader(item));
}

function defaultOf(f: Field): unknown {
  const d = f.props.DefaultValue;
  if (f.typeAsString === 'Boolean') return d === '1' || d === 'true';
  if (f.typeAsString === 'Number' || f.typeAsString === 'Currency') return Number(d);
  if (f.typeAsString === 'DateTime' && typeof d === 'string' && /^\[today\]$/i.test(d)) return new Date().toISOString();
  if (f.typeAsString === 'MultiChoice' && typeof d === 'string') return d.split(';#').filter(Boolean);
  return d;
}

function validateListProps(p: ListProps, template: number): void {
  if (p.DraftVersionVisibility !== undefined) {
    if (![0, 1, 2].includes(Number(p.DraftVersionVisibility))) throw Errors.badRequest('DraftVersionVisibility must be 0 (Reader), 1 (Author) or 2 (Approver).');
    p.DraftVersionVisibility = Number(p.DraftVersionVisibility);
  }
  if (p.EnableModeration !== undefined) p.EnableModeration = p.EnableModeration === true || p.EnableModeration === 'true';
  // Lists keep major versions only; minor versions (drafts) are a document library's [verify: SPO's error text].
  if (p.EnableMinorVersions && template !== 101 && template !== 119) {
    throw new SpError(400, '-2147024809, System.ArgumentException', 'Minor versions are supported by document libraries only. [verify]');
  }
  if (![1, 2].includes(Number(p.ReadSecurity))) throw Errors.badRequest('ReadSecurity must be 1 (all items) or 2 (own items).');
  if (![1, 2, 4].includes(Number(p.WriteSecurity))) throw Errors.badRequest('WriteSecurity must be 1 (all items), 2 (own items) or 4 (none).');
  p.ReadSecurity = Number(p.ReadSecurity);
  p.WriteSecurity = Number(p.WriteSecurity);
}

/** The comparable form of a value in `item_index`: text lower-cased (SharePoint compares text case-insensitively). */
export function indexKey(type: string, v: FieldValue | undefined): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return type === 'DateTime' ? v : v.toLowerCase();
  return null;
}

export function indexKeys(f: Field, item: Item): Array<string | number> {
  // System columns keep their value on the item itself, not in its data.
  const system: Partial<Record<string, FieldValue>> = { author: item.authorId, editor: item.editorId, created: item.created, modified: item.modified };
  const v = f.props.system ? system[f.props.system] : item.data[f.internalName];
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) {
    return (v as Array<string | number>).map((x) => indexKey(f.typeAsString, x)).filter((x): x is string | number => x !== null);
  }
  const k = indexKey(f.typeAsString, v);
  return k === null ? [] : [k];
}

export function isMulti(f: Field): boolean {
  return isMultiType(f.typeAsString);
}

export { FieldTypeKind };

// ------------------------------------------------------------------ row mapping

interface WebRow { id: string; path: string; title: string; description: string; created: string; props: string }
interface PrincipalRow { web_id: string; id: number; kind: string; login: string; title: string; email: string; is_site_admin: number; props: string }
interface ListRow {
  id: string; web_id: string; title: string; url: string; base_template: number; created: string; modified: string; version: number;
  next_item_id: number; item_count: number; unique_perms: number; props: string;
}
interface FieldRow { scope: string; id: string; internal_name: string; title: string; type_kind: number; type_as_string: string; seq: number; props: string }
interface ViewRow { list_id: string; id: string; title: string; seq: number; props: string }
export interface ItemRow {
  list_id: string; id: number; guid: string; version: number; ui_version: number; created: string; modified: string;
  author_id: number; editor_id: number; fs_type: number; folder: string; leaf: string; unique_perms: number; data: string;
}

const toWeb = (r: WebRow): Web => ({ id: r.id, path: r.path, title: r.title, description: r.description, created: r.created, props: parseJson(r.props) });
const toPrincipal = (r: PrincipalRow): Principal => ({
  webId: r.web_id, id: r.id, kind: r.kind as 'user' | 'group', login: r.login, title: r.title, email: r.email,
  isSiteAdmin: r.is_site_admin === 1, props: parseJson(r.props)
});
const toList = (r: ListRow): List => ({
  id: r.id, webId: r.web_id, title: r.title, url: r.url, baseTemplate: r.base_template, created: r.created, modified: r.modified,
  version: r.version, nextItemId: r.next_item_id, itemCount: r.item_count, uniquePerms: r.unique_perms === 1, props: parseJson(r.props)
});
const toField = (r: FieldRow): Field => ({
  scope: r.scope, id: r.id, internalName: r.internal_name, title: r.title, typeKind: r.type_kind, typeAsString: r.type_as_string,
  seq: r.seq, props: parseJson(r.props)
});
const toView = (r: ViewRow): View => ({ listId: r.list_id, id: r.id, title: r.title, seq: r.seq, props: parseJson(r.props) });
export const toItem = (r: ItemRow): Item => ({
  listId: r.list_id, id: r.id, guid: r.guid, version: r.version, uiVersion: r.ui_version, created: r.created, modified: r.modified,
  authorId: r.author_id, editorId: r.editor_id, fsType: r.fs_type, folder: r.folder, leaf: r.leaf, uniquePerms: r.unique_perms === 1,
  data: parseJson(r.data)
});
