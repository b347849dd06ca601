import http from 'http';
import type { AddressInfo } from 'net';
import { openDb, type Db } from './store/db';
import { SharePointStore, type Actor } from './store/sharepoint';
import { Errors, SpError, errorResponse } from './http/errors';
import { odataModeOf, type LocalRequest, type LocalResponse } from './http/types';
import { parseApiPath } from './http/path';
import { Urls } from './http/entities';
import { handleApi, type ApiOptions } from './routes';
import { executeBatch, parseBatchRequest, writeBatchResponse } from './batch';
import { GraphService, photoOf } from './graph';
import { FormDigests, needsDigest } from './digest';
import { DEFAULT_USER_ALIAS, DIRECTORY, findDirectoryUser, loginNameOf, type DirectoryUser } from './directory';
import { installPages } from './store/pages';
import { installNavigation } from './store/navigation';
import { installChangeLog } from './store/changes';
import { installAttachments } from './store/attachments';
import { installModeration } from './store/moderation';

export interface LocalSharePointOptions {
  /** SQLite file; ':memory:' keeps nothing. */
  data: string;
  port?: number;
  /** 127.0.0.1 unless told otherwise: choosing a user is not authentication. */
  host?: string;
  /** Sites created at start if missing (default: /sites/pmo); `language` is the site's LCID (default 1033, English). */
  sites?: Array<{ path: string; title: string; language?: number }>;
  /** The 5,000-item list view threshold; on by default as in SharePoint Online. */
  threshold?: boolean;
  /** Largest single-request upload (SharePoint Online: 250 MB). */
  maxUploadBytes?: number;
  chaos?: Partial<Chaos>;
  /** Serves anything that is not SharePoint or Graph (the local hub); returns false to fall through to 404. */
  staticHandler?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>;
  log?: (line: string) => void;
  /**
   * The Microsoft Graph delegated scopes a tenant admin granted (a package's
   * webApiPermissionRequests): the local Graph answers only what they allow, as Graph does.
   * Default: User.ReadBasic.All.
   */
  graphScopes?: readonly string[];
}

export interface Chaos {
  /** Share of SharePoint and Graph requests answered 429, 0..1. */
  throttleRate: number;
  retryAfterSeconds: number;
  /** Added to every SharePoint and Graph request. */
  latencyMs: number;
}

export interface LocalSharePoint {
  url: string;
  port: number;
  store: SharePointStore;
  graph: GraphService;
  chaos: Chaos;
  stats: RequestStats;
  close(): Promise<void>;
}

export interface RequestStats {
  total: number;
  byKind: Record<string, number>;
  throttled: number;
}

export const USER_HEADER = 'x-pmohub-user';
export const USER_COOKIE = 'pmohub-user';
const MAX_BODY = 300 * 1024 * 1024;

/** Whom a form digest is issued to: the user's claims login, as the site knows them. */
export function digestUserKey(user: DirectoryUser): string {
  return loginNameOf(user.mail);
}

/** Who is acting: the `X-PMOHub-User` header, else the `pmohub-user` cookie, else the site owner. */
export function actingUser(headers: Record<string, string>): DirectoryUser {
  const fromHeader = headers[USER_HEADER];
  const cookie = (headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${USER_COOKIE}=`));
  const key = fromHeader ?? (cookie ? decodeURIComponent(cookie.slice(USER_COOKIE.length + 1)) : DEFAULT_USER_ALIAS);
  const user = findDirectoryUser(key);
  if (!user) {
    throw new SpError(401, '-2147024891, System.UnauthorizedAccessException',
      `'${key}' is not a user of the local SharePoint. Use one of: ${DIRECTORY.map((u) => u.alias).join(', ')}.`);
  }
  return user;
}

export async function startLocalSharePoint(opts: LocalSharePointOptions): Promise<LocalSharePoint> {
  const db: Db = openDb(opts.data);
  const store = new SharePointStore(db);
  // Features kept in their own tables, hooked to items by triggers and read rules.
  installChangeLog(store);
  installPages(store);
  installNavigation(store);
  installAttachments(store);
  installModeration(store);
  for (const s of opts.sites ?? [{ path: '/sites/pmo', title: 'PMO' }]) {
    if (!store.getWebByPath(s.path)) store.createWeb(s.path, s.title, s.language);
  }
  // Sites stored by an older version get what every new site has (built-in content types, Site Pages…).
  for (const w of store.webs()) store.ensureBuiltIns(w);
  const chaos: Chaos = { throttleRate: 0, retryAfterSeconds: 1, latencyMs: 0, ...opts.chaos };
  const apiOptions: ApiOptions = {
    threshold: opts.threshold ?? true, maxUploadBytes: opts.maxUploadBytes ?? 250 * 1024 * 1024, digests: new FormDigests()
  };
  const stats: RequestStats = { total: 0, byKind: {}, throttled: 0 };
  let origin = '';
  const graph = new GraphService(db, () => origin, opts.graphScopes);
  let throttleCounter = 0;

  const shouldThrottle = (): boolean => {
    if (chaos.throttleRate <= 0) return false;
    // Deterministic: exactly `rate` of requests, spread evenly, so tests repeat.
    const before = Math.floor(throttleCounter * chaos.throttleRate);
    throttleCounter++;
    return Math.floor(throttleCounter * chaos.throttleRate) > before;
  };

  const dispatchSharePoint = (req: LocalRequest, user: DirectoryUser, webPath: string, apiPath: string): LocalResponse => {
    const mode = odataModeOf(req.headers.accept);
    try {
      const web = store.getWebByPath(webPath);
      if (!web) throw Errors.notFound(`There is no site at ${webPath}.`);
      const principal = store.getPrincipalByLogin(web, 'user', `i:0#.f|membership|${user.mail}`) ?? store.ensureUser(web, user);
      const actor: Actor = { web, user: principal };
      let method = req.method.toUpperCase();
      const override = req.headers['x-http-method'];
      if (method === 'POST' && override) method = override.toUpperCase();
      const segments = parseApiPath(apiPath, req.url.searchParams);
      return handleApi({ store, actor, urls: new Urls(req.url.origin, web), req, mode, method, query: req.url.searchParams, options: apiOptions }, segments);
    } catch (e) {
      if (e instanceof SpError) return errorResponse(e, mode);
      opts.log?.(`local-sharepoint: internal error on ${req.method} ${req.url.pathname}: ${(e as Error).stack ?? String(e)}`);
      return errorResponse(new SpError(500, '-2146233088, System.InvalidOperationException', `Internal error in the local SharePoint: ${(e as Error).message}`), mode);
    }
  };

  const handle = async (req: LocalRequest, user: DirectoryUser): Promise<LocalResponse> => {
    const path = req.url.pathname;
    if (path.startsWith('/graph/v1.0')) {
      stats.byKind.graph = (stats.byKind.graph ?? 0) + 1;
      return graph.handle(req, user);
    }
    const m = /^(\/sites\/[^/]+)\/_api(\/.*)?$/i.exec(path);
    if (m) {
      const webPath = m[1];
      const rest = m[2] ?? '';
      // Every write needs the digest contextinfo hands out (or a bearer token); batch parts ride on their batch's.
      if (needsDigest(req.method, req.headers) && !/^\/contextinfo\/?$/i.test(rest)) {
        apiOptions.digests.demand(req.headers['x-requestdigest'], digestUserKey(user), webPath);
      }
      if (/^\/\$batch\/?$/i.test(rest)) {
        stats.byKind.batch = (stats.byKind.batch ?? 0) + 1;
        if (req.method !== 'POST') return errorResponse(Errors.badRequest('$batch needs POST.'), 'minimal');
        const parts = parseBatchRequest(req.headers['content-type'] ?? '', req.body);
        const responses = await executeBatch(req.url, parts, async (inner) => {
          const im = /^(\/sites\/[^/]+)\/_api(\/.*)?$/i.exec(inner.url.pathname);
          if (!im || im[1].toLowerCase() !== webPath.toLowerCase()) return errorResponse(Errors.badRequest('A batch part must target the site of the $batch request.'), 'minimal');
          if (/^\/\$batch/i.test(im[2] ?? '')) return errorResponse(Errors.badRequest('A $batch cannot contain another $batch.'), 'minimal');
          return dispatchSharePoint(inner, user, im[1], im[2] ?? '');
        });
        const out = writeBatchResponse(responses);
        return { status: 200, headers: { 'content-type': out.contentType }, body: out.body };
      }
      // Digest fetches are counted apart: benchmarks and tests count the requests a view makes for data.
      const kind = /^\/contextinfo\/?$/i.test(rest) ? 'contextinfo' : 'api';
      stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
      return dispatchSharePoint(req, user, webPath, rest);
    }
    const photo = /^\/sites\/[^/]+\/_layouts\/15\/userphoto\.aspx$/i.exec(path);
    if (photo) {
      const who = findDirectoryUser(req.url.searchParams.get('accountname') ?? '');
      if (!who) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'No such user.' };
      return { status: 200, headers: { 'content-type': 'image/png' }, body: photoOf(who) };
    }
    return { status: 404, headers: {}, body: '' };
  };

  const admin = (req: LocalRequest): LocalResponse => {
    const json = (status: number, body: unknown): LocalResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const path = req.url.pathname.replace(/\/+$/, '');
    if (path === '/_admin/status' && req.method === 'GET') {
      return json(200, { sites: store.webs().map((w) => ({ path: w.path, title: w.title })), chaos, stats, threshold: apiOptions.threshold, users: DIRECTORY.map((u) => ({ alias: u.alias, displayName: u.displayName, mail: u.mail, role: u.role })) });
    }
    let body: Record<string, unknown> = {};
    try {
      body = req.body.length ? JSON.parse(req.body.toString('utf8')) as Record<string, unknown> : {};
    } catch {
      return json(400, { error: 'The body is not valid JSON.' });
    }
    if (path === '/_admin/chaos' && req.method === 'POST') {
      const next = { ...chaos };
      for (const k of ['throttleRate', 'retryAfterSeconds', 'latencyMs'] as const) {
        if (body[k] === undefined) continue;
        const v = Number(body[k]);
        if (!Number.isFinite(v) || v < 0 || (k === 'throttleRate' && v > 1) || (k !== 'throttleRate' && v > 60000)) {
          return json(400, { error: `${k} must be a number${k === 'throttleRate' ? ' from 0 to 1' : ' from 0 to 60000'}.` });
        }
        next[k] = v;
      }
      Object.assign(chaos, next);
      throttleCounter = 0;
      return json(200, chaos);
    }
    if (path === '/_admin/stats' && req.method === 'DELETE') {
      stats.total = 0; stats.throttled = 0; stats.byKind = {}; graph.requestCount = 0;
      return json(200, stats);
    }
    if (path === '/_admin/sites' && req.method === 'POST') {
      try {
        const web = store.createWeb(String(body.path ?? ''), String(body.title ?? body.path ?? ''), typeof body.language === 'number' ? body.language : undefined);
        return json(201, { path: web.path, title: web.title, url: `${origin}${web.path}` });
      } catch (e) {
        return json(400, { error: (e as Error).message });
      }
    }
    return json(404, { error: `No admin endpoint ${req.method} ${path}. Try GET /_admin/status, POST /_admin/chaos, POST /_admin/sites, DELETE /_admin/stats.` });
  };

  const server = http.createServer((req, res) => {
    void (async (): Promise<void> => {
      // Absolute URLs in answers (odata.nextLink, odata.id) use the host the client called.
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? new URL(origin).host}`);
      const isSp = url.pathname.startsWith('/graph/') || /^\/sites\/[^/]+\/(_api|_layouts)\b/i.test(url.pathname);
      const isAdmin = url.pathname.startsWith('/_admin/');
      if (!isSp && !isAdmin) {
        if (opts.staticHandler && await opts.staticHandler(req, res)) return;
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`Not found: ${url.pathname}. The local SharePoint serves /sites/<name>/_api, /graph/v1.0 and /_admin.`);
        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
      const mode = odataModeOf(headers.accept);
      const send = (r: LocalResponse): void => {
        const h: Record<string, string> = { ...r.headers, 'access-control-expose-headers': 'ETag, Location, Retry-After', 'x-sharepointhealthscore': '0' };
        const allowOrigin = headers.origin && /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i.test(headers.origin) ? headers.origin : undefined;
        if (allowOrigin) {
          h['access-control-allow-origin'] = allowOrigin;
          h['access-control-allow-credentials'] = 'true';
        }
        res.writeHead(r.status, h);
        res.end(r.body);
      };
      if (req.method === 'OPTIONS') {
        send({ status: 204, headers: { 'access-control-allow-methods': 'GET, POST, PUT, PATCH, MERGE, DELETE', 'access-control-allow-headers': '*', 'access-control-max-age': '600' }, body: '' });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let tooBig = false;
      for await (const c of req) {
        size += (c as Buffer).length;
        if (size > MAX_BODY) { tooBig = true; break; }
        chunks.push(c as Buffer);
      }
      if (tooBig) {
        send(errorResponse(new SpError(413, '-2147024809, System.ArgumentException', `The request body is larger than ${MAX_BODY} bytes.`), mode));
        req.destroy();
        return;
      }
      const local: LocalRequest = { method: (req.method ?? 'GET').toUpperCase(), url, headers, body: Buffer.concat(chunks) };
      if (isAdmin) { send(admin(local)); return; }
      stats.total++;
      if (chaos.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, chaos.latencyMs));
      if (shouldThrottle()) {
        stats.throttled++;
        // Throttled requests do nothing, so a client's retry can never duplicate a write.
        send(errorResponse(new SpError(429, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
          'The request has been throttled. Please retry after the number of seconds in the Retry-After header.', { 'retry-after': String(chaos.retryAfterSeconds) }), mode));
        return;
      }
      try {
        const user = actingUser(headers);
        send(await handle(local, user));
      } catch (e) {
        if (e instanceof SpError) send(errorResponse(e, mode));
        else {
          opts.log?.(`local-sharepoint: internal error: ${(e as Error).stack ?? String(e)}`);
          send(errorResponse(new SpError(500, '-2146233088, System.InvalidOperationException', `Internal error in the local SharePoint: ${(e as Error).message}`), mode));
        }
      }
    })().catch((e: unknown) => {
      opts.log?.(`local-sharepoint: ${String(e)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://localhost:${port}`;
  return {
    url: origin, port, store, graph, chaos, stats,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => { db.close(); resolve(); });
    })
  };
}
