/**
 * Contract: applyProjectModel (schema 8's per-project folders) on a site with many projects — what
 * SharePoint stored (a folder per project in each folder list, each with its own permissions) and
 * how many `$batch` requests it took: up to 100 operations to a `$batch`, the most SharePoint takes
 * and the size the seed uses. `seed --scale large` runs it over 10,000 projects (20,000 folders).
 */
import { startDemoSite, type DemoSite } from './setup';
import { applyProjectModel, inBatches } from '../../../src/provisioning/projectModel';
import { copyProjectPriorities, PRIORITIES_COPIED_SETTING } from '../../../src/provisioning/projectPriorities';
import { internalName } from '../../../src/schema';
import { projectFolderLists } from '../../../src/services/projectFolders';
import { listServerUrl } from '../../../src/provisioning/plan';
import { readAll } from '../../../src/services/listItems';
import { insertLargePortfolio } from '../../../tools/bench/largePortfolio';
import { FILE_SYSTEM_OBJECT_TYPE, ITEM_PATH, getList, type ListSchema } from '../../../src/schema';

jest.setTimeout(120_000);

const PROJECTS = 250;
let site: DemoSite;

beforeAll(async () => {
  site = await startDemoSite();
  // Projects with a leader and no folders yet, as a bulk add leaves them.
  insertLargePortfolio(site.server, new Date('2026-12-01T00:00:00Z'), PROJECTS, 0);
});
afterAll(async () => { await site.server.close(); });

test('a folder per new project in each folder list, with its own permissions, in $batch requests of up to 100 operations', async () => {
  const before = site.server.stats.byKind.batch ?? 0;
  const writes = await applyProjectModel(site.sp, '/sites/pmo');
  const batches = (site.server.stats.byKind.batch ?? 0) - before;
  // Per list: the folders (one add each), then each folder's own permissions (two operations each).
  expect(writes).toBe(projectFolderLists.length * PROJECTS * 2);
  const perList = Math.ceil(PROJECTS / 100) + Math.ceil((PROJECTS * 2) / 100);
  expect(batches).toBeLessThanOrEqual(projectFolderLists.length * perList);
  const projectIds = (await readAll(site.sp.web.getList(listServerUrl('/sites/pmo', getList('projects') as ListSchema)).items.select('Id')))
    .map((r) => r.Id as number).sort((a, b) => a - b);
  const added = projectIds.slice(-PROJECTS);
  for (const list of projectFolderLists) {
    const url = listServerUrl('/sites/pmo', list);
    const rows = await readAll(site.sp.web.getList(url).items.select('Id', FILE_SYSTEM_OBJECT_TYPE.property, ITEM_PATH.url, 'HasUniqueRoleAssignments'));
    const folders = new Map(rows.filter((r) => r[FILE_SYSTEM_OBJECT_TYPE.property] === FILE_SYSTEM_OBJECT_TYPE.folder)
      .map((r) => [Number(String(r[ITEM_PATH.url]).split('/').pop()), r.HasUniqueRoleAssignments === true]));
    expect(added.filter((id) => folders.get(id) !== true)).toEqual([]);
  }
  // Idempotent: the second run writes nothing.
  expect(await applyProjectModel(site.sp, '/sites/pmo')).toBe(0);
});

test('schema 9: the scores of many projects copied to Project Priorities in $batch requests of up to 100 adds; a second run writes nothing', async () => {
  const projects = site.sp.web.getList(listServerUrl('/sites/pmo', getList('projects') as ListSchema));
  const added = (await readAll(projects.items.select('Id').orderBy('ID', true))).map((r) => r.Id as number).slice(-PROJECTS);
  // Scored the schema 8 way, on the project items (what a site upgraded from schema 8 holds).
  await inBatches(site.sp, added, (b, id) => b.web.getList(listServerUrl('/sites/pmo', getList('projects') as ListSchema)).items.getById(id)
    .update({ [internalName('projects', 'criteriaScores')]: `{"1":${id % 5}}`, [internalName('projects', 'priorityScore')]: id % 100 }));
  // As on a site where the copy has not run yet.
  const settings = site.sp.web.getList(listServerUrl('/sites/pmo', getList('hubSettings') as ListSchema));
  const marker = await settings.items.select('Id').filter(`Title eq '${PRIORITIES_COPIED_SETTING}'`).top(1)<Array<{ Id: number }>>();
  expect(marker).toHaveLength(1);
  await settings.items.getById(marker[0].Id).delete();

  const before = site.server.stats.byKind.batch ?? 0;
  const writes = await copyProjectPriorities(site.sp, '/sites/pmo');
  const batches = (site.server.stats.byKind.batch ?? 0) - before;
  expect(writes).toBe(PROJECTS + 1);
  expect(batches).toBe(Math.ceil(PROJECTS / 100));
  const project = `${internalName('projectPriorities', 'project')}Id`;
  const items = await readAll(site.sp.web.getList(listServerUrl('/sites/pmo', getList('projectPriorities') as ListSchema)).items.select(project, internalName('projectPriorities', 'priorityScore')));
  const copied = new Map(items.map((i) => [i[project] as number, i[internalName('projectPriorities', 'priorityScore')]]));
  expect(added.filter((id) => copied.get(id) !== id % 100)).toEqual([]);
  expect(await copyProjectPriorities(site.sp, '/sites/pmo')).toBe(0);
});
