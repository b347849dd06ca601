// The browser's snapshot store (IndexedDB through idb-keyval): opened when the page starts, so a
// new browser has created its database before the first web part asks; without IndexedDB
// (private browsing, a blocked store) it answers nothing and keeps nothing, and never throws.
import { indexedDB as fakeIndexedDb, IDBKeyRange as fakeKeyRange } from 'fake-indexeddb';
import { indexedDbSnapshots } from '../../../src/services/listSnapshots';

const g = globalThis as { indexedDB?: unknown; IDBKeyRange?: unknown };

afterEach(() => {
  delete g.indexedDB;
  delete g.IDBKeyRange;
});

it('opens its database when created, before anything is asked of it', async () => {
  const opened: string[] = [];
  g.indexedDB = { open: (name: string, version?: number) => { opened.push(name); return fakeIndexedDb.open(name, version); } };
  g.IDBKeyRange = fakeKeyRange;
  indexedDbSnapshots('pmo-hub-opened-early');
  for (let i = 0; i < 50 && opened.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(opened).toEqual(['pmo-hub-opened-early']);
});

it('keeps and answers snapshots', async () => {
  g.indexedDB = fakeIndexedDb;
  g.IDBKeyRange = fakeKeyRange;
  const store = indexedDbSnapshots('pmo-hub-kept');
  const snapshot = { shape: 's', changeToken: 't', readAt: '2026-12-07T00:00:00.000Z', rows: [{ id: 1 }] };
  await store.set('projects|x|pmo', snapshot);
  expect(await indexedDbSnapshots('pmo-hub-kept').get('projects|x|pmo')).toEqual(snapshot);
});

it('without IndexedDB answers nothing, keeps nothing and raises nothing, also from its early open', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown): void => { unhandled.push(e); };
  process.on('unhandledRejection', onUnhandled);
  try {
    const store = indexedDbSnapshots('pmo-hub-none');
    await expect(store.set('projects|x|pmo', { shape: 's', changeToken: 't', readAt: '2026-12-07T00:00:00.000Z', rows: [] })).resolves.toBeUndefined();
    await expect(store.get('projects|x|pmo')).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
