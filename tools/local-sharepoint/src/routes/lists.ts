import { Errors } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { is, stringArg, type Segment } from '../http/path';
import { noContent, renderValue } from '../http/format';
import { listEntity } from '../http/entities';
import { PermissionKind } from '../model/permissions';
import {
  checkVersionEtag, collection, emptyOk, one, onWeb, parseJsonBody, post, type ApiContext, type Res, type Route
} from './context';
import { requireList } from './lookups';

/** `web/lists`, `getList`, one list: create, read, update, delete, recycle. */
export const listsRoute: Route = {
  step(ctx: ApiContext, res: Res, seg: Segment): Res | LocalResponse | undefined {
    const { store, actor, urls } = ctx;
    if (onWeb(res)) {
      if (is(seg, 'lists')) return seg.hasParens ? { k: 'list', list: requireList(ctx, { id: stringArg(seg) }) } : { k: 'lists' };
      if (is(seg, 'getList')) {
        // An absolute URL or a server-relative path; a path without its leading "/" is taken as
        // server-relative too (pnp's own tests pass one) [verify].
        let url = stringArg(seg).replace(/^https?:\/\/[^/]+/i, '').replace(/\/+$/, '');
        if (!url.startsWith('/')) url = `/${url}`;
        const list = store.getList(actor.web, { url });
        if (!list) throw Errors.notFound(`List '${url}' does not exist at site with URL '${urls.webUrl}'.`);
        return { k: 'list', list };
      }
    }
    if (res.k === 'lists') {
      if (is(seg, 'getByTitle')) return { k: 'list', list: requireList(ctx, { title: stringArg(seg) }) };
      if (seg.hasParens && seg.name === '') return { k: 'list', list: requireList(ctx, { id: stringArg(seg) }) };
      if (is(seg, 'getById')) return { k: 'list', list: requireList(ctx, { id: stringArg(seg) }) };
      if (is(seg, 'ensureSitePagesLibrary')) return ensureSpecialLibrary(ctx, 'Site Pages', 'SitePages', 119);
      if (is(seg, 'ensureSiteAssetsLibrary')) return ensureSpecialLibrary(ctx, 'Site Assets', 'SiteAssets', 101);
    }
    if (res.k === 'list') {
      if (is(seg, 'recycle')) { post(ctx); const id = store.deleteList(actor, res.list, true); return renderValue('Recycle', id, ctx.mode, urls.webUrl, 'Edm.Guid'); }
      if (is(seg, 'reserveListItemId')) { post(ctx); throw Errors.notImplemented('reserveListItemId'); }
      if (is(seg, 'parentWeb')) return { k: 'web' };
    }
    return undefined;
  },

  finish(ctx: ApiContext, res: Res): LocalResponse | undefined {
    const { store, actor, urls } = ctx;
    const web = actor.web;
    if (res.k === 'lists') {
      if (ctx.method === 'GET') {
        const visible = store.lists(web).filter((l) => store.permissions(web, actor.user, l).has(PermissionKind.ViewListItems) || store.permissions(web, actor.user, l).has(PermissionKind.Open));
        return collection(ctx, visible.map((l) => listEntity(urls, store, actor, l)), 'SP.ApiData.Lists');
      }
      if (ctx.method === 'POST') {
        const list = store.createList(actor, parseJsonBody(ctx.req));
        return one(ctx, listEntity(urls, store, actor, list), 'SP.ApiData.Lists', 201);
      }
    }
    if (res.k === 'list') {
      if (ctx.method === 'GET') return one(ctx, listEntity(urls, store, actor, res.list), 'SP.ApiData.Lists');
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
    }
    return undefined;
  }
};

function ensureSpecialLibrary(ctx: ApiContext, title: string, url: string, template: number): LocalResponse {
  post(ctx);
  let list = ctx.store.getList(ctx.actor.web, { url: `${ctx.actor.web.path}/${url}` });
  if (!list) list = ctx.store.createList(ctx.actor, { Title: title, BaseTemplate: template, Url: url });
  return one(ctx, listEntity(ctx.urls, ctx.store, ctx.actor, list), 'SP.List');
}
