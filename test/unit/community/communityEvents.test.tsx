/**
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// The web part imports the .ics writer, whose nanoid dependency ships its browser build as ES
// modules only; jest (CommonJS) takes its Node build instead.
/**
 * The community events web part on a site whose regional settings are a US zone ("(UTC-05:00)
 * Eastern Time (US and Canada)", a name without a city): the meetings are listed on New York's
 * clock, summer time and winter time, instead of an error in place of the list.
 */
import * as path from 'path';
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import CommunityEvents from '../../../src/webparts/community/events/components/CommunityEvents';
import type { ICommunityEventService } from '../../../src/services/CommunityEventService';
import { ianaOfSharePointZone, type SiteTimeZone, type SpTimeZoneInfo } from '../../../src/services/siteTimeZone';
import type { CommunityEvent } from '../../../src/model/community';
import { loadAmdFile } from '../loc/amd';

initializeIcons(undefined, { disableWarnings: true });
jest.setTimeout(60000);

const ROOT = path.resolve(__dirname, '../../..');
const strings = (locale: string): ICommunityWebPartStrings => loadAmdFile(path.join(ROOT, 'src/webparts/community/loc', `${locale.toLowerCase()}.js`)) as ICommunityWebPartStrings;
const common = (locale: string): IPmoHubCommonStrings => loadAmdFile(path.join(ROOT, 'src/common/loc', `${locale.toLowerCase()}.js`)) as IPmoHubCommonStrings;

/** What SharePoint answers for `web/RegionalSettings/TimeZone` on a site set to US Eastern time. */
const EASTERN: SpTimeZoneInfo = { Id: 10, Description: '(UTC-05:00) Eastern Time (US and Canada)', Information: { Bias: 300, DaylightBias: -60, StandardBias: 0 } };

const EVENTS: CommunityEvent[] = [
  { id: 1, etag: '"1"', title: 'Summer training', eventType: 'Training', startDate: '2027-07-01T18:00:00Z', endDate: '2027-07-01T20:00:00Z', audience: [] },
  { id: 2, etag: '"1"', title: 'Winter training', eventType: 'Training', startDate: '2027-01-15T19:00:00Z', audience: [] }
];

/** The web part's service with the site's zone read the way the SharePoint service reads it. */
const service = (zone: SpTimeZoneInfo): ICommunityEventService => ({
  list: () => Promise.resolve(EVENTS),
  canManage: () => Promise.resolve(false),
  timeZone: (): Promise<SiteTimeZone> => Promise.resolve().then(() => ({ iana: ianaOfSharePointZone(zone), description: zone.Description }))
}) as unknown as ICommunityEventService;

test('a US Eastern site lists its meetings at 14:00 local time in summer and in winter', async () => {
  render(<CommunityEvents events={service(EASTERN)} lessons={{ since: () => Promise.resolve([]) }} strings={strings('en-US')} common={common('en-US')} locale="en-US" uidDomain="contoso.example" now={new Date('2026-12-01T00:00:00Z')} />);
  const summer = (await screen.findByText(/Jul 1, 2027/)).textContent?.replace(/\s/g, ' ') ?? '';
  const winter = (await screen.findByText(/Jan 15, 2027/)).textContent?.replace(/\s/g, ' ') ?? '';
  expect(summer).toMatch(/2:00 PM – .*4:00 PM/);
  expect(winter).toContain('2:00 PM');
  expect(screen.queryByText(strings('en-US').LoadError)).toBeNull();
});

test('the same meetings on a Swedish page of that site are still at 14:00, New York time', async () => {
  render(<CommunityEvents events={service(EASTERN)} lessons={{ since: () => Promise.resolve([]) }} strings={strings('sv-SE')} common={common('sv-SE')} locale="sv-SE" uidDomain="contoso.example" now={new Date('2026-12-01T00:00:00Z')} />);
  expect((await screen.findByText(/1 juli 2027/)).textContent).toMatch(/14:00/);
  expect((await screen.findByText(/15 jan\.? 2027/)).textContent).toMatch(/14:00/);
});
