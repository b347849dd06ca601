import { parseLocaleNumber, formatLocaleNumber } from '../../../src/components/localeNumber';
import { parseShortDate, datePickerStrings } from '../../../src/components/dates';
import { conflictRows, emptyDraft, fromDraft, isDirty, toDraft, validateDraft, type FieldLabels } from '../../../src/webparts/projectRegister/components/projectForm';
import type { Project } from '../../../src/model/portfolio';

const M = { Required: 'req', TooLong: 'long {0}', EndBeforeStart: 'end<start', ForecastEndBeforeStart: 'fc<start', NotANumber: 'nan', Negative: 'neg', InvalidUrl: 'url', InvalidDate: 'date' };

describe('locale-aware numbers', () => {
  it.each([
    ['sv-SE', '1 200 000,50', 1200000.5], ['da-DK', '1 200 000,50', 1200000.5], ['nl-NL', '1 200 000,50', 1200000.5],
    ['da-DK', '1.200.000,50', 1200000.5], ['nl-NL', '1.200.000', 1200000], ['en-US', '1,200,000.50', 1200000.5],
    ['en-US', '1200000.5', 1200000.5], ['sv-SE', '1\u00a0200', 1200], ['sv-SE', '-5', -5], ['sv-SE', '\u22125', -5]
  ])('%s reads %j', (locale, text, value) => {
    expect(parseLocaleNumber(text, locale)).toBe(value);
  });

  it.each([['nl-NL', '1.5'], ['en-US', '1,5'], ['sv-SE', '12abc'], ['en-US', '1,200,000,50'], ['sv-SE', '1 20']])('%s refuses %j', (locale, text) => {
    expect(parseLocaleNumber(text, locale)).toBeNaN();
  });

  it('is empty for empty text and round-trips its own format', () => {
    expect(parseLocaleNumber('  ', 'sv-SE')).toBeUndefined();
    for (const l of ['en-US', 'sv-SE', 'da-DK', 'nl-NL']) expect(parseLocaleNumber(formatLocaleNumber(1234567.25, l), l)).toBe(1234567.25);
  });
});

describe('dates', () => {
  it('reads ISO and the language\'s own order', () => {
    expect(parseShortDate('2026-03-31', 'en-US')?.getDate()).toBe(31);
    expect(parseShortDate('31-03-2026', 'nl-NL')?.getMonth()).toBe(2);
    expect(parseShortDate('31.03.2026', 'da-DK')?.getMonth()).toBe(2);
    expect(parseShortDate('03/31/2026', 'en-US')?.getDate()).toBe(31);
    expect(parseShortDate('31/02/2026', 'nl-NL')).toBeUndefined();
  });

  it('names days and months from Intl', () => {
    const labels = { goToToday: '', prevMonthAriaLabel: '', nextMonthAriaLabel: '', prevYearAriaLabel: '', nextYearAriaLabel: '', closeButtonAriaLabel: '', invalidInputErrorMessage: '' };
    expect(datePickerStrings('sv-SE', labels).months[0]).toBe('Januari');
    expect(datePickerStrings('nl-NL', labels).days[1]).toBe('Maandag');
    expect(datePickerStrings('da-DK', labels).months[4]).toBe('Maj');
  });
});

describe('project form model', () => {
  const base: Project = { id: 7, etag: '"3"', code: 'PMO-007', title: 'T', phase: 'Execution', strategicObjectives: [{ id: 1, title: 'O1' }], criteriaScores: { 2: 3 }, priorityScore: 60, budget: 100, latestOverall: 'Red' };

  it('requires code and title, end after start, non-negative money, http(s) URLs', () => {
    const d = { ...emptyDraft(), startDate: '2026-05-01', endDate: '2026-04-30', forecastEnd: '2026-01-01', budget: '-1', actualCost: 'abc', siteUrl: ['javascript', 'alert(1)'].join(':') };
    expect(validateDraft(d, 'en-US', M)).toEqual({ code: 'req', title: 'req', endDate: 'end<start', forecastEnd: 'fc<start', budget: 'neg', actualCost: 'nan', siteUrl: 'url' });
    expect(validateDraft({ ...emptyDraft(), code: 'X', title: 'Y', siteUrl: 'https://contoso.sharepoint.com/sites/x' }, 'en-US', M)).toEqual({});
    expect(validateDraft({ ...emptyDraft(), code: 'X'.repeat(33), title: 'Y' }, 'en-US', M).code).toBe('long 32');
  });

  it('keeps id and ETag, and leaves out the latest-status fields and the PMO\'s scores (Project Priorities)', () => {
    const saved = fromDraft({ ...toDraft(base, 'sv-SE'), budget: '1 500,5' }, 'sv-SE', base, {}) as Project;
    expect(saved).toMatchObject({ id: 7, etag: '"3"', code: 'PMO-007', budget: 1500.5 });
    expect('latestOverall' in saved).toBe(false);
    expect(['criteriaScores' in saved, 'priorityScore' in saved]).toEqual([false, false]);
  });

  it('knows when the user changed something', () => {
    const d = toDraft(base, 'en-US');
    expect(isDirty({ ...d }, d)).toBe(false);
    expect(isDirty({ ...d, title: 'T2' }, d)).toBe(true);
  });

  it('lists only the fields that differ in a conflict', () => {
    const labels = Object.fromEntries(['code', 'title', 'description', 'leader', 'sponsor', 'unit', 'programme', 'phase', 'method', 'startDate', 'endDate', 'forecastEnd', 'budget', 'actualCost', 'forecastCost', 'strategicObjectives', 'siteUrl'].map((k) => [k, k])) as FieldLabels;
    const c = { PhaseExecution: 'Execution', PhaseClosing: 'Closing' } as IPmoHubCommonStrings;
    const rows = conflictRows({ ...base, title: 'Mine' }, { ...base, title: 'Theirs', phase: 'Closing' }, labels, 'en-US', c);
    expect(rows.map((r) => [r.label, r.mine, r.theirs])).toEqual([['title', 'Mine', 'Theirs'], ['phase', 'Execution', 'Closing']]);
  });
});
