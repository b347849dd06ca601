import { Errors } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { is, arg, type Segment } from '../http/path';
import { renderCollection, renderEntity, renderValue, noContent, type Entity } from '../http/format';
import { itemEntity, checkItemProjection, fieldStringValues } from '../http/entities';
import { parseFilter } from '../odata/filter';
import { parseExpand, parseOrderBy, parseSelect, parseSkipToken, parseTop } from '../odata/query-options';
import { THRESHOLD, itemEtagHeader, isLibrary, listItemEntityTypeFullName } from '../store/sharepoint';
import { queryItems, ValueContext } from '../store/query';
import type { Item, List } from '../store/types';
import { PermissionKind } from '../model/permissions';
import { collection, emptyOk, parseJsonBody, post, type ApiContext, type Res, type Route } from './context';
import { requireItem } from './lookups';
import { fileEntityForItem } from './files';
import { visibleVersion } from '../store/moderation';
import { addValidateUpdateItemUsingPath, validateUpdateListItem } from './formValues';

/** List items: query, add, read, update, delete, recycle, versions, form-style updates. */
export const itemsRoute: Route = {
  step(ctx: ApiContext, res: Res, seg: Segment): Res | LocalResponse | undefined {
    const { store, actor, urls } = ctx;
    if (res.k === 'list') {
      const list = res.list;
      if (is(seg, 'items')) return seg.hasParens ? { k: 'item', list, item: requireItem(ctx, list, Number(arg(seg))) } : { k: 'items', list };
      if (is(seg, 'getItemById')) return { k: 'item', list, item: requireItem(ctx, list, Number(arg(seg))) };
      if (is(seg, 'addValidateUpdateItemUsingPath')) return addValidateUpdateItemUsingPath(ctx, list);
    }
    if (res.k === 'items' && is(seg, 'getById')) return { k: 'item', list: res.list, item: requireItem(ctx, res.list, Number(arg(seg))) };
    if (res.k === 'item') {
      const { list, item } = res;
      if (is(seg, 'versions')) {
        if (seg.hasParens) {
          store.demandItemRead(actor, list, item, PermissionKind.ViewVersions);
          const v = store.itemVersions(list, item).find((x) => x.uiVersion === Number(arg(seg)));
          if (!v || !visibleVersion(store, actor, list, item, v.uiVersion, v.data)) throw Errors.itemNotFound();
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
      const stringValues = (['FieldValuesAsText', 'FieldValuesAsHtml', 'FieldValuesForEdit'] as const).find((k) => is(seg, k));
      if (stringValues) {
        // The values an edit form starts from: only for someone who may edit the item [verify].
        if (stringValues === 'FieldValuesForEdit') store.demandItemWrite(actor, list, item, PermissionKind.EditListItems);
        return { k: 'entity', entity: fieldStringValues(urls, list, store.fields(list.id), item, stringValues), set: 'SP.FieldStringValues' };
      }
      if (is(seg, 'validateUpdateListItem')) return validateUpdateListItem(ctx, list, item);
    }
    return undefined;
  },

  finish(ctx: ApiContext, res: Res): LocalResponse | undefined {
    const { store, actor, urls } = ctx;
    if (res.k === 'items') {
      if (ctx.method === 'GET') return getItems(ctx, res.list);
      if (ctx.method === 'POST') {
        if (isLibrary(res.list)) throw Errors.badRequest('To add an item to a document library, use SPFileCollection.add()');
        const item = store.addItem(actor, res.list, parseJsonBody(ctx.req));
        const entity = itemEntity(urls, new ValueContext(store, actor), res.list, store.fields(res.list.id), item, { select: [], expand: [] });
        return renderEntity(entity, { mode: ctx.mode, webUrl: urls.webUrl, preProjected: true }, `SP.ListData.${entity.type.slice('SP.Data.'.length, -'Item'.length)}Items`, 201,
          { etag: itemEtagHeader(item), location: `${urls.list(res.list)}/Items(${item.id})` });
      }
    }
    if (res.k === 'item') {
      if (ctx.method === 'GET') {
        const fields = store.fields(res.list.id);
        const proj = { select: parseSelect(ctx.query.get('$select')), expand: parseExpand(ctx.query.get('$expand')) };
        checkItemProjection(fields, proj);
        const e = itemEntity(urls, new ValueContext(store, actor), res.list, fields, res.item, proj, (i) => fileEntityForItem(ctx, res.list, i));
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
    }
    if (res.k === 'itemversions' && ctx.method === 'GET') {
      store.demandItemRead(actor, res.list, res.item, PermissionKind.ViewVersions);
      const visible = store.itemVersions(res.list, res.item).filter((v) => visibleVersion(store, actor, res.list, res.item, v.uiVersion, v.data));
      return collection(ctx, visible.map((v) => itemVersionEntity(ctx, res.list, res.item, v)), 'SP.ListItemVersion');
    }
    return undefined;
  }
};

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
  const entities = page.items.map((i) => itemEntity(urls, vctx, list, fields, i, proj, (x) => fileEntityForItem(ctx, list, x)));
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
