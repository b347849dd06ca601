import type { SPFI } from '@pnp/sp';
import type { ListSnapshot, SnapshotStore } from './listSnapshots';
import type { SiteSnapshotFiles } from './siteSnapshotFiles';

/**
 * The reads a browser may start from another person's copy of: rows every member of the site reads
 * whole and alike (the Projects list, every project's latest approved report). A read of rows
 * SharePoint trims per user must never be listed here: one user's copy would show them to another.
 * Keys are `<read>|<site URL>|<user>` (PortfolioService, ProjectService, StatusTrendService).
 */
export const SITE_WIDE_READS: readonly string[] = ['projects', 'register', 'latestReports'];

/** A PMO member's browser leaves its read for others at most this often (each file is a few megabytes). */
export const SITE_REWRITE_AFTER_MS = 60 * 60 * 1000;

/** Whether this user may write the snapshots library, remembered this long (one request saved on every visit). */
const WRITER_CHECK_FOR_MS = 24 * 60 * 60 * 1000;

/** What the browser keeps between visits besides snapshots: localStorage, or a map where there is none. */
export interface SmallMemory {
  // eslint-disable-next-line @rushstack/no-new-null -- localStorage's own signature (a legacy API)
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function browserMemory(): SmallMemory {
  try {
    const ls = (globalThis as { localStorage?: SmallMemory }).localStorage;
    if (ls) return ls;
  } catch {
    // Blocked storage throws on access: remember for this page only.
  }
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => { m.set(k, v); } };
}

export interface SiteAwareStore extends SnapshotStore {
  /** Settles once every site write started so far has (tests; the page never waits for one). */
  siteWrites(): Promise<void>;
}

/**
 * The browser's own snapshots first; where it has none of a site-wide read, the site's file
 * (written by a PMO member's browser): so a browser that has never visited renders at once from
 * that file and asks the lists' change logs only what changed since it was read, as on a second
 * visit — and shows when it was read, as then. Every snapshot is kept in the browser; a user who
 * may write the library (checked once a day) also leaves it for the site, at most hourly.
 */
export function siteAwareSnapshots(
  browser: SnapshotStore, files: () => Promise<SiteSnapshotFiles>,
  options: { siteUrl: string; userKey: string; memory?: SmallMemory; now?: () => number }
): SiteAwareStore {
  const memory = options.memory ?? browserMemory();
  const now = options.now ?? Date.now;
  const siteReads = new Map<string, Promise<ListSnapshot<unknown> | undefined>>();
  let writes: Promise<void> = Promise.resolve();
  const knownKey = (kind: string): string => `pmo-hub:site-snapshot|${options.siteUrl}|${kind}`;
  const writerKey = `pmo-hub:snapshot-writer|${options.siteUrl}|${options.userKey}`;

  /** The read a key names, when it is site-wide and of this site. */
  const siteWide = (key: string): string | undefined => {
    const [kind, site] = key.split('|');
    return site === options.siteUrl && SITE_WIDE_READS.includes(kind) ? kind : undefined;
  };
  const known = (kind: string, readAt: string): void => {
    const had = Date.parse(memory.getItem(knownKey(kind)) ?? '');
    if (Number.isNaN(had) || Date.parse(readAt) > had) memory.setItem(knownKey(kind), readAt);
  };
  const due = (kind: string): boolean => {
    const at = Date.parse(memory.getItem(knownKey(kind)) ?? '');
    return Number.isNaN(at) || now() - at >= SITE_REWRITE_AFTER_MS;
  };
  const mayWrite = async (f: SiteSnapshotFiles): Promise<boolean> => {
    try {
      const had = JSON.parse(memory.getItem(writerKey) ?? 'null') as { may: boolean; at: number } | null;
      if (had && typeof had.may === 'boolean' && now() - had.at < WRITER_CHECK_FOR_MS) return had.may;
    } catch {
      // Unreadable: ask again.
    }
    const may = await f.mayWrite();
    memory.setItem(writerKey, JSON.stringify({ may, at: now() }));
    return may;
  };
  const leaveForSite = async <T>(kind: string, snapshot: ListSnapshot<T>): Promise<void> => {
    if (!due(kind)) return;
    const f = await files();
    if (!(await mayWrite(f))) return;
    await f.write(kind, snapshot);
    known(kind, snapshot.readAt);
  };

  return {
    async get<T>(key: string): Promise<ListSnapshot<T> | undefined> {
      const own = await browser.get<T>(key);
      const kind = siteWide(key);
      if (own || !kind) return own;
      let read = siteReads.get(kind);
      if (!read) {
        // Shared by the page's web parts and by a read's remembered first screen and its delta: one download a file.
        read = files().then((f) => f.read<unknown>(kind)).catch(() => undefined);
        siteReads.set(kind, read);
      }
      const snap = await read;
      if (snap) known(kind, snap.readAt);
      return snap as ListSnapshot<T> | undefined;
    },
    async set<T>(key: string, snapshot: ListSnapshot<T>): Promise<void> {
      await browser.set(key, snapshot);
      const kind = siteWide(key);
      if (!kind) return;
      // Not awaited by the page: an upload of a few megabytes must not hold up a later read of the browser's copy.
      writes = writes.then(() => leaveForSite(kind, snapshot)).catch(() => {
        // A failed upload (rights changed, library missing) costs others their head start, nothing else; ask again tomorrow.
        memory.setItem(writerKey, JSON.stringify({ may: false, at: now() }));
      });
    },
    siteWrites: () => writes
  };
}

const perSiteAndUser = new Map<string, SiteAwareStore>();

/**
 * One site-aware store per site and user for the page, so the page's web parts download each site
 * file once; the file I/O is a chunk of its own (`site-snapshots`), loaded on first need.
 */
export function siteAwareSnapshotsFor(browser: SnapshotStore, sp: SPFI, siteUrl: string, userKey: string): SiteAwareStore {
  const key = `${siteUrl}|${userKey}`;
  let store = perSiteAndUser.get(key);
  if (!store) {
    let files: Promise<SiteSnapshotFiles> | undefined;
    const load = (): Promise<SiteSnapshotFiles> => {
      files ??= import(/* webpackChunkName: 'site-snapshots' */ './siteSnapshotFiles').then((m) => m.siteSnapshotFiles(sp, siteUrl));
      return files;
    };
    store = siteAwareSnapshots(browser, load, { siteUrl, userKey });
    perSiteAndUser.set(key, store);
  }
  return store;
}
