// The portfolio planning services (open risks across projects, prioritisation criteria and
// scores) against the local SharePoint through real @pnp/sp: demo data first, then lists past
// the 5,000-item threshold (10,000 projects, 12,000 risks), counting requests.
import type { SPFI } from '@pnp/sp';
import { startSite, type Site } from './setup';
import { provision } from '../../../src/provisioning/apply';
import { seed } from '../../../src/provisioning/seed';
import { getList, internalName } from '../../../src/schema';
import { toPayload } from '../../../src/services/mapping';
import { SpPortfolioService } from '../../../src/services/PortfolioService';
import { SpPortfolioRiskService } from '../../../src/services/PortfolioRiskService';
import { SpPrioritisationService } from '../../../src/services/PrioritisationService';
import { readAll, selection, spList } from '../../../src/services/listItems';
import { fromItem } from '../../../src/services/mapping';
import { ConflictError, ValidationError } from '../../../src/services/errors';
import { rankProjects } from '../../../src/services/scoring';
import { withPriorities, type Project, type Risk } from '../../../src/model/portfolio';

jest.setTimeout(180_000);

let site: Site;
let visitorSp: SPFI;
let leaderSp: SPFI;
let pmoSp: SPFI;

beforeAll(async () => {
  site = await startSite();
  await provision(site.sp);
  await seed(site.sp, 'demo');
  [visitorSp, leaderSp, pmoSp] = await Promise.all([site.as('visitor'), site.as('leader'), site.as('pmo')]);
});
afterAll(async () => { await site.server.close(); });

async function allRisks(): Promise<Risk[]> {
  const { select, expand } = selection('risks');
  const rows = await readAll(spList(site.sp, site.url, 'risks').items.select(...select).expand(...expand).orderBy('ID', true));
  // The projects' folders (schema 8) are rows of the list too, without a project: not risks.
  return rows.map((r) => fromItem<Risk>('risks', r)).filter((r) => !!r.project);
}

describe('open risks across the portfolio', () => {
  it('reads exactly the Open and Mitigating risks of every project, with project and owner, in one request', async () => {
    const expected = (await allRisks()).filter((r) => r.status === 'Open' || r.status === 'Mitigating');
    expect(expected.length).toBeGreaterThan(10);
    const before = site.server.stats.total;
    const open = await new SpPortfolioRiskService(site.sp, site.url).openRisks();
    expect(site.server.stats.total - before).toBe(1);
    expect(open.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.map((r) => r.id).sort((a, b) => a - b));
    expect(open.every((r) => r.project.id > 0 && r.project.title.length > 0 && r.score === r.probability * r.impact)).toBe(true);
    expect(open.some((r) => r.owner?.title)).toBe(true);
  });

  it('a visitor reads them too (read rights are enough)', async () => {
    const open = await new SpPortfolioRiskService(visitorSp, site.url).openRisks();
    expect(open.length).toBeGreaterThan(10);
  });
});

describe('prioritisation criteria and scores', () => {
  const service = (sp: SPFI = site.sp): SpPrioritisationService => new SpPrioritisationService(sp, site.url);

  it('the PMO may edit criteria and score; a project leader may not change criteria; a visitor nothing', async () => {
    expect(await service(pmoSp).rights()).toEqual({ editCriteria: true, scoreProjects: true });
    expect(await service(leaderSp).rights()).toEqual({ editCriteria: false, scoreProjects: false });
    expect(await service(visitorSp).rights()).toEqual({ editCriteria: false, scoreProjects: false });
  });

  it('round-trips a criterion with its ETag; a stale ETag is a conflict; bad input fails before any request', async () => {
    const criteria = await service().criteria();
    expect(criteria.map((c) => c.title)).toEqual(['Strategic alignment', 'Business value', 'Risk', 'Effort']);
    const value = criteria[1];
    const saved = await service(pmoSp).saveCriterion({ ...value, weight: 42.5, description: "Benefits <b>&amp;</b> 'savings'" });
    expect(saved).toMatchObject({ id: value.id, weight: 42.5, description: "Benefits <b>&amp;</b> 'savings'", active: true });
    expect(saved.etag).not.toBe(value.etag);
    await expect(service(pmoSp).saveCriterion({ ...value, weight: 10 })).rejects.toBeInstanceOf(ConflictError);
    const before = site.server.stats.total;
    await expect(service(pmoSp).saveCriterion({ ...saved, weight: 150 })).rejects.toBeInstanceOf(ValidationError);
    await expect(service(pmoSp).saveCriterion({ ...saved, title: ' ' })).rejects.toBeInstanceOf(ValidationError);
    expect(site.server.stats.total).toBe(before);
    const added = await service(pmoSp).saveCriterion({ title: 'Urgency', weight: 0, scale: 10, active: false });
    expect(added).toMatchObject({ title: 'Urgency', weight: 0, scale: 10, active: false });
    expect((await service().criteria()).map((c) => c.id)).toContain(added.id);
  });

  it('a project leader cannot change a criterion: SharePoint refuses, whatever the UI shows', async () => {
    const [c] = await service().criteria();
    await expect(service(leaderSp).saveCriterion({ ...c, weight: 99 })).rejects.toMatchObject({ status: 403 });
  });

  /** The portfolio's projects with the PMO's scores, as the prioritisation view merges them. */
  const scoredProjects = async (key: string): Promise<Project[]> =>
    withPriorities(await new SpPortfolioService(site.sp, site.url, key).loadProjects(), await service().priorities());

  it('saves a project\'s scores and the priority score recomputed from them to Project Priorities, with that item\'s ETag', async () => {
    const criteria = await service().criteria();
    const projects = await scoredProjects('planning-scores');
    // An unscored project: its first scoring adds its item.
    const p = projects.find((x) => !x.priority) as Project;
    expect(p).toBeDefined();
    const active = criteria.filter((c) => c.active);
    const scores = Object.fromEntries(active.map((c, i) => [String(c.id), (i % 5) + 1]));
    const saved = await service(pmoSp).saveScores(p, scores, active);
    expect(saved.criteriaScores).toEqual(scores);
    const expected = rankProjects([{ ...p, criteriaScores: scores }], criteria)[0].total;
    expect(saved.priorityScore).toBe(expected);
    const reread = (await scoredProjects('planning-scores-2')).find((x) => x.id === p.id)!;
    expect(reread.criteriaScores).toEqual(scores);
    expect(reread.priorityScore).toBe(expected);
    // Nothing of it on the project item: the retired columns stay empty.
    const raw = await spList(site.sp, site.url, 'projects').items.getById(p.id).select(internalName('projects', 'priorityScore'))<Record<string, unknown>>();
    expect(raw[internalName('projects', 'priorityScore')] ?? null).toBeNull();
    // The version loaded before the save is stale now: loaded unscored, the project has an item now.
    const stale = await service(pmoSp).saveScores(p, scores, active).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError<Project>).theirs).toMatchObject({ id: p.id, criteriaScores: scores, priority: reread.priority });
    // …and, with its ETag, a second save over an older one too.
    const newer = await service(pmoSp).saveScores(reread, scores, active);
    await expect(service(pmoSp).saveScores(reread, scores, active)).rejects.toBeInstanceOf(ConflictError);
    expect(newer.priority?.etag).not.toBe(reread.priority?.etag);
    // Emptying every score clears the stored priority score rather than keeping a stale one.
    const cleared = await service(pmoSp).saveScores(newer, {}, active);
    expect(cleared.criteriaScores).toEqual({});
    expect(cleared.priorityScore).toBeUndefined();
    const before = site.server.stats.total;
    await expect(service(pmoSp).saveScores(cleared, { [String(active[0].id)]: active[0].scale + 1 }, active)).rejects.toBeInstanceOf(ValidationError);
    expect(site.server.stats.total).toBe(before);
  });

  it('scores of a criterion that is not being saved are kept; bad JSON in criteriaScores counts as unscored', async () => {
    const criteria = await service().criteria();
    const p = (await scoredProjects('planning-json')).find((x) => x.priority) as Project;
    // Hand-edited garbage in the multi-line column of its Project Priorities item.
    await spList(site.sp, site.url, 'projectPriorities').items.getById((p.priority as { id: number }).id)
      .update({ [internalName('projectPriorities', 'criteriaScores')]: '{"1": oops' });
    const broken = (await scoredProjects('planning-json-2')).find((x) => x.id === p.id)!;
    expect(broken.criteriaScores).toEqual({});
    expect(rankProjects([broken], criteria)[0].rank).toBeUndefined();
    const first = criteria[0];
    const saved = await service(pmoSp).saveScores(broken, { [String(first.id)]: 4 }, [first]);
    const second = await service(pmoSp).saveScores(saved, { [String(criteria[1].id)]: 2 }, [criteria[1]]);
    expect(second.criteriaScores).toEqual({ [String(first.id)]: 4, [String(criteria[1].id)]: 2 });
  });
});

describe('past the list view threshold', () => {
  beforeAll(() => {
    // 10,000 projects and 12,000 risks straight into the store (REST would take minutes), the
    // shape of the large seed: 8,000 risks still open, more than one query may return.
    const { store } = site.server;
    const web = store.getWebByPath('/sites/pmo')!;
    const projects = store.getList(web, { url: `/sites/pmo/${getList('projects').url}` })!;
    const risks = store.getList(web, { url: `/sites/pmo/${getList('risks').url}` })!;
    const actor = { web, user: store.principals(web, 'user')[0] };
    const statuses = ['Open', 'Mitigating', 'Closed', 'Open', 'Accepted', 'Open', 'Closed', 'Open', 'Mitigating', 'Open', 'Closed', 'Open'];
    store.tx(() => {
      const ids: number[] = [];
      for (let i = 0; i < 10_000; i++) {
        const values = store.coerceItemPayload(actor, projects, toPayload('projects', {
          code: `T-${i}`, title: `Threshold project ${i}`, phase: 'Execution', startDate: '2026-01-01', endDate: '2026-12-31', latestOverall: 'Green'
        }), true);
        ids.push(store.insertItem(actor, projects, values).id);
      }
      for (let i = 0; i < 12_000; i++) {
        const p = 1 + (i % 5);
        const im = 1 + ((i * 7) % 5);
        const values = store.coerceItemPayload(actor, risks, toPayload('risks', {
          title: `Threshold risk ${i}`, project: ids[i % ids.length], probability: p, impact: im, score: p * im, status: statuses[i % statuses.length]
        }), true);
        store.insertItem(actor, risks, values);
      }
    });
  });

  it('open risks: the status filter is refused past 5,000 matches, so every risk is read by ID in pages; counted', async () => {
    const before = site.server.stats.total;
    const open = await new SpPortfolioRiskService(site.sp, site.url).openRisks();
    const requests = site.server.stats.total - before;
    // 8,000 of the 12,000 threshold risks are open (or mitigating), plus the demo's.
    expect(open.filter((r) => r.title.startsWith('Threshold risk')).length).toBe(8000);
    expect(open.every((r) => r.status === 'Open' || r.status === 'Mitigating')).toBe(true);
    // One refused filtered query, then 12,000 + demo risks in pages of 5,000.
    expect(requests).toBe(1 + 3);
  });

  it('open risks: once enough are closed, the indexed status filter answers in one request', async () => {
    const { store } = site.server;
    const web = store.getWebByPath('/sites/pmo')!;
    const risks = store.getList(web, { url: `/sites/pmo/${getList('risks').url}` })!;
    const actor = { web, user: store.principals(web, 'user')[0] };
    const status = internalName('risks', 'status');
    const title = internalName('risks', 'title');
    store.tx(() => {
      let closed = 0;
      for (let id = 1; closed < 3200; id++) {
        const item = store.getItem(risks, id);
        if (!item || !String(item.data[title] ?? '').startsWith('Threshold risk') || item.data[status] !== 'Open') continue;
        store.writeItemValues(actor, risks, item, { [status]: 'Closed' }, false);
        closed++;
      }
    });
    const before = site.server.stats.total;
    const open = await new SpPortfolioRiskService(site.sp, site.url).openRisks();
    expect(site.server.stats.total - before).toBe(1);
    expect(open.filter((r) => r.title.startsWith('Threshold risk')).length).toBe(4800);
  });

  it('criteria and saving scores stay threshold-safe on a 10,000-project list (reads by ID only)', async () => {
    const service = new SpPrioritisationService(pmoSp, site.url);
    let before = site.server.stats.total;
    const criteria = await service.criteria();
    expect(site.server.stats.total - before).toBe(1);
    const projects = await new SpPortfolioService(site.sp, site.url, 'planning-large').loadProjects();
    expect(projects.length).toBeGreaterThan(10_000);
    const p = projects[projects.length - 1];
    before = site.server.stats.total;
    const saved = await service.saveScores(p, { [String(criteria[0].id)]: 5 }, criteria.filter((c) => c.active));
    // The write and the read-back in one $batch.
    expect(site.server.stats.total - before).toBe(1);
    expect(saved.priorityScore).toBeGreaterThan(0);
  });
});
