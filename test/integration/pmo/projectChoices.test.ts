import { startDemoSite, type DemoSite } from './setup';
import { ALL_CHOICES_UP_TO, SEARCH_RESULTS, SpProjectService } from '../../../src/services/ProjectService';
import { getList, internalName } from '../../../src/schema';
import type { FieldValue } from '../../../tools/local-sharepoint/src/store/types';

jest.setTimeout(180_000);

/**
 * The status report and risk web parts' project chooser (ProjectChooser) against the local
 * SharePoint: what it reads on a small list and at 10,030 projects, counted by the server, and
 * that its search stays within what SharePoint answers past the list view threshold.
 */
describe('project choices for the choosers', () => {
  let site: DemoSite;
  // A session's first POST (a $batch) also fetches its form digest, which SPFx takes from the page: counted apart.
  const requests = async <T>(f: () => Promise<T>): Promise<{ value: T; requests: number }> => {
    const before = site.server.stats.total;
    const digestsBefore = site.server.stats.byKind.contextinfo ?? 0;
    const value = await f();
    return { value, requests: site.server.stats.total - before - ((site.server.stats.byKind.contextinfo ?? 0) - digestsBefore) };
  };
  beforeAll(async () => {
    site = await startDemoSite();
  });
  afterAll(async () => { await site.server.close(); });

  it('offers every project of a small list in one request', async () => {
    const service = new SpProjectService(site.leaderSp, site.url);
    const { value, requests: n } = await requests(() => service.projectChoices());
    expect(value.complete).toBe(true);
    expect(value.choices).toHaveLength(30);
    expect(value.choices.find((c) => c.code === 'PMO-2024-001')).toEqual({ id: expect.any(Number), code: 'PMO-2024-001', title: 'Ny kundportal' });
    expect(n).toBe(1);
  });

  it('two choosers of one page and user asking at once share one read; a later ask, or another user, reads again', async () => {
    // The status reports and risks web parts on the Projects page, each with its own service and SPFI.
    const page = `${site.url}|leader`;
    const reports = new SpProjectService(site.leaderSp, site.url, undefined, page);
    const risks = new SpProjectService(site.leaderSp, site.url, undefined, page);
    const together = await requests(() => Promise.all([reports.projectChoices(), risks.projectChoices()]));
    expect(together.requests).toBe(1);
    expect(together.value[0].choices).toHaveLength(30);
    expect(together.value[1]).toEqual(together.value[0]);
    // Asked again later (a retry, another visit to the chooser): read again, not served from before.
    expect((await requests(() => risks.projectChoices())).requests).toBe(1);
    // Another user's chooser at the same moment is another read: SharePoint trims rows per user.
    const visitors = new SpProjectService(site.visitorSp, site.url, undefined, `${site.url}|visitor`);
    expect((await requests(() => Promise.all([reports.projectChoices(), visitors.projectChoices()]))).requests).toBe(2);
  });

  describe('at 10,030 projects', () => {
    let leaderId = 0;
    let ledByLeaderBefore = 0;
    beforeAll(async () => {
      const { store } = site.server;
      const web = store.getWebByPath('/sites/pmo');
      const list = web && store.getList(web, { url: `/sites/pmo/${getList('projects').url}` });
      if (!web || !list) throw new Error('no site');
      leaderId = (await site.leaderSp.web.currentUser.select('Id')<{ Id: number }>()).Id;
      // The seeded projects Sanne leads, counted by REST (a small list: no threshold yet).
      const leaderCol = internalName('projects', 'leader');
      ledByLeaderBefore = (await site.sp.web.getList(`/sites/pmo/${getList('projects').url}`).items.filter(`${leaderCol}Id eq ${leaderId}`).select('Id').top(5000)<unknown[]>()).length;
      const actor = { web, user: store.principals(web, 'user')[0] };
      store.tx(() => {
        for (let i = 0; i < 10_000; i++) {
          const values: Record<string, FieldValue> = {
            [internalName('projects', 'code')]: `BULK-${i}`, [internalName('projects', 'title')]: `Bulk ${i}`, [internalName('projects', 'phase')]: 'Execution',
            // Three of them led by Sanne, the rest by the site owner.
            [leaderCol]: i % 4000 === 7 ? leaderId : actor.user.id
          };
          store.insertItem(actor, list, values);
        }
      });
    });

    it('offers a leader their own projects: two requests, none of them a read of every project', async () => {
      const service = new SpProjectService(site.leaderSp, site.url);
      const { value, requests: n } = await requests(() => service.projectChoices());
      expect(value.complete).toBe(false);
      expect(value.choices.length).toBe(ledByLeaderBefore + 3);
      expect(value.choices.map((c) => c.code)).toEqual(expect.arrayContaining(['BULK-7', 'BULK-4007', 'BULK-8007']));
      expect(n).toBe(2);
      expect(ALL_CHOICES_UP_TO).toBeLessThan(10_030);
    });

    it('a visitor who leads nothing gets no list, only the search', async () => {
      const service = new SpProjectService(site.visitorSp, site.url);
      const { value, requests: n } = await requests(() => service.projectChoices());
      expect(value).toEqual({ choices: [], complete: false });
      expect(n).toBe(2);
    });

    it('finds projects by the start of their code in one request, any case, first by code', async () => {
      const service = new SpProjectService(site.visitorSp, site.url);
      const { value, requests: n } = await requests(() => service.findProjects('bulk-123'));
      expect(n).toBe(1);
      expect(value.status).toBe('found');
      const codes = value.status === 'found' ? value.choices.map((c) => c.code) : [];
      expect(codes).toEqual(['BULK-123', ...Array.from({ length: 10 }, (_, k) => `BULK-123${k}`)]);
      const many = await service.findProjects('BULK-1');
      expect(many.status === 'found' && many.choices.length).toBe(SEARCH_RESULTS);
      expect(await service.findProjects("O'Brien")).toEqual({ status: 'found', choices: [] });
    });

    it('a start matching more than 5,000 codes is too broad: SharePoint refuses it, the chooser says so', async () => {
      const service = new SpProjectService(site.visitorSp, site.url);
      expect(await service.findProjects('BULK')).toEqual({ status: 'tooBroad' });
      expect(await service.findProjects('B')).toEqual({ status: 'tooBroad' });
    });

    it('by hand: the title is not indexed, so a title search is refused at this size (why the search is by code)', async () => {
      const list = site.visitorSp.web.getList(`/sites/pmo/${getList('projects').url}`);
      const title = internalName('projects', 'title');
      await expect(list.items.filter(`startswith(${title},'Bulk 12')`).top(10)()).rejects.toThrow(/list view threshold/);
      const code = internalName('projects', 'code');
      expect((await list.items.filter(`startswith(${code},'BULK-12')`).select('Id').top(100)<unknown[]>()).length).toBe(100);
    });
  });
});
