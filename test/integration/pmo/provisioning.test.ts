import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/items';
import '@pnp/sp/views';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/security';
import { startSite, type Site } from './setup';
import { provision, WriteLimitReached } from '../../../src/provisioning/apply';
import { computePlan, readSite, writesOf } from '../../../src/provisioning/plan';
import { seedAsTheirAuthors } from './communitySetup';
import { SpSparringRequestService } from '../../../src/services/SparringRequestService';
import { SpPortfolioViewService } from '../../../src/services/PortfolioViewService';
import { lists, getList, internalName } from '../../../src/schema';
import { toFormValues, toPayload } from '../../../src/services/mapping';
import { SpProjectEditingService } from '../../../src/services/ProjectEditingService';
import { SpStatusReportService } from '../../../src/services/StatusReportService';
import { SpRiskService } from '../../../src/services/RiskService';
import { SpPrioritisationService } from '../../../src/services/PrioritisationService';
import { mayChangeItem } from '../../../src/components/rights';

jest.setTimeout(60_000);

/** Each principal's permission levels on a list, by the principal's title. */
async function rolesOn(site: Site, url: string): Promise<Record<string, string[]>> {
  const ras = await site.sp.web.getList(`/sites/pmo/${url}`).roleAssignments.expand('Member', 'RoleDefinitionBindings')<Array<{
    Member: { Title: string }; RoleDefinitionBindings: Array<{ Name: string }>;
  }>>();
  return Object.fromEntries(ras.map((ra) => [ra.Member.Title, ra.RoleDefinitionBindings.map((r) => r.Name).sort()]));
}

/**
 * listRoles([]) on a list with its own permissions: PMO Owners Full Control, PMO Members Edit, Project
 * Leaders and the site's visitors Read; whoever else the site gave a level keeps it (inheritance was
 * broken by copying), nobody gets more.
 */
async function expectedRoles(site: Site): Promise<Record<string, string[]>> {
  const web = await site.sp.web.roleAssignments.expand('Member', 'RoleDefinitionBindings')<Array<{ Member: { Title: string }; RoleDefinitionBindings: Array<{ Name: string }> }>>();
  const visitors = (await site.sp.web.associatedVisitorGroup.select('Title')<{ Title: string }>()).Title;
  return {
    ...Object.fromEntries(web.map((ra) => [ra.Member.Title, ra.RoleDefinitionBindings.map((r) => r.Name).filter((n) => n !== 'Limited Access').sort()])),
    'PMO Owners': ['Full Control'], 'PMO Members': ['Edit'], 'Project Leaders': ['Read'], [visitors]: ['Read']
  };
}

describe('provisioning a site', () => {
  let site: Site;
  beforeEach(async () => { site = await startSite(); });
  afterEach(async () => { await site.server.close(); });

  it('creates every list, column, index, view and group, and a second run makes no writes', async () => {
    const first = await provision(site.sp);
    expect(first.writes).toBeGreaterThan(100);
    // The plan's writes, the PMO profile stored in PMO Hub Settings, the news language column on Site
    // Pages and the indexes on its PromotedState and FirstPublishedDate (schema 12).
    expect(first.writes).toBe(first.plan.steps.reduce((n, s) => n + writesOf(s), 0) + 4);
    const second = await provision(site.sp);
    expect(second).toMatchObject({ writes: 0, upToDate: true });
    expect(second.plan.steps).toEqual([]);

    for (const schema of lists) {
      const list = site.sp.web.getList(`/sites/pmo/${schema.url}`);
      const info = await list.select('Title', 'ReadSecurity', 'WriteSecurity', 'HasUniqueRoleAssignments')<{ Title: string; ReadSecurity: number; WriteSecurity: number; HasUniqueRoleAssignments: boolean }>();
      expect(info).toMatchObject({ Title: schema.title, ReadSecurity: schema.readSecurity, WriteSecurity: schema.writeSecurity, HasUniqueRoleAssignments: true });
      const fields = await list.fields<Array<{ InternalName: string; TypeAsString: string; Indexed: boolean }>>();
      for (const f of schema.fields) {
        const found = fields.find((x) => x.InternalName === f.internalName);
        expect(found).toBeDefined();
        expect(found?.TypeAsString).toBe(f.type);
        if (f.indexed) expect(found?.Indexed).toBe(true);
      }
      const views = await list.views.select('Title')<Array<{ Title: string }>>();
      for (const v of schema.views) expect(views.map((x) => x.Title)).toContain(v.title);
    }
    const groups = await site.sp.web.siteGroups.select('Title')<Array<{ Title: string }>>();
    expect(groups.map((g) => g.Title)).toEqual(expect.arrayContaining(['PMO Owners', 'PMO Members', 'Project Leaders']));    // Schema 13's library, made on a new site with the same roles as an upgraded one gets (next tests).
    expect(await rolesOn(site, getList('hubSnapshots').url)).toEqual(await expectedRoles(site));
  });

  it('an interrupted run completes when run again, then reports the site up to date', async () => {
    await expect(provision(site.sp, { maxWrites: 60 })).rejects.toBeInstanceOf(WriteLimitReached);
    const rest = await provision(site.sp);
    expect(rest.writes).toBeGreaterThan(0);
    expect((await provision(site.sp)).writes).toBe(0);
  });

  it('upgrades a site provisioned with schema 1 to the current schema additively, losing no data', async () => {
    const v1 = await provision(site.sp, { version: 1 });
    expect(v1.plan.schemaVersion).toBe(1);
    await seedAsTheirAuthors(site);
    // A requester who named an expert and a status on their own request (possible on schema 1-3):
    // the upgrade does not turn that into an assignment.
    const lars = new SpSparringRequestService(await site.as('lars'), site.url);
    const larsId = (await site.sp.web.ensureUser('lars.nielsen@contoso.com')).Id;
    const forged = await (await site.as('leader')).web.getList(`/sites/pmo/${getList('sparringRequests').url}`).items.add(toPayload('sparringRequests', {
      title: 'Self-assigned on schema 1', status: 'Scheduled', assignedExpert: { id: larsId }
    })) as { Id: number };
    const reports = site.sp.web.getList(`/sites/pmo/${getList('statusReports').url}`);
    const projects = site.sp.web.getList(`/sites/pmo/${getList('projects').url}`);
    const read = async (): Promise<unknown[]> => [
      ...await projects.items.select('Id', internalName('projects', 'code'), internalName('projects', 'latestOverall')).top(5000)<unknown[]>(),
      // Schema 6 adds the projects' folders: items of their own, not data that was there.
      ...(await reports.items.select('Id', internalName('statusReports', 'summary'), internalName('statusReports', 'overall'), 'FileSystemObjectType')
        .top(5000)<Array<Record<string, unknown>>>()).filter((r) => r.FileSystemObjectType !== 1)
    ];
    const before = await read();
    const plan = computePlan(await readSite(site.sp));
    // Every column added after schema 1, in the order provisioning walks the lists.
    const added = lists.flatMap((l) => l.fields.filter((f) => f.since > 1 && !f.builtIn).map((f) => f.internalName));
    expect(added.length).toBeGreaterThan(0);
    expect(plan.steps.filter((s) => s.kind === 'createField').map((s) => (s.kind === 'createField' ? s.field.internalName : ''))).toEqual(added);
    // The permission model of schema 4: its two levels, the lists' changed roles, and every
    // seeded project given its own permissions for its leader.
    const leaders = (await projects.items.select('Id', `${internalName('projects', 'leader')}Id`).top(5000)<Array<Record<string, unknown>>>())
      .filter((p) => typeof p[`${internalName('projects', 'leader')}Id`] === 'number');
    // + schema 8's level for a leader in their project's folders.
    expect(plan.steps.filter((s) => s.kind === 'createRoleDefinition')).toHaveLength(3);
    expect(plan.steps.filter((s) => s.kind === 'shareItem')).toHaveLength(leaders.length);
    expect(plan.steps.filter((s) => s.kind === 'addListRole').length).toBeGreaterThan(0);
    expect(plan.steps.filter((s) => s.kind === 'removeListRole').length).toBeGreaterThan(0);
    // Sparring Assignments (schema 4) is new: created with its view and permissions; so are PMO Front Door (schema 6),
    // Key Result Check-ins (schema 7), Project Priorities (schema 9), Benefits and Benefit Measurements (schema 10),
    // PMO Hub Snapshots (schema 13), in schema order.
    expect(plan.steps.filter((s) => s.kind === 'createList').map((s) => (s.kind === 'createList' ? s.list.key : ''))).toEqual(['keyResultCheckIns', 'projectPriorities', 'sparringAssignments', 'sharedPortfolioViews', 'hubSettings', 'frontDoor', 'benefits', 'benefitMeasurements', 'hubSnapshots']);
    // The seed scored projects the schema 1 way, on the project items.
    const scoredOnProjects = (await projects.items.select('Id', internalName('projects', 'criteriaScores'), internalName('projects', 'priorityScore')).top(5000)<Array<Record<string, unknown>>>())
      .filter((p) => typeof p[internalName('projects', 'priorityScore')] === 'number');
    expect(scoredOnProjects.length).toBeGreaterThan(0);
    // PMO Hub Settings (schema 5) indexes its built-in Title: an updateField.
    expect(new Set(plan.steps.map((s) => s.kind))).toEqual(new Set(['createField', 'createRoleDefinition', 'createList', 'createView', 'breakInheritance', 'addListRole', 'removeListRole', 'shareItem', 'updateField', 'updateList']));
    const upgrade = await provision(site.sp);
    // + the PMO profile the upgraded site now stores.
    expect(upgrade.writes).toBe(plan.steps.reduce((n, s) => n + writesOf(s), 0) + 1);
    // The seeded requests that were assigned got their assignment, readable by their expert (Lars).
    const requests = site.sp.web.getList(`/sites/pmo/${getList('sparringRequests').url}`);
    const expertField = `${internalName('sparringRequests', 'assignedExpert')}Id`;
    const assignedRequests = (await requests.items.select('Id', expertField).top(5000)<Array<Record<string, unknown>>>())
      .filter((r) => typeof r[expertField] === 'number' && r.Id !== forged.Id);
    expect(assignedRequests.length).toBeGreaterThan(0);
    // …and the two seeded shared views moved to Shared Portfolio Views, where every leader reads them.
    // Schema 6: each led project's folder in Status Reports and in Risks, created and given its leader;
    // schema 10 the same in Benefits and Benefit Measurements.
    // Schema 9: each scored project's item in Project Priorities, and the setting that the copy is done.
    expect(upgrade.migrated).toBe(assignedRequests.length + 2 + 8 * leaders.length + scoredOnProjects.length + 1);
    const views = await new SpPortfolioViewService(await site.as('leader'), site.url).load();
    expect(views.views.filter((v) => v.shared).map((v) => v.title).sort()).toEqual(['Green Transition programme', 'Red and amber projects']);
    expect((await lars.assignedToMe()).map((r) => r.id).sort()).toEqual(assignedRequests.map((r) => r.Id).sort());
    expect(await read()).toEqual(before);
    expect((await provision(site.sp)).writes).toBe(0);
    // The model holds on the upgraded site: Sanne edits her project, not Lars's, and deletes neither.
    const sanne = (await site.sp.web.siteUsers.getByEmail('sanne.devries@contoso.com')()).Id;
    const own = leaders.find((p) => p[`${internalName('projects', 'leader')}Id`] === sanne) as Record<string, unknown>;
    const other = leaders.find((p) => p[`${internalName('projects', 'leader')}Id`] !== sanne) as Record<string, unknown>;
    const asLeader = (await site.as('leader')).web.getList(`/sites/pmo/${getList('projects').url}`);
    await asLeader.items.getById(own.Id as number).update({ [internalName('projects', 'description')]: 'Updated by its leader' });
    await expect(asLeader.items.getById(other.Id as number).update({ [internalName('projects', 'description')]: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(asLeader.items.getById(own.Id as number).delete()).rejects.toMatchObject({ status: 403 });
    // A deleted column and view of the current schema come back; items are untouched.
    await projects.fields.getByInternalNameOrTitle(internalName('projects', 'priorityScore')).delete();
    await projects.views.getByTitle(getList('projects').views[1].title).delete();
    expect(computePlan(await readSite(site.sp)).steps.map((s) => s.kind)).toEqual(['createField', 'createView']);
    expect((await provision(site.sp)).writes).toBe(3);
    expect((await projects.items.getById(own.Id as number).select(internalName('projects', 'description'))<Record<string, unknown>>())[internalName('projects', 'description')]).toBe('Updated by its leader');
  });

  it('upgrades a seeded schema 7 site to per-project folders and content approval: every item kept, legacy items where they were', async () => {
    await provision(site.sp, { version: 7 });
    await seedAsTheirAuthors(site);
    const reports = site.sp.web.getList(`/sites/pmo/${getList('statusReports').url}`);
    const risks = site.sp.web.getList(`/sites/pmo/${getList('risks').url}`);
    const projectField = `${internalName('statusReports', 'project')}Id`;
    const leaderField = `${internalName('projects', 'leader')}Id`;
    const sanne = (await site.sp.web.siteUsers.getByEmail('sanne.devries@contoso.com')()).Id;
    const projects = await site.sp.web.getList(`/sites/pmo/${getList('projects').url}`).items.select('Id', leaderField).top(5000)<Array<Record<string, unknown>>>();
    const own = projects.find((p) => p[leaderField] === sanne)?.Id as number;
    const other = projects.find((p) => typeof p[leaderField] === 'number' && p[leaderField] !== sanne)?.Id as number;
    // A leader's unpublished report, written the schema 7 way (at the list's root).
    const asSanne = await site.as('leader');
    const draft = await asSanne.web.getList(`/sites/pmo/${getList('statusReports').url}`).items.add({
      ...toPayload('statusReports', { project: own, reportDate: '2026-11-01', overall: 'Green', schedule: 'Green', cost: 'Green', scope: 'Green', risk: 'Green', summary: 'Legacy draft', published: false })
    }) as { Id: number };
    const snapshot = async (l: typeof reports): Promise<unknown[]> => (await l.items.select('Id', 'Title', 'FileDirRef', 'FileSystemObjectType', 'AuthorId', 'Modified')
      .top(5000)<Array<Record<string, unknown>>>()).filter((r) => r.FileSystemObjectType !== 1);
    const before = [await snapshot(reports), await snapshot(risks)];
    expect((before[0] as Array<Record<string, unknown>>).every((r) => !String(r.FileDirRef).match(/\/\d+$/))).toBe(true);

    const upgrade = await provision(site.sp);
    expect(upgrade.plan.steps.filter((s) => s.kind === 'updateList').map((s) => s.list.key)).toContain('statusReports');
    // Every item kept, in place, with its author; Modified unchanged but for the legacy draft made pending.
    const after = [await snapshot(reports), await snapshot(risks)];
    const withoutDraft = (rows: unknown[]): unknown[] => (rows as Array<Record<string, unknown>>).filter((r) => r.Id !== draft.Id);
    expect(withoutDraft(after[0])).toEqual(withoutDraft(before[0]));
    expect(after[1]).toEqual(before[1]);
    expect((after[0] as Array<Record<string, unknown>>).map((r) => r.Id)).toEqual((before[0] as Array<Record<string, unknown>>).map((r) => r.Id));
    // Content approval is on and the legacy draft is pending again, but — as SharePoint keeps the
    // last approved version for readers, and enabling approval counted it approved — a visitor still
    // reads it as it was at the upgrade (README: residual risks). It stays at the root, where its
    // author now only reads: the PMO publishes or deletes it.
    expect(await reports.select('EnableModeration', 'DraftVersionVisibility')()).toMatchObject({ EnableModeration: true, DraftVersionVisibility: 2 });
    expect((await reports.items.getById(draft.Id).select('OData__ModerationStatus')<Record<string, unknown>>()).OData__ModerationStatus).toBe(2);
    const visitor = (await site.as('visitor')).web.getList(`/sites/pmo/${getList('statusReports').url}`);
    expect((await visitor.items.getById(draft.Id).select(internalName('statusReports', 'summary'))<Record<string, unknown>>())[internalName('statusReports', 'summary')]).toBe('Legacy draft');
    await expect(asSanne.web.getList(`/sites/pmo/${getList('statusReports').url}`).items.getById(draft.Id)
      .update({ [internalName('statusReports', 'summary')]: 'Continued' })).rejects.toMatchObject({ status: 403 });
    // The published legacy reports stay readable by visitors.
    const seen = await visitor.items.select('Id', projectField).filter(`${projectField} eq ${own}`).top(5000)<unknown[]>();
    expect(seen.length).toBeGreaterThan(0);
    // The model holds: Sanne adds in her project's folder, not in another's, not at the root.
    for (const key of ['statusReports', 'risks'] as const) {
      const l = asSanne.web.getList(`/sites/pmo/${getList(key).url}`);
      const root = `/sites/pmo/${getList(key).url}`;
      const values = toFormValues(key, key === 'risks'
        ? { title: 'Upgrade risk', project: own, probability: 2, impact: 3, score: 6, status: 'Open' }
        : { title: 'Upgrade report', project: own, reportDate: '2026-11-20', overall: 'Green', schedule: 'Green', cost: 'Green', scope: 'Green', risk: 'Green', summary: 'New', published: false });
      const mine = await l.addValidateUpdateItemUsingPath(values, `${root}/${own}`) as Array<{ FieldName: string; FieldValue: string; HasException: boolean }>;
      expect(mine.filter((r) => r.HasException)).toEqual([]);
      await expect(l.addValidateUpdateItemUsingPath(values, `${root}/${other}`)).rejects.toMatchObject({ status: 403 });
      await expect(l.addValidateUpdateItemUsingPath(values, root)).rejects.toMatchObject({ status: 403 });
    }
    // What the forms offer Sanne on her project is what SharePoint accepts: items in its folder yes,
    // legacy items at the root (the PMO's now) no — each offer tried by hand.
    const rights = await new SpProjectEditingService(asSanne, site.url).rightsForProject(own);
    const items = [
      ...(await new SpStatusReportService(asSanne, site.url).history(own)).map((r) => ['statusReports', r, rights.statusReports] as const),
      ...(await new SpRiskService(asSanne, site.url).forProject(own)).map((r) => ['risks', r, rights.risks] as const)
    ];
    expect(items.some(([, item]) => item.inProjectFolder)).toBe(true);
    expect(items.some(([, item]) => !item.inProjectFolder)).toBe(true);
    for (const [key, item, right] of items) {
      const offered = mayChangeItem(right.edit, right, item);
      const write = asSanne.web.getList(`/sites/pmo/${getList(key).url}`).items.getById(item.id).update({ Title: 'Checked' });
      if (offered) await expect(write).resolves.toBeDefined();
      else await expect(write).rejects.toMatchObject({ status: 403 });
    }
    expect((await provision(site.sp)).writes).toBe(0);
    expect((await provision(site.sp)).migrated).toBeUndefined();
  }, 180_000);

  it('upgrades a seeded schema 8 site to Project Priorities: every score copied as it was, the old columns kept, later runs copy nothing', async () => {
    await provision(site.sp, { version: 8 });
    await seedAsTheirAuthors(site);
    const projects = site.sp.web.getList(`/sites/pmo/${getList('projects').url}`);
    const [scores, total] = [internalName('projects', 'criteriaScores'), internalName('projects', 'priorityScore')];
    // One hand-edited item: text that is not JSON, and a score; copied as it is, never dropped.
    const { Id: odd } = await projects.items.add(toPayload('projects', { code: 'ODD-1', title: 'Hand-edited scores', phase: 'Idea' })) as { Id: number };
    await projects.items.getById(odd).update({ [scores]: '{"1": 4, oops', [total]: 12.5 });
    const read = async (): Promise<Array<Record<string, unknown>>> => projects.items.select('Id', scores, total).orderBy('ID', true).top(5000)<Array<Record<string, unknown>>>();
    const before = await read();
    const scored = before.filter((p) => typeof p[total] === 'number' || (typeof p[scores] === 'string' && p[scores] !== '' && p[scores] !== '{}'));
    expect(scored.length).toBeGreaterThan(10);

    // To schema 9 only: later schemas (the benefits' folders) migrate more, tested on their own.
    const upgrade = await provision(site.sp, { version: 9 });
    expect(upgrade.plan.steps.filter((s) => s.kind === 'createList').map((s) => s.list.key)).toEqual(['projectPriorities']);
    // One item per scored project, and the setting that the copy is done; nothing else moved.
    expect(upgrade.migrated).toBe(scored.length + 1);
    const pp = (k: 'project' | 'criteriaScores' | 'priorityScore'): string => internalName('projectPriorities', k);
    const items = await site.sp.web.getList(`/sites/pmo/${getList('projectPriorities').url}`).items
      .select('Id', `${pp('project')}Id`, pp('criteriaScores'), pp('priorityScore')).top(5000)<Array<Record<string, unknown>>>();
    expect(items.map((i) => ({ project: i[`${pp('project')}Id`], scores: i[pp('criteriaScores')], total: i[pp('priorityScore')] })).sort((a, b) => (a.project as number) - (b.project as number)))
      .toEqual(scored.map((p) => ({ project: p.Id, scores: p[scores] ?? null, total: p[total] ?? null })));
    // The old columns keep what they held.
    expect(await read()).toEqual(before);
    // The prioritisation view now reads the scores from there.
    const { priorities } = await new SpPrioritisationService(await site.as('pmo'), site.url).load();
    expect(priorities.find((p) => p.project.id === odd)).toMatchObject({ priorityScore: 12.5, criteriaScores: {} });

    expect(await provision(site.sp, { version: 9 })).toMatchObject({ writes: 0, upToDate: true });
    // The retired columns are writable by a project's leader: a later run must not turn what is
    // written there into the PMO's scores.
    const unscored = before.find((p) => !scored.includes(p)) as Record<string, unknown>;
    await projects.items.getById(unscored.Id as number).update({ [total]: 99, [scores]: '{"1":5}' });
    const again = await provision(site.sp, { version: 9 });
    expect(again.migrated).toBeUndefined();
    expect(again.upToDate).toBe(true);
    expect((await site.sp.web.getList(`/sites/pmo/${getList('projectPriorities').url}`).items.select('Id').top(5000)<unknown[]>()).length).toBe(items.length);
  }, 180_000);

  it('upgrades a seeded schema 12 site to 13: only the PMO Hub Snapshots library is added, with its own roles; nothing else changes', async () => {
    await provision(site.sp, { version: 12 });
    await seedAsTheirAuthors(site);
    const snapshots = getList('hubSnapshots');
    // What every other list is: the site's state as provisioning reads it (columns, views, settings,
    // permissions), and each item's id, time and whether it has its own permissions.
    const others = async (): Promise<unknown> => {
      const state = await readSite(site.sp);
      state.lists.delete('hubSnapshots');
      const items: Record<string, unknown> = {};
      for (const l of lists.filter((x) => x.key !== 'hubSnapshots')) {
        items[l.key] = await site.sp.web.getList(`/sites/pmo/${l.url}`).items.select('Id', 'Modified', 'HasUniqueRoleAssignments').orderBy('ID', true).top(5000)<unknown[]>();
      }
      return { lists: [...state.lists.entries()], webRoles: [...state.webRoles.entries()], groups: [...state.groups.entries()], items };
    };
    const before = await others();
    const plan = computePlan(await readSite(site.sp));
    // The library, its indexed Title, its view, its own permissions and the four groups' levels: nothing on any other list.
    expect(plan.steps.map((s) => [s.kind, 'list' in s ? s.list.key : ''])).toEqual([
      ['createList', 'hubSnapshots'], ['updateField', 'hubSnapshots'], ['createView', 'hubSnapshots'], ['breakInheritance', 'hubSnapshots'],
      ['addListRole', 'hubSnapshots'], ['addListRole', 'hubSnapshots'], ['addListRole', 'hubSnapshots'], ['addListRole', 'hubSnapshots']
    ]);
    const upgrade = await provision(site.sp);
    expect(upgrade.writes).toBe(plan.steps.reduce((n, s) => n + writesOf(s), 0));
    expect(upgrade.migrated).toBeUndefined();
    const library = site.sp.web.getList(`/sites/pmo/${snapshots.url}`);
    expect(await library.select('Title', 'BaseTemplate', 'EnableVersioning', 'HasUniqueRoleAssignments')()).toMatchObject({
      Title: 'PMO Hub Snapshots', BaseTemplate: 101, EnableVersioning: false, HasUniqueRoleAssignments: true
    });
    expect(await rolesOn(site, snapshots.url)).toEqual(await expectedRoles(site));
    // Everything that was there is as it was: lists, columns, views, permissions, items.
    expect(await others()).toEqual(before);
    expect(await provision(site.sp)).toMatchObject({ writes: 0, upToDate: true });
  }, 180_000);

  it('gives a schema 12 site of the smallest profiles the library too: their register renders from it', async () => {
    for (const profile of ['operational', 'excellence'] as const) {
      const other = await startSite();
      try {
        await provision(other.sp, { version: 12, profile });
        const upgrade = await provision(other.sp);
        expect([profile, upgrade.plan.steps.filter((s) => s.kind === 'createList').map((s) => (s.kind === 'createList' ? s.list.key : ''))]).toEqual([profile, ['hubSnapshots']]);
        expect(await rolesOn(other, getList('hubSnapshots').url)).toEqual(await expectedRoles(other));
        expect((await provision(other.sp)).writes).toBe(0);
      } finally {
        await other.server.close();
      }
    }
  });

  it('reports a column of another type as a conflict and never overwrites it', async () => {
    await provision(site.sp);
    const risks = site.sp.web.getList(`/sites/pmo/${getList('risks').url}`);
    const name = internalName('risks', 'mitigation');
    await risks.fields.getByInternalNameOrTitle(name).delete();
    await risks.fields.createFieldAsXml(`<Field Type="Number" Name="${name}" StaticName="${name}" DisplayName="Mitigation" />`);
    const result = await provision(site.sp);
    expect(result.plan.conflicts).toEqual([expect.objectContaining({ field: name })]);
    expect(result.writes).toBe(0);
    const f = await risks.fields.getByInternalNameOrTitle(name).select('TypeAsString')<{ TypeAsString: string }>();
    expect(f.TypeAsString).toBe('Number');
  });

  it('refuses a visitor with access denied and changes nothing', async () => {
    const visitor = await site.as('visitor');
    await expect(provision(visitor)).rejects.toMatchObject({ status: 403 });
    const owner = computePlan(await readSite(site.sp));
    expect(owner.steps.length).toBeGreaterThan(100);
  });
});
