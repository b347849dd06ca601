/**
 * `seed demo` on a real (local) SharePoint, on different days (issue 18): the demo is dated from
 * the day it runs, a second run the same day adds nothing, and a run weeks later adds only the
 * periods that have come since (a new month's reports, the next meetings) — never a second
 * report for a month or a second copy of a meeting.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { startSite, type Site } from './setup';
import { provision } from '../../../src/provisioning/apply';
import { seed } from '../../../src/provisioning/seed';
import { getList, internalName } from '../../../src/schema';
import { DEMO_NOW } from '../../fixtures/demoClock';

const DAY = 86_400_000;
let site: Site;

beforeAll(async () => {
  site = await startSite();
  await provision(site.sp);
}, 60_000);
afterAll(async () => { await site.server.close(); });

async function items(key: 'statusReports' | 'communityEvents' | 'projects', fields: string[]): Promise<Array<Record<string, unknown>>> {
  return site.sp.web.getList(`/sites/pmo/${getList(key).url}`).items.select('Id', ...fields).top(5000)();
}

test('dated from the day it runs; the same day again adds nothing; six weeks later only new periods', async () => {
  const first = await seed(site.sp, 'demo', undefined, { now: DEMO_NOW });
  expect(first.added.projects).toBe(30);
  const eventTitle = internalName('communityEvents', 'title');
  const eventStart = internalName('communityEvents', 'startDate');
  const events = await items('communityEvents', [eventTitle, eventStart]);
  const upcoming = events.filter((e) => Date.parse(String(e[eventStart])) > DEMO_NOW).map((e) => String(e[eventTitle]));
  expect(upcoming).toContain('Quarterly challenge meeting Q4 2026');
  // Reports run up to a few days before the seed's day, so active projects are not stale.
  const reportDate = internalName('statusReports', 'reportDate');
  const reportProject = `${internalName('statusReports', 'project')}Id`;
  // The projects' folders are items too, without a project (and, on the local SharePoint, with the date column's default).
  const latest = (await items('statusReports', [reportProject, reportDate])).filter((r) => r[reportProject])
    .map((r) => String(r[reportDate]).slice(0, 10)).sort().pop();
  expect(latest).toBe('2026-11-10');

  expect((await seed(site.sp, 'demo', undefined, { now: DEMO_NOW + 3600_000 })).added).toEqual({});

  const later = await seed(site.sp, 'demo', undefined, { now: DEMO_NOW + 42 * DAY });
  expect(later.added.projects).toBeUndefined();
  expect(later.added['status reports']).toBeGreaterThan(0);
  expect(later.added['community events']).toBeGreaterThan(0);
  const reports = (await items('statusReports', [reportProject, reportDate])).filter((r) => r[reportProject]);
  const months = reports.map((r) => `${String(r[reportProject])}|${String(r[reportDate]).slice(0, 7)}`);
  expect(new Set(months).size).toBe(months.length);
  const titles = (await items('communityEvents', [eventTitle])).map((e) => String(e[eventTitle]));
  expect(new Set(titles).size).toBe(titles.length);
  expect(titles).toContain('Quarterly challenge meeting Q1 2027');
}, 120_000);
