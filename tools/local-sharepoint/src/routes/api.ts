import { Errors, SpError } from '../http/errors';
import type { LocalRequest, LocalResponse, ODataMode } from '../http/types';
import { is, arg, stringArg, type Segment } from '../http/path';
import {
  renderCollection, renderEntity, renderValue, noContent, contentTypeFor, type Entity, type RenderOptions
} from '../http/format';
import {
  Urls, webEntity, listEntity, fieldEntity, viewEntity, viewFieldsEntity, userEntity, groupEntity, principalEntity,
  roleDefinitionEntity, basePermissionsEntity, contentTypeEntity, itemEntity, checkItemProjection
} from '../http/entities';
import { parseFilter } from '../odata/filter';
import { parseExpand, parseOrderBy, parseSelect, parseSkipToken, parseTop } from '../odata/query-options';
import {
  THRESHOLD, itemEtagHeader, itemScope, isLibrary, listItemEntityTypeFullName, type Actor, type SharePointStore
} from '../store/sharepoint';
import { queryItems, ValueContext } from '../store/query';
import type { Field, FieldProps, Item, List, Principal, View } from '../store/types';
import { findDirectoryUser } from '../directory';
import { PermissionKind, ROLE_DEFINITIONS, roleDefinitionById, type PermissionName } from '../model/permissions';
import { typeFromClass, typeFromKind, unwrapCollection } from '../model/fieldTypes';
import { parseFieldXml } from '../model/fieldXml';
import * as files from './files';
import { handleUserProfiles } from './userProfiles';

export interface ApiOptions {
  threshold: boolean;
  maxUploadBytes: number;
}

export interface ApiContext {
  store: SharePointStore;
  actor: Actor;
  urls: Urls;
  req: LocalRequest;
  mode: ODataMode;
  /** The effective verb: POST with X-HTTP-Method becomes MERGE/DELETE/PUT. */
  method: string;
  query: URLSearchParams;
  options: ApiOptions;
}

export type Res =
  | { k: 'root' } | { k: 'web' } | { k: 'lists' } | { k: 'list'; list: List }
  | { k: 'fields'; list?: List } | { k: 'field'; list?: List; field: Field }
  | { k: 'views'; list: List } | { k: 'view'; list: List; view: View } | { k: 'viewfields'; list: List; view: View }
  | { k: 'items'; list: List } | { k: 'item'; list: List; item: Item } | { k: 'itemversions'; list: List; item: Item }
  | { k: 'contenttypes'; list?: List }
  | { k: 'siteusers' } | { k: 'user'; p: Principal } | { k: 'usergroups'; p: Principal } | { k: 'sitegroups' } | { k: 'group'; p: Principal }
  | { k: 'groupusers'; p: Principal }
  | { k: 'roledefs' } | { k: 'roleassignments'; list?: List; item?: Item }
  | { k: 'folder'; path: string } | { k: 'folders'; path: string } | { k: 'files'; path: string }
  | { k: 'file'; list: List; item: Item } | { k: 'fileversions'; list: List; item: Item } | { k: 'fileversion'; list: List; item: Item; version: number }
  | { k: 'recyclebin' } | { k: 'entity'; entity: Entity; set: string };

export { emptyOk, one, collection, post };

export function parseJsonBody(req: LocalRequest): Record<string, unknown> {
  const text = req.body.toString('utf8').trim();
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw Errors.badRequest(`The request body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw Errors.badRequest('The request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

/** Answers `<web>/_api/<segments>`. */
export function handleApi(ctx: ApiContext, segments: Segment[]): LocalResponse {
  if (is(segments[0], 'SP.UserProfiles.PeopleManager')) return handleUserProfiles(ctx, segments);
  let res: Res = { k: 'root' };
  for (let i = 0; i < segments.length; i++) {
    const out = step(ctx, res, segments[i], i === segments.length - 1);
    if ('status' in out) {
      if (i !== segments.length - 1) throw Errors.notImplemented(`'${segments.slice(i + 1).map((s) => s.name).join('/')}' after ${segments[i].name}`);
      return out;
    }
    res = out;
  }
  return finish(ctx, res);
}

function renderOpts(ctx: ApiContext): RenderOptions {
  return { mode: ctx.mode, webUrl: ctx.urls.webUrl, select: parseSelect(ctx.query.get('$select')), expand: parseExpand(ctx.query.get('$expand')) };
}

function demandMethod(ctx: ApiContext, ...allowed: string[]): void {
  if (!allowed.includes(ctx.method)) {
    throw new SpError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      `The HTTP method '${ctx.method}' cannot be used on this resource; use ${allowed.join(' or ')}.`);
  }
}

function post(ctx: ApiContext): void {
  demandMethod(ctx, 'POST');
}

function one(ctx: ApiContext, e: Entity, set: string, status = 200, headers: Record<string, string> = {}): LocalResponse {
  return renderEntity(e, renderOpts(ctx), set, status, headers);
}

function emptyOk(): LocalResponse {
  return { status: 200, headers: {}, body: '' };
}

/** Simple collection paging for non-item collections (lists, fields, users…): $filter, $orderby, $top, $skip. */
function collection(ctx: ApiContext, entities: Entity[], set: string): LocalResponse {
  let es = entities;
  const filterText = ctx.query.get('$filter');
  if (filterText) {
    const node = parseFilter(filterText);
    es = es.filter((e) => evaluatePlain(node, e));
  }
  const order = parseOrderBy(ctx.query.get('$orderby'));
  if (order.length) {
    es = [...es].sort((a, b) => {
      for (const o of order) {
        const av = a.props[o.path[0]] as string | number;
        const bv = b.props[o.path[0]] as string | number;
        const c = av === bv ? 0 : av === undefined || av === null ? -1 : bv === undefined || bv === null ? 1 : av < bv ? -1 : 1;
        if (c) return o.descending ? -c : c;
      }
      return 0;
    });
  }
  const skip = Number(ctx.query.get('$skip') ?? 0);
  const top = parseTop(ctx.query.get('$top'), 5000);
  es = es.slice(Number.isFinite(skip) ? skip : 0, top === undefined ? undefined : (Number.isFinite(skip) ? skip : 0) + top);
  return renderCollection(es, renderOpts(ctx), set);
}

function evaluatePlain(node: ReturnType<typeof parseFilter>, e: Entity): boolean {
  // Non-item collections are small: evaluate on the entity's own properties.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { evaluateFilter } = require('../odata/filter') as typeof import('../odata/filter');
  return evaluateFilter(node, (path) => {
    const key = Object.keys(e.props).find((k) => k.toLowerCase() === path[0].toLowerCase());
    if (key === undefined) throw Errors.fieldNotFound(path[0]);
    let v = e.props[key];
    if (path.length > 1 && v && typeof v === 'object') v = (v as Record<string, unknown>)[path[1]];
    const t = typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'text';
    return { type: t, value: v ?? null };
  });
}

// ---------------------------------------------------------------------------------------

function step(ctx: ApiContext, res: Res, seg: Segment, last: boolean): Res | LocalResponse {
  const { store, actor, urls } = ctx;
  const web = actor.web;
  switch (res.k) {
    case 'root':
      if (is(seg, 'web')) return { k: 'web' };
      if (is(seg, 'site')) return { k: 'entity', entity: siteEntity(urls), set: 'SP.Site' };
      if (is(seg, 'contextinfo')) return contextInfo(ctx);
      if (is(seg, 'SP.UserProfiles.PeopleManager')) throw Errors.notImplemented('the user profile service (use the Graph subset at /graph/v1.0)');
      if (is(seg, 'search')) throw Errors.notImplemented('SharePoint search (PMO Hub reads lists directly)');
      if (is(seg, 'SP.MoveCopyUtil.MoveFileByPath', 'SP.MoveCopyUtil.CopyFileByPath')) throw Errors.notImplemented('moving and copying files');
      return webStep(ctx, seg, last);
    case 'web':
      return webStep(ctx, seg, last);
    case 'lists':
      if (is(seg, 'getByTitle')) return { k: 'list', list: requireList(ctx, { title: stringArg(seg) }) };
      if (seg.hasParens && seg.name === '') return { k: 'list', list: requireList(ctx, { id: stringArg(seg) }) };
      if (is(seg, 'getById')) return { k: 'list', list: requireList(ctx, { id: stringArg(seg) }) };
      if (is(seg, 'ensureSitePagesLibrary')) return ensureSpecialLibrary(ctx, 'Site Pages', 'SitePages', 119);
      if (is(seg, 'ensureSiteAssetsLibrary')) return ensureSpecialLibrary(ctx, 'Site Assets', 'SiteAssets', 101);
      break;
    case 'list': {
      const list = res.list;
      if (is(seg, 'items')) {
        if (seg.hasParens) return { k: 'item', list, item: requireItem(ctx, list, Number(arg(seg))) };
        return { k: 'items', list };
      }
      if (is(seg, 'getItemById')) return { k: 'item', list, item: requireItem(ctx, list, Number(arg(seg))) };
      if (is(seg, 'fields')) return seg.hasParens ? { k: 'field', list, field: requireField(ctx, list, { id: stringArg(seg) }) } : { k: 'fields', list };
      if (is(seg, 'views')) return seg.hasParens ? { k: 'view', list, view: requireView(list, store.views(list), { id: stringArg(seg) }) } : { k: 'views', list };
      if (is(seg, 'getView')) return { k: 'view', list, view: requireView(list, store.views(list), { id: stringArg(seg) }) };
      if (is(seg, 'defaultView')) return { k: 'view', list, view: requireView(list, store.views(list), { default: true }) };
      if (is(seg, 'contentTypes')) return seg.hasParens ? contentTypeById(ctx, list, stringArg(seg)) : { k: 'contenttypes', list };
      if (is(seg, 'rootFolder')) return { k: 'folder', path: list.url };
      if (is(seg, 'roleAssignments')) return seg.hasParens ? roleAssignmentByPrincipal(ctx, Number(arg(seg)), list) : { k: 'roleassignments', list };
      if (is(seg, 'effectiveBasePermissions')) return { k: 'entity', entity: basePermissionsEntity(urls, store.permissions(web, actor.user, list).toMask()), set: 'SP.BasePermissions' };
      if (is(seg, 'getUserEffectivePermissions')) return userEffectivePermissions(ctx, seg, list);
      if (is(seg, 'breakRoleInheritance')) return breakInheritance(ctx, seg, list);
      if (is(seg, 'resetRoleInheritance')) { post(ctx); store.demand(actor, PermissionKind.ManagePermissions, list); store.resetInheritance(web, list); return emptyOk(); }
      if (is(seg, 'recycle')) { post(ctx); const id = store.deleteList(actor, list, true); return renderValue('Recycle', id, ctx.mode, urls.webUrl, 'Edm.Guid'); }
      if (is(seg, 'reserveListItemId')) { post(ctx); throw Errors.notImplemented('reserveListItemId'); }
      if (is(seg, 'parentWeb')) return { k: 'web' };
      if (is(seg, 'getItems', 'renderListDataAsStream', 'renderListData', 'addValidateUpdateItemUsingPath')) {
        throw Errors.notImplemented(`${seg.name} (CAML queries); use items with $filter`);
      }
      break;
    }
    case 'fields':
      if (is(seg, 'getByInternalNameOrTitle')) return { k: 'field', list: res.list, field: requireField(ctx, res.list, { nameOrTitle: stringArg(seg) }) };
      if (is(seg, 'getByTitle')) return { k: 'field', list: res.list, field: requireField(ctx, res.list, { title: stringArg(seg) }) };
      if (is(seg, 'getById')) return { k: 'field', list: res.list, field: requireField(ctx, res.list, { id: stringArg(seg) }) };
      if (is(seg, 'addField')) { post(ctx); return addFieldByInfo(ctx, res.list); }
      if (is(seg, 'createFieldAsXml')) { post(ctx); return createFieldAsXml(ctx, res.list); }
      if (is(seg, 'addDependentLookupField')) throw Errors.notImplemented('dependent lookup fields');
      break;
    case 'views':
      if (is(seg, 'getByTitle')) return { k: 'view', list: res.list, view: requireView(res.list, store.views(res.list), { title: stringArg(seg) }) };
      if (is(seg, 'getById')) return { k: 'view', list: res.list, view: requireView(res.list, store.views(res.list), { id: stringArg(seg) }) };
      break;
    case 'view':
      if (is(seg, 'viewFields')) return { k: 'viewfields', list: res.list, view: res.view };
      if (is(seg, 'setViewXml')) {
        post(ctx);
        store.demand(actor, PermissionKind.ManageLists, res.list);
        const body = parseJsonBody(ctx.req);
        const xml = String(body.viewXml ?? '');
        const q = /<Query>([\s\S]*)<\/Query>/i.exec(xml);
        const fieldsXml = /<ViewFields>([\s\S]*)<\/ViewFields>/i.exec(xml);
        const rowLimit = /<RowLimit[^>]*>(\d+)<\/RowLimit>/i.exec(xml);
        store.setViewProps(res.view, {
          ViewQuery: q ? q[1] : res.view.props.ViewQuery,
          ViewFields: fieldsXml ? [...fieldsXml[1].matchAll(/Name="([^"]+)"/g)].map((m) => m[1]) : res.view.props.ViewFields,
          RowLimit: rowLimit ? Math.min(Number(rowLimit[1]), THRESHOLD) : res.view.props.RowLimit
        });
        return emptyOk();
      }
      break;
    case 'viewfields': {
      if (is(seg, 'schemaXml')) {
        if (ctx.method !== 'GET') demandMethod(ctx, 'GET');
        return renderValue('SchemaXml', viewFieldsEntity(urls, res.list, res.view).props.SchemaXml, ctx.mode, urls.webUrl);
      }
      post(ctx);
      store.demand(actor, PermissionKind.ManageLists, res.list);
      const fieldsNow = res.view.props.ViewFields;
      const known = (name: string): string => {
        const f = store.getField(res.list.id, { nameOrTitle: name });
        if (!f && !['LinkTitle', 'LinkTitleNoMenu', 'DocIcon', 'LinkFilename', 'LinkFilenameNoMenu', 'Edit'].includes(name)) throw Errors.columnNotFound(name);
        return f ? f.internalName : name;
      };
      if (is(seg, 'addViewField')) {
        const name = known(stringArg(seg));
        if (!fieldsNow.includes(name)) store.setViewProps(res.view, { ViewFields: [...fieldsNow, name] });
        return emptyOk();
      }
      if (is(seg, 'removeViewField')) {
        const name = known(stringArg(seg));
        store.setViewProps(res.view, { ViewFields: fieldsNow.filter((f) => f !== name) });
        return emptyOk();
      }
      if (is(seg, 'removeAllViewFields')) { store.setViewProps(res.view, { ViewFields: [] }); return emptyOk(); }
      if (is(seg, 'moveViewFieldTo')) {
        const body = parseJsonBody(ctx.req);
        const name = known(String(body.field));
        const index = Number(body.index);
        const rest = fieldsNow.filter((f) => f !== name);
        if (!Number.isInteger(index) || index < 0 || index > rest.length) throw Errors.badRequest(`Index ${String(body.index)} is out of range.`);
        rest.splice(index, 0, name);
        store.setViewProps(res.view, { ViewFields: rest });
        return emptyOk();
      }
      break;
    }
    case 'items':
      if (is(seg, 'getById')) return { k: 'item', list: res.list, item: requireItem(ctx, res.list, Number(arg(seg))) };
      break;
    case 'item': {
      const { list, item } = res;
      if (is(seg, 'versions')) {
        if (seg.hasParens) {
          const v = store.itemVersions(list, item).find((x) => x.uiVersion === Number(arg(seg)));
          if (!v) throw Errors.itemNotFound();
          return { k: 'entity', entity: itemVersionEntity(ctx, list, item, v), set: 'SP.ListItemVersion' };
        }
        return { k: 'itemversions', list, item };
      }
      if (is(seg, 'recycle')) {
        post(ctx);
        const id = store.deleteItem(actor, list, item, ctx.req.headers['if-match'], true);
        return renderValue('Recycle', id, ctx.mode, urls.webUrl, 'Edm.Guid');
      }
      if (is(seg, 'deleteWithParameters')) { post(ctx); store.deleteItem(actor, list, item, ctx.req.headers['if-match'], false); return emptyOk(); }
      if (is(seg, 'breakRoleInheritance')) return breakInheritance(ctx, seg, list, item);
      if (is(seg, 'resetRoleInheritance')) { post(ctx); store.demand(actor, PermissionKind.ManagePermissions, list, item); store.resetInheritance(web, list, item); return emptyOk(); }
      if (is(seg, 'roleAssignments')) return seg.hasParens ? roleAssignmentByPrincipal(ctx, Number(arg(seg)), list, item) : { k: 'roleassignments', list, item };
      if (is(seg, 'effectiveBasePermissions')) {
        return { k: 'entity', entity: basePermissionsEntity(urls, store.permissions(web, actor.user, list, item.uniquePerms ? item : undefined).toMask()), set: 'SP.BasePermissions' };
      }
      if (is(seg, 'getUserEffectivePermissions')) return userEffectivePermissions(ctx, seg, list, item);
      if (is(seg, 'file')) {
        if (!isLibrary(list) || item.fsType !== 0) throw Errors.notFound('File Not Found.');
        return { k: 'file', list, item };
      }
      if (is(seg, 'folder')) return { k: 'folder', path: `${item.folder}/${item.leaf}` };
      if (is(seg, 'fieldValuesAsText')) {
        const fields = store.fields(list.id);
        const e = itemEntity(urls, new ValueContext(store, actor), list, fields, item, { select: [], expand: [['FieldValuesAsText']] });
        return { k: 'entity', entity: e.props.FieldValuesAsText as Entity, set: 'SP.FieldStringValues' };
      }
      if (is(seg, 'validateUpdateListItem')) return validateUpdateListItem(ctx, list, item);
      if (is(seg, 'attachmentFiles')) throw Errors.notImplemented('list item attachments');
      break;
    }
    case 'roleassignments':
      if (is(seg, 'addRoleAssignment', 'removeRoleAssignment')) {
        post(ctx);
        store.demand(actor, PermissionKind.ManagePermissions, res.list, res.item);
        const scope = res.item && res.list ? itemScope(res.list, res.item) : res.list ? res.list.id : 'web';
        const effective = store.effectiveScope(res.list, res.item);
        if (effective !== scope) {
          throw Errors.badRequest('This object inherits permissions; break role inheritance before changing its role assignments.');
        }
        const principalId = Number(arg(seg, 'principalid'));
        const roleDefId = Number(arg(seg, 'roledefid'));
        if (is(seg, 'addRoleAssignment')) store.addRoleAssignment(web, scope, principalId, roleDefId);
        else store.removeRoleAssignment(web, scope, principalId, roleDefId);
        return emptyOk();
      }
      if (is(seg, 'getByPrincipalId', 'getById')) return roleAssignmentByPrincipal(ctx, Number(arg(seg)), res.list, res.item);
      break;
    case 'contenttypes':
      if (is(seg, 'getById')) return contentTypeById(ctx, res.list, stringArg(seg));
      break;
    case 'siteusers':
      if (is(seg, 'getById')) return { k: 'user', p: requirePrincipal(ctx, Number(arg(seg)), 'user') };
      if (is(seg, 'getByEmail')) return { k: 'user', p: requireUserBy(ctx, (p) => p.email.toLowerCase() === stringArg(seg).toLowerCase()) };
      if (is(seg, 'getByLoginName') || (seg.name === '' && seg.hasParens)) return { k: 'user', p: requireUserBy(ctx, (p) => p.login.toLowerCase() === stringArg(seg).toLowerCase()) };
      if (is(seg, 'removeById')) { post(ctx); store.demand(actor, PermissionKind.ManageWeb); store.deletePrincipal(web, Number(arg(seg))); return emptyOk(); }
      break;
    case 'sitegroups':
      if (is(seg, 'getById') || (seg.name === '' && seg.hasParens)) return { k: 'group', p: requirePrincipal(ctx, Number(arg(seg)), 'group') };
      if (is(seg, 'getByName')) {
        const g = store.getPrincipalByLogin(web, 'group', stringArg(seg));
        if (!g) throw Errors.argument('Group cannot be found.', 404);
        return { k: 'group', p: g };
      }
      if (is(seg, 'removeById')) { post(ctx); store.demand(actor, PermissionKind.CreateGroups); requirePrincipal(ctx, Number(arg(seg)), 'group'); store.deletePrincipal(web, Number(arg(seg))); return emptyOk(); }
      if (is(seg, 'removeByLoginName')) {
        post(ctx);
        store.demand(actor, PermissionKind.CreateGroups);
        const g = store.getPrincipalByLogin(web, 'group', stringArg(seg));
        if (!g) throw Errors.argument('Group cannot be found.', 404);
        store.deletePrincipal(web, g.id);
        return emptyOk();
      }
      break;
    case 'user':
      if (is(seg, 'groups')) return { k: 'usergroups', p: res.p };
      break;
    case 'group':
      if (is(seg, 'users')) {
        if (!seg.hasParens) return { k: 'groupusers', p: res.p };
        // `users(@v)?@v='<login>'`, what @pnp's group.users.add() hands back.
        return { k: 'user', p: requireMember(ctx, res.p, (u) => u.login.toLowerCase() === stringArg(seg).toLowerCase()) };
      }
      break;
    case 'groupusers':
      if (is(seg, 'getById')) return { k: 'user', p: requireMember(ctx, res.p, (u) => u.id === Number(arg(seg))) };
      if (is(seg, 'getByEmail')) return { k: 'user', p: requireMember(ctx, res.p, (u) => u.email.toLowerCase() === stringArg(seg).toLowerCase()) };
      if (is(seg, 'getByLoginName')) return { k: 'user', p: requireMember(ctx, res.p, (u) => u.login.toLowerCase() === stringArg(seg).toLowerCase()) };
      if (is(seg, 'removeById', 'removeByLoginName')) {
        post(ctx);
        demandGroupEdit(ctx, res.p);
        const target = is(seg, 'removeById') ? store.getPrincipal(web, Number(arg(seg)))
          : store.getPrincipalByLogin(web, 'user', stringArg(seg));
        if (target) store.removeGroupMember(web, res.p.id, target.id);
        return emptyOk();
      }
      break;
    case 'roledefs':
      if (is(seg, 'getById') || (seg.name === '' && seg.hasParens)) return { k: 'entity', entity: roleDefinitionEntity(urls, requireRoleDef(ROLE_DEFINITIONS.find((r) => r.id === Number(arg(seg))))), set: 'SP.RoleDefinition' };
      if (is(seg, 'getByName')) return { k: 'entity', entity: roleDefinitionEntity(urls, requireRoleDef(ROLE_DEFINITIONS.find((r) => r.name.toLowerCase() === stringArg(seg).toLowerCase()))), set: 'SP.RoleDefinition' };
      if (is(seg, 'getByType')) return { k: 'entity', entity: roleDefinitionEntity(urls, requireRoleDef(ROLE_DEFINITIONS.find((r) => r.roleTypeKind === Number(arg(seg))))), set: 'SP.RoleDefinition' };
      break;
    case 'folder': case 'folders': case 'files': case 'file': case 'fileversions': case 'fileversion':
      return files.step(ctx, res, seg, last);
    default:
      break;
  }
  throw Errors.notImplemented(`'${seg.name}' on ${describe(res)}`);
}

function webStep(ctx: ApiContext, seg: Segment, _last: boolean): Res | LocalResponse {
  const { store, actor, urls } = ctx;
  const web = actor.web;
  if (is(seg, 'lists')) return seg.hasParens ? { k: 'list', list: requireList(ctx, { id: stringArg(seg) }) } : { k: 'lists' };
  if (is(seg, 'getList')) {
    const url = stringArg(seg).replace(/^https?:\/\/[^/]+/i, '');
    const list = store.getList(web, { url });
    if (!list) throw Errors.notFound(`List '${url}' does not exist at site with URL '${urls.webUrl}'.`);
    return { k: 'list', list };
  }
  if (is(seg, 'fields')) return seg.hasParens ? { k: 'field', field: requireField(ctx, undefined, { id: stringArg(seg) }) } : { k: 'fields' };
  if (is(seg, 'availableFields')) return { k: 'fields' };
  if (is(seg, 'contentTypes', 'availableContentTypes')) return seg.hasParens ? contentTypeById(ctx, undefined, stringArg(seg)) : { k: 'contenttypes' };
  if (is(seg, 'currentUser')) return { k: 'user', p: actor.user };
  if (is(seg, 'siteUsers')) return seg.hasParens ? { k: 'user', p: requireUserBy(ctx, (p) => p.login.toLowerCase() === stringArg(seg).toLowerCase()) } : { k: 'siteusers' };
  if (is(seg, 'siteGroups')) return seg.hasParens ? { k: 'group', p: requirePrincipal(ctx, Number(arg(seg)), 'group') } : { k: 'sitegroups' };
  if (is(seg, 'getUserById')) return { k: 'user', p: requirePrincipal(ctx, Number(arg(seg)), 'user') };
  if (is(seg, 'ensureUser')) return ensureUser(ctx, seg);
  if (is(seg, 'associatedOwnerGroup', 'associatedMemberGroup', 'associatedVisitorGroup')) {
    const key = seg.name.toLowerCase().includes('owner') ? 'AssociatedOwnerGroup' : seg.name.toLowerCase().includes('member') ? 'AssociatedMemberGroup' : 'AssociatedVisitorGroup';
    return { k: 'group', p: requirePrincipal(ctx, Number(web.props[key]), 'group') };
  }
  if (is(seg, 'roleDefinitions')) return seg.hasParens ? { k: 'entity', entity: roleDefinitionEntity(urls, requireRoleDef(roleDefinitionById(Number(arg(seg))))), set: 'SP.RoleDefinition' } : { k: 'roledefs' };
  if (is(seg, 'roleAssignments')) return seg.hasParens ? roleAssignmentByPrincipal(ctx, Number(arg(seg))) : { k: 'roleassignments' };
  if (is(seg, 'effectiveBasePermissions')) return { k: 'entity', entity: basePermissionsEntity(urls, store.permissions(web, actor.user).toMask()), set: 'SP.BasePermissions' };
  if (is(seg, 'getUserEffectivePermissions')) return userEffectivePermissions(ctx, seg);
  if (is(seg, 'doesUserHavePermissions')) throw Errors.notImplemented('doesUserHavePermissions (use EffectiveBasePermissions)');
  if (is(seg, 'recycleBin')) return { k: 'recyclebin' };
  if (is(seg, 'getFolderByServerRelativePath', 'getFolderByServerRelativeUrl')) return { k: 'folder', path: files.folderPathArg(ctx, seg) };
  if (is(seg, 'getFileByServerRelativePath', 'getFileByServerRelativeUrl', 'getFileById', 'getFileByUrl')) return files.fileByArg(ctx, seg);
  if (is(seg, 'folders')) return seg.hasParens ? { k: 'folder', path: `${web.path}/${stringArg(seg)}` } : { k: 'folders', path: web.path };
  if (is(seg, 'rootFolder')) return { k: 'folder', path: web.path };
  if (is(seg, 'webs')) return { k: 'entity', entity: { type: 'SP.WebCollection', uri: `${urls.api}/Web/Webs`, props: {} }, set: 'SP.Webs' };
  if (is(seg, 'features')) throw Errors.notImplemented('features');
  if (is(seg, 'navigation')) throw Errors.notImplemented('navigation nodes (the local hub draws its own navigation)');
  throw Errors.notImplemented(`'${seg.name}' on the web`);
}

function describe(res: Res): string {
  return res.k === 'list' ? `list '${res.list.title}'` : res.k;
}

function finish(ctx: ApiContext, res: Res): LocalResponse {
  const { store, actor, urls } = ctx;
  const web = actor.web;
  switch (res.k) {
    case 'root':
      throw Errors.notImplemented('the _api root (service document)');
    case 'web':
      if (ctx.method === 'GET') return one(ctx, webEntity(urls, store, actor), 'SP.Web');
      if (ctx.method === 'MERGE' || ctx.method === 'PATCH') {
        store.demand(actor, PermissionKind.ManageWeb);
        store.updateWeb(web, parseJsonBody(ctx.req));
        return noContent();
      }
      break;
    case 'lists':
      if (ctx.method === 'GET') {
        const visible = store.lists(web).filter((l) => store.permissions(web, actor.user, l).has(PermissionKind.ViewListItems) || store.permissions(web, actor.user, l).has(PermissionKind.Open));
        return collection(ctx, visible.map((l) => listEntity(urls, store, actor, l)), 'SP.ApplicationList');
      }
      if (ctx.method === 'POST') {
        const list = store.createList(actor, parseJsonBody(ctx.req));
        return one(ctx, listEntity(urls, store, actor, list), 'SP.ApplicationList', 201);
      }
      break;
    case 'list':
      if (ctx.method === 'GET') return one(ctx, listEntity(urls, store, actor, res.list), 'SP.ApplicationList');
      if (ctx.method === 'MERGE' || ctx.method === 'PATCH' || ctx.method === 'PUT') {
        checkVersionEtag(ctx.req.headers['if-match'], res.list.version);
        store.updateList(actor, res.list, parseJsonBody(ctx.req));
        return noContent({ etag: `"${res.list.version + 1}"` });
      }
      if (ctx.method === 'DELETE') {
        checkVersionEtag(ctx.req.headers['if-match'], res.list.version);
        store.deleteList(actor, res.list, false);
        return emptyOk();
      }
      break;
    case 'fields':
      if (ctx.method === 'GET') {
        const scope = res.list ? res.list.id : `web:${web.id}`;
        if (res.list) store.demand(actor, PermissionKind.ViewListItems, res.list);
        return collection(ctx, store.fields(scope).map((f) => fieldEntity(urls, res.list, f)), 'SP.Field');
      }
      if (ctx.method === 'POST') return addFieldVerbose(ctx, res.list);
      break;
    case 'field':
      if (ctx.method === 'GET') return one(ctx, fieldEntity(urls, res.list, res.field), 'SP.Field');
      if (ctx.method === 'MERGE' || ctx.method === 'PATCH') {
        store.updateField(actor, res.list, res.field, parseJsonBody(ctx.req));
        return noContent();
      }
      if (ctx.method === 'DELETE') { store.deleteField(actor, res.list, res.field); return emptyOk(); }
      break;
    case 'views':
      if (ctx.method === 'GET') return collection(ctx, store.views(res.list).map((v) => viewEntity(urls, res.list, v)), 'SP.View');
      if (ctx.method === 'POST') {
        store.demand(actor, PermissionKind.ManageLists, res.list);
        const view = store.insertView(res.list, parseJsonBody(ctx.req));
        return one(ctx, viewEntity(urls, res.list, view), 'SP.View', 201);
      }
      break;
    case 'view':
      if (ctx.method === 'GET') return one(ctx, viewEntity(urls, res.list, res.view), 'SP.View');
      if (ctx.method === 'MERGE' || ctx.method === 'PATCH') {
        store.demand(actor, PermissionKind.ManageLists, res.list);
        const body = parseJsonBody(ctx.req);
        const patch: Partial<View['props']> & { Title?: string } = {};
        for (const [k, v] of Object.entries(body)) {
          if (k === '__metadata') continue;
          if (k === 'Title' && typeof v === 'string' && v.trim()) patch.Title = v;
          else if (k === 'RowLimit') {
            const n = Number(v);
            if (!Number.isInteger(n) || n < 1 || n > THRESHOLD) throw Errors.badRequest(`RowLimit must be an integer from 1 to ${THRESHOLD}.`);
            patch.RowLimit = n;
          } else if (['ViewQuery', 'DefaultView', 'Hidden', 'Paged', 'JSLink', 'CustomFormatter', 'Scope', 'TabularView'].includes(k)) {
            (patch as Record<string, unknown>)[k] = v;
          } else throw Errors.badRequest(`The property '${k}' does not exist on type 'SP.View'.`);
        }
        store.setViewProps(res.view, patch);
        return noContent();
      }
      if (ctx.method === 'DELETE') { store.demand(actor, PermissionKind.ManageLists, res.list); store.deleteView(res.list, res.view); return emptyOk(); }
      break;
    case 'viewfields':
      if (ctx.method === 'GET') return one(ctx, viewFieldsEntity(urls, res.list, res.view), 'SP.ViewFieldCollection');
      break;
    case 'contenttypes': {
      const scope = res.list ? res.list.id : `web:${web.id}`;
      if (ctx.method === 'GET') return collection(ctx, store.contentTypes(scope).map((c) => contentTypeEntity(urls, res.list, c)), 'SP.ContentType');
      if (ctx.method === 'POST') {
        store.demand(actor, res.list ? PermissionKind.ManageLists : PermissionKind.ManageWeb, res.list);
        const body = parseJsonBody(ctx.req);
        const id = typeof body.Id === 'object' && body.Id ? String((body.Id as { StringValue?: string }).StringValue ?? '') : String(body.Id ?? '');
        const name = String(body.Name ?? '');
        if (!name) throw Errors.badRequest('A content type needs a Name.');
        store.addContentType(scope, id, name, { Description: body.Description, Group: body.Group });
        const ct = store.contentTypes(scope).find((c) => c.id === id) as { id: string; name: string; props: Record<string, unknown> };
        return one(ctx, contentTypeEntity(urls, res.list, ct), 'SP.ContentType', 201);
      }
      break;
    }
    case 'items':
      if (ctx.method === 'GET') return getItems(ctx, res.list);
      if (ctx.method === 'POST') {
        if (isLibrary(res.list)) throw Errors.badRequest('To add an item to a document library, use SPFileCollection.add()');
        const item = store.addItem(actor, res.list, parseJsonBody(ctx.req));
        const entity = itemEntity(urls, new ValueContext(store, actor), res.list, store.fields(res.list.id), item, { select: [], expand: [] });
        return renderEntity(entity, { mode: ctx.mode, webUrl: urls.webUrl, preProjected: true }, `SP.ListData.${entity.type.slice('SP.Data.'.length, -'Item'.length)}Items`, 201,
          { etag: itemEtagHeader(item), location: `${urls.list(res.list)}/Items(${item.id})` });
      }
      break;
    case 'item':
      if (ctx.method === 'GET') {
        const fields = store.fields(res.list.id);
        const proj = { select: parseSelect(ctx.query.get('$select')), expand: parseExpand(ctx.query.get('$expand')) };
        checkItemProjection(fields, proj);
        const e = itemEntity(urls, new ValueContext(store, actor), res.list, fields, res.item, proj, (i) => files.fileEntityForItem(ctx, res.list, i));
        return renderEntity(e, { mode: ctx.mode, webUrl: urls.webUrl, preProjected: true }, `SP.ListData.${e.type.slice('SP.Data.'.length, -'Item'.length)}Items`, 200, { etag: itemEtagHeader(res.item) });
      }
      if (ctx.method === 'MERGE' || ctx.method === 'PATCH' || ctx.method === 'PUT') {
        const updated = store.updateItem(actor, res.list, res.item, parseJsonBody(ctx.req), ctx.req.headers['if-match']);
        return noContent({ etag: itemEtagHeader(updated) });
      }
      if (ctx.method === 'DELETE') {
        store.deleteItem(actor, res.list, res.item, ctx.req.headers['if-match'], false);
        return emptyOk();
      }
      break;
    case 'itemversions':
      if (ctx.method === 'GET') {
        store.demand(actor, PermissionKind.ViewVersions, res.list);
        return collection(ctx, store.itemVersions(res.list, res.item).map((v) => itemVersionEntity(ctx, res.list, res.item, v)), 'SP.ListItemVersion');
      }
      break;
    case 'siteusers':
      if (ctx.method === 'GET') return collection(ctx, store.principals(web, 'user').map((p) => userEntity(urls, p)), 'SP.User');
      if (ctx.method === 'POST') {
        store.demand(actor, PermissionKind.ManageWeb);
        const body = parseJsonBody(ctx.req);
        const d = findDirectoryUser(String(body.LoginName ?? ''));
        if (!d) throw Errors.argument(`The user '${String(body.LoginName)}' does not exist.`, 404);
        return one(ctx, userEntity(urls, store.ensureUser(web, d)), 'SP.User', 201);
      }
      break;
    case 'user':
      if (ctx.method === 'GET') {
        const e = userEntity(urls, res.p);
        e.nav = { Groups: () => store.groupsOfUser(web, res.p.id).map((g) => groupEntity(urls, g)) };
        return one(ctx, e, 'SP.User');
      }
      break;
    case 'usergroups':
      if (ctx.method === 'GET') return collection(ctx, store.groupsOfUser(web, res.p.id).map((g) => groupEntity(urls, g)), 'SP.Group');
      break;
    case 'sitegroups':
      if (ctx.method === 'GET') return collection(ctx, store.principals(web, 'group').map((p) => groupEntity(urls, p)), 'SP.Group');
      if (ctx.method === 'POST') {
        store.demand(actor, PermissionKind.CreateGroups);
        const body = parseJsonBody(ctx.req);
        const g = store.createGroup(web, String(body.Title ?? ''), actor.user.id, String(body.Description ?? ''));
        return one(ctx, groupEntity(urls, g), 'SP.Group', 201);
      }
      break;
    case 'group':
      if (ctx.method === 'GET') {
        const e = groupEntity(urls, res.p);
        e.nav = { Users: () => store.groupMembers(web, res.p.id).map((u) => userEntity(urls, u)) };
        return one(ctx, e, 'SP.Group');
      }
      if (ctx.method === 'MERGE' || ctx.method === 'PATCH') {
        demandGroupEdit(ctx, res.p);
        const body = parseJsonBody(ctx.req);
        const { Title, __metadata: _m, ...rest } = body;
        store.updatePrincipalProps(web, res.p, rest, typeof Title === 'string' && Title.trim() ? Title : undefined);
        return noContent();
      }
      break;
    case 'groupusers':
      if (ctx.method === 'GET') return collection(ctx, store.groupMembers(web, res.p.id).map((u) => userEntity(urls, u)), 'SP.User');
      if (ctx.method === 'POST') {
        demandGroupEdit(ctx, res.p);
        const body = parseJsonBody(ctx.req);
        const login = String(body.LoginName ?? '');
        let user = store.getPrincipalByLogin(web, 'user', login);
        if (!user) {
          const d = findDirectoryUser(login);
          if (!d) throw Errors.argument(`The user '${login}' does not exist.`, 404);
          user = store.ensureUser(web, d);
        }
        store.addGroupMember(web, res.p.id, user.id);
        return one(ctx, userEntity(urls, user), 'SP.User', 201);
      }
      break;
    case 'roledefs':
      if (ctx.method === 'GET') return collection(ctx, ROLE_DEFINITIONS.map((r) => roleDefinitionEntity(urls, r)), 'SP.RoleDefinition');
      break;
    case 'roleassignments':
      if (ctx.method === 'GET') {
        const scope = store.effectiveScope(res.list, res.item);
        return collection(ctx, store.roleAssignments(web, scope).map((ra) => roleAssignmentEntity(ctx, ra)), 'SP.RoleAssignment');
      }
      break;
    case 'recyclebin':
      if (ctx.method === 'GET') {
        return collection(ctx, store.recycleBin(web).map((r) => ({
          type: 'SP.RecycleBinItem', uri: `${urls.api}/Web/RecycleBin('${r.id}')`,
          props: { Id: r.id, Title: r.title, ItemType: r.kind === 'list' ? 4 : 1, DeletedDate: r.deleted, DeletedById: r.deletedBy }
        })), 'SP.RecycleBinItem');
      }
      break;
    case 'entity':
      if (ctx.method === 'GET') return one(ctx, res.entity, res.set);
      break;
    case 'folder': case 'folders': case 'files': case 'file': case 'fileversions': case 'fileversion':
      return files.finish(ctx, res);
    default:
      break;
  }
  throw new SpError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
    `The HTTP method '${ctx.method}' is not supported on ${describe(res)}.`);
}

// ---------------------------------------------------------------------------------------

function getItems(ctx: ApiContext, list: List): LocalResponse {
  const { store, actor, urls, query } = ctx;
  const fields = store.fields(list.id);
  const proj = { select: parseSelect(query.get('$select')), expand: parseExpand(query.get('$expand')) };
  checkItemProjection(fields, proj);
  const filterText = query.get('$filter');
  const top = parseTop(query.get('$top'), THRESHOLD) ?? 100;
  const page = queryItems(store, actor, list, {
    filter: filterText ? parseFilter(filterText) : undefined,
    orderBy: parseOrderBy(query.get('$orderby')),
    top,
    skipToken: parseSkipToken(query.get('$skiptoken')),
    threshold: ctx.options.threshold
  });
  const vctx = new ValueContext(store, actor);
  const entities = page.items.map((i) => itemEntity(urls, vctx, list, fields, i, proj, (x) => files.fileEntityForItem(ctx, list, x)));
  let next: string | undefined;
  if (page.next) {
    const u = new URL(ctx.req.url.toString());
    u.searchParams.set('$skiptoken', page.next);
    if (!u.searchParams.has('$top')) u.searchParams.set('$top', String(top));
    next = u.toString();
  }
  const entityName = listItemEntityTypeFullName(list);
  return renderCollection(entities, { mode: ctx.mode, webUrl: urls.webUrl, preProjected: true }, `SP.ListData.${entityName.slice('SP.Data.'.length).replace(/Item$/, '')}Items`, next);
}

function itemVersionEntity(ctx: ApiContext, list: List, item: Item, v: { uiVersion: number; modified: string; editorId: number; data: Record<string, unknown> }): Entity {
  const label = `${Math.floor(v.uiVersion / 512)}.${v.uiVersion % 512}`;
  const props: Record<string, unknown> = {
    VersionId: v.uiVersion, VersionLabel: label, IsCurrentVersion: v.uiVersion === item.uiVersion, Created: v.modified,
    Modified: v.modified, EditorId: v.editorId, ID: item.id, OData__UIVersionString: label
  };
  for (const f of ctx.store.fields(list.id)) {
    if (f.props.system) continue;
    const val = v.data[f.internalName];
    if (val !== undefined) props[f.internalName] = val;
  }
  return { type: 'SP.ListItemVersion', uri: `${ctx.urls.list(list)}/Items(${item.id})/Versions(${v.uiVersion})`, props };
}

function roleAssignmentEntity(ctx: ApiContext, ra: { principalId: number; roleDefIds: number[] }): Entity {
  const p = ctx.store.getPrincipal(ctx.actor.web, ra.principalId);
  return {
    type: 'SP.RoleAssignment', uri: `${ctx.urls.api}/Web/RoleAssignments/GetByPrincipalId(${ra.principalId})`,
    props: { PrincipalId: ra.principalId },
    nav: {
      Member: () => (p ? principalEntity(ctx.urls, p) : null),
      RoleDefinitionBindings: () => ra.roleDefIds.map((id) => roleDefinitionEntity(ctx.urls, requireRoleDef(roleDefinitionById(id))))
    }
  };
}

function siteEntity(u: Urls): Entity {
  return {
    type: 'SP.Site', uri: `${u.api}/Site`,
    props: { Id: u.web.id, ServerRelativeUrl: u.web.path, Url: u.webUrl, ReadOnly: false, AllowCreateDeclarativeWorkflow: false }
  };
}

function contextInfo(ctx: ApiContext): LocalResponse {
  post(ctx);
  const date = new Date().toUTCString().replace('GMT', '-0000').replace(/^\w+, /, '');
  const info = {
    FormDigestTimeoutSeconds: 1800,
    FormDigestValue: `0x${Buffer.from(ctx.actor.user.login).toString('hex').slice(0, 64).toUpperCase().padEnd(64, '0')},${date}`,
    LibraryVersion: '16.0.25421.12002', SiteFullUrl: ctx.urls.webUrl, SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
    WebFullUrl: ctx.urls.webUrl
  };
  const body = ctx.mode === 'verbose' ? { d: { GetContextWebInformation: { __metadata: { type: 'SP.ContextWebInformation' }, ...info } } }
    : ctx.mode === 'minimal' ? { 'odata.metadata': `${ctx.urls.webUrl}/_api/$metadata#SP.ContextWebInformation`, ...info } : info;
  return { status: 200, headers: { 'content-type': contentTypeFor(ctx.mode) }, body: JSON.stringify(body) };
}

function ensureUser(ctx: ApiContext, seg: Segment): LocalResponse {
  post(ctx);
  let login = arg(seg);
  if (login === undefined) login = parseJsonBody(ctx.req).logonName as string | undefined;
  if (typeof login !== 'string' || !login.trim()) throw Errors.badRequest('ensureUser needs a logonName.');
  ctx.store.demand(ctx.actor, PermissionKind.BrowseUserInfo);
  const existing = ctx.store.getPrincipalByLogin(ctx.actor.web, 'user', login.includes('|') ? login : `i:0#.f|membership|${login}`);
  if (existing) return one(ctx, userEntity(ctx.urls, existing), 'SP.User');
  const d = findDirectoryUser(login);
  if (!d) throw new SpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'The specified user ' + login + ' could not be found.');
  // A visitor may resolve people already on the site, but only those who can change the site add new ones [verify].
  ctx.store.demand(ctx.actor, PermissionKind.EditListItems);
  return one(ctx, userEntity(ctx.urls, ctx.store.ensureUser(ctx.actor.web, d)), 'SP.User');
}

function breakInheritance(ctx: ApiContext, seg: Segment, list: List, item?: Item): LocalResponse {
  post(ctx);
  ctx.store.demand(ctx.actor, PermissionKind.ManagePermissions, list, item);
  const copy = arg(seg, 'copyRoleAssignments');
  ctx.store.tx(() => ctx.store.breakInheritance(ctx.actor.web, list, item, copy === true || copy === 'true'));
  return emptyOk();
}

function userEffectivePermissions(ctx: ApiContext, seg: Segment, list?: List, item?: Item): Res {
  const login = stringArg(seg);
  const user = ctx.store.getPrincipalByLogin(ctx.actor.web, 'user', login);
  const mask = user ? ctx.store.permissions(ctx.actor.web, user, list, item?.uniquePerms ? item : undefined).toMask() : { High: '0', Low: '0' };
  return { k: 'entity', entity: basePermissionsEntity(ctx.urls, mask), set: 'SP.BasePermissions' };
}

function demandGroupEdit(ctx: ApiContext, group: Principal): void {
  const perms = ctx.store.permissions(ctx.actor.web, ctx.actor.user);
  const isOwner = group.props.OwnerId === ctx.actor.user.id;
  if (!perms.has(PermissionKind.ManagePermissions) && !perms.has(PermissionKind.CreateGroups) && !isOwner) throw Errors.accessDenied();
}

function ensureSpecialLibrary(ctx: ApiContext, title: string, url: string, template: number): LocalResponse {
  post(ctx);
  let list = ctx.store.getList(ctx.actor.web, { url: `${ctx.actor.web.path}/${url}` });
  if (!list) list = ctx.store.createList(ctx.actor, { Title: title, BaseTemplate: template, Url: url });
  return one(ctx, listEntity(ctx.urls, ctx.store, ctx.actor, list), 'SP.List');
}

function validateUpdateListItem(ctx: ApiContext, list: List, item: Item): LocalResponse {
  post(ctx);
  const body = parseJsonBody(ctx.req);
  const values = unwrapCollection(body.formValues) as Array<{ FieldName: string; FieldValue: string }> | null;
  if (!values) throw Errors.badRequest('validateUpdateListItem needs formValues.');
  const fields = ctx.store.fields(list.id);
  const payload: Record<string, unknown> = {};
  const results = values.map((v) => {
    const f = fields.find((x) => x.internalName === v.FieldName);
    if (!f) return { FieldName: v.FieldName, FieldValue: v.FieldValue, HasException: true, ErrorCode: -2147024809, ErrorMessage: `Column '${v.FieldName}' does not exist.`, ItemId: item.id };
    payload[f.typeAsString === 'User' || f.typeAsString === 'Lookup' ? `${f.internalName}Id` : f.internalName] =
      f.typeAsString === 'Number' || f.typeAsString === 'Currency' ? Number(v.FieldValue) : v.FieldValue;
    return { FieldName: v.FieldName, FieldValue: v.FieldValue, HasException: false, ErrorCode: 0, ErrorMessage: null, ItemId: item.id };
  });
  if (results.every((r) => !r.HasException)) ctx.store.updateItem(ctx.actor, list, item, payload, '*');
  const entities: Entity[] = results.map((r) => ({ type: 'SP.ListItemFormUpdateValue', uri: '', props: r }));
  return renderCollection(entities, { mode: ctx.mode, webUrl: ctx.urls.webUrl }, 'Collection(SP.ListItemFormUpdateValue)');
}

// --------------------------------------------------------------------------------- fields

/** `fields.add*`: verbose body with `__metadata.type` naming the field class. */
function addFieldVerbose(ctx: ApiContext, list: List | undefined): LocalResponse {
  const body = parseJsonBody(ctx.req);
  const meta = body.__metadata as { type?: string } | undefined;
  const kind = typeof body.FieldTypeKind === 'number' ? body.FieldTypeKind : undefined;
  let type = typeFromClass(meta?.type);
  if (kind !== undefined) type = typeFromKind(kind, !!body.AllowMultipleValues);
  if (!type) throw Errors.badRequest('A new field needs FieldTypeKind or __metadata.type.');
  if (type === 'User' && body.AllowMultipleValues) type = 'UserMulti';
  const field = addFromProps(ctx, list, type, body);
  return one(ctx, fieldEntity(ctx.urls, list, field), 'SP.Field', 201);
}

/** `fields.addField` / `addLookup`: `{parameters: SP.FieldCreationInformation}`. */
function addFieldByInfo(ctx: ApiContext, list: List | undefined): LocalResponse {
  const body = parseJsonBody(ctx.req);
  const p = (body.parameters ?? {}) as Record<string, unknown>;
  const kind = Number(p.FieldTypeKind);
  if (!Number.isInteger(kind)) throw Errors.badRequest('parameters.FieldTypeKind is required.');
  const type = typeFromKind(kind, false);
  const field = addFromProps(ctx, list, type, {
    Title: p.Title, Required: p.Required, LookupList: p.LookupListId, LookupField: p.LookupFieldName, LookupWebId: p.LookupWebId,
    Choices: p.Choices
  });
  return one(ctx, fieldEntity(ctx.urls, list, field), 'SP.Field', 201);
}

function addFromProps(ctx: ApiContext, list: List | undefined, type: string, body: Record<string, unknown>): Field {
  const props: FieldProps = {};
  const copy = ['Required', 'Indexed', 'EnforceUniqueValues', 'Hidden', 'Description', 'Group', 'FillInChoice', 'MaxLength', 'MinimumValue',
    'MaximumValue', 'DefaultValue', 'DisplayFormat', 'SelectionMode', 'LookupField', 'EditFormat', 'NumberOfLines', 'RichText',
    'AppendOnly', 'AllowHyperlink', 'RestrictedMode', 'DateTimeCalendarType', 'FriendlyDisplayFormat', 'CurrencyLocaleId', 'SchemaXml'];
  for (const k of copy) if (body[k] !== undefined) (props as Record<string, unknown>)[k] = body[k];
  if (body.Choices !== undefined) props.Choices = (unwrapCollection(body.Choices) ?? []).map(String);
  if (body.LookupList !== undefined) props.LookupList = String(body.LookupList);
  if (body.AllowMultipleValues && type === 'Lookup') type = 'LookupMulti';
  if (body.AllowMultipleValues && type === 'User') type = 'UserMulti';
  if (type === 'Calculated' || type === 'Location' || type === 'Thumbnail') throw Errors.notImplemented(`fields of type ${type}`);
  return ctx.store.addField(ctx.actor, list, {
    title: String(body.Title ?? ''), type, internalName: typeof body.InternalName === 'string' ? body.InternalName : undefined,
    props, addToDefaultView: false
  });
}

function createFieldAsXml(ctx: ApiContext, list: List | undefined): LocalResponse {
  const body = parseJsonBody(ctx.req);
  const params = (body.parameters ?? {}) as { SchemaXml?: string; Options?: number };
  if (typeof params.SchemaXml !== 'string') throw Errors.badRequest('createFieldAsXml needs parameters.SchemaXml.');
  const def = parseFieldXml(params.SchemaXml);
  if (def.props.LookupList && list) {
    const ref = def.props.LookupList;
    const target = /^[{]?[0-9a-f-]{36}[}]?$/i.test(ref) ? ctx.store.getList(ctx.actor.web, { id: ref.replace(/[{}]/g, '') })
      : ctx.store.getList(ctx.actor.web, { url: `${ctx.actor.web.path}/${ref.replace(/^\//, '')}` }) ?? ctx.store.getList(ctx.actor.web, { title: ref });
    if (!target) throw Errors.badRequest(`The lookup list '${ref}' of field '${def.internalName}' does not exist.`);
    def.props.LookupList = target.id;
  }
  const options = Number(params.Options ?? 0);
  const field = ctx.store.addField(ctx.actor, list, {
    title: def.title, type: def.type, internalName: def.internalName, id: def.id, props: { ...def.props, SchemaXml: params.SchemaXml },
    addToDefaultView: (options & 16) === 16
  });
  return one(ctx, fieldEntity(ctx.urls, list, field), 'SP.Field', 201);
}

// --------------------------------------------------------------------------------- lookups

function requireList(ctx: ApiContext, by: { id?: string; title?: string }): List {
  const list = ctx.store.getList(ctx.actor.web, by);
  if (!list) {
    if (by.id) throw Errors.notFound(`List does not exist. The page you selected contains a list that does not exist. It may have been deleted by another user.`);
    throw Errors.listNotFound(by.title ?? '', ctx.urls.webUrl);
  }
  const perms = ctx.store.permissions(ctx.actor.web, ctx.actor.user, list);
  if (!perms.has(PermissionKind.ViewListItems) && !perms.has(PermissionKind.Open) && !ctx.store.hasItemGrant(ctx.actor, list)) {
    // SharePoint hides lists a user cannot see rather than saying they exist.
    throw Errors.listNotFound(by.title ?? list.title, ctx.urls.webUrl);
  }
  return list;
}

function requireItem(ctx: ApiContext, list: List, id: number): Item {
  if (!Number.isInteger(id) || id <= 0) throw Errors.badRequest(`'${String(id)}' is not a valid item id.`);
  ctx.store.demandListRead(ctx.actor, list);
  const item = ctx.store.getItem(list, id);
  if (!item || !ctx.store.canReadItem(ctx.actor, list, item)) throw Errors.itemNotFound();
  return item;
}

function requireField(ctx: ApiContext, list: List | undefined, by: { id?: string; title?: string; nameOrTitle?: string }): Field {
  const scope = list ? list.id : `web:${ctx.actor.web.id}`;
  const f = ctx.store.getField(scope, by);
  if (!f) {
    const name = by.nameOrTitle ?? by.title ?? by.id ?? '';
    throw Errors.argument(`Column '${name}' does not exist. It may have been deleted by another user.  ${list ? list.url : ctx.actor.web.path}`, 404);
  }
  return f;
}

function requireView(list: List, views: View[], by: { id?: string; title?: string; default?: boolean }): View {
  const v = by.default ? views.find((x) => x.props.DefaultView)
    : by.id ? views.find((x) => x.id === by.id?.toLowerCase().replace(/[{}]/g, ''))
      : views.find((x) => x.title.toLowerCase() === (by.title ?? '').toLowerCase());
  if (!v) throw Errors.argument(`The view '${by.title ?? by.id ?? 'default'}' does not exist in list '${list.title}'.`, 404);
  return v;
}

function requirePrincipal(ctx: ApiContext, id: number, kind: 'user' | 'group'): Principal {
  const p = ctx.store.getPrincipal(ctx.actor.web, id);
  if (!p || p.kind !== kind) throw Errors.argument(kind === 'user' ? 'User cannot be found.' : 'Group cannot be found.', 404);
  return p;
}

function requireUserBy(ctx: ApiContext, pred: (p: Principal) => boolean): Principal {
  const p = ctx.store.principals(ctx.actor.web, 'user').find(pred);
  if (!p) throw Errors.argument('User cannot be found.', 404);
  return p;
}

function contentTypeById(ctx: ApiContext, list: List | undefined, id: string): Res {
  const scope = list ? list.id : `web:${ctx.actor.web.id}`;
  const ct = ctx.store.contentTypes(scope).find((c) => c.id.toLowerCase() === id.toLowerCase());
  if (!ct) throw Errors.argument(`The content type '${id}' does not exist.`, 404);
  return { k: 'entity', entity: contentTypeEntity(ctx.urls, list, ct), set: 'SP.ContentType' };
}

function roleAssignmentByPrincipal(ctx: ApiContext, principalId: number, list?: List, item?: Item): Res {
  const scope = ctx.store.effectiveScope(list, item);
  const ra = ctx.store.roleAssignments(ctx.actor.web, scope).find((r) => r.principalId === principalId);
  if (!ra) throw Errors.argument(`Can not find the principal with id: ${principalId}.`, 404);
  return { k: 'entity', entity: roleAssignmentEntity(ctx, ra), set: 'SP.RoleAssignment' };
}

function requireMember(ctx: ApiContext, group: Principal, pred: (p: Principal) => boolean): Principal {
  const m = ctx.store.groupMembers(ctx.actor.web, group.id).find(pred);
  if (!m) throw Errors.argument('User cannot be found.', 404);
  return m;
}

function requireRoleDef<T>(r: T | undefined): T {
  if (!r) throw Errors.argument('The role definition does not exist.', 404);
  return r;
}

function checkVersionEtag(ifMatch: string | undefined, version: number): void {
  if (!ifMatch || ifMatch.trim() === '*') return;
  const m = /(\d+)"?$/.exec(ifMatch.trim());
  if (!m || Number(m[1]) !== version) throw Errors.etagMismatch(ifMatch, `"${version}"`);
}

export type { PermissionName };
