import { Errors } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { is, stringArg, type Segment } from '../http/path';
import { contentTypeEntity } from '../http/entities';
import { PermissionKind } from '../model/permissions';
import type { List } from '../store/types';
import { collection, one, onWeb, parseJsonBody, type ApiContext, type Res, type Route } from './context';

/** Content types of the web and of a list. */
export const contentTypesRoute: Route = {
  step(ctx: ApiContext, res: Res, seg: Segment): Res | undefined {
    if (onWeb(res) && is(seg, 'contentTypes', 'availableContentTypes')) {
      return seg.hasParens ? contentTypeById(ctx, undefined, stringArg(seg)) : { k: 'contenttypes' };
    }
    if (res.k === 'list' && is(seg, 'contentTypes')) {
      return seg.hasParens ? contentTypeById(ctx, res.list, stringArg(seg)) : { k: 'contenttypes', list: res.list };
    }
    if (res.k === 'contenttypes' && is(seg, 'getById')) return contentTypeById(ctx, res.list, stringArg(seg));
    return undefined;
  },

  finish(ctx: ApiContext, res: Res): LocalResponse | undefined {
    if (res.k !== 'contenttypes') return undefined;
    const { store, actor, urls } = ctx;
    const scope = res.list ? res.list.id : `web:${actor.web.id}`;
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
    return undefined;
  }
};

function contentTypeById(ctx: ApiContext, list: List | undefined, id: string): Res {
  const scope = list ? list.id : `web:${ctx.actor.web.id}`;
  const ct = ctx.store.contentTypes(scope).find((c) => c.id.toLowerCase() === id.toLowerCase());
  if (!ct) throw Errors.argument(`The content type '${id}' does not exist.`, 404);
  return { k: 'entity', entity: contentTypeEntity(ctx.urls, list, ct), set: 'SP.ContentType' };
}
