import type { SPFI } from '@pnp/sp';
import { snapshotKeyParts, type ListSnapshot, type SnapshotRead, type SnapshotStore } from './listSnapshots';
import type { SiteSnapshots } from './siteSnapshotFiles';

/**
 * The reads a browser may start from another person's copy of: rows every member of the site reads
 * whole and alike (the Projects list, every project's latest approved report). A read of rows
 * SharePoint trims per user must never be listed here: one user's copy would show them to another.
 * Keys are made by `snapshotKey` (listSnapshots).
 */
export const SITE_WIDE_READS: readonly SnapshotRead[] = ['projects', 'register', 'latestReports'];

export interface SiteAwareStore extends SnapshotStore {
  /** Settles once every site write started so far has (tests; the page never waits for one). */
  siteWrites(): Promise<void>;
}

/**
 * The browser's own snapshots first; where it has none of a site-wide read, the site's file
 * (written by a PMO member's browser): so a browser that has never visited renders at once from
 * that file and asks the lists' change logs only what changed since it was read, as on a second
 * visit — and shows when it was read, as then. Every snapshot is kept in the browser and offered
 * to the site, which takes it only from a user who may write there, at most hourly (siteSnapshotFiles:
 * a chunk of its own, so this layer is all the pages' first load carries).
 */
export function siteAwareSnapshots(browser: SnapshotStore, site: () => Promise<SiteSnapshots>, siteUrl: string): SiteAwareStore {
  const reads = new Map<string, Promise<ListSnapshot<unknown> | undefined>>();
  let writes: Promise<void> = Promise.resolve();
  /** The read a key names, when it is site-wide and of this site. */
  const siteWide = (key: string): string | undefined => {
    const { read, siteUrl: keySite } = snapshotKeyParts(key);
    return keySite === siteUrl && (SITE_WIDE_READS as readonly string[]).includes(read) ? read : undefined;
  };
  return {
    async get<T>(key: string): Promise<ListSnapshot<T> | undefined> {
      const kind = siteWide(key);
      // The files' chunk loads while the browser's own copy is looked up: a new browser needs it next.
      if (kind) site().catch(() => undefined);
      const own = await browser.get<T>(key);
      if (own || !kind) return own;
      // Shared by the page's web parts and by a read's remembered first screen and its delta: one download a file.
      if (!reads.has(kind)) reads.set(kind, site().then((s) => s.read<unknown>(kind)).catch(() => undefined));
      return await reads.get(kind) as ListSnapshot<T> | undefined;
    },
    async set<T>(key: string, snapshot: ListSnapshot<T>): Promise<void> {
      await browser.set(key, snapshot);
      const kind = siteWide(key);
      // Not awaited by the page: an upload of a few megabytes must not hold up a later read of the browser's copy.
      if (kind) writes = writes.then(() => site()).then((s) => s.leave(kind, snapshot)).catch(() => undefined);
    },
    siteWrites: () => writes
  };
}

const perSiteAndUser = new Map<string, SiteAwareStore>();

/** One site-aware store per site and user for the page, so the page's web parts download each site file once. */
export function siteAwareSnapshotsFor(browser: SnapshotStore, sp: SPFI, siteUrl: string, userKey: string): SiteAwareStore {
  const key = `${siteUrl}|${userKey}`;
  let store = perSiteAndUser.get(key);
  if (!store) {
    let site: Promise<SiteSnapshots> | undefined;
    store = siteAwareSnapshots(browser, () => {
      site ??= import(/* webpackChunkName: 'site-snapshot-files' */ './siteSnapshotFiles').then((m) => m.siteSnapshots(sp, siteUrl, userKey));
      return site;
    }, siteUrl);
    perSiteAndUser.set(key, store);
  }
  return store;
}
