/**
 * The demo is always current (issue 18): whatever day the seed runs, the meeting cycle has
 * meetings behind and ahead, every title names the period it stands for (the natural key, so
 * a later run adds new periods and nothing twice), and a project reports once a month up to
 * a few days ago.
 */
import { demoEvents, monthlyReportDates, utcDay } from '../../../src/provisioning/seed';
import { DEMO_TEMPLATES, demoRevisionDates } from '../../../src/provisioning/templateFiles';
import { isoDay } from '../../../tools/cli/main';

const DAY = 86_400_000;
/** Every day of three years, leap day included. */
const DAYS = Array.from({ length: 3 * 366 }, (_, i) => Date.UTC(2026, 0, 1) + i * DAY);

describe('the meeting cycle around any day', () => {
  it('has a quarterly challenge meeting ahead and one behind, and every other kind of meeting ahead within half a year', () => {
    for (const today of DAYS) {
      const events = demoEvents(today);
      const ahead = (type: string): boolean => events.some((e) => e.eventType === type && e.start > today);
      const behind = (type: string): boolean => events.some((e) => e.eventType === type && e.start < today);
      expect([new Date(today).toISOString(), ahead('QuarterlyChallenge'), behind('QuarterlyChallenge'), ahead('PeerExchange'), ahead('Training')])
        .toEqual([new Date(today).toISOString(), true, true, true, true]);
      expect(events.some((e) => e.eventType === 'HalfYearlyExperience')).toBe(true);
      expect(events.some((e) => e.eventType === 'AnnualMethodRevision')).toBe(true);
    }
  });

  it('names each meeting by its period, so titles are unique and the same meeting keeps its title on another day', () => {
    const seen = new Map<string, number>();
    for (const today of DAYS) {
      const events = demoEvents(today);
      expect(new Set(events.map((e) => e.title)).size).toBe(events.length);
      expect(events.map((e) => e.start)).toEqual([...events.map((e) => e.start)].sort((a, b) => a - b));
      for (const e of events) {
        expect([e.title, seen.get(e.title) ?? e.start]).toEqual([e.title, e.start]);
        seen.set(e.title, e.start);
      }
    }
    expect(demoEvents(Date.UTC(2026, 10, 15)).filter((e) => e.eventType === 'QuarterlyChallenge').map((e) => e.title))
      .toEqual(['Quarterly challenge meeting Q2 2026', 'Quarterly challenge meeting Q3 2026', 'Quarterly challenge meeting Q4 2026', 'Quarterly challenge meeting Q1 2027', 'Quarterly challenge meeting Q2 2027']);
  });
});

describe('monthly status reports', () => {
  it('one a month for a year, the latest on the last report day, never two in a month', () => {
    for (const today of DAYS) {
      const last = today - 5 * DAY;
      const dates = monthlyReportDates(last, today - 365 * DAY);
      const months = dates.map((t) => new Date(t).toISOString().slice(0, 7));
      expect(new Set(months).size).toBe(dates.length);
      expect(dates.length).toBeGreaterThanOrEqual(12);
      expect(dates.length).toBeLessThanOrEqual(13);
      // Recent enough that the register does not flag an active project as stale (30 days).
      expect(last - dates[dates.length - 1]).toBeLessThan(4 * DAY);
      expect(dates[0]).toBeGreaterThanOrEqual(today - 365 * DAY);
    }
  });

  it('starts no earlier than the project did', () => {
    const start = Date.UTC(2026, 7, 10);
    expect(monthlyReportDates(Date.UTC(2026, 10, 10), start).map((t) => new Date(t).toISOString().slice(0, 10)))
      .toEqual(['2026-08-10', '2026-09-10', '2026-10-10', '2026-11-10']);
  });
});

describe('the method templates\' revision dates', () => {
  it('keep something overdue, something due within a month and something later, whatever the day', () => {
    for (const today of [Date.UTC(2026, 10, 15), Date.UTC(2027, 5, 1), Date.UTC(2029, 1, 28)]) {
      const iso = new Date(today).toISOString().slice(0, 10);
      const soon = new Date(today + 31 * DAY).toISOString().slice(0, 10);
      const approved = DEMO_TEMPLATES.filter((s) => (s.status ?? 'Approved') === 'Approved').map((s) => demoRevisionDates(s, today));
      expect(approved.some((d) => d.nextRevision < iso)).toBe(true);
      expect(approved.some((d) => d.nextRevision >= iso && d.nextRevision <= soon)).toBe(true);
      expect(approved.some((d) => d.nextRevision > soon)).toBe(true);
      expect(approved.every((d) => d.lastRevised < iso)).toBe(true);
    }
  });
});

test('utcDay is midnight UTC of the day', () => {
  expect(new Date(utcDay(Date.UTC(2026, 11, 6, 23, 59))).toISOString()).toBe('2026-12-06T00:00:00.000Z');
});

describe('pmo-hub seed --today', () => {
  it('takes a real day written YYYY-MM-DD and refuses anything else with a clear message', () => {
    expect(isoDay('2027-03-15')).toBe(Date.UTC(2027, 2, 15));
    expect(isoDay('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
    for (const bad of ['2027-02-29', '15-03-2027', '2027-3-15', '2027-03-15T00:00', '', 'today']) {
      expect(() => isoDay(bad)).toThrow('must be a day written YYYY-MM-DD, e.g. 2027-03-15.');
    }
  });
});
