import { randomUUID } from 'crypto';
import { PNG } from 'pngjs';
import type { Db } from './store/db';
import { DIRECTORY, findDirectoryUser, type DirectoryUser } from './directory';
import type { LocalRequest, LocalResponse } from './http/types';

/**
 * The Microsoft Graph subset PMO Hub's people and calendar features call:
 * `me`, `users` (with `$search`, `$filter`, `$select`, `$top`), `users/{id}`,
 * `users/{id}/photo/$value`, `me/events` (list, create), and JSON `$batch`.
 * Errors use Graph's `{error: {code, message}}` shape.
 */
const USER_PROPS = ['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'jobTitle', 'department', 'officeLocation', 'preferredLanguage', 'businessPhones', 'mobilePhone'];

/**
 * What `User.ReadBasic.All` lets an app read of *other* users: Microsoft Graph's permissions
 * reference (https://learn.microsoft.com/graph/permissions-reference#userreadbasicall) lists the
 * basic profile as displayName, givenName, id, mail, photo, securityIdentifier, surname and
 * userPrincipalName (securityIdentifier is not modelled here; the photo is its own endpoint).
 * On a tenant, other properties come back null (microsoftgraph/microsoft-graph-docs#4993).
 */
export const BASIC_PROFILE: readonly string[] = ['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName'];

/** Scopes that read every property of every user. */
const FULL_PROFILE_SCOPES = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
/** Scopes that read other users at all (the basic profile at least). */
const DIRECTORY_SCOPES = [...FULL_PROFILE_SCOPES, 'User.ReadBasic.All'];

/**
 * When no scopes are given: what PMO Hub's package requests by default. A server started for a
 * package asks for exactly that package's scopes (see tools/hub/graphScopes.ts).
 */
export const DEFAULT_GRAPH_SCOPES: readonly string[] = ['User.ReadBasic.All'];

class GraphError extends Error {
  public constructor(public readonly status: number, public readonly code: string, message: string) {
    super(message);
  }
}

function userJson(u: DirectoryUser, select: string[] | undefined, basicOnly: boolean): Record<string, unknown> {
  const full: Record<string, unknown> = {
    id: u.id, displayName: u.displayName, givenName: u.givenName, surname: u.surname, mail: u.mail, userPrincipalName: u.mail,
    jobTitle: u.jobTitle, department: u.department, officeLocation: u.officeLocation, preferredLanguage: u.preferredLanguage,
    businessPhones: [], mobilePhone: null
  };
  if (basicOnly) {
    for (const k of Object.keys(full)) if (!BASIC_PROFILE.includes(k)) full[k] = k === 'businessPhones' ? [] : null;
  }
  if (!select?.length) return full;
  const out: Record<string, unknown> = {};
  for (const s of select) {
    if (!USER_PROPS.includes(s)) throw new GraphError(400, 'Request_BadRequest', `Could not find a property named '${s}' on type 'microsoft.graph.user'.`);
    out[s] = full[s];
  }
  return out;
}

function denied(): GraphError {
  return new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}

const photoCache = new Map<string, Buffer>();

/** A generated 96×96 portrait: a head and shoulders in the user's two colours. */
export function photoOf(u: DirectoryUser): Buffer {
  const cached = photoCache.get(u.id);
  if (cached) return cached;
  const size = 96;
  const png = new PNG({ width: size, height: size });
  const hex = (h: string): [number, number, number] => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
  const [bg, fg] = [hex(u.colours[1]), hex(u.colours[0])];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const head = (x - 48) ** 2 + (y - 38) ** 2 < 18 ** 2;
      const body = (x - 48) ** 2 / 34 ** 2 + (y - 100) ** 2 / 40 ** 2 < 1;
      const [r, g, b] = head || body ? fg : bg;
      const i = (y * size + x) * 4;
      png.data[i] = r; png.data[i + 1] = g; png.data[i + 2] = b; png.data[i + 3] = 255;
    }
  }
  const buf = PNG.sync.write(png);
  photoCache.set(u.id, buf);
  return buf;
}

function json(status: number, body: unknown, extra: Record<string, string> = {}): LocalResponse {
  return { status, headers: { 'content-type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8', ...extra }, body: JSON.stringify(body) };
}

function errorJson(e: GraphError): LocalResponse {
  return json(e.status, { error: { code: e.code, message: e.message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID() } } });
}

export class GraphService {
  /** Counts requests so tests can prove that callers batch. */
  public requestCount = 0;

  /** The delegated scopes the app was granted, as a tenant admin approved them. */
  public readonly scopes: ReadonlySet<string>;

  public constructor(private readonly db: Db, private readonly origin: () => string, scopes: readonly string[] = DEFAULT_GRAPH_SCOPES) {
    this.scopes = new Set(scopes.map((x) => x.toLowerCase()));
  }

  private granted(...any: string[]): boolean {
    return any.some((x) => this.scopes.has(x.toLowerCase()));
  }

  /** Basic profile only: the caller may read other users, but not their full profile. */
  private basicOnly(user: DirectoryUser, actor: DirectoryUser): boolean {
    if (user.id === actor.id) return false;
    if (!this.granted(...DIRECTORY_SCOPES)) throw denied();
    return !this.granted(...FULL_PROFILE_SCOPES);
  }

  public handle(req: LocalRequest, actor: DirectoryUser): LocalResponse {
    this.requestCount++;
    try {
      const path = req.url.pathname.replace(/^\/graph\/v1\.0\/?/i, '');
      if (path === '$batch') return this.batch(req, actor);
      return this.route(req.method, path, req.url.searchParams, req.body, actor, req.headers);
    } catch (e) {
      if (e instanceof GraphError) return errorJson(e);
      throw e;
    }
  }

  private route(method: string, path: string, q: URLSearchParams, body: Buffer, actor: DirectoryUser, headers: Record<string, string>): LocalResponse {
    let parts: string[];
    try {
      parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      throw new GraphError(400, 'BadRequest', `The request URI /${path} is not validly percent-encoded.`);
    }
    const select = q.get('$select')?.split(',').map((s) => s.trim()).filter(Boolean);
    if (parts[0] === 'me' || parts[0] === 'users') {
      let user: DirectoryUser | undefined;
      let rest: string[];
      if (parts[0] === 'me') {
        // User.ReadBasic.All "also allows the app to read the full profile of the signed-in user".
        if (!this.granted('User.Read', 'User.ReadWrite', ...DIRECTORY_SCOPES)) throw denied();
        user = actor; rest = parts.slice(1);
      } else if (parts.length === 1) {
        if (method !== 'GET') throw new GraphError(405, 'Request_BadRequest', 'Only GET is supported on /users.');
        return this.listUsers(q, headers, select, actor);
      } else {
        user = findDirectoryUser(parts[1]);
        rest = parts.slice(2);
        if (!user) throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${parts[1]}' does not exist or one of its queried reference-property objects are not present.`);
      }
      if (rest.length === 0) {
        if (method !== 'GET') throw new GraphError(405, 'Request_BadRequest', 'Only GET is supported here.');
        return json(200, { '@odata.context': `${this.origin()}/graph/v1.0/$metadata#users/$entity`, ...userJson(user, select, this.basicOnly(user, actor)) });
      }
      if (rest[0] === 'photo' && rest[1] === '$value') {
        if (method !== 'GET') throw new GraphError(405, 'Request_BadRequest', 'Only GET is supported here.');
        this.basicOnly(user, actor);
        return { status: 200, headers: { 'content-type': 'image/png', 'cache-control': 'private, max-age=3600' }, body: photoOf(user) };
      }
      if (rest[0] === 'photo' && rest.length === 1) {
        this.basicOnly(user, actor);
        return json(200, { '@odata.mediaContentType': 'image/png', id: '96X96', height: 96, width: 96 });
      }
      if ((rest[0] === 'events' || (rest[0] === 'calendar' && rest[1] === 'events')) && parts[0] === 'me') return this.events(method, body, actor, q);
      if (rest[0] === 'events') throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    }
    throw new GraphError(501, 'NotImplemented', `The local Graph subset does not implement ${method} /${path}. See tools/local-sharepoint/README.md.`);
  }

  private listUsers(q: URLSearchParams, headers: Record<string, string>, select: string[] | undefined, actor: DirectoryUser): LocalResponse {
    if (!this.granted(...DIRECTORY_SCOPES)) throw denied();
    const basicOnly = !this.granted(...FULL_PROFILE_SCOPES);
    // With the basic profile only, searching or filtering on another property is refused [verify].
    const queryable = (prop: string): void => { if (basicOnly && !BASIC_PROFILE.includes(prop)) throw denied(); };
    let users = DIRECTORY;
    const search = q.get('$search');
    if (search) {
      if ((headers.consistencylevel ?? '').toLowerCase() !== 'eventual') {
        throw new GraphError(400, 'Request_UnsupportedQuery', 'Request with $search query parameter only works through MSGraph with a special request header: \'ConsistencyLevel: eventual\'');
      }
      const m = /^"(displayName|mail|givenName|surname|jobTitle|department):([^"]*)"$/.exec(search.trim());
      if (!m) throw new GraphError(400, 'Request_UnsupportedQuery', `Unsupported $search expression ${search}; use "property:text".`);
      const [, prop, text] = m;
      queryable(prop);
      const t = text.toLowerCase();
      // Graph's $search tokenises: a word of the property must start with the text.
      users = users.filter((u) => String((u as unknown as Record<string, unknown>)[prop] ?? '').toLowerCase().split(/[\s.@-]+/).some((w) => w.startsWith(t)));
    }
    const filter = q.get('$filter');
    if (filter) {
      const m = /^(?:(startswith)\((displayName|mail|givenName|surname|jobTitle|department),'((?:[^']|'')*)'\)|(displayName|mail|givenName|surname|jobTitle|department|id) eq '((?:[^']|'')*)')$/.exec(filter.trim());
      if (!m) throw new GraphError(400, 'Request_UnsupportedQuery', `Unsupported or invalid $filter: ${filter}`);
      queryable(m[2] ?? m[4]);
      if (m[1]) {
        const v = m[3].replace(/''/g, "'").toLowerCase();
        users = users.filter((u) => String((u as unknown as Record<string, unknown>)[m[2]] ?? '').toLowerCase().startsWith(v));
      } else {
        const v = m[5].replace(/''/g, "'").toLowerCase();
        users = users.filter((u) => String((u as unknown as Record<string, unknown>)[m[4]] ?? '').toLowerCase() === v);
      }
    }
    const top = q.get('$top');
    if (top !== null) {
      const n = Number(top);
      if (!Number.isInteger(n) || n < 1 || n > 999) throw new GraphError(400, 'Request_BadRequest', 'Invalid page size specified: $top must be from 1 to 999.');
      users = users.slice(0, n);
    }
    return json(200, { '@odata.context': `${this.origin()}/graph/v1.0/$metadata#users`, value: users.map((u) => userJson(u, select, basicOnly && u.id !== actor.id)) });
  }

  private events(method: string, body: Buffer, actor: DirectoryUser, q: URLSearchParams): LocalResponse {
    const calendarDenied = (): GraphError => new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    if (method === 'GET') {
      if (!this.granted('Calendars.Read', 'Calendars.ReadWrite')) throw calendarDenied();
      const rows = this.db.prepare('SELECT data FROM graph_events WHERE user_login = ? ORDER BY created').all(actor.mail) as Array<{ data: string }>;
      const top = Number(q.get('$top') ?? 10);
      if (!Number.isInteger(top) || top < 1 || top > 1000) throw new GraphError(400, 'BadRequest', 'Invalid page size specified: $top must be from 1 to 1000.');
      return json(200, { '@odata.context': `${this.origin()}/graph/v1.0/$metadata#users('${actor.id}')/events`, value: rows.map((r) => JSON.parse(r.data) as unknown).slice(0, top) });
    }
    if (method !== 'POST') throw new GraphError(405, 'Request_BadRequest', 'Use GET or POST on me/events.');
    if (!this.granted('Calendars.ReadWrite')) throw calendarDenied();
    let ev: Record<string, unknown>;
    try {
      ev = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new GraphError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
    }
    const subject = ev.subject;
    const start = ev.start as { dateTime?: string; timeZone?: string } | undefined;
    const end = ev.end as { dateTime?: string; timeZone?: string } | undefined;
    if (typeof subject !== 'string' || !subject.trim()) throw new GraphError(400, 'ErrorInvalidRequest', 'An event needs a subject.');
    if (!start?.dateTime || !end?.dateTime || Number.isNaN(Date.parse(start.dateTime)) || Number.isNaN(Date.parse(end.dateTime))) {
      throw new GraphError(400, 'ErrorInvalidRequest', 'An event needs start and end with a dateTime and timeZone.');
    }
    if (Date.parse(end.dateTime) < Date.parse(start.dateTime)) throw new GraphError(400, 'ErrorInvalidRequest', 'The end of an event must not be before its start.');
    const id = Buffer.from(randomUUID()).toString('base64url');
    const created = new Date().toISOString();
    const stored = {
      id, createdDateTime: created, lastModifiedDateTime: created, subject, body: ev.body ?? { contentType: 'text', content: '' },
      start, end, location: ev.location ?? { displayName: '' }, isOnlineMeeting: !!ev.isOnlineMeeting,
      onlineMeeting: ev.onlineMeeting ?? null, organizer: { emailAddress: { name: actor.displayName, address: actor.mail } },
      attendees: ev.attendees ?? [], webLink: `${this.origin()}/calendar/item/${id}`
    };
    this.db.prepare('INSERT INTO graph_events (id, user_login, created, data) VALUES (?, ?, ?, ?)').run(id, actor.mail, created, JSON.stringify(stored));
    return json(201, { '@odata.context': `${this.origin()}/graph/v1.0/$metadata#users('${actor.id}')/events/$entity`, ...stored });
  }

  /** JSON batching: up to 20 requests, answered in one response. */
  private batch(req: LocalRequest, actor: DirectoryUser): LocalResponse {
    if (req.method !== 'POST') throw new GraphError(405, 'Request_BadRequest', 'Use POST for $batch.');
    let body: { requests?: Array<{ id: string; method: string; url: string; body?: unknown; headers?: Record<string, string> }> };
    try {
      body = JSON.parse(req.body.toString('utf8')) as typeof body;
    } catch {
      throw new GraphError(400, 'BadRequest', 'Invalid batch payload.');
    }
    const requests = body.requests;
    if (!Array.isArray(requests) || requests.length === 0) throw new GraphError(400, 'BadRequest', 'A batch needs a non-empty requests array.');
    if (requests.length > 20) throw new GraphError(400, 'BadRequest', 'A batch may hold at most 20 requests.');
    // Graph refuses the whole batch when a request lacks its id, method or url.
    for (const r of requests as unknown[]) {
      const o = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
      if (typeof o.id !== 'string' || !o.id || typeof o.method !== 'string' || typeof o.url !== 'string') {
        throw new GraphError(400, 'BadRequest', 'Invalid batch payload: every request needs a string id, method and url.');
      }
    }
    if (new Set(requests.map((r) => r.id)).size !== requests.length) throw new GraphError(400, 'BadRequest', 'Invalid batch payload: request ids must be unique.');
    const responses = requests.map((r) => {
      try {
        const u = new URL(r.url.replace(/^\//, ''), `${this.origin()}/graph/v1.0/`);
        const b = r.body === undefined ? Buffer.alloc(0) : Buffer.from(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
        const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        const res = this.route(r.method.toUpperCase(), u.pathname.replace(/^\/graph\/v1\.0\/?/i, ''), u.searchParams, b, actor, headers);
        const isBinary = !(res.headers['content-type'] ?? '').startsWith('application/json');
        return {
          id: r.id, status: res.status, headers: { 'Content-Type': res.headers['content-type'] },
          body: isBinary ? Buffer.from(res.body).toString('base64') : JSON.parse(res.body.toString()) as unknown
        };
      } catch (e) {
        if (e instanceof GraphError) return { id: r.id, status: e.status, headers: { 'Content-Type': 'application/json' }, body: { error: { code: e.code, message: e.message } } };
        throw e;
      }
    });
    return json(200, { responses });
  }
}

export { DIRECTORY };
