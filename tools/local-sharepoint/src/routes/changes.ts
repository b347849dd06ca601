import { XMLBuilder } from 'fast-xml-parser';
import { Errors } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { is, type Segment } from '../http/path';
import { renderCollection, type Entity } from '../http/format';
import { parseView } from '../caml/parser';
import { parseSkipToken, parseTop } from '../odata/query-options';
import { THRESHOLD } from '../store/sharepoint';
import { queryItems, rawValue } from '../store/query';
import type { Field, Item, List } from '../store/types';
import {
  ChangeType, lastChangeNumber, makeToken, parseToken, readChanges, readableLists, requireScopeRead, type ChangeFilter, type ChangeRow, type TokenScope
} from '../store/changes';
import { onWeb, post, parseJsonBody, type ApiContext, type Route } from './context';

/**
 * The change log: `list.getChanges`, `web.getChanges` (SP.ChangeQuery → SP.ChangeItem /
 * SP.ChangeList) and `GetListItemChangesSinceToken` (SP.ChangeLogItemQuery → ADO rowset XML).
 */

/**
 * Changes per answer: 1,000 unless FetchLimit says otherwise, at most 2,000; the client
 * continues from the last change's token (SPChangeQuery.FetchLimit, SPChangeCollection.CountLimit).
 */
const DEFAULT_FETCH_LIMIT = 1000;
const MAX_FETCH_LIMIT = 2000;

export const changesRoute: Route = {
  step(ctx, res, seg) {
    if (res.k === 'list' && is(seg, 'getChanges', 'getListItemChangesSinceToken')) return forList(ctx, res.list, seg);
    if (onWeb(res) && is(seg, 'getChanges')) return forWeb(ctx, seg);
    return undefined;
  }
};

export function forList(ctx: ApiContext, list: List, seg: Segment): LocalResponse {
  post(ctx);
  requireScopeRead(ctx.store, ctx.actor, list);
  const body = parseJsonBody(ctx.req);
  if (is(seg, 'getListItemChangesSinceToken')) return sinceToken(ctx, list, (body.query ?? {}) as Record<string, unknown>);
  const scope: TokenScope = { kind: 'list', id: list.id };
  const filter = changeFilter(ctx, body, scope);
  return renderChanges(ctx, readChanges(ctx.store, ctx.actor, [list], filter), scope, [list]);
}

export function forWeb(ctx: ApiContext, _seg: Segment): LocalResponse {
  post(ctx);
  const body = parseJsonBody(ctx.req);
  const scope: TokenScope = { kind: 'web', id: ctx.actor.web.id };
  const filter = changeFilter(ctx, body, scope);
  const lists = filter.trim ? readableLists(ctx.store, ctx.actor, ctx.actor.web) : ctx.store.lists(ctx.actor.web);
  return renderChanges(ctx, readChanges(ctx.store, ctx.actor, lists, filter), scope, lists);
}

function tokenText(v: unknown): unknown {
  if (v && typeof v === 'object' && 'StringValue' in v) return (v as { StringValue: unknown }).StringValue;
  return v;
}

function changeFilter(ctx: ApiContext, body: Record<string, unknown>, scope: TokenScope): ChangeFilter {
  const q = body.query;
  if (!q || typeof q !== 'object') throw Errors.badRequest('getChanges needs a query (SP.ChangeQuery).');
  const query = q as Record<string, unknown>;
  const flag = (k: string): boolean => query[k] === true;
  const start = query.ChangeTokenStart;
  const end = query.ChangeTokenEnd;
  let limit = DEFAULT_FETCH_LIMIT;
  if (query.FetchLimit !== undefined) {
    const n = Number(query.FetchLimit);
    if (!Number.isInteger(n) || n < 1) throw Errors.badRequest('FetchLimit must be a positive integer.');
    limit = Math.min(n, MAX_FETCH_LIMIT);
  }
  return {
    item: flag('Item'), list: flag('List'), add: flag('Add'), update: flag('Update'), deleteObject: flag('DeleteObject'),
    after: start === undefined || start === null ? 0 : parseToken(ctx.store, tokenText(start), scope),
    upTo: end === undefined || end === null ? undefined : parseToken(ctx.store, tokenText(end), scope),
    limit, trim: flag('RequireSecurityTrim')
  };
}

function renderChanges(ctx: ApiContext, rows: ChangeRow[], scope: TokenScope, lists: List[]): LocalResponse {
  const byId = new Map(lists.map((l) => [l.id, l]));
  const entities: Entity[] = rows.map((r) => {
    const common = {
      ChangeToken: { StringValue: makeToken(scope, r.n, r.time) }, ChangeType: r.change_type, SiteId: ctx.actor.web.id,
      Time: r.time.replace(/\.\d+Z$/, 'Z'), WebId: r.web_id ?? ctx.actor.web.id, ListId: r.list_id
    };
    if (r.item_id === null) {
      const list = byId.get(r.list_id);
      return {
        type: 'SP.ChangeList', uri: `${ctx.urls.api}/SP.ChangeList(${r.n})`,
        props: { ...common, BaseTemplate: list?.baseTemplate ?? 0, Hidden: !!list?.props.Hidden, RootFolderUrl: list?.url ?? '', Title: list?.title ?? '', Editor: '' }
      };
    }
    return {
      type: 'SP.ChangeItem', uri: `${ctx.urls.api}/SP.ChangeItem(${r.n})`,
      props: { ...common, ItemId: r.item_id, UniqueId: r.guid, ServerRelativeUrl: '', Editor: '', EditorEmailHint: null, SharedByUser: null, SharedWithUsers: null }
    };
  });
  return renderCollection(entities, { mode: ctx.mode, webUrl: ctx.urls.webUrl }, 'Collection(SP.Change)');
}

// ------------------------------------------------------------------ GetListItemChangesSinceToken

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', suppressEmptyNode: true, format: false });

function owsValue(item: Item, f: Field, list: List): string | undefined {
  const v = rawValue(item, f, list);
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) return v.map(String).join(';#');
  if (typeof v === 'object') return `${v.Url}, ${v.Description}`;
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (f.typeAsString === 'DateTime' && typeof v === 'string') return v.replace('T', ' ').replace(/Z$/, '');
  return String(v);
}

function rowOf(list: List, fields: Field[], item: Item, viewFields: string[]): Record<string, string> {
  const row: Record<string, string> = {
    '@ows_ID': String(item.id), '@ows_owshiddenversion': String(item.version), '@ows_UniqueId': `${item.id};#{${item.guid.toUpperCase()}}`,
    '@ows_FSObjType': `${item.id};#${item.fsType}`, '@ows_Modified': item.modified.replace('T', ' ').replace(/Z$/, ''),
    '@ows_FileRef': `${item.id};#${String(rawValue(item, fields.find((f) => f.internalName === 'FileRef') as Field, list)).replace(/^\//, '')}`
  };
  const wanted = viewFields.length ? fields.filter((f) => viewFields.includes(f.internalName)) : fields.filter((f) => !f.props.system || f.internalName === 'Created');
  for (const f of wanted) {
    const v = owsValue(item, f, list);
    if (v !== undefined) row[`@ows_${f.internalName}`] = v;
  }
  return row;
}

/**
 * `GetListItemChangesSinceToken`: without a token, the items (first page) and the token to
 * continue from; with one, the deleted ids and the rows added or changed since, trimmed to
 * what the caller may read.
 */
function sinceToken(ctx: ApiContext, list: List, query: Record<string, unknown>): LocalResponse {
  const { store, actor } = ctx;
  const fields = store.fields(list.id);
  const scope: TokenScope = { kind: 'list', id: list.id };
  const text = (k: string): string => (typeof query[k] === 'string' ? query[k] as string : '');
  const camlQuery = text('Query').trim();
  const view = parseView(camlQuery ? (camlQuery.startsWith('<Query') ? camlQuery : `<Query>${camlQuery}</Query>`) : '', fields, { userId: actor.user.id, now: new Date() });
  const viewFields = [...text('ViewFields').matchAll(/Name=["']([^"']+)["']/g)].map((m) => m[1]);
  const rowLimit = query.RowLimit === undefined || query.RowLimit === '' ? 100 : parseTop(String(query.RowLimit), THRESHOLD) as number;
  const paging = /<Paging\s+ListItemCollectionPositionNext=["']([^"']*)["']/i.exec(text('QueryOptions'))?.[1]?.replace(/&amp;/g, '&') ?? null;
  const changes: Array<Record<string, unknown>> = [];
  let rows: Item[];
  let next: string | undefined;
  let lastToken = makeToken(scope, lastChangeNumber(store));
  if (query.ChangeToken === undefined || query.ChangeToken === null || query.ChangeToken === '') {
    const page = queryItems(store, actor, list, { filter: view.where, orderBy: view.orderBy, top: rowLimit, skipToken: parseSkipToken(paging), threshold: ctx.options.threshold });
    rows = page.items;
    next = page.next;
  } else {
    const after = parseToken(store, query.ChangeToken, scope);
    // The rows it returns are readable items only; the deleted ids come from the log as it is [verify].
    const log = readChanges(store, actor, [list], { item: true, list: false, add: true, update: true, deleteObject: true, after, limit: MAX_FETCH_LIMIT, trim: false });
    if (log.length) lastToken = makeToken(scope, log[log.length - 1].n, log[log.length - 1].time);
    const changedIds = new Set<number>();
    for (const r of log) {
      if (r.change_type === ChangeType.DeleteObject) {
        changedIds.delete(r.item_id as number);
        changes.push({ '@ChangeType': 'Delete', '@UniqueId': `{${String(r.guid).toUpperCase()}}`, '#text': String(r.item_id) });
      } else changedIds.add(r.item_id as number);
    }
    const items = store.getItemsByIds(list, [...changedIds]);
    rows = [...items.values()].filter((i) => store.canReadItem(actor, list, i)).filter((i) => !view.where || matches(ctx, list, i, view.where));
  }
  const data: Record<string, unknown> = { '@ItemCount': String(rows.length), 'z:row': rows.map((i) => rowOf(list, fields, i, viewFields)) };
  if (next) data['@ListItemCollectionPositionNext'] = next;
  const doc = {
    listitems: {
      '@xmlns:s': 'uuid:BDC6E3F0-6DA3-11d1-A2A3-00AA00C14882', '@xmlns:dt': 'uuid:C2F41010-65B3-11d1-A29F-00AA00C14882',
      '@xmlns:rs': 'urn:schemas-microsoft-com:rowset', '@xmlns:z': '#RowsetSchema',
      Changes: { '@LastChangeToken': lastToken, Id: changes },
      'rs:data': data
    }
  };
  return { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: builder.build(doc) as string };
}

function matches(ctx: ApiContext, list: List, item: Item, where: NonNullable<ReturnType<typeof parseView>['where']>): boolean {
  // The same query engine decides: ask it for this one item by ID.
  const page = queryItems(ctx.store, ctx.actor, list, {
    filter: { kind: 'and', left: { kind: 'compare', op: 'eq', left: { kind: 'property', path: ['ID'] }, right: { kind: 'literal', type: 'number', value: item.id } }, right: where },
    orderBy: [], top: 1, skipToken: parseSkipToken(null), threshold: ctx.options.threshold
  });
  return page.items.length === 1;
}

