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
    // A zone with daylight saving and no city: a fixed offset would be an hour off every summer.
    expect(() => ianaOfSharePointZone({ Description: '(UTC-05:00) Eastern Time (US and Canada)', Id: 10, Information: { Bias: 300, DaylightBias: -60 } })).toThrow(/not one this browser knows/);
    expect(() => ianaOfSharePointZone({ Description: '(UTC+05:45) Somewhere', Information: { Bias: -345 } })).toThrow(/not one this browser knows/);
  });
});
