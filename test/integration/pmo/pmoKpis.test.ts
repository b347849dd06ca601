/**
 * The PMO's own KPIs against a provisioned and seeded local SharePoint: what the service computes
 * is what follows from the items the seed wrote, read here by plain REST (every page) and counted
 * independently of the KPI model, column by column. The sparring waiting time comes from the
 * PMO's assignments; a visitor, who reads neither every request nor those, is not given sparring figures.
 */
import { startDemoSite, type DemoSite } from './setup';
import { SpPmoKpiService, type PmoKpiData } from '../../../src/services/PmoKpiService';
import { SpSparringRequestService } from '../../../src/services/SparringRequestService';
import { listUrl } from '../../../src/services/ProjectService';
import { getList, internalName, type ListKey, type ListSchema } from '../../../src/schema';
import type { PmoKpiKey } from '../../../src/model/pmoKpis';

jest.setTimeout(180_000);

type Raw = Record<string, unknown>;
const col = (list: ListKey, key: string): string => internalName(list, key as never);

let site: DemoSite;
let pmo: PmoKpiData;
let visitor: PmoKpiData;
const TODAY = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  site = await startDemoSite();
  [pmo, visitor] = await Promise.all([
    new SpPmoKpiService(site.pmoSp, site.url).load(TODAY),
    new SpPmoKpiService(site.visitorSp, site.url).load(TODAY)
  ]);
});
afterAll(async () => { await site.server.close(); });

/** Every item of a list as the site owner sees it, page by page through odata.nextLink. */
async function restAll(list: ListKey, select: string[]): Promise<Raw[]> {
  let url: string | undefined = `${site.url}/_api/web/GetList('${encodeURIComponent(listUrl(site.url, getList(list) as ListSchema))}')/items?$select=${['Id', ...select].join(',')}&$top=500`;
  const out: Raw[] = [];
  while (url) {
    const res: Response = await fetch(url, { headers: { accept: 'application/json;odata=nometadata', 'X-PMOHub-User': 'owner' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { value: Raw[]; 'odata.nextLink'?: string };
    out.push(...body.value);
    url = body['odata.nextLink'];
  }
  return out;
}

/** `2026-Q2` of an ISO date, by its UTC calendar day as stored. */
const quarter = (iso: string): string => `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const series = (d: PmoKpiData, key: PmoKpiKey): Record<string, number | undefined> => d.series.find((s) => s.key === key)!.byQuarter;

describe('PMO KPIs from SharePoint', () => {
  it('reports the last eight quarters up to today\'s', () => {
    expect(pmo.quarters).toHaveLength(8);
    expect(pmo.quarters[7]).toBe(quarter(TODAY));
    expect(pmo.sparringKnown).toBe(true);
  });

  it('counts template downloads, sparring requests and lessons per quarter as the lists hold them', async () => {
    const [downloads, requests, lessons] = await Promise.all([
      restAll('templateDownloads', [col('templateDownloads', 'downloadedAt')]),
      restAll('sparringRequests', ['Created']),
      restAll('lessonsLearned', ['Created'])
    ]);
    const count = (rows: Raw[], field: string): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const q of pmo.quarters) out[q] = rows.filter((r) => str(r[field]) && quarter(str(r[field])!) === q).length;
      return out;
    };
    const expectedDownloads = count(downloads, col('templateDownloads', 'downloadedAt'));
    expect(series(pmo, 'templateDownloads')).toEqual(expectedDownloads);
    expect(series(pmo, 'sparringRequests')).toEqual(count(requests, 'Created'));
    expect(series(pmo, 'lessonsLogged')).toEqual(count(lessons, 'Created'));
    // The seed wrote something this test can see counted, or it proves nothing.
    expect(Object.values(series(pmo, 'sparringRequests')).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBeGreaterThan(0);
    expect(Object.values(series(pmo, 'lessonsLogged')).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBeGreaterThan(0);
  });

  it('delivery on time and on budget are the shares of the closed projects, per quarter of delivery', async () => {
    const f = (k: string): string => col('projects', k);
    const projects = await restAll('projects', [f('phase'), f('endDate'), f('forecastEnd'), f('budget'), f('actualCost')]);
    const closed = projects.filter((p) => p[f('phase')] === 'Closed');
    const deliveredOn = (p: Raw): string | undefined => str(p[f('forecastEnd')])?.slice(0, 10) ?? str(p[f('endDate')])?.slice(0, 10);
    for (const q of pmo.quarters) {
      const inQ = closed.filter((p) => deliveredOn(p) && quarter(deliveredOn(p)!) === q);
      const planned = inQ.filter((p) => str(p[f('endDate')]));
      const onTime = planned.filter((p) => deliveredOn(p)! <= str(p[f('endDate')])!.slice(0, 10)).length;
      expect(series(pmo, 'deliveredOnTime')[q]).toBe(planned.length ? onTime / planned.length : undefined);
      const costed = inQ.filter((p) => typeof p[f('budget')] === 'number' && typeof p[f('actualCost')] === 'number' && (p[f('budget')] as number) > 0);
      const within = costed.filter((p) => (p[f('actualCost')] as number) <= (p[f('budget')] as number)).length;
      expect(series(pmo, 'deliveredOnBudget')[q]).toBe(costed.length ? within / costed.length : undefined);
    }
    expect(Object.values(series(pmo, 'deliveredOnTime')).some((v) => v !== undefined)).toBe(true);
  });

  it('the sparring waiting time is the median from request to the session the PMO booked in its assignment', async () => {
    // The seed books sessions days after its day: the KPI has a waiting time before anyone books more.
    expect(Object.values(series(pmo, 'sparringWaitDays')).some((v) => v !== undefined)).toBe(true);
    // The PMO books one more, as in the sparring web part.
    const sparring = new SpSparringRequestService(site.pmoSp, site.url);
    const assigned = (await sparring.open()).find((r) => r.status === 'Assigned');
    expect(assigned).toBeDefined();
    await sparring.schedule(assigned!, new Date(Date.now() + 3 * 86_400_000).toISOString());
    const after = await new SpPmoKpiService(site.pmoSp, site.url).load(TODAY);
    const [requests, assignments] = await Promise.all([
      restAll('sparringRequests', ['Created']),
      restAll('sparringAssignments', [col('sparringAssignments', 'request'), col('sparringAssignments', 'scheduledAt')])
    ]);
    const booked = new Map<number, string>();
    for (const a of assignments) {
      const at = str(a[col('sparringAssignments', 'scheduledAt')]);
      if (at) booked.set(a[col('sparringAssignments', 'request')] as number, at);
    }
    let measured = 0;
    for (const q of pmo.quarters) {
      const waits = requests.filter((r) => quarter(str(r.Created)!) === q && booked.has(r.Id as number))
        .map((r) => Math.max(0, (Date.parse(booked.get(r.Id as number)!) - Date.parse(str(r.Created)!)) / 86_400_000))
        .sort((a, b) => a - b);
      measured += waits.length;
      const m = waits.length === 0 ? undefined : waits.length % 2 ? waits[(waits.length - 1) / 2] : (waits[waits.length / 2 - 1] + waits[waits.length / 2]) / 2;
      const got = series(after, 'sparringWaitDays')[q];
      if (m === undefined) expect(got).toBeUndefined();
      else expect(got).toBeCloseTo(m, 6);
    }
    expect(measured).toBeGreaterThan(0);
  });

  it('lessons reused: of the lessons logged in a quarter, the share another project applied (their Reused in column)', async () => {
    const own = `${col('lessonsLearned', 'project')}Id`;
    const reusedIn = `${col('lessonsLearned', 'reusedIn')}Id`;
    const lessons = await restAll('lessonsLearned', ['Created', own, reusedIn]);
    for (const q of pmo.quarters) {
      const logged = lessons.filter((l) => quarter(str(l.Created)!) === q);
      const travelled = logged.filter((l) => ((l[reusedIn] as number[] | undefined) ?? []).some((p) => p !== l[own])).length;
      expect(series(pmo, 'lessonsReused')[q]).toBe(logged.length ? travelled / logged.length : undefined);
    }
    // The seed records reuse of some lessons, not all: a share strictly between 0 and 1.
    const now = series(pmo, 'lessonsReused')[quarter(TODAY)];
    expect(now).toBeGreaterThan(0);
    expect(now).toBeLessThan(1);
  });

  it('status reports on time: the published reports in the months the running projects owed one', async () => {
    const f = (k: string): string => col('projects', k);
    const [projects, reports] = await Promise.all([
      restAll('projects', [f('phase'), f('startDate'), f('endDate')]),
      restAll('statusReports', [`${col('statusReports', 'project')}Id`, col('statusReports', 'reportDate'), col('statusReports', 'published')])
    ]);
    const made = new Set(reports.filter((r) => r[col('statusReports', 'published')] === true)
      .map((r) => `${String(r[`${col('statusReports', 'project')}Id`])}|${str(r[col('statusReports', 'reportDate')])!.slice(0, 7)}`));
    for (const q of pmo.quarters) {
      const [y, n] = q.split('-Q').map(Number);
      let due = 0;
      let hits = 0;
      for (let i = 1; i <= 3; i++) {
        const month = `${y}-${String((n - 1) * 3 + i).padStart(2, '0')}`;
        for (const p of projects) {
          const phase = p[f('phase')];
          if (phase === 'Idea' || phase === 'Closed') continue;
          if (str(p[f('startDate')]) && str(p[f('startDate')])!.slice(0, 7) > month) continue;
          if (str(p[f('endDate')]) && str(p[f('endDate')])!.slice(0, 7) < month) continue;
          due += 1;
          if (made.has(`${String(p.Id)}|${month}`)) hits += 1;
        }
      }
      expect(series(pmo, 'reportsOnTime')[q]).toBe(due ? hits / due : undefined);
    }
    expect(Object.values(series(pmo, 'reportsOnTime')).some((v) => v !== undefined && v > 0)).toBe(true);
  });

  it('a visitor, who reads only their own sparring requests and none of the assignments, is told the sparring figures are not known', () => {
    expect(visitor.sparringKnown).toBe(false);
    for (const q of visitor.quarters) expect(series(visitor, 'sparringWaitDays')[q]).toBeUndefined();
    expect(series(visitor, 'templateDownloads')).toBeDefined();
  });
});
