/**
 * Benefits against a provisioned and seeded local SharePoint: the seed's benefits and their dated
 * measurements; a benefit the PMO types in Danish and a measurement a leader types in Dutch are
 * stored as typed (read back by plain REST), in the project's folders; the benefit's actual value
 * follows the newest measurement, not a back-dated one; the register's read stays safe on the
 * indexed lookups.
 */
import * as path from 'path';
import { startDemoSite, type DemoSite } from './setup';
import { SpBenefitService, type BenefitData } from '../../../src/services/BenefitService';
import { listUrl } from '../../../src/services/ProjectService';
import { getList, internalName, type ListKey, type ListSchema } from '../../../src/schema';
import { formOfBenefit, validateBenefitForm, validateMeasurementForm } from '../../../src/webparts/benefits/components/benefitForm';
import { loadAmdFile } from '../../unit/loc/amd';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../../..');
const strings = (locale: string): IBenefitsWebPartStrings => loadAmdFile(path.join(ROOT, 'src/webparts/benefits/loc', `${locale.toLowerCase()}.js`)) as IBenefitsWebPartStrings;
const col = (list: ListKey, key: string): string => internalName(list, key as never);

let site: DemoSite;
let pmo: SpBenefitService;
let data: BenefitData;

beforeAll(async () => {
  site = await startDemoSite();
  pmo = new SpBenefitService(site.pmoSp, site.url);
  data = await pmo.load();
});
afterAll(async () => { await site.server.close(); });

/** Plain REST as the site owner: the raw item with its internal column names. */
async function restItem(list: ListKey, id: number): Promise<Record<string, unknown>> {
  const url = `${site.url}/_api/web/GetList('${encodeURIComponent(listUrl(site.url, getList(list) as ListSchema))}')/items(${id})?$select=*,FileDirRef,AuthorId`;
  const res = await fetch(url, { headers: { accept: 'application/json;odata=nometadata', 'X-PMOHub-User': 'owner' } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe('benefits in SharePoint', () => {
  it('the seed: benefits of several projects with owners, in their projects\' folders; each measured one\'s actual equals its newest measurement', async () => {
    expect(data.canManage).toBe(true);
    const projects = new Set(data.benefits.map((b) => b.project.id));
    expect(projects.size).toBeGreaterThanOrEqual(5);
    expect(data.benefits.every((b) => b.inProjectFolder && b.owner && b.unit)).toBe(true);
    const measured = data.benefits.filter((b) => b.actual !== undefined);
    expect(measured.length).toBeGreaterThanOrEqual(5);
    for (const b of measured) {
      const history = await pmo.measurements(b.id);
      expect([b.title, history.length >= 2, history[history.length - 1].value, history[history.length - 1].measuredOn]).toEqual([b.title, true, b.actual, b.lastMeasured]);
    }
  });

  it('a benefit the PMO types in Danish is stored as typed, in its project\'s folder; REST reads back what was typed', async () => {
    const s = strings('da-DK');
    const project = data.projects.find((p) => p.leader !== undefined) as NonNullable<BenefitData['projects'][number]>;
    const form = { ...formOfBenefit(undefined, 'da-DK', project.id), title: 'Lavere licensomkostninger', unit: 'kr.', baseline: '0', target: '1.250.000,50', baselineDate: '2026-01-15', targetDate: '2027-06-30' };
    const checked = validateBenefitForm(form, s, 'da-DK', { projects: data.projects, objectives: data.objectives });
    expect(checked.errors).toEqual({});
    const saved = await pmo.saveBenefit(checked.value!);
    const raw = await restItem('benefits', saved.id);
    expect([raw[col('benefits', 'target')], raw[col('benefits', 'baseline')], raw[col('benefits', 'unit')], raw[`${col('benefits', 'project')}Id`]]).toEqual([1250000.5, 0, 'kr.', project.id]);
    expect(String(raw[col('benefits', 'targetDate')]).slice(0, 10)).toBe('2027-06-30');
    expect(raw.FileDirRef).toBe(`${listUrl(site.url, getList('benefits') as ListSchema)}/${project.id}`);
  });

  it('a leader records a measurement in Dutch on their own project\'s benefit: stored as typed; the benefit follows the newest, not a back-dated one', async () => {
    const leaderService = new SpBenefitService(site.leaderSp, site.url);
    const mine = await leaderService.load();
    expect(mine.canManage).toBe(false);
    const benefit = mine.benefits.find((b) => mine.projects.find((p) => p.id === b.project.id)?.leader?.id === mine.me) as NonNullable<BenefitData['benefits'][number]>;
    expect(benefit).toBeDefined();
    const s = strings('nl-NL');
    const typed = validateMeasurementForm({ measuredOn: '2026-11-20', value: '1.234.567,89', comment: 'Kwartaalcijfer' }, benefit, s, 'nl-NL');
    expect(typed.errors).toEqual({});
    const saved = await leaderService.recordMeasurement(typed.value!, benefit);
    const raw = await restItem('benefitMeasurements', saved.measurement.id);
    expect([raw[col('benefitMeasurements', 'value')], String(raw[col('benefitMeasurements', 'measuredOn')]).slice(0, 10), raw[col('benefitMeasurements', 'comment')], raw[`${col('benefitMeasurements', 'benefit')}Id`]])
      .toEqual([1234567.89, '2026-11-20', 'Kwartaalcijfer', benefit.id]);
    expect(raw.AuthorId).toBe(mine.me);
    const stored = await restItem('benefits', benefit.id);
    expect([stored[col('benefits', 'actual')], String(stored[col('benefits', 'lastMeasured')]).slice(0, 10)]).toEqual([1234567.89, '2026-11-20']);
    // A back-dated measurement fills in history only.
    const older = validateMeasurementForm({ measuredOn: '2025-01-10', value: '5', comment: '' }, benefit, s, 'nl-NL');
    const back = await leaderService.recordMeasurement(older.value!, { ...benefit, etag: undefined });
    expect(back.benefit.actual).toBe(1234567.89);
    expect((await restItem('benefits', benefit.id))[col('benefits', 'actual')]).toBe(1234567.89);
  });

  it('another leader\'s project: SharePoint refuses the measurement (403) and nothing is stored', async () => {
    const leaderService = new SpBenefitService(site.leaderSp, site.url);
    const mine = await leaderService.load();
    const owns = new Set(mine.benefits.filter((b) => b.owner?.id === mine.me).map((b) => b.project.id));
    const other = mine.benefits.find((b) => mine.projects.find((p) => p.id === b.project.id)?.leader?.id !== mine.me && !owns.has(b.project.id)) as NonNullable<BenefitData['benefits'][number]>;
    const before = (await pmo.measurements(other.id)).length;
    await expect(leaderService.recordMeasurement({ benefit: { id: other.id, title: other.title }, project: other.project, measuredOn: '2026-11-20', value: 1 }, other))
      .rejects.toMatchObject({ status: 403 });
    expect((await pmo.measurements(other.id)).length).toBe(before);
  });
});
