import { Errors } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { is, type Segment } from '../http/path';
import { renderCollection, renderValue, contentTypeFor } from '../http/format';
import { itemEntity, checkItemProjection } from '../http/entities';
import { parseExpand, parseSelect, parseSkipToken, parseTop } from '../odata/query-options';
import { parseView, type CamlView } from '../caml/parser';
import { THRESHOLD, isLibrary, listItemEntityTypeFullName } from '../store/sharepoint';
import { queryItems, rawValue, ValueContext, type ItemPage } from '../store/query';
import type { Field, Item, List } from '../store/types';
import { isLookupType, isUserType } from '../model/fieldTypes';
import { fileEntityForItem } from './files';
import { post, parseJsonBody, type ApiContext, type Route } from './context';

/**
 * CAML reads: `getitems` (`getItemsByCAMLQuery`), `RenderListDataAsStream` and
 * `renderlistdata(@viewXml)`. The CAML becomes the OData path's filter tree, so the list
 * view threshold is decided by the one rule in `store/query.ts`.
 */
export const camlRoute: Route = {
  step: (ctx, res, seg) => (res.k === 'list' && is(seg, 'getItems', 'renderListDataAsStream', 'renderListData') ? handle(ctx, res.list, seg) : undefined)
};

export function handle(ctx: ApiContext, list: List, seg: Segment): LocalResponse {
  post(ctx);
  const name = seg.name.toLowerCase();
  if (name === 'getitems') return getItems(ctx, list);
  if (name === 'renderlistdataasstream') return renderStream(ctx, list);
  return renderListData(ctx, list, seg);
}

function context(ctx: ApiContext): { userId: number; now: Date } {
  return { userId: ctx.actor.user.id, now: new Date() };
}

/** Runs a parsed view; with no RowLimit the query must return every match, which past 5,000 rows the threshold forbids. */
function run(ctx: ApiContext, list: List, view: CamlView, paging: string | null, folder: string | undefined): { page: ItemPage; top: number } {
  const top = view.rowLimit === undefined ? THRESHOLD : parseTop(String(view.rowLimit), THRESHOLD) as number;
  const page = queryItems(ctx.store, ctx.actor, list, {
    filter: view.where, orderBy: view.orderBy, top, skipToken: parseSkipToken(paging), threshold: ctx.options.threshold, folder
  });
  if (view.rowLimit === undefined && page.next) throw Errors.threshold();
  return { page, top };
}

function folderOf(ctx: ApiContext, list: List, view: CamlView, folderUrl: unknown): string | undefined {
  if (typeof folderUrl === 'string' && folderUrl) {
    const p = folderUrl.replace(/^https?:\/\/[^/]+/i, '').replace(/\/+$/, '');
    return p.startsWith('/') ? p : `${ctx.actor.web.path}/${p}`;
  }
  const scope = (view.scope ?? '').toLowerCase();
  // Without Scope="Recursive…" a query sees only the root folder's items, as a view does.
  if (isLibrary(list) && scope !== 'recursive' && scope !== 'recursiveall') return list.url;
  return undefined;
}

/** `POST getitems` with `{query: SP.CamlQuery}`: the items as `items` returns them ($select/$expand apply). */
function getItems(ctx: ApiContext, list: List): LocalResponse {
  const { store, actor, urls } = ctx;
  const body = parseJsonBody(ctx.req);
  const q = (body.query ?? {}) as { ViewXml?: unknown; ListItemCollectionPosition?: { PagingInfo?: unknown } | null; FolderServerRelativeUrl?: unknown };
  if (q.ViewXml !== undefined && typeof q.ViewXml !== 'string') throw Errors.badRequest('query.ViewXml must be a string.');
  const fields = store.fields(list.id);
  const view = parseView(q.ViewXml ?? '', fields, context(ctx));
  const paging = q.ListItemCollectionPosition && typeof q.ListItemCollectionPosition.PagingInfo === 'string' ? q.ListItemCollectionPosition.PagingInfo : null;
  const { page } = run(ctx, list, view, paging, folderOf(ctx, list, view, q.FolderServerRelativeUrl));
  // REST getitems returns the item properties $select asks for; ViewFields do not narrow it [verify].
  const proj = { select: parseSelect(ctx.query.get('$select')), expand: parseExpand(ctx.query.get('$expand')) };
  checkItemProjection(fields, proj);
  const vctx = new ValueContext(store, actor);
  const entities = page.items.map((i) => itemEntity(urls, vctx, list, fields, i, proj, (x) => fileEntityForItem(ctx, list, x)));
  const entityName = listItemEntityTypeFullName(list);
  return renderCollection(entities, { mode: ctx.mode, webUrl: urls.webUrl, preProjected: true }, `SP.ListData.${entityName.slice('SP.Data.'.length).replace(/Item$/, '')}Items`);
}

/** The default view's CAML when a render call sends none. */
function defaultViewXml(ctx: ApiContext, list: List): { xml: string; id: string } {
  const v = ctx.store.views(list).find((x) => x.props.DefaultView);
  if (!v) return { xml: '', id: '00000000-0000-0000-0000-000000000000' };
  const fieldsXml = v.props.ViewFields.map((f) => `<FieldRef Name="${f}"/>`).join('');
  return { xml: `<View><Query>${v.props.ViewQuery}</Query><ViewFields>${fieldsXml}</ViewFields><RowLimit Paged="${v.props.Paged ? 'TRUE' : 'FALSE'}">${v.props.RowLimit}</RowLimit></View>`, id: v.id };
}

/** The paging position RenderListDataAsStream takes from its URL (what NextHref carries) or from `Paging`. */
function pagingFromQuery(query: URLSearchParams, fromBody: unknown): string | null {
  if (typeof fromBody === 'string' && fromBody.trim()) return fromBody.replace(/^\?/, '');
  if (!query.has('Paged')) return null;
  const parts: string[] = [];
  for (const [k, v] of query) if (k === 'Paged' || k === 'PagedPrev' || k.startsWith('p_')) parts.push(`${k}=${encodeURIComponent(v)}`);
  return parts.join('&');
}

interface RenderResult { body: Record<string, unknown> }

function render(ctx: ApiContext, list: List, params: Record<string, unknown>): RenderResult {
  const { store, actor } = ctx;
  const fields = store.fields(list.id);
  let xml = typeof params.ViewXml === 'string' ? params.ViewXml : '';
  let viewId = typeof params.ViewId === 'string' ? params.ViewId : '00000000-0000-0000-0000-000000000000';
  if (!xml.trim()) ({ xml, id: viewId } = defaultViewXml(ctx, list));
  const view = parseView(xml, fields, context(ctx));
  if (view.rowLimit === undefined) view.rowLimit = 30;
  const paging = pagingFromQuery(ctx.query, params.Paging);
  const { page, top } = run(ctx, list, view, paging, folderOf(ctx, list, view, params.FolderServerRelativeUrl));
  const utc = params.DatesInUtc === true;
  const firstRow = Number(ctx.query.get('PageFirstRow') ?? 1) || 1;
  const vctx = new ValueContext(store, actor);
  const wanted = view.viewFields.length ? view.viewFields : ['Title'];
  const rows = page.items.map((item) => rowOf(ctx, vctx, list, fields, item, wanted, utc));
  const body: Record<string, unknown> = {
    Row: rows, FirstRow: firstRow, LastRow: firstRow + rows.length - 1, RowLimit: top,
    FilterLink: '?', ForceNoHierarchy: '1', HierarchyHasIndention: ''
  };
  if (page.next) body.NextHref = `?${page.next}&PageFirstRow=${firstRow + rows.length}&View=${viewId}`;
  if (firstRow > 1 && rows.length) body.PrevHref = `?Paged=TRUE&PagedPrev=TRUE&p_ID=${rows[0].ID}&PageFirstRow=${Math.max(1, firstRow - top)}&View=${viewId}`;
  return { body };
}

/** `RenderListDataAsStream`: the rows as the list view renders them (values as display strings). */
function renderStream(ctx: ApiContext, list: List): LocalResponse {
  const body = parseJsonBody(ctx.req);
  const params = { ...((body.parameters ?? {}) as Record<string, unknown>) };
  const result = render(ctx, list, params);
  return { status: 200, headers: { 'content-type': contentTypeFor('nometadata') }, body: JSON.stringify(result.body) };
}

/** `renderlistdata(@viewXml)`: the same rows as a JSON string in a string result. */
function renderListData(ctx: ApiContext, list: List, seg: Segment): LocalResponse {
  const viewXml = seg.args[0]?.value;
  if (typeof viewXml !== 'string') throw Errors.badRequest('renderlistdata needs the view XML.');
  const result = render(ctx, list, { ViewXml: viewXml });
  return renderValue('RenderListData', JSON.stringify(result.body), ctx.mode, ctx.urls.webUrl);
}

const pad = (n: number): string => String(n).padStart(2, '0');
/** en-US display of a UTC date as list views show it [verify: SPO uses the site's regional settings]. */
function displayDate(iso: string): string {
  const d = new Date(iso);
  const h = d.getUTCHours();
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())} ${h < 12 ? 'AM' : 'PM'}`;
}

function rowOf(ctx: ApiContext, vctx: ValueContext, list: List, fields: Field[], item: Item, wanted: string[], utc: boolean): Record<string, unknown> {
  const perms = ctx.store.permissions(ctx.actor.web, ctx.actor.user, list, item);
  const mask = perms.toMask();
  const row: Record<string, unknown> = {
    ID: String(item.id), PermMask: `0x${Number(mask.High).toString(16)}${Number(mask.Low).toString(16).padStart(8, '0')}`,
    FSObjType: String(item.fsType), UniqueId: `{${item.guid.toUpperCase()}}`, ContentTypeId: String(rawValue(item, fields.find((f) => f.internalName === 'ContentTypeId') as Field, list)),
    FileRef: rawValue(item, fields.find((f) => f.internalName === 'FileRef') as Field, list),
    FileLeafRef: isLibrary(list) ? item.leaf : `${item.id}_.000`, _UIVersionString: `${Math.floor(item.uiVersion / 512)}.${item.uiVersion % 512}`,
    owshiddenversion: String(item.version), Attachments: item.data.Attachments === true ? '1' : '0'
  };
  for (const name of wanted) {
    const internal = ['LinkTitle', 'LinkTitleNoMenu'].includes(name) ? 'Title' : ['LinkFilename', 'LinkFilenameNoMenu'].includes(name) ? 'FileLeafRef' : name;
    const f = fields.find((x) => x.internalName === internal);
    if (!f) {
      if (['DocIcon', 'Edit', 'SelectTitle'].includes(name)) continue;
      throw Errors.columnNotFound(name);
    }
    if (f.internalName === 'FileLeafRef') { row.FileLeafRef = item.leaf; continue; }
    const v = rawValue(item, f, list);
    const key = f.internalName;
    if (isUserType(f.typeAsString)) {
      const ids = Array.isArray(v) ? v as number[] : v === null ? [] : [v as number];
      row[key] = ids.map((id) => {
        const p = vctx.principal(id);
        return { id: String(id), title: p?.title ?? '', email: p?.email ?? '', sip: p?.email ?? '', picture: '' };
      });
    } else if (isLookupType(f.typeAsString)) {
      const ids = Array.isArray(v) ? v as number[] : v === null ? [] : [v as number];
      const lookupField = String(f.props.LookupField ?? 'Title');
      row[key] = ids.map((id) => {
        const value = vctx.lookupProperty(f, id, lookupField);
        return { lookupId: id, lookupValue: value === null ? '' : String(value), isSecretFieldValue: false };
      });
    } else if (f.typeAsString === 'DateTime') {
      row[key] = typeof v === 'string' ? (utc ? v : displayDate(v)) : '';
      row[`${key}.`] = typeof v === 'string' ? v : '';
    } else if (f.typeAsString === 'Boolean') {
      row[key] = v === true ? 'Yes' : v === false ? 'No' : '';
      row[`${key}.value`] = v === true ? '1' : v === false ? '0' : '';
    } else if (['Number', 'Currency', 'Integer', 'Counter'].includes(f.typeAsString)) {
      row[key] = v === null ? '' : String(v);
      row[`${key}.`] = v === null ? '' : String(v);
    } else if (f.typeAsString === 'URL') {
      const u = v as { Url: string; Description: string } | null;
      row[key] = u?.Url ?? '';
      row[`${key}.desc`] = u?.Description ?? '';
    } else if (f.typeAsString === 'MultiChoice') {
      row[key] = Array.isArray(v) ? v : [];
    } else {
      row[key] = v === null || v === undefined ? '' : String(v);
    }
  }
  return row;
}

