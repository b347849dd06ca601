import { Errors } from '../http/errors';
import { PermissionKind } from '../model/permissions';
import type { Field, Item, List, Principal, View } from '../store/types';
import type { ApiContext } from './context';

/** Finding a resource by what the path names, failing with SharePoint's error when it is not there (or not visible). */

export function requireList(ctx: ApiContext, by: { id?: string; title?: string }): List {
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

export function requireItem(ctx: ApiContext, list: List, id: number): Item {
  if (!Number.isInteger(id) || id <= 0) throw Errors.badRequest(`'${String(id)}' is not a valid item id.`);
  ctx.store.demandListRead(ctx.actor, list);
  const item = ctx.store.getItem(list, id);
  if (!item || !ctx.store.canReadItem(ctx.actor, list, item)) throw Errors.itemNotFound();
  return item;
}

export function requireField(ctx: ApiContext, list: List | undefined, by: { id?: string; title?: string; nameOrTitle?: string }): Field {
  const scope = list ? list.id : `web:${ctx.actor.web.id}`;
  const f = ctx.store.getField(scope, by);
  if (!f) {
    const name = by.nameOrTitle ?? by.title ?? by.id ?? '';
    throw Errors.argument(`Column '${name}' does not exist. It may have been deleted by another user.  ${list ? list.url : ctx.actor.web.path}`, 404);
  }
  return f;
}

export function requireView(list: List, views: View[], by: { id?: string; title?: string; default?: boolean }): View {
  const v = by.default ? views.find((x) => x.props.DefaultView)
    : by.id ? views.find((x) => x.id === by.id?.toLowerCase().replace(/[{}]/g, ''))
      : views.find((x) => x.title.toLowerCase() === (by.title ?? '').toLowerCase());
  if (!v) throw Errors.argument(`The view '${by.title ?? by.id ?? 'default'}' does not exist in list '${list.title}'.`, 404);
  return v;
}

export function requirePrincipal(ctx: ApiContext, id: number, kind: 'user' | 'group'): Principal {
  const p = ctx.store.getPrincipal(ctx.actor.web, id);
  if (!p || p.kind !== kind) throw Errors.argument(kind === 'user' ? 'User cannot be found.' : 'Group cannot be found.', 404);
  return p;
}

export function requireUserBy(ctx: ApiContext, pred: (p: Principal) => boolean): Principal {
  const p = ctx.store.principals(ctx.actor.web, 'user').find(pred);
  if (!p) throw Errors.argument('User cannot be found.', 404);
  return p;
}

export function requireMember(ctx: ApiContext, group: Principal, pred: (p: Principal) => boolean): Principal {
  const m = ctx.store.groupMembers(ctx.actor.web, group.id).find(pred);
  if (!m) throw Errors.argument('User cannot be found.', 404);
  return m;
}
