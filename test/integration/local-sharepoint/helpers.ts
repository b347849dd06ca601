/**
 * Shared set-up of the contract tests: the local SharePoint in memory on a free port, and the
 * REAL @pnp/sp v4 (SPBrowser pipeline: default headers, digest, retry on 429, default parse)
 * talking to it over HTTP, optionally acting as another demo user.
 */
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import { HttpRequestError } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/fields';
import '@pnp/sp/views';
import '@pnp/sp/batching';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/security';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import {
  startLocalSharePoint, USER_HEADER, type LocalSharePoint, type LocalSharePointOptions
} from '../../../tools/local-sharepoint/src/server';
import { DemoUser } from '../../../tools/local-sharepoint/src/client/demoUser';
import type { Actor } from '../../../tools/local-sharepoint/src/store/sharepoint';

export const SITE = '/sites/pmo';

/** The demo users of the local SharePoint: owner (site admin), pmo (Members: Edit), leader and visitor (Visitors: Read). */
export type DemoUser = 'owner' | 'pmo' | 'leader' | 'visitor';

export async function startServer(opts: Partial<LocalSharePointOptions> = {}): Promise<LocalSharePoint> {
  return startLocalSharePoint({ data: ':memory:', port: 0, ...opts });
}

/** The real @pnp/sp against the local site, acting as `user` (default: the site owner, as the server assumes). */
export function spAs(server: LocalSharePoint, user?: DemoUser): SPFI {
  const sp = spfi(`${server.url}${SITE}`).using(SPBrowser({ baseUrl: `${server.url}${SITE}` }));
  return user ? sp.using(DemoUser(user)) : sp;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/** The form digest `contextinfo` gives `user` for the site `path` is on, as a browser page would hold it. */
export async function digestFor(server: LocalSharePoint, path: string, user?: string): Promise<string> {
  const url = /^https?:/.test(path) ? path : `${server.url}${path}`;
  const web = /^(.*?\/sites\/[^/]+)/i.exec(url)?.[1] ?? `${server.url}${SITE}`;
  const res = await fetch(`${web}/_api/contextinfo`, { method: 'POST', headers: { accept: 'application/json', ...(user ? { [USER_HEADER]: user } : {}) } });
  if (!res.ok) throw new Error(`contextinfo answered ${res.status}`);
  return (await res.json() as { FormDigestValue: string }).FormDigestValue;
}

/**
 * A request without @pnp/sp, for what the client library cannot send (malformed bodies, odd verbs).
 * Writes carry the acting user's form digest, as SharePoint requires, unless `digest: false`
 * (to test the refusal) or the caller sets `X-RequestDigest` itself.
 */
export async function raw(server: LocalSharePoint, method: string, path: string,
  init: { headers?: Record<string, string>; body?: string | Buffer; user?: DemoUser; digest?: boolean } = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (init.user) headers[USER_HEADER] = init.user;
  const url = /^https?:/.test(path) ? path : `${server.url}${path}`;
  const isWrite = !/^(GET|HEAD|OPTIONS)$/i.test(method);
  const hasDigest = Object.keys(headers).some((k) => k.toLowerCase() === 'x-requestdigest');
  if (isWrite && init.digest !== false && !hasDigest && /\/_api\//i.test(url)) {
    const acting = Object.entries(headers).find(([k]) => k.toLowerCase() === USER_HEADER)?.[1];
    headers['X-RequestDigest'] = await digestFor(server, url, acting);
  }
  const res = await fetch(url, { method, headers, body: init.body });
  const text = await res.text();
  let json: unknown;
  try { json = text ? JSON.parse(text) as unknown : undefined; } catch { json = undefined; }
  return { status: res.status, headers: res.headers, text, json };
}

export interface ODataErrorBody {
  'odata.error'?: { code: string; message: { lang: string; value: string } };
  error?: { code: string; message: { lang: string; value: string } };
}

export interface CaughtHttpError {
  status: number;
  code: string;
  message: string;
  body: ODataErrorBody;
}

/**
 * Awaits a call that must fail with @pnp's HttpRequestError, and returns its status and the
 * SharePoint error from the body (JSON light `odata.error` or verbose `error`).
 */
export async function httpError(call: Promise<unknown>): Promise<CaughtHttpError> {
  let caught: unknown;
  try {
    await call;
  } catch (e) {
    caught = e;
  }
  if (caught === undefined) throw new Error('Expected the call to fail with an HttpRequestError, but it succeeded.');
  if (!(caught instanceof HttpRequestError)) throw caught;
  const text = await caught.response.text();
  let body: ODataErrorBody = {};
  try { body = JSON.parse(text) as ODataErrorBody; } catch { /* not JSON: leave empty */ }
  const inner = body['odata.error'] ?? body.error;
  return { status: caught.status, code: inner?.code ?? '', message: inner?.message.value ?? '', body };
}

/** The acting identity the store uses for direct (fast) writes in set-up code. */
export function ownerActor(server: LocalSharePoint): Actor {
  const web = server.store.getWebByPath(SITE);
  if (!web) throw new Error(`No site at ${SITE}`);
  const user = server.store.principals(web, 'user').find((p) => p.isSiteAdmin);
  if (!user) throw new Error('The site has no owner');
  return { web, user };
}

/**
 * Inserts items straight through the store, inside one transaction, as the site owner: for
 * set-up of big lists where going through HTTP would only measure HTTP. Values are keyed by
 * internal name and already in stored form (text, numbers, ISO dates, ids).
 */
export function addItemsDirect(server: LocalSharePoint, listTitle: string, rows: Array<Record<string, string | number | boolean | null>>): void {
  const actor = ownerActor(server);
  const list = server.store.getList(actor.web, { title: listTitle });
  if (!list) throw new Error(`No list '${listTitle}'`);
  server.store.tx(() => {
    for (const r of rows) server.store.insertItem(actor, list, r);
  });
}

/** A unique-enough name for lists made by one test, so tests in a file do not collide. */
let counter = 0;
export function uniqueName(prefix: string): string {
  counter++;
  return `${prefix}${counter}${Math.random().toString(36).slice(2, 6)}`;
}

export { HttpRequestError };
