/**
 * A moment typed as a date and a time of day in the site's time zone and stored in UTC (issue 11):
 * the Danes' 14.30, everyone else's 14:30, daylight saving on both sides of the change, and the
 * site's zone taken from SharePoint's regional settings, never from the browser.
 */
import { formatLocaleTime, formatZonedDateTime, parseLocaleTime, utcToZoned, zonedToUtc } from '../../../src/components/dateTime';
import { ianaOfSharePointZone } from '../../../src/services/siteTimeZone';

describe('times of day', () => {
  it('reads 14.30 and 14:30 in every language, AM/PM only in English', () => {
    for (const locale of ['en-US', 'sv-SE', 'da-DK', 'nl-NL']) {
      expect(parseLocaleTime('14.30', locale)).toBe('14:30');
      expect(parseLocaleTime('14:30', locale)).toBe('14:30');
      expect(parseLocaleTime(' 9:05 ', locale)).toBe('09:05');
      expect(parseLocaleTime('', locale)).toBeUndefined();
    }
    expect(parseLocaleTime('2:30 PM', 'en-US')).toBe('14:30');
    expect(parseLocaleTime('12:15 am', 'en-US')).toBe('00:15');
    expect(parseLocaleTime('2:30 PM', 'da-DK')).toBe(false);
  });

  it('refuses what is not a time rather than guessing', () => {
    for (const t of ['14,30', '24:00', '14:60', '14', '1430', 'kl. 14', '14:3']) expect(parseLocaleTime(t, 'da-DK')).toBe(false);
    expect(parseLocaleTime('13:00 PM', 'en-US')).toBe(false);
  });

  it('writes a time back the way the language writes it, and reads it again', () => {
    expect(formatLocaleTime('14:30', 'da-DK')).toBe('14.30');
    expect(formatLocaleTime('14:30', 'nl-NL')).toBe('14:30');
    expect(formatLocaleTime('14:30', 'sv-SE')).toBe('14:30');
    expect(formatLocaleTime('14:30', 'en-US').replace(/\s/g, ' ')).toBe('2:30 PM');
    for (const locale of ['en-US', 'sv-SE', 'da-DK', 'nl-NL']) {
      for (const t of ['00:00', '09:05', '12:00', '14:30', '23:59']) expect(parseLocaleTime(formatLocaleTime(t, locale), locale)).toBe(t);
    }
  });
});

describe('the site time zone', () => {
  it('a Danish 14.30 in Copenhagen is 13:30 UTC in winter and 12:30 UTC in summer', () => {
    expect(zonedToUtc('2027-03-15', '14:30', 'Europe/Copenhagen')).toBe('2027-03-15T13:30:00.000Z');
    expect(zonedToUtc('2027-07-01', '14:30', 'Europe/Copenhagen')).toBe('2027-07-01T12:30:00.000Z');
    expect(utcToZoned('2027-07-01T12:30:00Z', 'Europe/Copenhagen')).toEqual({ date: '2027-07-01', time: '14:30' });
  });

  it('half past midnight on New Year\'s Day in Amsterdam is still the old year in UTC', () => {
    expect(zonedToUtc('2027-12-31', '23:30', 'Europe/Amsterdam')).toBe('2027-12-31T22:30:00.000Z');
    expect(zonedToUtc('2028-01-01', '00:30', 'Europe/Amsterdam')).toBe('2027-12-31T23:30:00.000Z');
    expect(utcToZoned('2027-12-31T23:30:00Z', 'Europe/Amsterdam')).toEqual({ date: '2028-01-01', time: '00:30' });
  });

  it('round-trips every quarter hour across both daylight-saving changes', () => {
    for (const day of ['2027-03-27', '2027-03-28', '2027-10-30', '2027-10-31']) {
      for (let m = 0; m < 24 * 60; m += 15) {
        const time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const utc = zonedToUtc(day, time, 'Europe/Stockholm');
        // 02:xx on 28 March does not exist in Stockholm: it is read as 03:xx.
        const expected = day === '2027-03-28' && time.startsWith('02:') ? `03:${time.slice(3)}` : time;
        expect(utcToZoned(utc, 'Europe/Stockholm')).toEqual({ date: day, time: expected });
      }
    }
    // 02:30 on 31 October happens twice; the first (summer time) is meant.
    expect(zonedToUtc('2027-10-31', '02:30', 'Europe/Stockholm')).toBe('2027-10-31T00:30:00.000Z');
  });

  it('shows a stored moment on the site\'s clocks, whatever the browser\'s zone', () => {
    expect(formatZonedDateTime('2027-03-15T13:30:00Z', 'da-DK', 'Europe/Copenhagen')).toContain('14.30');
    expect(formatZonedDateTime('2027-03-15T13:30:00Z', 'nl-NL', 'UTC')).toContain('13:30');
  });

  it('takes the zone from SharePoint\'s name of it', () => {
    expect(ianaOfSharePointZone({ Description: '(UTC) Coordinated Universal Time', Id: 93, Information: { Bias: 0 } })).toBe('UTC');
    expect(ianaOfSharePointZone({ Description: '(UTC+01:00) Brussels, Copenhagen, Madrid, Paris', Id: 3, Information: { Bias: -60 } })).toBe('Europe/Brussels');
    expect(ianaOfSharePointZone({ Description: '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', Id: 4, Information: { Bias: -60 } })).toBe('Europe/Amsterdam');
    expect(ianaOfSharePointZone({ Description: '(UTC+04:00) Abu Dhabi, Muscat', Information: { Bias: -240, DaylightBias: 0 } })).toBe('Asia/Muscat');
    expect(ianaOfSharePointZone({ Description: '(UTC-10:00) Somewhere without summer time', Information: { Bias: 600, DaylightBias: 0 } })).toBe('Etc/GMT+10');
    // An unknown zone with daylight saving and no city: a fixed offset would be an hour off every summer.
    expect(() => ianaOfSharePointZone({ Description: '(UTC-05:00) Somewhere with summer time', Information: { Bias: 300, DaylightBias: -60 } })).toThrow(/not one this browser knows/);
    expect(() => ianaOfSharePointZone({ Description: '(UTC+05:45) Somewhere', Information: { Bias: -345 } })).toThrow(/not one this browser knows/);
  });

  it('knows the zones whose name is no city by SharePoint\'s id of them', () => {
    const zone = (Id: number, Description: string, Bias: number, DaylightBias = -60): string => ianaOfSharePointZone({ Id, Description, Information: { Bias, DaylightBias, StandardBias: 0 } });
    expect(zone(10, '(UTC-05:00) Eastern Time (US and Canada)', 300)).toBe('America/New_York');
    expect(zone(11, '(UTC-06:00) Central Time (US and Canada)', 360)).toBe('America/Chicago');
    expect(zone(12, '(UTC-07:00) Mountain Time (US and Canada)', 420)).toBe('America/Denver');
    expect(zone(13, '(UTC-08:00) Pacific Time (US and Canada)', 480)).toBe('America/Los_Angeles');
    expect(zone(9, '(UTC-04:00) Atlantic Time (Canada)', 240)).toBe('America/Halifax');
    expect(zone(14, '(UTC-09:00) Alaska', 540)).toBe('America/Anchorage');
    expect(zone(38, '(UTC-07:00) Arizona', 420, 0)).toBe('America/Phoenix');
    expect(zone(36, '(UTC-06:00) Saskatchewan', 360, 0)).toBe('America/Regina');
    // The id is the same whatever the site's language; the name is translated (a German site's Eastern zone).
    expect(zone(10, '(UTC-05:00) EST (Eastern Standard Time - USA, Kanada)', 300)).toBe('America/New_York');
    // Chihuahua left UTC-07:00 in 2022; the zone SharePoint still names after it is Mazatlan's.
    expect(zone(77, '(UTC-07:00) Chihuahua, La Paz, Mazatlan', 420, 0)).toBe('America/Mazatlan');
    // An id not in the table still goes by its cities.
    expect(zone(4, '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', -60)).toBe('Europe/Amsterdam');
  });

  it('a New York site\'s 14:00 meeting is 18:00 UTC in summer and 19:00 UTC in winter, and is shown as 14:00 again', () => {
    const newYork = ianaOfSharePointZone({ Id: 10, Description: '(UTC-05:00) Eastern Time (US and Canada)', Information: { Bias: 300, DaylightBias: -60, StandardBias: 0 } });
    expect(zonedToUtc('2027-07-01', '14:00', newYork)).toBe('2027-07-01T18:00:00.000Z');
    expect(zonedToUtc('2027-01-15', '14:00', newYork)).toBe('2027-01-15T19:00:00.000Z');
    expect(utcToZoned('2027-07-01T18:00:00Z', newYork)).toEqual({ date: '2027-07-01', time: '14:00' });
    expect(utcToZoned('2027-01-15T19:00:00Z', newYork)).toEqual({ date: '2027-01-15', time: '14:00' });
    // The Sunday clocks go forward (14 March 2027): the same 09:00 is 14:00 UTC before, 13:00 UTC after.
    expect(zonedToUtc('2027-03-13', '09:00', newYork)).toBe('2027-03-13T14:00:00.000Z');
    expect(zonedToUtc('2027-03-14', '09:00', newYork)).toBe('2027-03-14T13:00:00.000Z');
    expect(formatZonedDateTime('2027-07-01T18:00:00Z', 'en-US', newYork).replace(/\s/g, ' ')).toContain('2:00 PM');
  });
});
