/**
 * Contract: SpRiskService against the local SharePoint through real @pnp/sp — CRUD, the
 * computed score, ordering, conflicts, validation, bad input and throttling.
 */
import type { SPFI } from '@pnp/sp';
import { startDemoSite, type DemoSite } from './setup';
import { SpProjectEditingService } from '../../../src/services/ProjectEditingService';
import { SpProjectService } from '../../../src/services/ProjectService';
import { SpRiskService } from '../../../src/services/RiskService';
import { ConflictError, ValidationError } from '../../../src/services/errors';
import { lookupIdFilter, spList } from '../../../src/services/listItems';
import type { NewItem, Project, Risk } from '../../../src/model';

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

const risks = (sp: SPFI = leaderSp): SpRiskService => new SpRiskService(sp, site.url);

let seq = 0;
async function freshProject(): Promise<Project> {
  seq++;
  // The PMO registers it with the demo leader (Sanne) as leader: hers to keep risks for.
  const leader = await new SpProjectService(leaderSp, site.url).currentUser();
  return new SpProjectEditingService(pmoSp, site.url).saveProject({
    leader,
    code: `RK-${seq}-${Math.random().toString(36).slice(2, 7)}`, title: `Risky ${seq}`, phase: 'Execution',
    strategicObjectives: []
  });
}

function risk(project: Project, over: Partial<NewItem<Risk>> = {}): NewItem<Risk> {
  return {
    title: 'Supplier late', project: { id: project.id, title: project.title }, probability: 3, impact: 4, score: 0,
    status: 'Open', mitigation: 'Second supplier', due: '2026-09-30', ...over
  };
}

async function countRisks(projectId: number): Promise<number> {
  return (await spList(site.sp, site.url, 'risks').items.select('Id').filter(lookupIdFilter('risks', 'project', projectId)).top(5000)()).length;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

test('create, read, update and delete; the score is computed, never trusted', async () => {
  const project = await freshProject();
  const owner = await new SpProjectService(pmoSp, site.url).currentUser();
  const created = await risks().saveRisk(risk(project, { owner, score: 25 }));
  expect(created).toMatchObject({ title: 'Supplier late', probability: 3, impact: 4, score: 12, status: 'Open', owner: { id: owner.id, title: 'Mikkel Sørensen' } });
  expect(created.project).toEqual({ id: project.id, title: project.title });
  expect(await risks().forProject(project.id)).toEqual([created]);
  const updated = await risks().saveRisk({ ...created, impact: 5, status: 'Mitigating' });
  expect(updated).toMatchObject({ id: created.id, score: 15, status: 'Mitigating' });
  expect(updated.etag).not.toBe(created.etag);
  await risks().deleteRisk(updated);
  expect(await risks().forProject(project.id)).toEqual([]);
  // Deleting again (a retry after a lost answer) is harmless.
  await expect(risks().deleteRisk(updated)).resolves.toBeUndefined();
});

test('open risks first, then by score; closed and accepted last', async () => {
  const project = await freshProject();
  const add = (title: string, probability: number, impact: number, status: Risk['status']): Promise<Risk> =>
    risks().saveRisk(risk(project, { title, probability, impact, status }));
  await add('closed big', 5, 5, 'Closed');
  await add('open small', 1, 2, 'Open');
  await add('accepted mid', 3, 3, 'Accepted');
  await add('mitigating big', 4, 5, 'Mitigating');
  await add('open mid', 2, 4, 'Open');
  expect((await risks().forProject(project.id)).map((r) => r.title)).toEqual(['mitigating big', 'open mid', 'open small', 'closed big', 'accepted mid']);
});

test('conflicts: stale update and stale delete → ConflictError with theirs; overwrite works', async () => {
  const project = await freshProject();
  const mine = await risks().saveRisk(risk(project));
  const theirs = await risks(pmoSp).saveRisk({ ...mine, title: 'PMO rewrote it' });
  const e = await rejection(risks().saveRisk({ ...mine, probability: 5 }));
  expect(e).toBeInstanceOf(ConflictError);
  expect((e as ConflictError<Risk>).theirs).toEqual(theirs);
  const del = await rejection(risks().deleteRisk(mine));
  expect(del).toBeInstanceOf(ConflictError);
  expect(await countRisks(project.id)).toBe(1);
  const over = await risks().saveRisk({ ...mine, probability: 5 }, { overwrite: true });
  expect(over).toMatchObject({ title: 'Supplier late', probability: 5, score: 20 });
});

test.each([
  ['no title', { title: ' ' }, { title: 'required' }],
  ['probability 0', { probability: 0 }, { probability: 'tooSmall' }],
  ['impact 6', { impact: 6 }, { impact: 'tooLarge' }],
  ['probability 2.5', { probability: 2.5 }, { probability: 'notInteger' }],
  ['unknown status', { status: 'Forgotten' }, { status: 'invalidChoice' }],
  ['a bad due date', { due: '31/12/2026' }, { due: 'invalidDate' }]
])('validation: %s is refused before any request', async (_, over, fields) => {
  const project = (await new SpProjectService(site.sp, site.url).loadProjects())[0];
  const total = site.server.stats.total;
  const e = await rejection(risks().saveRisk({ ...risk(project), ...over } as unknown as NewItem<Risk>));
  expect(e).toBeInstanceOf(ValidationError);
  expect((e as ValidationError).fields).toEqual(fields);
  expect(site.server.stats.total).toBe(total);
});

test('a visitor cannot save or delete risks (403), nothing changes', async () => {
  const project = await freshProject();
  const saved = await risks().saveRisk(risk(project));
  expect(await rejection(risks(visitorSp).saveRisk(risk(project)))).toMatchObject({ status: 403 });
  expect(await rejection(risks(visitorSp).deleteRisk(saved))).toMatchObject({ status: 403 });
  expect(await risks().forProject(project.id)).toEqual([saved]);
});

test('OData-special characters and HTML in every text field of a risk round-trip exactly', async () => {
  const project = await freshProject();
  const saved = await risks().saveRisk(risk(project, { title: NASTY, description: `${NASTY}\n2`, mitigation: NASTY }));
  expect(saved).toMatchObject({ title: NASTY, description: `${NASTY}\n2`, mitigation: NASTY });
  expect((await risks().forProject(project.id))[0]).toEqual(saved);
});

describe('resilience under throttling (429 at 30 %)', () => {
  afterEach(() => {
    site.server.chaos.throttleRate = 0;
    site.server.chaos.retryAfterSeconds = 1;
  });

  test('10 risks saved: every save completes, none duplicated or lost', async () => {
    const project = await freshProject();
    site.server.chaos.throttleRate = 0.3;
    site.server.chaos.retryAfterSeconds = 0;
    const throttled = site.server.stats.throttled;
    const saved: Risk[] = [];
    for (let i = 0; i < 10; i++) saved.push(await risks().saveRisk(risk(project, { title: `Throttled ${i}`, probability: 1 + (i % 5), impact: 2 })));
    await risks().saveRisk({ ...saved[0], status: 'Closed' });
    await risks().deleteRisk(saved[1]);
    expect(site.server.stats.throttled - throttled).toBeGreaterThan(2);
    site.server.chaos.throttleRate = 0;
    const all = await risks().forProject(project.id);
    expect(all).toHaveLength(9);
    expect(new Set(all.map((r) => r.title)).size).toBe(9);
    expect(all.find((r) => r.id === saved[0].id)?.status).toBe('Closed');
  });
});
