/**
 * Contract: applyProjectModel (schema 8's per-project folders) on a site with many projects — what
 * SharePoint stored (a folder per project in each folder list, each with its own permissions) and
 * how many `$batch` requests it took: up to 100 operations to a `$batch`, the most SharePoint takes
 * and the size the seed uses. `seed --scale large` runs it over 10,000 projects (20,000 folders).
 */
import { startDemoSite, type DemoSite } from './setup';
import { applyProjectModel } from '../../../src/provisioning/projectModel';
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
