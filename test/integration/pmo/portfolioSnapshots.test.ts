// A second visit to the portfolio renders from what the browser read last time and asks
// SharePoint only what changed since (the list's change log), never losing a change and never
// keeping a row the user may no longer read. IndexedDB is fake-indexeddb's, in memory; the
// SharePoint is the local one, through real @pnp/sp.
import 'fake-indexeddb/auto';
import { startDemoSite, type DemoSite } from './setup';
import { SpPortfolioService } from '../../../src/services/PortfolioService';
import { SpProjectService } from '../../../src/services/ProjectService';
import { indexedDbSnapshots, readWithChanges, rememberedRows, type ListSnapshot, type SnapshotStore } from '../../../src/services/listSnapshots';
import { getList, internalName, selectFields } from '../../../src/schema';
import { listUrl } from '../../../src/services/ProjectService';
import { fromItem } from '../../../src/services/mapping';
import type { Project } from '../../../src/model/portfolio';

jest.setTimeout(120_000);

let dbCount = 0;
/** A fresh IndexedDB database per test: visits of one test share it, tests do not. */
function freshStore(): SnapshotStore {
  dbCount += 1;
  return indexedDbSnapshots(`pmo-hub-test-${dbCount}`);
}

describe('portfolio snapshots: render from the last visit, then read only the changes', () => {
  let site: DemoSite;
  let visit = 0;
  beforeAll(async () => {
    site = await startDemoSite();
  });
  afterAll(async () => { await site.server.close(); });

  /** A new page load: a new service (and shared-read key), the same browser store. */
  function portfolio(store: SnapshotStore, sp = site.pmoSp, user = 'pmo'): SpPortfolioService {
    visit += 1;
    return new SpPortfolioService(sp, site.url, `visit-${visit}`, { store, userKey: user });
  }

  async function requests<T>(f: () => Promise<T>): Promise<{ value: T; requests: number }> {
    const before = site.server.stats.total - (site.server.stats.byKind.contextinfo ?? 0);
    const value = await f();
    return { value, requests: site.server.stats.total - (site.server.stats.byKind.contextinfo ?? 0) - before };
  }

  it('remembers nothing on a first visit, then what it read, with when', async () => {
    const store = freshStore();
    expect(await portfolio(store).rememberedProjects()).toBeUndefined();
    const projects = await portfolio(store).loadProjects();
    const remembered = await portfolio(store).rememberedProjects();
    expect(remembered?.projects).toEqual(projects);
    expect(remembered!.readAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('reads only what changed since: an edit, a new project and a deleted one, each as SharePoint stored it', async () => {
    const store = freshStore();
    const first = await portfolio(store).loadProjects();
    const projectsList = site.pmoSp.web.getList(listUrl(site.url, getList('projects')));
    const edited = first[1];
    await projectsList.items.getById(edited.id).update({ [internalName('projects', 'budget')]: 1234567.5 });
    const added = await projectsList.items.add({
      Title: 'Snapshot test project', [internalName('projects', 'code')]: 'SNAP-1', [internalName('projects', 'phase')]: 'Planning'
    });
    const gone = first[2];
    await projectsList.items.getById(gone.id).delete();

    const { value: second, requests: n } = await requests(() => portfolio(store).loadProjects());
    // The change log (one page) and one $batch of the changed items — not the 2 pages of a full read.
    expect(n).toBe(2);
    const truth = await new SpProjectService(site.pmoSp, site.url).loadProjects();
    expect(second.map((p) => p.id)).toEqual(truth.map((p) => p.id));
    expect(second.find((p) => p.id === edited.id)!.budget).toBe(1234567.5);
    expect(second.find((p) => p.id === (added as { Id?: number; ID?: number }).Id)?.code).toBe('SNAP-1');
    expect(second.some((p) => p.id === gone.id)).toBe(false);
    // Unchanged rows stay exactly as read.
    expect(second.find((p) => p.id === first[0].id)).toEqual(first[0]);

    // Nothing changed since: one request, the same rows.
    const { value: third, requests: m } = await requests(() => portfolio(store).loadProjects());
    expect(m).toBe(1);
    expect(third).toEqual(second);
  });

  it('the register (all its columns) reads only the changes on a second visit too', async () => {
    const store = freshStore();
    const register = (): SpProjectService => new SpProjectService(site.pmoSp, site.url, { store, userKey: 'pmo' });
    expect(await register().rememberedProjects()).toBeUndefined();
    const first = await register().loadProjects();
    const edited = first[0];
    await site.pmoSp.web.getList(listUrl(site.url, getList('projects'))).items.getById(edited.id)
      .update({ [internalName('projects', 'description')]: 'Beskrivning ändrad, å ä ö' });
    expect((await register().rememberedProjects())?.projects).toEqual(first);
    const { value: second, requests: n } = await requests(() => register().loadProjects());
    expect(n).toBe(2);
    expect(second.find((p) => p.id === edited.id)!.description).toBe('Beskrivning ändrad, å ä ö');
    expect(second).toEqual(await new SpProjectService(site.pmoSp, site.url).loadProjects());
  });

  it('keeps snapshots per user: a visitor never starts from what the PMO could read', async () => {
    const store = freshStore();
    await portfolio(store).loadProjects();
    expect(await portfolio(store, site.visitorSp, 'visitor').rememberedProjects()).toBeUndefined();
  });

  it('reads everything again when the change token is unknown to SharePoint, and when the columns read differ', async () => {
    const memory = new Map<string, ListSnapshot<unknown>>();
    const store: SnapshotStore = {
      get: async <T>(k: string) => memory.get(k) as ListSnapshot<T> | undefined,
      set: async <T>(k: string, s: ListSnapshot<T>) => { memory.set(k, s as ListSnapshot<unknown>); }
    };
    const { select, expand } = selectFields('projects', ['id', 'code', 'title']);
    const spec = {
      sp: site.pmoSp, listUrl: listUrl(site.url, getList('projects')), select, expand,
      map: (raw: Record<string, unknown>) => fromItem<Project>('projects', raw), store, key: 'k'
    };
    expect((await readWithChanges(spec)).mode).toBe('full');
    expect((await readWithChanges(spec)).mode).toBe('delta');
    // The snapshot is written after the rows are handed over (after a paint): a remembered read waits for it.
    await rememberedRows(store, 'k', select, expand);
    memory.get('k')!.changeToken = '1;3;00000000-0000-0000-0000-000000000000;639000000000000000;1';
    const afterBadToken = await readWithChanges(spec);
    expect(afterBadToken.mode).toBe('full');
    expect(afterBadToken.rows.length).toBeGreaterThan(10);
    const wider = selectFields('projects', ['id', 'code', 'title', 'budget']);
    expect((await readWithChanges({ ...spec, ...wider })).mode).toBe('full');
  });
});
