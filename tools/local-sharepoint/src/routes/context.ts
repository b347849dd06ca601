import { Errors, SpError } from '../http/errors';
import type { LocalRequest, LocalResponse, ODataMode } from '../http/types';
import type { Segment } from '../http/path';
import { renderCollection, renderEntity, type Entity, type RenderOptions } from '../http/format';
import type { Urls } from '../http/entities';
import { evaluateFilter, parseFilter } from '../odata/filter';
import { parseExpand, parseOrderBy, parseSelect, parseTop } from '../odata/query-options';
import type { Actor, SharePointStore } from '../store/sharepoint';
import type { FormDigests } from '../digest';
import type { Field, Item, List, Principal, View } from '../store/types';

export interface ApiOptions {
  threshold: boolean;
  maxUploadBytes: number;
  digests: FormDigests;
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

/**
 * Every resource a path can walk to, by kind. An interface rather than a union so that a new
 * route file adds its own kinds without editing this one:
 * `declare module './context' { interface ResKinds { page: { page: Page } } }`.
 */
export interface ResKinds {
  root: object;
  web: object;
  lists: object;
  list: { list: List };
  fields: { list?: List };
  field: { list?: List; field: Field };
  views: { list: List };
  view: { list: List; view: View };
  viewfields: { list: List; view: View };
  items: { list: List };
  item: { list: List; item: Item };
  itemversions: { list: List; item: Item };
  contenttypes: { list?: List };
  siteusers: object;
  user: { p: Principal };
  usergroups: { p: Principal };
  sitegroups: object;
  group: { p: Principal };
  groupusers: { p: Principal };
  roledefs: object;
  roleassignments: { list?: List; item?: Item };
  folder: { path: string };
  folders: { path: string };
  files: { path: string };
  file: { list: List; item: Item };
  fileversions: { list: List; item: Item };
  fileversion: { list: List; item: Item; version: number };
  recyclebin: object;
  /** A finished entity that only answers GET. */
  entity: { entity: Entity; set: string };
}

export type Res = { [K in keyof ResKinds]: { k: K } & ResKinds[K] }[keyof ResKinds];

/**
 * One resource area of the REST API. The dispatcher offers every path segment and every final
 * resource to each route in turn; a route answers `undefined` for what is not its own.
 */
export interface Route {
  /** Walks one segment from `res`: to the next resource, or to a response (the segment was an action). */
  step?(ctx: ApiContext, res: Res, seg: Segment, last: boolean): Res | LocalResponse | undefined;
  /** Answers the request on the resource the whole path led to. */
  finish?(ctx: ApiContext, res: Res): LocalResponse | undefined;
}

/** The web's own segments also work straight after `_api/` (`_api/lists` is `_api/web/lists`). */
export function onWeb(res: Res): boolean {
  return res.k === 'web' || res.k === 'root';
}

export function describe(res: Res): string {
  if (res.k === 'list') return `list '${res.list.title}'`;
  if (onWeb(res)) return 'the web';
  return res.k;
}

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

export function renderOpts(ctx: ApiContext): RenderOptions {
  return { mode: ctx.mode, webUrl: ctx.urls.webUrl, select: parseSelect(ctx.query.get('$select')), expand: parseExpand(ctx.query.get('$expand')) };
}

export function demandMethod(ctx: ApiContext, ...allowed: string[]): void {
  if (!allowed.includes(ctx.method)) {
    throw new SpError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      `The HTTP method '${ctx.method}' cannot be used on this resource; use ${allowed.join(' or ')}.`);
  }
}

export function post(ctx: ApiContext): void {
  demandMethod(ctx, 'POST');
}

export function one(ctx: ApiContext, e: Entity, set: string, status = 200, headers: Record<string, string> = {}): LocalResponse {
  return renderEntity(e, renderOpts(ctx), set, status, headers);
}

export function emptyOk(): LocalResponse {
  return { status: 200, headers: {}, body: '' };
}

/** Simple collection paging for non-item collections (lists, fields, users…): $filter, $orderby, $top, $skip. */
export function collection(ctx: ApiContext, entities: Entity[], set: string): LocalResponse {
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
  return evaluateFilter(node, (path) => {
    const key = Object.keys(e.props).find((k) => k.toLowerCase() === path[0].toLowerCase());
    if (key === undefined) throw Errors.fieldNotFound(path[0]);
    let v = e.props[key];
    if (path.length > 1 && v && typeof v === 'object') v = (v as Record<string, unknown>)[path[1]];
    const t = typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'text';
    return { type: t, value: v ?? null };
  });
}

/** ETag check for objects with a plain version counter (lists). */
export function checkVersionEtag(ifMatch: string | undefined, version: number): void {
  if (!ifMatch || ifMatch.trim() === '*') return;
  const m = /(\d+)"?$/.exec(ifMatch.trim());
  if (!m || Number(m[1]) !== version) throw Errors.etagMismatch(ifMatch, `"${version}"`);
}
