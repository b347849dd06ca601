import { Errors, SpError } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { is, arg, stringArg, type Segment } from '../http/path';
import { noContent } from '../http/format';
import { userEntity, groupEntity } from '../http/entities';
import { findDirectoryUser } from '../directory';
import { PermissionKind } from '../model/permissions';
import type { Principal } from '../store/types';
import { collection, emptyOk, one, onWeb, parseJsonBody, post, type ApiContext, type Res, type Route } from './context';
import { requireMember, requirePrincipal, requireUserBy } from './lookups';

/** Site users, the current user, `ensureUser`, site groups and their members. */
export const principalsRoute: Route = {
  step(ctx: ApiContext, res: Res, seg: Segment): Res | LocalResponse | undefined {
    const { store, actor } = ctx;
    const web = actor.web;
    if (onWeb(res)) {
      if (is(seg, 'currentUser')) return { k: 'user', p: actor.user };
      if (is(seg, 'siteUsers')) return seg.hasParens ? { k: 'user', p: requireUserBy(ctx, (p) => p.login.toLowerCase() === stringArg(seg).toLowerCase()) } : { k: 'siteusers' };
      if (is(seg, 'siteGroups')) return seg.hasParens ? { k: 'group', p: requirePrincipal(ctx, Number(arg(seg)), 'group') } : { k: 'sitegroups' };
      if (is(seg, 'getUserById')) return { k: 'user', p: requirePrincipal(ctx, Number(arg(seg)), 'user') };
      if (is(seg, 'ensureUser')) return ensureUser(ctx, seg);
      if (is(seg, 'associatedOwnerGroup', 'associatedMemberGroup', 'associatedVisitorGroup')) {
        const key = seg.name.toLowerCase().includes('owner') ? 'AssociatedOwnerGroup' : seg.name.toLowerCase().includes('member') ? 'AssociatedMemberGroup' : 'AssociatedVisitorGroup';
        return { k: 'group', p: requirePrincipal(ctx, Number(web.props[key]), 'group') };
      }
    }
    switch (res.k) {
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
      default:
        break;
    }
    return undefined;
  },

  finish(ctx: ApiContext, res: Res): LocalResponse | undefined {
    const { store, actor, urls } = ctx;
    const web = actor.web;
    switch (res.k) {
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
      default:
        break;
    }
    return undefined;
  }
};

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

function demandGroupEdit(ctx: ApiContext, group: Principal): void {
  const perms = ctx.store.permissions(ctx.actor.web, ctx.actor.user);
  const isOwner = group.props.OwnerId === ctx.actor.user.id;
  if (!perms.has(PermissionKind.ManagePermissions) && !perms.has(PermissionKind.CreateGroups) && !isOwner) throw Errors.accessDenied();
}
