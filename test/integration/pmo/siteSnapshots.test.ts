// A browser that has never visited starts from the site's snapshot files, which a PMO member's
// browser leaves in the PMO Hub Snapshots library, and asks the change logs what changed since:
// what it then shows equals what a full read shows, for a visitor too; readers never write the
// files; a broken or missing file costs the head start, nothing else. IndexedDB is
// fake-indexeddb's; SharePoint is the local one, through real @pnp/sp.
import 'fake-indexeddb/auto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/site-users/web';
import { startDemoSite, type DemoSite } from './setup';
import { SpPortfolioService } from '../../../src/services/PortfolioService';
import { SpProjectService, listUrl } from '../../../src/services/ProjectService';
import { SpStatusReportService } from '../../../src/services/StatusReportService';
import { indexedDbSnapshots, snapshotWrites, type ListSnapshot } from '../../../src/services/listSnapshots';
import { siteAwareSnapshots, type SiteAwareStore } from '../../../src/services/siteSnapshots';
import { snapshotFiles, withWritePolicy, type SmallMemory } from '../../../src/services/siteSnapshotFiles';
import { fromColumns } from '../../../src/services/snapshotColumns';
import { getList, internalName } from '../../../src/schema';
import type { Project } from '../../../src/model/portfolio';

jest.setTimeout(120_000);

let n = 0;
/** A new browser: its own IndexedDB and localStorage, for one user. */
function browser(site: DemoSite, sp: SPFI, user: string): SiteAwareStore {
  // Every write of the test's reads, into the browser and to the site, done before anything is checked.
  const settled = async (store: SiteAwareStore): Promise<void> => { await snapshotWrites(); await store.siteWrites(); };
  n += 1;
  const m = new Map<string, string>();
  const memory: SmallMemory = { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => { m.set(k, v); } };
  // One set of site files for the browser's page, as siteAwareSnapshotsFor keeps it.
  const files = withWritePolicy(snapshotFiles(sp, site.url), { siteUrl: site.url, userKey: user, memory });
  const store = siteAwareSnapshots(indexedDbSnapshots(`site-snapshots-test-${n}`), async () => files, site.url);
  return { ...store, siteWrites: () => settled(store) };
}

describe('site snapshots: a new browser starts from what a PMO member read, then reads only the changes', () => {
  let site: DemoSite;
  let visit = 0;
  const library = (): string => listUrl('/sites/pmo', getList('hubSnapshots'));
  beforeAll(async () => { site = await startDemoSite(); });
  afterAll(async () => { await site.server.close(); });

  function portfolio(sp: SPFI, store: SiteAwareStore, user: string): SpPortfolioService {
    visit += 1;
    return new SpPortfolioService(sp, site.url, `site-visit-${visit}`, { store, userKey: user });
  }
  /** What SharePoint stored in the library, as the owner reads it back. */
  async function fileOf(kind: string): Promise<{ snapshot: ListSnapshot<unknown>; modified: string; editor: number } | undefined> {
    const file = site.sp.web.getFileByServerRelativePath(`${library()}/${kind}.json.gz`);
    let bytes: ArrayBuffer;
    let info: { Modified: string; EditorId: number };
    try {
      bytes = await file.getBuffer();
      info = await file.listItemAllFields.select('Modified', 'EditorId')<{ Modified: string; EditorId: number }>();
    } catch {
      return undefined;
    }
    // Stored by column (snapshotColumns): anything else is not what a browser leaves.
    const snapshot = fromColumns<unknown>(JSON.parse(gunzipSync(Buffer.from(bytes)).toString('utf8')));
    if (!snapshot) throw new Error(`${kind}.json.gz is not a column snapshot`);
    return { snapshot, modified: info.Modified, editor: info.EditorId };
  }
  async function requests<T>(f: () => Promise<T>): Promise<{ value: T; requests: number }> {
    const before = site.server.stats.total - (site.server.stats.byKind.contextinfo ?? 0);
    const value = await f();
    return { value, requests: site.server.stats.total - (site.server.stats.byKind.contextinfo ?? 0) - before };
  }
  const truth = async (sp: SPFI): Promise<Project[]> => { visit += 1; return new SpPortfolioService(sp, site.url, `site-truth-${visit}`).loadProjects(); };

  it('nothing is left before a PMO member has read; a visitor\'s new browser then reads everything, and leaves nothing', async () => {
    const visitor = browser(site, site.visitorSp, 'visitor');
    expect(await portfolio(site.visitorSp, visitor, 'visitor').rememberedProjects()).toBeUndefined();
    const read = await portfolio(site.visitorSp, visitor, 'visitor').loadProjects();
    await visitor.siteWrites();
    expect(read.length).toBeGreaterThan(0);
    expect(await fileOf('projects')).toBeUndefined();
    expect(await fileOf('latestReports')).toBeUndefined();
  });

  it('a PMO member\'s read is left in the library as SharePoint stored it; a visitor\'s new browser renders from it, then reads only the changes', async () => {
    const pmo = browser(site, site.pmoSp, 'pmo');
    const read = await portfolio(site.pmoSp, pmo, 'pmo').loadProjects();
    await pmo.siteWrites();
    const projects = await fileOf('projects');
    const reports = await fileOf('latestReports');
    expect(projects?.snapshot.rows).toEqual(read.map((p) => expect.objectContaining({ id: p.id, code: p.code, title: p.title })));
    expect(projects?.snapshot.changeToken).toMatch(/\S/);
    expect(reports?.snapshot.rows.length).toBeGreaterThan(0);
    expect(projects?.editor).toBe((await site.pmoSp.web.currentUser.select('Id')<{ Id: number }>()).Id);

    // Meanwhile a leader publishes a report and the PMO edits a project.
    const target = read.find((p) => p.latestReportDate && p.phase === 'Execution') as Project;
    const edited = read.find((p) => p.id !== target.id) as Project;
    const stored = await new SpProjectService(site.leaderSp, site.url).getProject(target.id);
    await new SpStatusReportService(site.pmoSp, site.url).publish({
      project: { id: target.id, title: target.title }, reportDate: '2027-01-20', overall: target.latestOverall === 'Red' ? 'Green' : 'Red',
      schedule: 'Amber', cost: 'Green', scope: 'Green', risk: 'Amber', summary: 'After the snapshot', nextSteps: '', percentComplete: 61, published: false
    }, stored);
    await site.pmoSp.web.getList(listUrl(site.url, getList('projects'))).items.getById(edited.id).update({ [internalName('projects', 'title')]: 'Omdöpt efter ögonblicksbilden' });

    // A visitor who has never opened the site: the first screen is the PMO's read, dated as read.
    const visitor = browser(site, site.visitorSp, 'visitor');
    const first = await requests(() => portfolio(site.visitorSp, visitor, 'visitor').rememberedProjects());
    // Which files the library holds, then the two files.
    expect(first.requests).toBe(3);
    expect(first.value?.readAt.toISOString()).toBe(projects?.snapshot.readAt);
    expect(first.value?.projects.find((p) => p.id === edited.id)?.title).toBe(edited.title);
    // Then the changes since: the two change logs, the changed project, the changed report and its project's reports.
    const fresh = await requests(() => portfolio(site.visitorSp, visitor, 'visitor').loadProjects());
    expect(fresh.requests).toBeLessThanOrEqual(6);
    expect(fresh.value.find((p) => p.id === edited.id)?.title).toBe('Omdöpt efter ögonblicksbilden');
    expect(fresh.value.find((p) => p.id === target.id)).toMatchObject({ latestReportDate: '2027-01-20', latestPercentComplete: 61 });
    expect(fresh.value).toEqual(await truth(site.visitorSp));
    // The visitor may not write the library: it never tries (one rights check), and the files stay the PMO's.
    await visitor.siteWrites();
    expect((await fileOf('projects'))?.modified).toBe(projects?.modified);
    expect((await fileOf('projects'))?.editor).toBe(projects?.editor);
  });

  it('the register starts from the site too, with all its columns, for a leader', async () => {
    const pmo = browser(site, site.pmoSp, 'pmo');
    const register = (sp: SPFI, store: SiteAwareStore, user: string): SpProjectService => { visit += 1; return new SpProjectService(sp, site.url, { store, userKey: user }, `site-register-${visit}`); };
    const read = await register(site.pmoSp, pmo, 'pmo').loadProjects();
    await pmo.siteWrites();
    expect((await fileOf('register'))?.snapshot.rows).toHaveLength(read.length);
    const leader = browser(site, site.leaderSp, 'leader');
    const remembered = await register(site.leaderSp, leader, 'leader').rememberedProjects();
    // The register's rows as the PMO read them, long texts included; the latest status is the site's
    // reports file's, dated with it (older: it was left an earlier test ago), until the changes are read.
    expect(remembered?.projects.map((p) => [p.id, p.title, p.description])).toEqual(read.map((p) => [p.id, p.title, p.description]));
    expect(read.some((p) => !!p.description)).toBe(true);
    expect(remembered!.readAt.toISOString()).toBe((await fileOf('latestReports'))?.snapshot.readAt);
    expect(await register(site.leaderSp, leader, 'leader').loadProjects()).toEqual(await new SpProjectService(site.leaderSp, site.url, undefined, 'site-register-truth').loadProjects());
  });

  it('a PMO member\'s browser leaves its read at most hourly', async () => {
    const before = await fileOf('projects');
    expect(before).toBeDefined();
    const pmo = browser(site, site.pmoSp, 'pmo');
    await portfolio(site.pmoSp, pmo, 'pmo').loadProjects();
    await pmo.siteWrites();
    const after = await fileOf('projects');
    // A new browser starts from the site's file (read minutes ago): nothing is due yet.
    expect(after?.modified).toBe(before?.modified);
    expect(after?.snapshot.readAt).toBe(before?.snapshot.readAt);
  });

  it('a broken file, or one a site owner replaced by something else, is not a snapshot: the new browser reads everything', async () => {
    const folder = site.sp.web.getFolderByServerRelativePath(library());
    await folder.files.addUsingPath('projects.json.gz', new TextEncoder().encode('not gzip at all').buffer as ArrayBuffer, { Overwrite: true });
    const visitor = browser(site, site.visitorSp, 'visitor');
    expect(await portfolio(site.visitorSp, visitor, 'visitor').rememberedProjects()).toBeUndefined();
    expect(await portfolio(site.visitorSp, visitor, 'visitor').loadProjects()).toEqual(await truth(site.visitorSp));
  });

  it('a file of rows, as browsers left them before the files were stored by column, still starts a new browser', async () => {
    const pmo = browser(site, site.pmoSp, 'pmo');
    await portfolio(site.pmoSp, pmo, 'pmo').loadProjects();
    await pmo.siteWrites();
    const columns = await fileOf('projects');
    const folder = site.sp.web.getFolderByServerRelativePath(library());
    // A copy of exactly the file's bytes: a Buffer's own ArrayBuffer can be larger than the Buffer.
    await folder.files.addUsingPath('projects.json.gz', new Uint8Array(gzipSync(JSON.stringify(columns!.snapshot))).buffer, { Overwrite: true });
    const visitor = browser(site, site.visitorSp, 'visitor');
    const remembered = await portfolio(site.visitorSp, visitor, 'visitor').rememberedProjects();
    // Dated with the older of the projects' and the reports' files.
    expect(remembered?.readAt.getTime()).toBeLessThanOrEqual(Date.parse(columns!.snapshot.readAt));
    expect(remembered?.projects.map((p) => [p.id, p.title, p.budget, p.leader?.title])).toEqual(
      (columns!.snapshot.rows as Project[]).map((p) => [p.id, p.title, p.budget, p.leader?.title]));
    expect(await portfolio(site.visitorSp, visitor, 'visitor').loadProjects()).toEqual(await truth(site.visitorSp));
  });

  it('a leader cannot leave a file for others: SharePoint refuses the upload', async () => {
    const folder = site.leaderSp.web.getFolderByServerRelativePath(library());
    await expect(folder.files.addUsingPath('projects.json.gz', new Uint8Array([1, 2, 3]).buffer as ArrayBuffer, { Overwrite: true }))
      .rejects.toMatchObject({ status: 403 });
    expect(await snapshotFiles(site.leaderSp, site.url).mayWrite()).toBe(false);
    expect(await snapshotFiles(site.pmoSp, site.url).mayWrite()).toBe(true);
  });
});
