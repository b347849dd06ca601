/**
 * One way numbers and dates travel through every form (issue 11): what a person of each language
 * types is read to the same value, written back the way they type it, and text that cannot be read
 * is refused rather than changed.
 */
import { formatLocaleAmount, formatLocaleNumber, parseLocaleNumber } from '../../../src/components/localeNumber';
import { dateFieldValue, formatIsoShort, formatShortDate, parseShortDate } from '../../../src/components/dates';
import * as text from '../../../src/components/text';

const LOCALES = ['en-US', 'sv-SE', 'da-DK', 'nl-NL'] as const;
const NBSP = '\u00a0';

describe('numbers', () => {
  const typed: Record<string, string[]> = {
    'en-US': ['1,250,000.50', '1250000.50', '1 250 000.50'],
    'sv-SE': ['1 250 000,50', `1${NBSP}250${NBSP}000,50`, '1250000,50'],
    'da-DK': ['1.250.000,50', '1 250 000,50', '1250000,50'],
    'nl-NL': ['1.250.000,50', '1 250 000,50', '1250000,50']
  };
  it.each(LOCALES)('%s reads grouped and ungrouped decimals to the same amount', (locale) => {
    for (const t of typed[locale]) expect(parseLocaleNumber(t, locale)).toBe(1250000.5);
  });

  it.each(LOCALES)('%s writes an amount back so that it reads as the same amount', (locale) => {
    for (const v of [0, 7, 1.5, 1250000.5, 1250000, 99.99, -3.25]) {
      expect(parseLocaleNumber(formatLocaleAmount(v, locale), locale)).toBe(v);
      expect(parseLocaleNumber(formatLocaleNumber(v, locale), locale)).toBe(v);
    }
  });

  it('writes money with two decimals when it has any, in each language', () => {
    expect(formatLocaleAmount(1250000.5, 'en-US')).toBe('1,250,000.50');
    expect(formatLocaleAmount(1250000.5, 'sv-SE').replace(/\s/g, ' ')).toBe('1 250 000,50');
    expect(formatLocaleAmount(1250000.5, 'da-DK')).toBe('1.250.000,50');
    expect(formatLocaleAmount(1250000.5, 'nl-NL')).toBe('1.250.000,50');
    expect(formatLocaleAmount(1250000, 'nl-NL')).toBe('1.250.000');
  });

  it('refuses what is ambiguous or not a number instead of guessing', () => {
    expect(parseLocaleNumber('1.5', 'nl-NL')).toBeNaN();
    expect(parseLocaleNumber('1.5', 'da-DK')).toBeNaN();
    expect(parseLocaleNumber('1,5', 'en-US')).toBeNaN();
    expect(parseLocaleNumber('1250000.5', 'da-DK')).toBeNaN();
    expect(parseLocaleNumber('=5+5', 'sv-SE')).toBeNaN();
    expect(parseLocaleNumber('12,5,0', 'sv-SE')).toBeNaN();
    expect(parseLocaleNumber('  ', 'sv-SE')).toBeUndefined();
  });

  it('has one parser: the lenient parseNumber that read "." as a Danish group is gone', () => {
    expect((text as Record<string, unknown>).parseNumber).toBeUndefined();
  });
});

describe('dates', () => {
  const own: Record<string, string[]> = {
    'en-US': ['1/15/2027', '01/15/2027', '2027-01-15'],
    'sv-SE': ['2027-01-15', '2027-1-15'],
    'da-DK': ['15.01.2027', '15-01-2027', '15/1/2027', '2027-01-15'],
    'nl-NL': ['15-01-2027', '15-1-2027', '15.01.2027', '2027-01-15']
  };
  it.each(LOCALES)('%s reads its own ways of typing 15 January 2027', (locale) => {
    for (const t of own[locale]) expect(dateFieldValue(t, locale)).toBe('2027-01-15');
  });

  it('writes a date the way the language types it, and reads that back', () => {
    expect(formatIsoShort('2027-01-15', 'en-US')).toBe('1/15/2027');
    expect(formatIsoShort('2027-01-15', 'sv-SE')).toBe('2027-01-15');
    expect(formatIsoShort('2027-01-15', 'da-DK')).toBe('15.01.2027');
    expect(formatIsoShort('2027-01-15', 'nl-NL')).toBe('15-01-2027');
    for (const locale of LOCALES) {
      for (const d of [new Date(2027, 0, 5), new Date(2026, 11, 31), new Date(2028, 1, 29)]) {
        expect(parseShortDate(formatShortDate(d, locale), locale)?.getTime()).toBe(d.getTime());
      }
    }
  });

  it('keeps text it cannot read as typed (an error for validation), never a different date', () => {
    expect(dateFieldValue('15-01-2', 'nl-NL')).toBe('15-01-2');
    expect(dateFieldValue('31-02-2027', 'nl-NL')).toBe('31-02-2027');
    expect(dateFieldValue('15-01-2027', 'sv-SE')).toBe('15-01-2027');
    expect(dateFieldValue('15/1/2027', 'en-US')).toBe('15/1/2027');
    expect(dateFieldValue('tomorrow', 'da-DK')).toBe('tomorrow');
    expect(dateFieldValue('', 'da-DK')).toBeUndefined();
    expect(dateFieldValue('5-01-2027', 'nl-NL')).toBe('2027-01-05');
  });
});
