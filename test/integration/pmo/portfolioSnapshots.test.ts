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
import { SpStatusReportService } from '../../../src/services/StatusReportService';
import { SpFrontDoorService } from '../../../src/services/FrontDoorService';
import { spList } from '../../../src/services/listItems';

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

  it('applies the remembered reports once for all web parts on a page, and reads the copy again after the fresh read', async () => {
    const store = freshStore();
    await portfolio(store).loadProjects();
    const gets: string[] = [];
    const counted: SnapshotStore = { ...store, get: (key) => { gets.push(key); return store.get(key); } };
    visit += 1;
    const page = Array.from({ length: 6 }, () => new SpPortfolioService(site.pmoSp, site.url, `visit-${visit}`, { store: counted, userKey: 'pmo' }));
    const shown = await Promise.all(page.map((s) => s.rememberedProjects()));
    // One read of the projects' copy and one of the reports', not six of each.
    expect(gets).toHaveLength(2);
    for (const r of shown) expect(r?.projects).toBe(shown[0]?.projects);
    expect(shown[0]?.projects.length).toBeGreaterThan(0);
    await page[0].loadProjects();
    gets.length = 0;
    // The fresh read rewrote the copy: a web part rendered after it asks the store again.
    await page[5].rememberedProjects();
    expect(gets).toEqual(['projects', 'latestReports'].map((k) => `${k}|${site.url}|pmo`));
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
    // The change log (one page) and one $batch of the changed items — not the 2 pages of a full read —
    // and the status reports' change log (nothing changed there: the latest reports as remembered).
    expect(n).toBe(3);
    const truth = await new SpProjectService(site.pmoSp, site.url, undefined, `truth-${visit}`).loadProjects();
    expect(second.map((p) => p.id)).toEqual(truth.map((p) => p.id));
    expect(second.find((p) => p.id === edited.id)!.budget).toBe(1234567.5);
    expect(second.find((p) => p.id === (added as { Id?: number; ID?: number }).Id)?.code).toBe('SNAP-1');
    expect(second.some((p) => p.id === gone.id)).toBe(false);
    // Unchanged rows stay exactly as read.
    expect(second.find((p) => p.id === first[0].id)).toEqual(first[0]);

    // Nothing changed since: one request per list, the same rows.
    const { value: third, requests: m } = await requests(() => portfolio(store).loadProjects());
    expect(m).toBe(2);
    expect(third).toEqual(second);
  });

  it('the register (all its columns) reads only the changes on a second visit too', async () => {
    const store = freshStore();
    const register = (): SpProjectService => { visit += 1; return new SpProjectService(site.pmoSp, site.url, { store, userKey: 'pmo' }, `visit-${visit}`); };
    expect(await register().rememberedProjects()).toBeUndefined();
    const first = await register().loadProjects();
    const edited = first[0];
    await site.pmoSp.web.getList(listUrl(site.url, getList('projects'))).items.getById(edited.id)
      .update({ [internalName('projects', 'description')]: 'Beskrivning ändrad, å ä ö' });
    expect((await register().rememberedProjects())?.projects).toEqual(first);
    const { value: second, requests: n } = await requests(() => register().loadProjects());
    expect(n).toBe(3);
    expect(second.find((p) => p.id === edited.id)!.description).toBe('Beskrivning ändrad, å ä ö');
    expect(second).toEqual(await new SpProjectService(site.pmoSp, site.url, undefined, 'register-truth').loadProjects());
  });

  it('takes the latest status from the reports changed since: a publish, a deleted report and a forged cache, as a full read says', async () => {
    const store = freshStore();
    const full = async (): Promise<Project[]> => { visit += 1; return new SpPortfolioService(site.pmoSp, site.url, `full-${visit}`).loadProjects(); };
    const first = await portfolio(store).loadProjects();
    expect(first).toEqual(await full());
    const target = first.find((p) => p.latestReportDate && p.phase === 'Execution') as Project;
    const before = { overall: target.latestOverall, date: target.latestReportDate };
    const reports = new SpStatusReportService(site.pmoSp, site.url);
    const fresh = await new SpProjectService(site.pmoSp, site.url).getProject(target.id);
    const { report } = await reports.publish({
      project: { id: target.id, title: target.title }, reportDate: '2027-01-15', overall: before.overall === 'Red' ? 'Green' : 'Red',
      schedule: 'Amber', cost: 'Green', scope: 'Green', risk: 'Amber', summary: 'Delta test', nextSteps: '', percentComplete: 55, published: false
    }, fresh);
    const afterPublish = await requests(() => portfolio(store).loadProjects());
    // Projects: change log and the changed item. Reports: change log, the changed report by ID, its project's reports.
    expect(afterPublish.requests).toBe(5);
    expect(afterPublish.value.find((p) => p.id === target.id)).toMatchObject({ latestReportDate: '2027-01-15', latestPercentComplete: 55 });
    expect(afterPublish.value).toEqual(await full());

    // The latest report deleted: the one before it is the latest again (the project item still caches the deleted one).
    await spList(site.pmoSp, site.url, 'statusReports').items.getById(report.id).delete();
    const afterDelete = await portfolio(store).loadProjects();
    expect(afterDelete.find((p) => p.id === target.id)).toMatchObject({ latestOverall: before.overall, latestReportDate: before.date });
    expect(afterDelete).toEqual(await full());

    // A cache written by hand changes the project item, not the status shown.
    await spList(site.pmoSp, site.url, 'projects').items.getById(target.id).update({ [internalName('projects', 'latestOverall')]: 'Green', [internalName('projects', 'latestReportDate')]: '2027-02-01T12:00:00Z' });
    const afterForgery = await portfolio(store).loadProjects();
    expect(afterForgery.find((p) => p.id === target.id)).toMatchObject({ latestOverall: before.overall, latestReportDate: before.date });
    expect(afterForgery).toEqual(await full());
    // And a later visit renders at once from what it remembers: the reports' status, not the cache.
    expect((await portfolio(store).rememberedProjects())?.projects.find((p) => p.id === target.id)?.latestOverall).toBe(before.overall);
  });

  it('Home\'s "reports on time" remembers the latest reports too: a later visit asks the change log instead of every report', async () => {
    const store = freshStore();
    const home = (): SpFrontDoorService => { visit += 1; return new SpFrontDoorService(site.pmoSp, site.url, () => [], `home-${visit}`, { store, userKey: 'pmo' }); };
    const today = new Date();
    const first = await requests(() => home().keyFigures(today, 30));
    const again = await requests(() => home().keyFigures(today, 30));
    // The reports' highest ID and change token, then the pages' $batch (2) → the change log (1).
    expect(again.requests).toBe(first.requests - 1);
    expect(again.value).toEqual(first.value);
    expect(first.value.reportsOnTimePct).toBeGreaterThan(0);
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
