import { startDemoSite, type DemoSite } from './setup';
import { SpProjectService } from '../../../src/services/ProjectService';
import { SpPortfolioService } from '../../../src/services/PortfolioService';

jest.setTimeout(90_000);

describe('SpPortfolioService against the local SharePoint', () => {
  let site: DemoSite;
  beforeAll(async () => {
    site = await startDemoSite();
  });
  afterAll(async () => { await site.server.close(); });

  it('reads the portfolio columns of every project, without the long texts', async () => {
    const full = await new SpProjectService(site.sp, site.url).loadProjects();
    const lean = await new SpPortfolioService(site.sp, site.url, 'lean-test').loadProjects();
    expect(lean).toHaveLength(full.length);
    const byId = new Map(full.map((p) => [p.id, p]));
    for (const p of lean) {
      const { description, siteUrl, etag, ...rest } = byId.get(p.id)!;
      expect(p.description).toBeUndefined();
      expect(p.siteUrl).toBeUndefined();
      expect({ ...p, etag: undefined }).toEqual({ ...rest, etag: undefined });
      void description; void siteUrl; void etag;
    }
  });

  it('shares one read between instances with the same key until invalidated', async () => {
    const a = new SpPortfolioService(site.sp, site.url, 'shared-test');
    const b = new SpPortfolioService(site.sp, site.url, 'shared-test');
    const before = site.server.stats.total;
    const first = await a.loadProjects();
    const afterFirst = site.server.stats.total;
    expect(afterFirst).toBeGreaterThan(before);
    expect(await b.loadProjects()).toBe(first);
    expect(site.server.stats.total).toBe(afterFirst);
    b.invalidate();
    const again = await a.loadProjects();
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(site.server.stats.total).toBeGreaterThan(afterFirst);
  });
});
