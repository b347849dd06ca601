/**
 * Contract: SpProjectEditingService against the local SharePoint through real @pnp/sp —
 * rights from effective permissions, create, edit, ETag conflicts, validation before any
 * request, permissions, and user text that must survive OData and HTML unchanged.
 */
import type { SPFI } from '@pnp/sp';
import { startDemoSite, type DemoSite } from './setup';
import { SpProjectEditingService } from '../../../src/services/ProjectEditingService';
import { SpProjectService } from '../../../src/services/ProjectService';
import { SpStatusReportService } from '../../../src/services/StatusReportService';
import { ConflictError, ValidationError } from '../../../src/services/errors';
import { odataString } from '../../../src/services/odata';
import type { NewItem, PersonRef, Project, StatusReport } from '../../../src/model';
import { getList } from '../../../src/schema';
import '@pnp/sp/site-users/web';

jest.setTimeout(60_000);

const NASTY = "O'Brien & <script>alert(1)</script> %23 # ''";

let site: DemoSite;
let leaderSp: SPFI;
let pmoSp: SPFI;
let visitorSp: SPFI;

beforeAll(async () => {
  site = await startDemoSite();
  ({ leaderSp, pmoSp, visitorSp } = site);
  sanne = await new SpProjectService(leaderSp, site.url).currentUser();
});
afterAll(async () => { await site.server.close(); });

const editing = (sp: SPFI): SpProjectEditingService => new SpProjectEditingService(sp, site.url);
const count = async (): Promise<number> => (await new SpProjectService(site.sp, site.url).loadProjects()).length;

// The PMO registers projects and names their leader (Sanne, the demo leader): the permission
// model gives her that project — and only that one — to edit.
let sanne: PersonRef;

function newProject(over: Partial<NewItem<Project>> = {}): NewItem<Project> {
  return {
    leader: sanne,
    code: `T-${Math.random().toString(36).slice(2, 10)}`, title: 'Test project', phase: 'Planning', method: 'PRINCE2',
    unit: 'IT', startDate: '2026-01-15', endDate: '2026-12-31', budget: 1000, actualCost: 0,
    strategicObjectives: [], ...over
  };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('rights from effective permissions', () => {
  test('leader and PMO may add and edit; a visitor may not; one $batch', async () => {
    const before = site.server.stats.byKind.batch ?? 0;
    const totalBefore = site.server.stats.total;
    const digestsBefore = site.server.stats.byKind.contextinfo ?? 0;
    const leader = await editing(leaderSp).rights();
    // One $batch; a session's first POST also gets its form digest from contextinfo, as on SharePoint.
    const digestFetches = (site.server.stats.byKind.contextinfo ?? 0) - digestsBefore;
    expect(digestFetches).toBeLessThanOrEqual(1);
    expect(site.server.stats.total - totalBefore - digestFetches).toBe(1);
    expect((site.server.stats.byKind.batch ?? 0) - before).toBe(1);
    // A leader edits only the projects they lead (editLedBy: their id), and adds none; on the
    // lists of reports and risks they only read: they write in their projects' folders (addLedBy).
    expect(leader).toEqual({
      projects: { add: false, edit: false, editLedBy: sanne.id }, statusReports: { add: false, edit: false, addLedBy: sanne.id },
      risks: { add: false, edit: false, delete: false, addLedBy: sanne.id }
    });
    const me = expect.any(Number);
    expect(await editing(pmoSp).rights()).toEqual({
      projects: { add: true, edit: true, editLedBy: me }, statusReports: { add: true, edit: true, addLedBy: me }, risks: { add: true, edit: true, delete: true, addLedBy: me }
    });
    expect(await editing(visitorSp).rights()).toEqual({
      projects: { add: false, edit: false, editLedBy: me }, statusReports: { add: false, edit: false, addLedBy: me }, risks: { add: false, edit: false, delete: false, addLedBy: me }
    });
  });
});

describe('rights on one project (issue 13: New only where the write belongs)', () => {
  test('a leader may add reports and risks on the project she leads, not on another\'s; the PMO on every one; a visitor on none', async () => {
    const lars = await site.sp.web.siteUsers.getByEmail('lars.nielsen@contoso.com')();
    const hers = await editing(pmoSp).saveProject(newProject({ title: 'Led by Sanne' }));
    const his = await editing(pmoSp).saveProject(newProject({ title: 'Led by Lars', leader: { id: lars.Id, title: lars.Title, email: lars.Email } }));
    const on = { statusReports: { add: true, edit: true }, risks: { add: true, edit: true, delete: true } };
    const off = { statusReports: { add: false, edit: false }, risks: { add: false, edit: false, delete: false } };
    expect(await editing(leaderSp).rightsForProject(hers.id)).toMatchObject(on);
    expect(await editing(leaderSp).rightsForProject(his.id)).toMatchObject(off);
    expect(await editing(pmoSp).rightsForProject(his.id)).toMatchObject(on);
    expect(await editing(visitorSp).rightsForProject(hers.id)).toMatchObject(off);
    // A project that is not there (or not visible) grants nothing.
    expect(await editing(leaderSp).rightsForProject(999999)).toMatchObject(off);
  });
});

describe('create and edit', () => {
  test('creates a project and returns it as saved, with id and ETag, in one $batch after the code check', async () => {
    const leader = await new SpProjectService(leaderSp, site.url).currentUser();
    const objectives = await editing(leaderSp).strategicObjectives();
    expect(objectives.length).toBeGreaterThan(0);
    expect(objectives.some((o) => (o.keyResults ?? []).length > 0)).toBe(true);
    const input = newProject({
      leader, strategicObjectives: [{ id: objectives[0].id, title: objectives[0].title }],
      siteUrl: { url: 'https://contoso.sharepoint.com/sites/t1', description: 'Site' }
    });
    // A PMO member's new page: no permission level's id read yet (they are kept per SPFI).
    const pmo = await site.as('pmo');
    const digests = (): number => site.server.stats.byKind.contextinfo ?? 0;
    const stats = { total: site.server.stats.total - digests(), batch: site.server.stats.byKind.batch ?? 0 };
    const saved = await editing(pmo).saveProject(input);
    // isCodeTaken + one $batch (add + read), then giving the leader the project: the PMO's
    // effective permissions, the level's id, one $batch reading whether the item has its own
    // permissions and who holds what, breakRoleInheritance (a new item inherits), one $batch of
    // changes; then, for Status Reports and Risks each, the project's folder: look-up ($batch),
    // create, and the same three steps giving it to the leader; schema 10: the same in Benefits and
    // Benefit Measurements, each after one read of the project's benefit owners (who share the
    // folders); and the folders' two levels' ids, each read once for the page.
    expect(site.server.stats.total - digests() - stats.total).toBe(7 + 2 * 5 + 2 * 6 + 2);
    expect((site.server.stats.byKind.batch ?? 0) - stats.batch).toBe(3 + 2 * 3 + 2 * 3);
    expect(saved.id).toBeGreaterThan(0);
    expect(saved.etag).toBeTruthy();
    expect(saved).toMatchObject({
      ...input, leader: { id: leader.id, title: 'Sanne de Vries' },
      strategicObjectives: [{ id: objectives[0].id, title: objectives[0].title }]
    });
    expect(await new SpProjectService(site.sp, site.url).getProject(saved.id)).toEqual(saved);
    // Saved again by the same page, the leader unchanged: every item already has its own permissions
    // and the leader's level, so nothing is broken or changed — one read a shared item.
    const again = { total: site.server.stats.total - digests(), breaks: 0 };
    const orig = globalThis.fetch;
    globalThis.fetch = ((url: RequestInfo | URL, init?: RequestInit) => {
      if (/breakroleinheritance/i.test(String(url)) || /breakroleinheritance|roleassignments\/add/i.test(String(init?.body ?? ''))) again.breaks++;
      return orig(url, init);
    }) as typeof fetch;
    try {
      await editing(pmo).saveProject({ ...saved, title: `${saved.title} (2)` });
    } finally {
      globalThis.fetch = orig;
    }
    expect(again.breaks).toBe(0);
    expect(site.server.stats.total - digests() - again.total).toBeLessThan(7 + 2 * 5 + 2 * 6 + 2);
  });

  test('edits with the ETag and returns the new ETag; never sends the latest-status fields', async () => {
    const saved = await editing(pmoSp).saveProject(newProject());
    // A status report is published for it: the latest-status fields belong to that.
    const { project: published } = await new SpStatusReportService(leaderSp, site.url).publish({
      project: { id: saved.id, title: saved.title }, reportDate: '2026-03-01', overall: 'Amber', schedule: 'Green', cost: 'Amber',
      scope: 'Green', risk: 'Red', summary: 'Going fine', percentComplete: 20, published: false
    }, saved);
    expect(published.etag).not.toBe(saved.etag);
    const edited = await editing(leaderSp).saveProject({ ...published, phase: 'Execution', title: 'Renamed', latestOverall: 'Red', latestPercentComplete: 99 });
    expect(edited).toMatchObject({ title: 'Renamed', phase: 'Execution', latestOverall: 'Amber', latestPercentComplete: 20, latestReportDate: '2026-03-01' });
    expect(edited.etag).not.toBe(published.etag);
  });
});

describe('ETag conflicts (no lost update)', () => {
  test('the second of two sessions gets ConflictError with both versions; overwrite then wins', async () => {
    const original = await editing(pmoSp).saveProject(newProject({ title: 'Original' }));
    const first = await editing(pmoSp).saveProject({ ...original, title: 'PMO edit' });
    const mine = { ...original, title: 'Leader edit' };
    const e = await rejection(editing(leaderSp).saveProject(mine));
    expect(e).toBeInstanceOf(ConflictError);
    const conflict = e as ConflictError<Project>;
    expect(conflict.mine).toEqual(mine);
    expect(conflict.theirs).toMatchObject({ id: original.id, title: 'PMO edit', etag: first.etag });
    expect((await new SpProjectService(site.sp, site.url).getProject(original.id)).title).toBe('PMO edit');
    const overwritten = await editing(leaderSp).saveProject(mine, { overwrite: true });
    expect(overwritten.title).toBe('Leader edit');
    // Or reload: theirs carries the current ETag, so editing it saves.
    const again = await editing(pmoSp).saveProject({ ...overwritten, title: 'After reload' });
    expect(again.title).toBe('After reload');
  });

  test('an update without an ETag is refused before any request unless overwriting', async () => {
    const saved = await editing(pmoSp).saveProject(newProject());
    const total = site.server.stats.total;
    await expect(editing(leaderSp).saveProject({ ...saved, etag: undefined })).rejects.toThrow(/ETag/);
    expect(site.server.stats.total).toBe(total);
  });
});

describe('validation before saving', () => {
  test.each([
    ['required code and title', { code: ' ', title: '' }, { code: 'required', title: 'required' }],
    ['end before start', { startDate: '2026-06-01', endDate: '2026-05-31' }, { endDate: 'endBeforeStart' }],
    ['negative money', { budget: -1, actualCost: -0.5, forecastCost: -100 }, { budget: 'tooSmall', actualCost: 'tooSmall', forecastCost: 'tooSmall' }],
    ['code over 32 characters', { code: 'X'.repeat(33) }, { code: 'tooLong' }],
    ['unknown phase', { phase: 'Someday' as Project['phase'] }, { phase: 'invalidChoice' }],
    ['invalid date', { startDate: '2026-02-30' }, { startDate: 'invalidDate' }]
  ])('%s → ValidationError, no request at all', async (_, over, fields) => {
    const total = site.server.stats.total;
    const e = await rejection(editing(pmoSp).saveProject(newProject(over as Partial<NewItem<Project>>)));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual(fields);
    expect(site.server.stats.total).toBe(total);
  });

  test('a duplicate code (also differing only in case) is refused after one read; nothing written', async () => {
    const existing = await editing(pmoSp).saveProject(newProject({ code: 'DUP-abc-1' }));
    const before = await count();
    for (const code of ['DUP-abc-1', 'dup-ABC-1']) {
      const total = site.server.stats.total;
      const batches = site.server.stats.byKind.batch ?? 0;
      const e = await rejection(editing(pmoSp).saveProject(newProject({ code })));
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fields).toEqual({ code: 'duplicate' });
      expect(site.server.stats.total - total).toBe(1);
      expect(site.server.stats.byKind.batch ?? 0).toBe(batches);
    }
    expect(await count()).toBe(before);
    // The project keeps its own code when edited.
    expect((await editing(leaderSp).saveProject({ ...existing, title: 'Still mine' })).code).toBe('DUP-abc-1');
    expect(await editing(leaderSp).isCodeTaken('dup-abc-1', existing.id)).toBe(false);
    expect(await editing(leaderSp).isCodeTaken('dup-abc-1')).toBe(true);
  });
});

describe('permissions', () => {
  test('a visitor cannot save: 403 surfaces as an error and nothing is written', async () => {
    const before = await count();
    const e = await rejection(editing(visitorSp).saveProject(newProject()));
    expect(e).toMatchObject({ status: 403 });
    expect(await count()).toBe(before);
    const existing = (await new SpProjectService(site.sp, site.url).loadProjects())[0];
    expect(await rejection(editing(visitorSp).saveProject({ ...existing, title: 'Visitor was here' }))).toMatchObject({ status: 403 });
    expect((await new SpProjectService(site.sp, site.url).getProject(existing.id)).title).toBe(existing.title);
  });

  test('a project leader edits the projects they lead, not another\'s; adds and deletes none', async () => {
    expect(await rejection(editing(leaderSp).saveProject(newProject({ title: 'By the leader' })))).toMatchObject({ status: 403 });
    const hers = await editing(pmoSp).saveProject(newProject({ title: 'Led by Sanne' }));
    expect((await editing(leaderSp).saveProject({ ...hers, title: 'Edited by Sanne' })).title).toBe('Edited by Sanne');
    const lars = await site.sp.web.siteUsers.getByEmail('lars.nielsen@contoso.com')();
    const his = await editing(pmoSp).saveProject(newProject({ title: 'Led by Lars', leader: { id: lars.Id, title: lars.Title, email: lars.Email } }));
    expect(await rejection(editing(leaderSp).saveProject({ ...his, title: 'Hijacked' }))).toMatchObject({ status: 403 });
    expect((await new SpProjectService(site.sp, site.url).getProject(his.id)).title).toBe('Led by Lars');
    const byRest = leaderSp.web.getList(`/sites/pmo/${getList('projects').url}`).items;
    expect(await rejection(byRest.getById(hers.id).delete())).toMatchObject({ status: 403 });
    // A new leader: the PMO's save moves the project from Sanne to Lars.
    const moved = await editing(pmoSp).saveProject({ ...(await new SpProjectService(site.sp, site.url).getProject(hers.id)), leader: { id: lars.Id, title: lars.Title, email: lars.Email } });
    expect(await rejection(editing(leaderSp).saveProject({ ...moved, title: 'Still mine?' }))).toMatchObject({ status: 403 });
    // Its status reports follow the project: the folder it already shared now admits Lars, not Sanne.
    const draft = (title: string): NewItem<StatusReport> => ({
      project: { id: moved.id, title: moved.title }, reportDate: '2027-02-01', overall: 'Green', schedule: 'Green', cost: 'Green',
      scope: 'Green', risk: 'Green', summary: title, percentComplete: 10, published: false
    });
    expect(await rejection(new SpStatusReportService(leaderSp, site.url).saveDraft(draft('By Sanne after the move')))).toMatchObject({ status: 403 });
    const larsSp = await site.as('lars');
    const byLars = await new SpStatusReportService(larsSp, site.url).saveDraft(draft('By Lars after the move'));
    expect(await new SpStatusReportService(site.sp, site.url).latest(moved.id)).toMatchObject({ id: byLars.id, summary: 'By Lars after the move' });
  });
});

describe('bad input round-trips exactly', () => {
  test('OData-special characters and HTML in every text field of a project', async () => {
    const code = "O'B&<s>%23#''";
    const input = newProject({
      code, title: NASTY, description: `${NASTY}\nline two`, unit: NASTY, programme: NASTY,
      siteUrl: { url: 'https://contoso.sharepoint.com/sites/x?a=1&b=%23', description: NASTY }
    });
    const saved = await editing(pmoSp).saveProject(input);
    expect(saved).toMatchObject({ code, title: NASTY, description: `${NASTY}\nline two`, unit: NASTY, programme: NASTY });
    expect(saved.siteUrl).toEqual({ url: 'https://contoso.sharepoint.com/sites/x?a=1&b=%23', description: NASTY });
    const reread = (await new SpProjectService(site.sp, site.url).loadProjects()).find((p) => p.id === saved.id);
    expect(reread).toEqual(saved);
    const edited = await editing(leaderSp).saveProject({ ...saved, title: `${NASTY} (2)` });
    expect(edited.title).toBe(`${NASTY} (2)`);
  });

  test("isCodeTaken with quotes, '#', '%' and '&' matches exactly that code", async () => {
    await editing(pmoSp).saveProject(newProject({ code: "Q'1#%&''" }));
    expect(await editing(leaderSp).isCodeTaken("Q'1#%&''")).toBe(true);
    expect(await editing(leaderSp).isCodeTaken("q'1#%&''")).toBe(true);
    expect(await editing(leaderSp).isCodeTaken("Q'1#%&'")).toBe(false);
    expect(await editing(leaderSp).isCodeTaken("' or 1 eq 1 or '")).toBe(false);
    expect(odataString("O'Brien")).toBe("'O''Brien'");
  });
});

describe('resilience under throttling (429 at 30 %)', () => {
  afterEach(() => {
    site.server.chaos.throttleRate = 0;
    site.server.chaos.retryAfterSeconds = 1;
  });

  test('20 projects saved (added, then edited): every save completes, none duplicated or lost', async () => {
    const before = await count();
    site.server.chaos.throttleRate = 0.3;
    site.server.chaos.retryAfterSeconds = 0;
    const throttledBefore = site.server.stats.throttled;
    const service = editing(pmoSp);
    const saved: Project[] = [];
    for (let i = 0; i < 20; i++) saved.push(await service.saveProject(newProject({ code: `THR-${i}`, title: `Throttled ${i}` })));
    for (const p of saved.slice(0, 5)) await service.saveProject({ ...p, title: `${p.title} edited` });
    expect(site.server.stats.throttled - throttledBefore).toBeGreaterThan(10);
    site.server.chaos.throttleRate = 0;
    const all = await new SpProjectService(site.sp, site.url).loadProjects();
    expect(all).toHaveLength(before + 20);
    const mine = all.filter((p) => p.code.startsWith('THR-'));
    expect(new Set(mine.map((p) => p.code)).size).toBe(20);
    expect(mine.filter((p) => p.title.endsWith('edited'))).toHaveLength(5);
  });
});
