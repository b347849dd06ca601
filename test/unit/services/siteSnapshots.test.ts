// When a browser starts from the site's snapshot files and when it leaves its own read there:
// the browser's own copy first, only site-wide reads of this site, only users who may write,
// at most hourly, and a failed upload never breaks the page. Fakes for the browser and the files;
// the files against the local SharePoint: test/integration/pmo/siteSnapshots.test.ts.
import { snapshotKey, snapshotKeyParts, type ListSnapshot, type SnapshotStore } from '../../../src/services/listSnapshots';
import { siteAwareSnapshots, type SiteAwareStore } from '../../../src/services/siteSnapshots';
import { SITE_REWRITE_AFTER_MS, withWritePolicy, type SmallMemory, type SnapshotFiles } from '../../../src/services/siteSnapshotFiles';

const SITE = 'https://contoso.sharepoint.com/sites/pmo';
const snap = (readAt: string, rows: number[] = [1]): ListSnapshot<number> => ({ shape: 's', changeToken: '1;3;x;1;-1', readAt, rows });

interface Fixture {
  browser: Map<string, ListSnapshot<unknown>>;
  calls: { reads: string[]; writes: string[]; rightsChecks: number };
  make: () => SiteAwareStore;
  tick: (ms: number) => void;
}

function setUp(options: { may?: boolean; siteFile?: ListSnapshot<number>; failWrite?: boolean } = {}): Fixture {
  const browser = new Map<string, ListSnapshot<unknown>>();
  const store: SnapshotStore = {
    get: async <T>(k: string) => browser.get(k) as ListSnapshot<T> | undefined,
    set: async <T>(k: string, s: ListSnapshot<T>) => { browser.set(k, s as ListSnapshot<unknown>); }
  };
  const calls = { reads: [] as string[], writes: [] as string[], rightsChecks: 0 };
  const files: SnapshotFiles = {
    read: async <T>(kind: string) => { calls.reads.push(kind); return options.siteFile as ListSnapshot<T> | undefined; },
    write: async (kind: string) => { if (options.failWrite) throw Object.assign(new Error('Access denied'), { status: 403 }); calls.writes.push(kind); },
    mayWrite: async () => { calls.rightsChecks += 1; return options.may ?? false; }
  };
  const m = new Map<string, string>();
  const memory: SmallMemory = { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => { m.set(k, v); } };
  let now = Date.parse('2026-12-07T09:00:00Z');
  const make = (): SiteAwareStore => siteAwareSnapshots(store, async () => withWritePolicy(files, { siteUrl: SITE, userKey: 'i:0#.f|membership|anna@contoso.com', memory, now: () => now }), SITE);
  return { browser, calls, make, tick: (ms: number) => { now += ms; } };
}

describe('site-aware snapshots', () => {
  it('starts from the browser\'s own copy; only without one from the site file, downloaded once for the page', async () => {
    const { browser, calls, make } = setUp({ siteFile: snap('2026-12-07T08:00:00Z', [7]) });
    const store = make();
    const key = snapshotKey('projects', SITE, 'anna');
    const [a, b] = await Promise.all([store.get<number>(key), store.get<number>(key)]);
    expect(a?.rows).toEqual([7]);
    expect(b?.rows).toEqual([7]);
    expect(calls.reads).toEqual(['projects']);
    browser.set(key, snap('2026-12-07T08:30:00Z', [8]));
    expect((await store.get<number>(key))?.rows).toEqual([8]);
  });

  it('never asks the site for a read that is not site-wide, or for another site\'s', async () => {
    const { calls, make } = setUp({ siteFile: snap('2026-12-07T08:00:00Z'), may: true });
    const store = make();
    expect(await store.get(`myDrafts|${SITE}|anna`)).toBeUndefined();
    expect(await store.get(snapshotKey('projects', 'https://contoso.sharepoint.com/sites/other', 'anna'))).toBeUndefined();
    await store.set(`myDrafts|${SITE}|anna`, snap('2026-12-07T09:00:00Z'));
    await store.siteWrites();
    expect(calls.reads).toEqual([]);
    expect(calls.writes).toEqual([]);
  });

  it('a reader keeps its copy in the browser only, and is asked for its rights once a day, not on every visit', async () => {
    const { browser, calls, make, tick } = setUp({ may: false });
    const key = snapshotKey('register', SITE, 'anna');
    for (let visit = 0; visit < 3; visit++) {
      const store = make();
      await store.set(key, snap(new Date(Date.parse('2026-12-07T09:00:00Z') + visit * 3_600_000).toISOString()));
      await store.siteWrites();
      tick(SITE_REWRITE_AFTER_MS);
    }
    expect(browser.has(key)).toBe(true);
    expect(calls.writes).toEqual([]);
    expect(calls.rightsChecks).toBe(1);
    tick(24 * 3_600_000);
    const store = make();
    await store.set(key, snap('2026-12-08T12:00:00Z'));
    await store.siteWrites();
    expect(calls.rightsChecks).toBe(2);
  });

  it('a PMO member leaves a read the site has none of, then not again within the hour, then again', async () => {
    const { calls, make, tick } = setUp({ may: true });
    const key = snapshotKey('latestReports', SITE, 'anna');
    let store = make();
    await store.set(key, snap('2026-12-07T09:00:00Z'));
    await store.siteWrites();
    expect(calls.writes).toEqual(['latestReports']);
    tick(SITE_REWRITE_AFTER_MS - 1);
    store = make();
    await store.set(key, snap(new Date(Date.parse('2026-12-07T09:00:00Z') + SITE_REWRITE_AFTER_MS - 1).toISOString()));
    await store.siteWrites();
    expect(calls.writes).toEqual(['latestReports']);
    tick(1);
    store = make();
    await store.set(key, snap('2026-12-07T10:00:00Z'));
    await store.siteWrites();
    expect(calls.writes).toEqual(['latestReports', 'latestReports']);
  });

  it('a site file older than an hour, read by a new browser, is replaced by the PMO member\'s fresher read', async () => {
    const { calls, make } = setUp({ may: true, siteFile: snap('2026-12-06T17:00:00Z') });
    const store = make();
    const key = snapshotKey('projects', SITE, 'anna');
    expect(await store.get(key)).toBeDefined();
    await store.set(key, snap('2026-12-07T09:00:00Z'));
    await store.siteWrites();
    expect(calls.writes).toEqual(['projects']);
  });

  it('a site file read minutes ago is not replaced', async () => {
    const { calls, make } = setUp({ may: true, siteFile: snap('2026-12-07T08:50:00Z') });
    const store = make();
    const key = snapshotKey('projects', SITE, 'anna');
    await store.get(key);
    await store.set(key, snap('2026-12-07T09:00:00Z'));
    await store.siteWrites();
    expect(calls.writes).toEqual([]);
    expect(calls.rightsChecks).toBe(0);
  });

  it('a refused upload keeps the browser\'s copy, breaks nothing and is not tried again that day', async () => {
    const { browser, calls, make } = setUp({ may: true, failWrite: true });
    const key = snapshotKey('projects', SITE, 'anna');
    const store = make();
    await expect(store.set(key, snap('2026-12-07T09:00:00Z'))).resolves.toBeUndefined();
    await expect(store.siteWrites()).resolves.toBeUndefined();
    expect(browser.has(key)).toBe(true);
    const again = make();
    await again.set(key, snap('2026-12-07T09:00:00Z'));
    await again.siteWrites();
    expect(calls.rightsChecks).toBe(1);
  });
});

describe('snapshot keys', () => {
  it('name a read per site and user, and are read back whole, also for a claims login with bars in it', () => {
    const user = 'i:0#.f|membership|anna@contoso.com';
    expect(snapshotKey('register', SITE, user)).not.toBe(snapshotKey('register', SITE, 'anna'));
    expect(snapshotKeyParts(snapshotKey('register', SITE, user))).toEqual({ read: 'register', siteUrl: SITE, userKey: user });
  });
});
