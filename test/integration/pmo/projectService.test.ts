import { startDemoSite, type DemoSite } from './setup';
import { SpProjectService } from '../../../src/services/ProjectService';
import { getList, internalName } from '../../../src/schema';
import type { FieldValue } from '../../../tools/local-sharepoint/src/store/types';

jest.setTimeout(90_000);

describe('SpProjectService against the local SharePoint', () => {
  let site: DemoSite;
  beforeAll(async () => {
    site = await startDemoSite();
  });
  afterAll(async () => { await site.server.close(); });

  it('maps list items to domain projects: people, lookups, dates, money and latest status', async () => {
    const service = new SpProjectService(site.sp, site.url);
    const projects = await service.loadProjects();
    expect(projects).toHaveLength(30);
    const portal = projects.find((p) => p.title === 'Ny kundportal');
    expect(portal).toMatchObject({
      code: 'PMO-2024-001', phase: 'Execution', unit: 'Digital Services', programme: 'Digital First', method: 'Agile',
      leader: { title: 'Sanne de Vries', email: 'sanne.devries@contoso.com' }, sponsor: { title: 'Anna Andersson' }, budget: 4200000
    });
    expect(portal?.startDate).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(portal?.latestOverall).toMatch(/^(Green|Amber|Red)$/);
    expect(portal?.latestReportDate).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(portal?.strategicObjectives.map((o) => o.title)).toEqual(['Digital first customer service', 'Data-driven decisions']);
    expect(portal?.siteUrl?.url).toMatch(/^https:\/\//);
    const one = await service.getProject(portal?.id as number);
    expect(one).toEqual(portal);
  });

  it('knows who is signed in', async () => {
    const service = new SpProjectService(await site.as('leader'), site.url);
    expect(await service.currentUser()).toMatchObject({ title: 'Sanne de Vries', email: 'sanne.devries@contoso.com' });
  });

  it('a visitor reads the register too (read permission)', async () => {
    const service = new SpProjectService(await site.as('visitor'), site.url);
    expect(await service.loadProjects()).toHaveLength(30);
  });

  it('reads past the list view threshold in pages of 5,000 (10,030 projects in 3 requests)', async () => {
    const { store } = site.server;
    const web = store.getWebByPath('/sites/pmo');
    if (!web) throw new Error('no site');
    const list = store.getList(web, { url: `/sites/pmo/${getList('projects').url}` });
    if (!list) throw new Error('no list');
    const actor = { web, user: store.principals(web, 'user')[0] };
    const code = internalName('projects', 'code');
    const title = internalName('projects', 'title');
    const phase = internalName('projects', 'phase');
    store.tx(() => {
      for (let i = 0; i < 10_000; i++) {
        const values: Record<string, FieldValue> = { [code]: `BULK-${i}`, [title]: `Bulk ${i}`, [phase]: 'Execution' };
        store.insertItem(actor, list, values);
      }
    });
    const before = site.server.stats.total;
    const projects = await new SpProjectService(site.sp, site.url).loadProjects();
    expect(projects).toHaveLength(10_030);
    expect(site.server.stats.total - before).toBe(3);
  });
});
