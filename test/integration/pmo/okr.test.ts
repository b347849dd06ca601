/**
 * OKR check-ins against a provisioned and seeded local SharePoint: what the check-in form turns
 * typed Swedish, Danish and Dutch numbers into is what the list stores, read back by plain REST;
 * the key result's current value and confidence follow the newest check-in (not a back-dated one);
 * SharePoint itself refuses a visitor's check-in; the seed gives every key result a history.
 */
import * as path from 'path';
import { startDemoSite, type DemoSite } from './setup';
import { SpOkrService, type OkrData } from '../../../src/services/OkrService';
import { listUrl } from '../../../src/services/ProjectService';
import { getList, internalName, type ListKey, type ListSchema } from '../../../src/schema';
import { formOfCheckIn, validateCheckInForm } from '../../../src/webparts/okr/components/checkInForm';
import type { KeyResult } from '../../../src/model/portfolio';
import { loadAmdFile } from '../../unit/loc/amd';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../../..');
const strings = (locale: string): IOkrWebPartStrings => loadAmdFile(path.join(ROOT, 'src/webparts/okr/loc', `${locale.toLowerCase()}.js`)) as IOkrWebPartStrings;
const col = (list: ListKey, key: string): string => internalName(list, key as never);

let site: DemoSite;
let pmo: SpOkrService;
let data: OkrData;

beforeAll(async () => {
  site = await startDemoSite();
  pmo = new SpOkrService(site.pmoSp, site.url);
  data = await pmo.load();
});
afterAll(async () => { await site.server.close(); });

/** Plain REST as a demo user: the raw item with its internal column names. */
async function restItem(list: ListKey, id: number): Promise<Record<string, unknown>> {
  const url = `${site.url}/_api/web/GetList('${encodeURIComponent(listUrl(site.url, getList(list) as ListSchema))}')/items(${id})`;
  const res = await fetch(url, { headers: { accept: 'application/json;odata=nometadata', 'X-PMOHub-User': 'owner' } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

function keyResult(title: string): KeyResult {
  const kr = data.keyResults.find((k) => k.title === title);
  if (!kr) throw new Error(`No key result ${title}`);
  return kr;
}

describe('OKR check-ins in SharePoint', () => {
  it('the seed gives every key result dated check-ins, the newest equal to its current value; the PMO may check in', async () => {
    expect(data.objectives.length).toBeGreaterThanOrEqual(5);
    expect(data.canCheckIn).toBe(true);
    // The PMO's links to where objectives and key results are defined open the lists SharePoint has.
    for (const list of [data.listUrls?.objectives, data.listUrls?.keyResults]) {
      const res = await fetch(`${site.url}/_api/web/GetList('${encodeURIComponent(String(list))}')?$select=Title`, { headers: { accept: 'application/json;odata=nometadata', 'X-PMOHub-User': 'pmo' } });
      expect([list, res.status]).toEqual([list, 200]);
    }
    for (const kr of data.keyResults) {
      const mine = data.checkIns.filter((c) => c.keyResult.id === kr.id).sort((a, b) => (a.checkInDate < b.checkInDate ? 1 : -1));
      expect(mine.length).toBe(4);
      expect(mine[0].value).toBe(kr.current);
    }
    // Projects name their objectives: at least one objective has projects serving it.
    expect(data.projects.some((p) => p.strategicObjectives.length > 0)).toBe(true);
  });

  it.each([
    ['sv-SE', '1 234,5', '80', 1234.5, 80],
    ['da-DK', '1.234,75', '65', 1234.75, 65],
    ['nl-NL', '2.500', '70', 2500, 70]
  ])('%s: %s typed (confidence %s) is stored as %d, and the key result now shows it', async (locale, typed, confidence, stored, storedConfidence) => {
    const kr = keyResult('CO₂e from own operations');
    const today = new Date().toISOString().slice(0, 10);
    const form = { ...formOfCheckIn(kr, today, locale), value: typed, confidence, comment: `Check-in ${locale}` };
    const { errors, value } = validateCheckInForm(form, kr, strings(locale), locale);
    expect(errors).toEqual({});
    const saved = await pmo.addCheckIn(value!, kr);
    const raw = await restItem('keyResultCheckIns', saved.checkIn.id);
    expect(raw[col('keyResultCheckIns', 'value')]).toBe(stored);
    expect(raw[col('keyResultCheckIns', 'confidence')]).toBe(storedConfidence);
    expect(raw[`${col('keyResultCheckIns', 'keyResult')}Id`]).toBe(kr.id);
    expect(String(raw[col('keyResultCheckIns', 'checkInDate')]).slice(0, 10)).toBe(today);
    const krRaw = await restItem('keyResults', kr.id);
    expect(krRaw[col('keyResults', 'current')]).toBe(stored);
    expect(krRaw[col('keyResults', 'confidence')]).toBe(storedConfidence);
    expect(saved.keyResult.current).toBe(stored);
    // Who checked in is SharePoint's Author: the PMO member, not something the form sent.
    expect(saved.checkIn.author?.id).toBe(raw.AuthorId);
  });

  it('a back-dated check-in fills in history and leaves the current value alone', async () => {
    const kr = keyResult('Electric share of company cars');
    const before = (await restItem('keyResults', kr.id))[col('keyResults', 'current')];
    const saved = await pmo.addCheckIn({ keyResult: { id: kr.id, title: kr.title }, checkInDate: '2020-01-15', value: 1 }, kr);
    expect((await restItem('keyResultCheckIns', saved.checkIn.id))[col('keyResultCheckIns', 'value')]).toBe(1);
    expect((await restItem('keyResults', kr.id))[col('keyResults', 'current')]).toBe(before);
  });

  it('SharePoint refuses a visitor\'s and a project leader\'s check-in; the key result is unchanged', async () => {
    const kr = keyResult('Share of errands done online');
    const before = await restItem('keyResults', kr.id);
    for (const sp of [site.visitorSp, site.leaderSp]) {
      const service = new SpOkrService(sp, site.url);
      expect((await service.load()).canCheckIn).toBe(false);
      await expect(service.addCheckIn({ keyResult: { id: kr.id, title: kr.title }, checkInDate: '2026-06-01', value: 99 }, kr))
        .rejects.toMatchObject({ status: 403 });
    }
    const after = await restItem('keyResults', kr.id);
    expect(after[col('keyResults', 'current')]).toBe(before[col('keyResults', 'current')]);
  });
});
