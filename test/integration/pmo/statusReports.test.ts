/**
 * Contract: SpStatusReportService against the local SharePoint through real @pnp/sp —
 * history and latest (indexed project lookup, newest first), drafts, publishing the report
 * and the project's latest-status fields in one $batch, conflicts, partial failure, bad
 * input, and throttling.
 */
import type { SPFI } from '@pnp/sp';
import { startDemoSite, type DemoSite } from './setup';
import { SpProjectEditingService } from '../../../src/services/ProjectEditingService';
import { SpProjectService } from '../../../src/services/ProjectService';
import { SpStatusReportService } from '../../../src/services/StatusReportService';
import { ConflictError, ValidationError } from '../../../src/services/errors';
import { spList } from '../../../src/services/listItems';
import { lookupIdFilter } from '../../../src/services/listItems';
import { getList, internalName } from '../../../src/schema';
import type { NewItem, Project, StatusReport } from '../../../src/model';

jest.setTimeout(30_000);

const NASTY = "O'Brien & <script>alert(1)</script> %23 # ''";

let site: DemoSite;
let leaderSp: SPFI;
let pmoSp: SPFI;
let visitorSp: SPFI;

beforeAll(async () => {
  site = await startDemoSite();
  ({ leaderSp, pmoSp, visitorSp } = site);
});
afterAll(async () => { await site.server.close(); });

const reports = (sp: SPFI = leaderSp): SpStatusReportService => new SpStatusReportService(sp, site.url);
const projects = (): SpProjectService => new SpProjectService(site.sp, site.url);
const batches = (): number => site.server.stats.byKind.batch ?? 0;

let seq = 0;
/** A project the PMO registers with the demo leader (Sanne) as its leader: hers to report on. */
async function freshProject(sp: SPFI = pmoSp): Promise<Project> {
  seq++;
  const leader = await new SpProjectService(leaderSp, site.url).currentUser();
  return new SpProjectEditingService(sp, site.url).saveProject({
    leader,
    code: `SR-${seq}-${Math.random().toString(36).slice(2, 7)}`, title: `Reporting ${seq}`, phase: 'Execution',
    startDate: '2026-01-01', endDate: '2026-12-31', budget: 500, strategicObjectives: []
  });
}

function report(project: Project, over: Partial<NewItem<StatusReport>> = {}): NewItem<StatusReport> {
  return {
    project: { id: project.id, title: project.title }, reportDate: '2026-04-01',
    overall: 'Amber', schedule: 'Green', cost: 'Amber', scope: 'Green', risk: 'Red',
    summary: 'Integration partner late.', nextSteps: 'Escalate.', percentComplete: 40, published: false, ...over
  };
}

async function countReports(projectId: number): Promise<number> {
  return (await spList(site.sp, site.url, 'statusReports').items.select('Id').filter(lookupIdFilter('statusReports', 'project', projectId)).top(5000)()).length;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('history and latest', () => {
  test('history of a seeded project is newest first, with authors; latest is the first of it', async () => {
    const portal = (await projects().loadProjects()).find((p) => p.code === 'PMO-2024-001') as Project;
    const history = await reports().history(portal.id);
    expect(history.length).toBeGreaterThan(1);
    const dates = history.map((r) => r.reportDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(history.every((r) => r.project.id === portal.id && /^(Green|Amber|Red)$/.test(r.overall))).toBe(true);
    expect(history[0].author?.email).toMatch(/@contoso\.com$/);
    expect(await reports().latest(portal.id)).toEqual(history[0]);
    expect(await reports().latest(999999)).toBeUndefined();
  });
});

describe('drafts', () => {
  test('a draft does not touch the project; it pre-fills the next report; it can be edited with its ETag', async () => {
    const project = await freshProject();
    const draft = await reports().saveDraft(report(project));
    expect(draft).toMatchObject({ ...report(project), published: false, title: `${project.title} 2026-04-01` });
    expect(draft.id).toBeGreaterThan(0);
    expect(draft.author?.title).toBe('Sanne de Vries');
    const after = await projects().getProject(project.id);
    expect(after).toEqual(project);
    expect(await reports().latest(project.id)).toEqual(draft);
    const edited = await reports().saveDraft({ ...draft, summary: 'Partner back on track.' });
    expect(edited.summary).toBe('Partner back on track.');
    const stale = await rejection(reports().saveDraft({ ...draft, summary: 'Stale' }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError<StatusReport>).theirs.summary).toBe('Partner back on track.');
  });

  test.each([
    ['a missing RAG dimension', { risk: undefined }, { risk: 'required' }],
    ['an unknown RAG key', { overall: 'Blue' }, { overall: 'invalidChoice' }],
    ['an empty summary', { summary: '  ' }, { summary: 'required' }],
    ['percent over 100', { percentComplete: 101 }, { percentComplete: 'tooLarge' }],
    ['percent below 0', { percentComplete: -1 }, { percentComplete: 'tooSmall' }],
    ['negative forecast cost', { forecastCost: -5 }, { forecastCost: 'tooSmall' }],
    ['no report date', { reportDate: '' }, { reportDate: 'required' }]
  ])('%s is refused before any request', async (_, over, fields) => {
    const project = (await projects().loadProjects())[0];
    const total = site.server.stats.total;
    const input = { ...report(project), ...over } as unknown as NewItem<StatusReport>;
    const e1 = await rejection(reports().saveDraft(input));
    const e2 = await rejection(reports().publish(input, project));
    for (const e of [e1, e2]) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fields).toEqual(fields);
    }
    expect(site.server.stats.total).toBe(total);
  });
});

describe('publish', () => {
  test('report and project latest fields in ONE $batch; the register shows the new status at once', async () => {
    const project = await freshProject();
    const before = { batches: batches(), total: site.server.stats.total };
    const input = report(project, { forecastCost: 650, forecastEnd: '2027-01-31' });
    const result = await reports().publish(input, project);
    expect(batches() - before.batches).toBe(1);
    expect(site.server.stats.total - before.total).toBe(1);
    expect(result.report).toMatchObject({ ...input, published: true, title: `${project.code} 2026-04-01` });
    expect(result.report.id).toBeGreaterThan(0);
    expect(result.project).toMatchObject({
      latestOverall: 'Amber', latestSchedule: 'Green', latestCost: 'Amber', latestScope: 'Green', latestRisk: 'Red',
      latestPercentComplete: 40, latestReportDate: '2026-04-01', forecastCost: 650, forecastEnd: '2027-01-31', title: project.title
    });
    expect(result.project.etag).not.toBe(project.etag);
    const inRegister = (await projects().loadProjects()).find((p) => p.id === project.id);
    expect(inRegister).toEqual(result.project);
    // The previous report pre-fills the next.
    expect(await reports().latest(project.id)).toEqual(result.report);
  });

  test('publishing a saved draft updates that report (no second item) with its ETag', async () => {
    const project = await freshProject();
    const draft = await reports().saveDraft(report(project, { overall: 'Green' }));
    const { report: published, project: updated } = await reports().publish(draft, project);
    expect(published.id).toBe(draft.id);
    expect(published.published).toBe(true);
    expect(draft.title).toBe(`${project.title} 2026-04-01`);
    expect(published.title).toBe(`${project.code} 2026-04-01`);
    expect(updated.latestOverall).toBe('Green');
    expect(await countReports(project.id)).toBe(1);
  });

  test('an older report is published without moving the project backwards', async () => {
    const project = await freshProject();
    const { project: p1 } = await reports().publish(report(project, { reportDate: '2026-05-01', overall: 'Red' }), project);
    const { report: old, project: p2 } = await reports().publish(report(p1, { reportDate: '2026-04-15', overall: 'Green' }), p1);
    expect(old.published).toBe(true);
    expect(p2).toMatchObject({ latestOverall: 'Red', latestReportDate: '2026-05-01' });
  });

  test('someone else published meanwhile (stale project ETag) → ConflictError with both sides; the retry updates the same report, never a second one', async () => {
    const project = await freshProject();
    // Someone else's publish changes the project's latest status after the leader opened it.
    await spList(pmoSp, site.url, 'projects').items.getById(project.id).update({ [internalName('projects', 'latestOverall')]: 'Green' });
    const input = report(project);
    const e = await rejection(reports().publish(input, project));
    expect(e).toBeInstanceOf(ConflictError);
    const conflict = e as ConflictError<Project>;
    expect(conflict.theirs.latestOverall).toBe('Green');
    expect(conflict.mine).toMatchObject({ latestOverall: 'Amber', latestReportDate: '2026-04-01' });
    // The report half landed (a batch is not transactional).
    expect(await countReports(project.id)).toBe(1);
    const [landed] = await reports().history(project.id);
    expect(landed.published).toBe(true);
    // Retry with the same unsaved report (any service on the page) and the stale project: still a conflict, still one report.
    const e2 = await rejection(reports().publish(input, project));
    expect(e2).toBeInstanceOf(ConflictError);
    expect(await countReports(project.id)).toBe(1);
    // Reload the project, publish again: the same report is updated.
    const ok = await reports().publish(input, conflict.theirs);
    expect(ok.report.id).toBe(landed.id);
    expect(ok.project).toMatchObject({ latestOverall: 'Amber' });
    expect(await countReports(project.id)).toBe(1);
  });

  test('an edit of other project columns meanwhile is not a conflict: publishing keeps it and writes the status', async () => {
    const project = await freshProject();
    await new SpProjectEditingService(pmoSp, site.url).saveProject({ ...project, title: 'Renamed by PMO' });
    const ok = await reports().publish(report(project), project);
    expect(ok.project).toMatchObject({ title: 'Renamed by PMO', latestOverall: 'Amber', latestReportDate: '2026-04-01' });
    expect(await countReports(project.id)).toBe(1);
  });

  test('a saved draft whose project half failed can be published again from the same form state', async () => {
    const project = await freshProject();
    const draft = await reports().saveDraft(report(project));
    await spList(pmoSp, site.url, 'projects').items.getById(project.id).update({ [internalName('projects', 'latestOverall')]: 'Red' });
    const e = await rejection(reports().publish(draft, project));
    expect(e).toBeInstanceOf(ConflictError);
    const conflict = e as ConflictError<Project>;
    expect(conflict.theirs.latestOverall).toBe('Red');
    // The form still holds the draft with its old ETag: our own write is not a conflict.
    const ok = await reports().publish(draft, conflict.theirs);
    expect(ok.report).toMatchObject({ id: draft.id, published: true });
    expect(ok.project).toMatchObject({ latestOverall: 'Amber' });
    expect(await countReports(project.id)).toBe(1);
  });

  test('a stale report ETag → ConflictError; the project half is undone', async () => {
    const project = await freshProject();
    const draft = await reports().saveDraft(report(project));
    await reports(pmoSp).saveDraft({ ...draft, summary: 'PMO corrected the summary.' });
    const e = await rejection(reports().publish({ ...draft, overall: 'Red' }, project));
    expect(e).toBeInstanceOf(ConflictError);
    const conflict = e as ConflictError<StatusReport>;
    expect(conflict.mine.overall).toBe('Red');
    expect(conflict.theirs.summary).toBe('PMO corrected the summary.');
    const now = await projects().getProject(project.id);
    expect(now.latestOverall).toBeUndefined();
    // Reload the report and publish again with the project as the form still holds it:
    // the undo was ours, so no second conflict.
    const { project: p } = await reports().publish({ ...conflict.theirs, overall: 'Red' }, project);
    expect(p.latestOverall).toBe('Red');
    expect(await countReports(project.id)).toBe(1);
  });

  test('a visitor cannot publish: 403, nothing written', async () => {
    const project = await freshProject();
    const e = await rejection(reports(visitorSp).publish(report(project), project));
    expect(e).toMatchObject({ status: 403 });
    expect(await countReports(project.id)).toBe(0);
    expect(await projects().getProject(project.id)).toEqual(project);
  });
});

describe('bad input', () => {
  test('OData-special characters and HTML in every text field of a report round-trip exactly', async () => {
    const project = await freshProject();
    const input = report(project, { title: NASTY, summary: `${NASTY}\n${NASTY}`, nextSteps: NASTY });
    const draft = await reports().saveDraft(input);
    expect(draft).toMatchObject({ title: NASTY, summary: `${NASTY}\n${NASTY}`, nextSteps: NASTY });
    const { report: published } = await reports().publish(draft, project);
    expect(published).toMatchObject({ title: NASTY, summary: `${NASTY}\n${NASTY}`, nextSteps: NASTY });
    expect((await reports().history(project.id))[0]).toEqual(published);
  });
});

describe('resilience under throttling (429 at 30 %)', () => {
  afterEach(() => {
    site.server.chaos.throttleRate = 0;
    site.server.chaos.retryAfterSeconds = 1;
  });

  test('10 reports published: every publish completes, one report each, project fields current', async () => {
    const targets: Project[] = [];
    for (let i = 0; i < 10; i++) targets.push(await freshProject());
    const listBefore = (await spList(site.sp, site.url, 'statusReports').select('ItemCount')<{ ItemCount: number }>()).ItemCount;
    site.server.chaos.throttleRate = 0.3;
    site.server.chaos.retryAfterSeconds = 0;
    const throttled = site.server.stats.throttled;
    const service = reports();
    for (const [i, p] of targets.entries()) {
      await service.publish(report(p, { reportDate: `2026-06-${String(10 + i)}`, percentComplete: i * 10 }), p);
    }
    expect(site.server.stats.throttled - throttled).toBeGreaterThan(2);
    site.server.chaos.throttleRate = 0;
    const listAfter = (await spList(site.sp, site.url, 'statusReports').select('ItemCount')<{ ItemCount: number }>()).ItemCount;
    expect(listAfter - listBefore).toBe(10);
    const all = await projects().loadProjects();
    for (const [i, p] of targets.entries()) {
      expect(await countReports(p.id)).toBe(1);
      expect(all.find((x) => x.id === p.id)).toMatchObject({ latestPercentComplete: i * 10, latestReportDate: `2026-06-${String(10 + i)}` });
    }
  });
});

test('the list and field names used here come from the schema', () => {
  expect(getList('statusReports').url).toBe('Lists/PMOStatusReports');
  expect(internalName('statusReports', 'project')).toMatch(/^PMO/);
});
