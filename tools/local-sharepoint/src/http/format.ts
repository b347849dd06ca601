import { Errors } from './errors';
import type { LocalResponse, ODataMode } from './types';

/**
 * An OData entity before it is written in one of SharePoint's three JSON dialects.
 * Navigation properties are computed only when `$expand`ed (or `$select`ed through).
 */
export interface Entity {
  type: string;
  /** Absolute URI of the entity (`odata.id`, verbose `__metadata.uri`). */
  uri: string;
  /** Relative to `<web>/_api/` (JSON light `odata.editLink`). */
  editLink?: string;
  etag?: string;
  /** Verbose `__metadata.id` when it differs from the uri (SharePoint uses a GUID for some). */
  id?: string;
  props: Record<string, unknown>;
  nav?: Record<string, () => Entity | Entity[] | null>;
}

export const JSON_LIGHT = 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8';
export const JSON_VERBOSE = 'application/json;odata=verbose;charset=utf-8';
export const JSON_NOMETA = 'application/json;odata=nometadata;streaming=true;charset=utf-8';

export function contentTypeFor(mode: ODataMode): string {
  return mode === 'verbose' ? JSON_VERBOSE : mode === 'nometadata' ? JSON_NOMETA : JSON_LIGHT;
}

export interface RenderOptions {
  mode: ODataMode;
  /** Absolute URL of the web, for `odata.metadata`. */
  webUrl: string;
  select?: string[][];
  expand?: string[][];
  /** Items have their own $select semantics and pass already-projected props. */
  preProjected?: boolean;
}

function project(e: Entity, select: string[][] | undefined, expand: string[][] | undefined, preProjected: boolean): Record<string, unknown> {
  const expandHeads = new Set((expand ?? []).map((p) => p[0].toLowerCase()));
  const out: Record<string, unknown> = {};
  const selectAll = !select || select.length === 0 || select.some((p) => p[0] === '*');
  if (preProjected || selectAll) {
    Object.assign(out, e.props);
  } else {
    for (const path of select) {
      const head = path[0];
      const key = Object.keys(e.props).find((k) => k.toLowerCase() === head.toLowerCase());
      if (key !== undefined) { out[key] = e.props[key]; continue; }
      const navKey = Object.keys(e.nav ?? {}).find((k) => k.toLowerCase() === head.toLowerCase());
      if (navKey !== undefined && path.length > 1 && expandHeads.has(head.toLowerCase())) continue;
      if (navKey !== undefined && path.length === 1) continue;
      throw Errors.fieldNotFound(head);
    }
  }
  for (const path of expand ?? []) {
    const navKey = Object.keys(e.nav ?? {}).find((k) => k.toLowerCase() === path[0].toLowerCase());
    if (navKey === undefined) {
      if (preProjected) continue;
      throw Errors.fieldNotFound(path[0]);
    }
    const value = (e.nav as Record<string, () => Entity | Entity[] | null>)[navKey]();
    const subSelect = (select ?? []).filter((p) => p[0].toLowerCase() === navKey.toLowerCase() && p.length > 1).map((p) => p.slice(1));
    const subExpand = (expand ?? []).filter((p) => p[0].toLowerCase() === navKey.toLowerCase() && p.length > 1).map((p) => p.slice(1));
    const render = (x: Entity): Entity => ({ ...x, props: project(x, subSelect.length ? subSelect : undefined, subExpand, false) });
    out[navKey] = value === null ? null : Array.isArray(value) ? value.map(render) : render(value);
  }
  return out;
}

function isEntity(v: unknown): v is Entity {
  return typeof v === 'object' && v !== null && 'type' in v && 'props' in v && 'uri' in v;
}

function writeValue(v: unknown, mode: ODataMode): unknown {
  if (isEntity(v)) return writeEntityBody(v, v.props, mode, false, '');
  if (Array.isArray(v)) {
    const arr = v.map((x) => writeValue(x, mode));
    if (mode !== 'verbose') return arr;
    const first = v[0];
    const elemType = typeof first === 'number' ? 'Edm.Int32' : 'Edm.String';
    return isEntity(first) ? { results: arr } : { __metadata: { type: `Collection(${elemType})` }, results: arr };
  }
  return v;
}

function writeEntityBody(e: Entity, props: Record<string, unknown>, mode: ODataMode, top: boolean, metadata: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (mode === 'minimal') {
    if (top) body['odata.metadata'] = metadata;
    body['odata.type'] = e.type;
    body['odata.id'] = e.id ?? e.uri;
    if (e.etag !== undefined) body['odata.etag'] = e.etag;
    if (e.editLink !== undefined) body['odata.editLink'] = e.editLink;
  } else if (mode === 'verbose') {
    const meta: Record<string, string> = { id: e.id ?? e.uri, uri: e.uri, type: e.type };
    if (e.etag !== undefined) meta.etag = e.etag;
    body.__metadata = meta;
    for (const key of Object.keys(e.nav ?? {})) {
      if (!(key in props)) body[key] = { __deferred: { uri: `${e.uri}/${key}` } };
    }
  }
  for (const [k, v] of Object.entries(props)) body[k] = writeValue(v, mode);
  return body;
}

export function renderEntity(e: Entity, o: RenderOptions, setName: string, status = 200, headers: Record<string, string> = {}): LocalResponse {
  const props = project(e, o.select, o.expand, !!o.preProjected);
  const body = writeEntityBody(e, props, o.mode, true, `${o.webUrl}/_api/$metadata#${setName}/@Element`);
  const out = o.mode === 'verbose' ? { d: body } : body;
  const h: Record<string, string> = { 'content-type': contentTypeFor(o.mode), ...headers };
  return { status, headers: h, body: JSON.stringify(out) };
}

export function renderCollection(es: Entity[], o: RenderOptions, setName: string, nextLink?: string): LocalResponse {
  const values = es.map((e) => writeEntityBody(e, project(e, o.select, o.expand, !!o.preProjected), o.mode, false, ''));
  let out: Record<string, unknown>;
  if (o.mode === 'verbose') {
    const d: Record<string, unknown> = { results: values };
    if (nextLink) d.__next = nextLink;
    out = { d };
  } else {
    out = {};
    if (o.mode === 'minimal') out['odata.metadata'] = `${o.webUrl}/_api/$metadata#${setName}`;
    out.value = values;
    if (nextLink) out['odata.nextLink'] = nextLink;
  }
  return { status: 200, headers: { 'content-type': contentTypeFor(o.mode) }, body: JSON.stringify(out) };
}

/** A primitive function result: JSON light wraps it in `value`, verbose in `d.<name>`. */
export function renderValue(name: string, value: unknown, mode: ODataMode, webUrl: string, edmType = 'Edm.String'): LocalResponse {
  const body = mode === 'verbose'
    ? { d: { [name]: value } }
    : mode === 'minimal' ? { 'odata.metadata': `${webUrl}/_api/$metadata#${edmType}`, value } : { value };
  return { status: 200, headers: { 'content-type': contentTypeFor(mode) }, body: JSON.stringify(body) };
}

export function noContent(headers: Record<string, string> = {}): LocalResponse {
  return { status: 204, headers, body: '' };
}

/** SharePoint answers several void operations with 200 and an `odata.null` body. */
export function okEmpty(mode: ODataMode): LocalResponse {
  const body = mode === 'verbose' ? { d: null } : { 'odata.null': true };
  return { status: 200, headers: { 'content-type': contentTypeFor(mode) }, body: JSON.stringify(body) };
}
