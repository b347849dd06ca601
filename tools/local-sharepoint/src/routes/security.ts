import { Errors } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { is, arg, stringArg, type Segment } from '../http/path';
import type { Entity } from '../http/format';
import { basePermissionsEntity, principalEntity, roleDefinitionEntity } from '../http/entities';
import { PermissionKind } from '../model/permissions';
import { itemScope } from '../store/sharepoint';
import type { Item, List } from '../store/types';
import { collection, emptyOk, one, onWeb, parseJsonBody, post, type ApiContext, type Res, type Route } from './context';

/** Role definitions, role assignments, inheritance and effective permissions on web, list and item. */
export const securityRoute: Route = {
  step(ctx: ApiContext, res: Res, seg: Segment): Res | LocalResponse | undefined {
    const { store, actor, urls } = ctx;
    const web = actor.web;
    if (onWeb(res)) {
      if (is(seg, 'roleDefinitions')) return seg.hasParens ? { k: 'entity', entity: roleDefinitionEntity(urls, requireRoleDef(store.roleDefinition(web, Number(arg(seg))))), set: 'SP.RoleDefinition' } : { k: 'roledefs' };
      if (is(seg, 'roleAssignments')) return seg.hasParens ? roleAssignmentByPrincipal(ctx, Number(arg(seg))) : { k: 'roleassignments' };
      if (is(seg, 'effectiveBasePermissions')) return { k: 'entity', entity: basePermissionsEntity(urls, store.permissions(web, actor.user).toMask()), set: 'SP.BasePermissions' };
      if (is(seg, 'getUserEffectivePermissions')) return userEffectivePermissions(ctx, seg);
    }
    if (res.k === 'list') {
      const list = res.list;
      if (is(seg, 'roleAssignments')) return seg.hasParens ? roleAssignmentByPrincipal(ctx, Number(arg(seg)), list) : { k: 'roleassignments', list };
      if (is(seg, 'effectiveBasePermissions')) return { k: 'entity', entity: basePermissionsEntity(urls, store.permissions(web, actor.user, list).toMask()), set: 'SP.BasePermissions' };
      if (is(seg, 'getUserEffectivePermissions')) return userEffectivePermissions(ctx, seg, list);
      if (is(seg, 'breakRoleInheritance')) return breakInheritance(ctx, seg, list);
      if (is(seg, 'resetRoleInheritance')) { post(ctx); store.demand(actor, PermissionKind.ManagePermissions, list); store.resetInheritance(web, list); return emptyOk(); }
    }
    if (res.k === 'item') {
      const { list, item } = res;
      if (is(seg, 'breakRoleInheritance')) return breakInheritance(ctx, seg, list, item);
      if (is(seg, 'resetRoleInheritance')) { post(ctx); store.demand(actor, PermissionKind.ManagePermissions, list, item); store.resetInheritance(web, list, item); return emptyOk(); }
      if (is(seg, 'roleAssignments')) return seg.hasParens ? roleAssignmentByPrincipal(ctx, Number(arg(seg)), list, item) : { k: 'roleassignments', list, item };
      if (is(seg, 'effectiveBasePermissions')) {
        return { k: 'entity', entity: basePermissionsEntity(urls, store.permissions(web, actor.user, list, item).toMask()), set: 'SP.BasePermissions' };
      }
      if (is(seg, 'getUserEffectivePermissions')) return userEffectivePermissions(ctx, seg, list, item);
    }
    if (res.k === 'roleassignments') {
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
    }
    if (res.k === 'roledefs') {
      if (is(seg, 'getById') || (seg.name === '' && seg.hasParens)) return { k: 'entity', entity: roleDefinitionEntity(urls, requireRoleDef(store.roleDefinitions(web).find((r) => r.id === Number(arg(seg))))), set: 'SP.RoleDefinition' };
      if (is(seg, 'getByName')) return { k: 'entity', entity: roleDefinitionEntity(urls, requireRoleDef(store.roleDefinitions(web).find((r) => r.name.toLowerCase() === stringArg(seg).toLowerCase()))), set: 'SP.RoleDefinition' };
      if (is(seg, 'getByType')) return { k: 'entity', entity: roleDefinitionEntity(urls, requireRoleDef(store.roleDefinitions(web).find((r) => r.roleTypeKind === Number(arg(seg))))), set: 'SP.RoleDefinition' };
    }
    return undefined;
  },

  finish(ctx: ApiContext, res: Res): LocalResponse | undefined {
    if (res.k === 'roledefs' && ctx.method === 'POST') return one(ctx, roleDefinitionEntity(ctx.urls, ctx.store.addRoleDefinition(ctx.actor, parseJsonBody(ctx.req))), 'SP.RoleDefinition', 201);
    if (ctx.method !== 'GET') return undefined;
    if (res.k === 'roledefs') return collection(ctx, ctx.store.roleDefinitions(ctx.actor.web).map((r) => roleDefinitionEntity(ctx.urls, r)), 'SP.RoleDefinition');
    if (res.k === 'roleassignments') {
      const scope = ctx.store.effectiveScope(res.list, res.item);
      return collection(ctx, ctx.store.roleAssignments(ctx.actor.web, scope).map((ra) => roleAssignmentEntity(ctx, ra)), 'SP.RoleAssignment');
    }
    return undefined;
  }
};

function roleAssignmentEntity(ctx: ApiContext, ra: { principalId: number; roleDefIds: number[] }): Entity {
  const p = ctx.store.getPrincipal(ctx.actor.web, ra.principalId);
  return {
    type: 'SP.RoleAssignment', uri: `${ctx.urls.api}/Web/RoleAssignments/GetByPrincipalId(${ra.principalId})`,
    props: { PrincipalId: ra.principalId },
    nav: {
      Member: () => (p ? principalEntity(ctx.urls, p) : null),
      RoleDefinitionBindings: () => ra.roleDefIds.map((id) => roleDefinitionEntity(ctx.urls, requireRoleDef(ctx.store.roleDefinition(ctx.actor.web, id))))
    }
  };
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
  const mask = user ? ctx.store.permissions(ctx.actor.web, user, list, item).toMask() : { High: '0', Low: '0' };
  return { k: 'entity', entity: basePermissionsEntity(ctx.urls, mask), set: 'SP.BasePermissions' };
}

function roleAssignmentByPrincipal(ctx: ApiContext, principalId: number, list?: List, item?: Item): Res {
  const scope = ctx.store.effectiveScope(list, item);
  const ra = ctx.store.roleAssignments(ctx.actor.web, scope).find((r) => r.principalId === principalId);
  if (!ra) throw Errors.argument(`Can not find the principal with id: ${principalId}.`, 404);
  return { k: 'entity', entity: roleAssignmentEntity(ctx, ra), set: 'SP.RoleAssignment' };
}

function requireRoleDef<T>(r: T | undefined): T {
  if (!r) throw Errors.argument('The role definition does not exist.', 404);
  return r;
}
