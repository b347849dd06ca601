import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { RawItem } from './listItems';
import { PAGE_SIZE } from './ProjectService';
import { httpStatus } from './odata';
import { afterFirstScreen } from '../common/firstScreen';

/**
 * Snapshot writes still under way, by key. A read's rows are handed over first and written after
 * the first screen is drawn and painted (IndexedDB copies every row on the main thread: at 10,000 projects that
 * held back the first render); a remembered read of the same key waits for the write.
 */
const pendingWrites = new Map<string, Promise<void>>();

/** Settles once every snapshot write started so far has (tests, and the bench's pause between visits). */
export async function snapshotWrites(): Promise<void> {
  await Promise.all([...pendingWrites.values()]);
}

export function writeAfterPaint<T>(store: SnapshotStore, key: string, snapshot: ListSnapshot<T>): void {
  const write = afterFirstScreen(undefined).then(() => store.set(key, snapshot)).catch(() => undefined)
    .finally(() => { if (pendingWrites.get(key) === write) pendingWrites.delete(key); });
  pendingWrites.set(key, write);
}

/**
 * What the user's browser remembers of a list between visits, so the next visit renders at once
 * and asks SharePoint only what changed since: the rows as read, the list's change token from just
 * before that read, and when it was read (shown, so remembered data is never taken for fresh).
 */
export interface ListSnapshot<T> {
  /** What the rows were read with (the selected columns): a different one makes the snapshot useless. */
  shape: string;
  /** The list's `CurrentChangeToken` taken before the rows were read. */
  changeToken: string;
  readAt: string;
  rows: T[];
}

/** The reads the browser keeps, one snapshot each per site and user. */
export type SnapshotRead = 'projects' | 'register' | 'latestReports';

/** The key a read is kept under, per site and user: SharePoint trims rows per user. */
export function snapshotKey(read: SnapshotRead, siteUrl: string, userKey: string): string {
  return `${read}|${siteUrl}|${userKey}`;
}

/** The read, site and user a key names (the inverse of `snapshotKey`). */
export function snapshotKeyParts(key: string): { read: string; siteUrl: string; userKey: string } {
  const [read = '', siteUrl = '', ...user] = key.split('|');
  return { read, siteUrl, userKey: user.join('|') };
}

/** Where snapshots are kept: IndexedDB in the browser (idb-keyval), anything with get/set in tests. */
export interface SnapshotStore {
  get<T>(key: string): Promise<ListSnapshot<T> | undefined>;
  set<T>(key: string, snapshot: ListSnapshot<T>): Promise<void>;
}

/**
 * The browser's IndexedDB, through idb-keyval (loaded on first use: a small chunk). Private
 * browsing or a blocked IndexedDB answers nothing and stores nothing: the web parts then read
 * everything, as without a snapshot.
 */
export function indexedDbSnapshots(dbName: string = 'pmo-hub'): SnapshotStore {
  type Keyval = typeof import('idb-keyval');
  let lib: Promise<{ kv: Keyval; store: ReturnType<Keyval['createStore']> }> | undefined;
  const open = (): Promise<{ kv: Keyval; store: ReturnType<Keyval['createStore']> }> => {
    if (!lib) lib = import(/* webpackChunkName: 'snapshots' */ 'idb-keyval').then((kv) => ({ kv, store: kv.createStore(dbName, 'snapshots') }));
    return lib;
  };
  // Opened when the page starts, not when the first web part asks: a new browser creates the
  // database then, and its first lookup took 150 ms after the web parts mounted (profiled, 7 Dec 2026).
  // idb-keyval opens on a store's first transaction, so one is started here.
  open().then(({ store }) => store('readonly', () => undefined)).catch(() => undefined);
  return {
    async get<T>(key: string) {
      try {
        const { kv, store } = await open();
        return await kv.get<ListSnapshot<T>>(key, store);
      } catch {
        return undefined;
      }
    },
    async set<T>(key: string, snapshot: ListSnapshot<T>) {
      try {
        const { kv, store } = await open();
        await kv.set(key, snapshot, store);
      } catch {
        // A full or blocked store costs the next visit its head start, nothing else.
      }
    }
  };
}

/** SP.ChangeType: an item removed (deleted, or moved to the recycle bin). */
const CHANGE_DELETE = 3;
/** Changes per getChanges answer (SharePoint's default and the local server's). */
const FETCH_LIMIT = 1000;
/**
 * Past this many changed items a full read is cheaper than reading them by ID (5,000 rows a page
 * against 100 single-item reads a `$batch`).
 */
const MAX_DELTA_ITEMS = 2000;
/** Single-item reads per `$batch` request. */
const ITEMS_PER_BATCH = 100;

export interface DeltaReadSpec<T> {
  sp: SPFI;
  /** Server-relative URL of the list (`/sites/pmo/Lists/Projects`). */
  listUrl: string;
  /** The columns and expansions of a full read, as `selectFields` returns them. */
  select: string[];
  expand: string[];
  map: (raw: RawItem) => T & { id: number };
  store: SnapshotStore;
  key: string;
  now?: () => Date;
}

export interface DeltaRead<T> {
  rows: T[];
  /** What was done: everything read (`full`), or only the changes since the snapshot (`delta`). */
  mode: 'full' | 'delta';
  requests: number;
}

function shapeOf(select: string[], expand: string[]): string {
  return `${[...select].sort().join(',')}|${[...expand].sort().join(',')}`;
}

/** The snapshot a visit can render from before asking SharePoint anything, if it fits the read. */
export function rememberedRows<T>(store: SnapshotStore, key: string, select: string[], expand: string[]): Promise<{ rows: T[]; readAt: Date } | undefined> {
  return rememberedShape<T>(store, key, shapeOf(select, expand));
}

/** What was remembered under `key`, if it was written in `shape` (after any write still under way). */
export async function rememberedShape<T>(store: SnapshotStore, key: string, shape: string): Promise<{ rows: T[]; readAt: Date; changeToken: string } | undefined> {
  await pendingWrites.get(key);
  const snap = await store.get<T>(key);
  if (!snap || snap.shape !== shape) return undefined;
  return { rows: snap.rows, readAt: new Date(snap.readAt), changeToken: snap.changeToken };
}

/**
 * Every row of a list, threshold-safe: with a snapshot, the list's change log since its token
 * (`getChanges`, 1,000 changes an answer) and the changed items by ID; without one (or when
 * the change log cannot answer: token too old, too many changes), unfiltered pages of 5,000
 * ordered by ID, by skiptoken from the highest ID (all at once). The change token is taken *before* the rows are read, so a change made during
 * the read is read again next time rather than lost.
 */
export async function readWithChanges<T>(spec: DeltaReadSpec<T>): Promise<DeltaRead<T>> {
  const shape = shapeOf(spec.select, spec.expand);
  const now = spec.now ?? (() => new Date());
  await pendingWrites.get(spec.key);
  const snap = await spec.store.get<T & { id: number }>(spec.key);
  if (snap && snap.shape === shape) {
    const delta = await tryDelta(spec, snap);
    if (delta) {
      writeAfterPaint(spec.store, spec.key, { shape, changeToken: delta.token, readAt: now().toISOString(), rows: delta.rows });
      return { rows: delta.rows, mode: 'delta', requests: delta.requests };
    }
  }
  // The change token and the highest ID in one `$batch`; from the highest ID the pages' skiptokens are
  // known, so all pages are asked for at once and each is mapped while SharePoint answers the next
  // (one after another, every page waited for the previous one's answer and mapping).
  const [batched, execute] = spec.sp.batched();
  const batchedList = batched.web.getList(spec.listUrl);
  const infoRead = batchedList.select('CurrentChangeToken')<{ CurrentChangeToken: { StringValue: string } }>();
  const newestRead = batchedList.items.select('ID').orderBy('ID', false).top(1)<RawItem[]>();
  await execute();
  const [info, newest] = await Promise.all([infoRead, newestRead]);
  const maxId = Number(newest[0]?.ID ?? newest[0]?.Id ?? 0);
  const list = spec.sp.web.getList(spec.listUrl);
  const starts: number[] = [];
  for (let after = 0; after < maxId; after += PAGE_SIZE) starts.push(after);
  const pages = await Promise.all(starts.map((after) => {
    const page = list.items.select(...spec.select).expand(...spec.expand).orderBy('ID', true).top(PAGE_SIZE);
    if (after > 0) page.query.set('$skiptoken', `Paged=TRUE&p_ID=${after}`);
    return page<RawItem[]>().then((raws) => raws
      // Deleted IDs make a page run into the next page's range: those rows are the next page's.
      .filter((raw) => Number(raw.ID ?? raw.Id) <= after + PAGE_SIZE)
      .map(spec.map));
  }));
  const requests = 1 + starts.length;
  const rows: Array<T & { id: number }> = ([] as Array<T & { id: number }>).concat(...pages);
  writeAfterPaint(spec.store, spec.key, { shape, changeToken: info.CurrentChangeToken.StringValue, readAt: now().toISOString(), rows });
  return { rows, mode: 'full', requests };
}

interface ChangeItem { ChangeType: number; ItemId: number; ChangeToken: { StringValue: string } }

/** What a list's change log says since a token: the items changed and removed, and the token to go on from. */
export interface ChangeLogRead {
  changed: Set<number>;
  deleted: Set<number>;
  token: string;
  requests: number;
}

/**
 * The items changed and removed in a list since `token` (`getChanges`, 1,000 changes an answer);
 * undefined when the change log cannot answer (a token older than it: SharePoint keeps about 60
 * days; a list recreated) or past `MAX_DELTA_ITEMS`, where reading everything is cheaper.
 */
export async function readChangeLog(sp: SPFI, listUrl: string, token: string): Promise<ChangeLogRead | undefined> {
  const list = sp.web.getList(listUrl);
  let requests = 0;
  const changed = new Set<number>();
  const deleted = new Set<number>();
  for (;;) {
    let page: ChangeItem[];
    try {
      page = await list.getChanges({
        ChangeTokenStart: { StringValue: token }, Item: true, Add: true, Update: true, DeleteObject: true, Restore: true,
        SystemUpdate: true, FetchLimit: FETCH_LIMIT
      } as Parameters<typeof list.getChanges>[0]) as ChangeItem[];
    } catch {
      return undefined;
    }
    requests++;
    for (const c of page) {
      if (typeof c.ItemId !== 'number') continue;
      if (c.ChangeType === CHANGE_DELETE) { deleted.add(c.ItemId); changed.delete(c.ItemId); } else { changed.add(c.ItemId); deleted.delete(c.ItemId); }
    }
    if (page.length > 0) token = page[page.length - 1].ChangeToken.StringValue;
    if (changed.size + deleted.size > MAX_DELTA_ITEMS) return undefined;
    if (page.length < FETCH_LIMIT) break;
  }
  return { changed, deleted, token, requests };
}

/**
 * Items by ID, `ITEMS_PER_BATCH` to a `$batch` (a single-item read is safe at any list size); an
 * item gone (404) or no longer readable by this user is left out.
 */
export async function readItemsById(sp: SPFI, listUrl: string, ids: readonly number[], select: string[], expand: string[] = []): Promise<{ rows: RawItem[]; requests: number }> {
  const rows: RawItem[] = [];
  let requests = 0;
  for (let i = 0; i < ids.length; i += ITEMS_PER_BATCH) {
    const [batched, execute] = sp.batched();
    const batchList = batched.web.getList(listUrl);
    const answers = ids.slice(i, i + ITEMS_PER_BATCH).map((id) => {
      const q = batchList.items.getById(id).select(...select);
      return (expand.length ? q.expand(...expand) : q)<RawItem>().then((raw) => raw, (e: unknown) => {
        if (httpStatus(e) === 404) return undefined;
        throw e;
      });
    });
    await execute();
    requests++;
    for (const raw of await Promise.all(answers)) if (raw) rows.push(raw);
  }
  return { rows, requests };
}

async function tryDelta<T>(spec: DeltaReadSpec<T>, snap: ListSnapshot<T & { id: number }>): Promise<{ rows: Array<T & { id: number }>; token: string; requests: number } | undefined> {
  const log = await readChangeLog(spec.sp, spec.listUrl, snap.changeToken);
  if (!log) return undefined;
  const { changed, deleted, token } = log;
  const byId = new Map(snap.rows.map((r) => [r.id, r]));
  for (const id of deleted) byId.delete(id);
  const ids = [...changed];
  const { rows: read, requests: byIdRequests } = await readItemsById(spec.sp, spec.listUrl, ids, spec.select, spec.expand);
  const requests = log.requests + byIdRequests;
  const seen = new Set<number>();
  for (const raw of read) {
    const row = spec.map(raw);
    byId.set(row.id, row);
    seen.add(row.id);
  }
  // A changed item that no longer answers was deleted, or the user may no longer read it.
  for (const id of ids) if (!seen.has(id)) byId.delete(id);
  return { rows: [...byId.values()].sort((a, b) => a.id - b.id), token, requests };
}
