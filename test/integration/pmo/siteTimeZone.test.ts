/**
 * Every time zone SharePoint offers a site (RegionalSettings/TimeZones, as the local SharePoint lists
 * Microsoft's table) becomes a zone the browser knows, with the same offset from UTC in winter and
 * in summer as SharePoint's own Bias and DaylightBias say — the US and Canadian zones that name no
 * city included. Read with the real @pnp/sp, as the web parts read the site's own zone.
 */
import '@pnp/sp/webs';
import '@pnp/sp/regional-settings';
import type { ITimeZoneInfo } from '@pnp/sp/regional-settings';
import { spfi, SPBrowser } from '@pnp/sp';
import { startLocalSharePoint, type LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { ianaOfSharePointZone, SpSiteTimeZoneService } from '../../../src/services/siteTimeZone';

let server: LocalSharePoint;
const sp = (): ReturnType<typeof spfi> => spfi().using(SPBrowser({ baseUrl: `${server.url}/sites/pmo` }));

beforeAll(async () => { server = await startLocalSharePoint({ data: ':memory:', port: 0 }); });
afterAll(async () => { await server.close(); });

/** Minutes east of UTC on a day, as the browser reckons it for an IANA zone. */
function offsetMinutes(iana: string, utc: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: iana, timeZoneName: 'longOffset' }).formatToParts(new Date(utc))
    .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

test('SharePoint lists its zones with ids, names and offsets, and answers one by its id', async () => {
  const zones = await sp().web.regionalSettings.timeZones();
  expect(zones.length).toBeGreaterThan(80);
  const eastern = zones.find((z) => z.Id === 10);
  expect(eastern).toMatchObject({ Id: 10, Description: '(UTC-05:00) Eastern Time (US and Canada)', Information: { Bias: 300, DaylightBias: -60, StandardBias: 0 } });
  expect(await sp().web.regionalSettings.timeZones.getById(13)).toMatchObject({ Id: 13, Description: '(UTC-08:00) Pacific Time (US and Canada)' });
  await expect(sp().web.regionalSettings.timeZones.getById(1)).rejects.toMatchObject({ status: 400 });
  // The site's own zone: every local site is in UTC.
  expect(await new SpSiteTimeZoneService(sp()).timeZone()).toEqual({ iana: 'UTC', description: '(UTC) Coordinated Universal Time' });
});

test('every zone SharePoint offers maps to a zone with its winter and summer offsets', async () => {
  const zones: ITimeZoneInfo[] = await sp().web.regionalSettings.timeZones();
  const wrong: string[] = [];
  for (const z of zones) {
    let iana: string;
    try { iana = ianaOfSharePointZone(z); } catch (e) { wrong.push(`${z.Id} ${z.Description}: ${(e as Error).message}`); continue; }
    const standard = -z.Information.Bias;
    const summer = standard - z.Information.DaylightBias;
    // Southern-hemisphere summers are in January.
    const offsets = [offsetMinutes(iana, '2027-01-15T12:00:00Z'), offsetMinutes(iana, '2027-07-15T12:00:00Z')].sort((a, b) => a - b);
    const expected = [standard, summer].sort((a, b) => a - b);
    if (offsets[0] !== expected[0] || offsets[1] !== expected[1]) wrong.push(`${z.Id} ${z.Description} → ${iana}: ${offsets.join('/')} minutes, SharePoint says ${expected.join('/')}`);
  }
  expect(wrong).toEqual([]);
});
