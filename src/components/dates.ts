import { DayOfWeek, type IDatePickerStrings } from '@fluentui/react';
// Cached per locale and options: a calendar's names took 38 new formatters on every render of the portfolio filters.
import { dateFormat } from './format';

/** Calendar dates as `YYYY-MM-DD` ↔ local `Date` at midnight: no time zone shift either way. */
export function isoToDate(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return y && m && d ? new Date(y, m - 1, d) : undefined;
}

export function dateToIso(date: Date | undefined): string | undefined {
  if (!date || Number.isNaN(date.getTime())) return undefined;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Labels of the calendar's own buttons, from the web part's strings. */
export interface CalendarLabels {
  goToToday: string;
  prevMonthAriaLabel: string;
  nextMonthAriaLabel: string;
  prevYearAriaLabel: string;
  nextYearAriaLabel: string;
  closeButtonAriaLabel: string;
  invalidInputErrorMessage: string;
}

/** Day and month names from Intl for the language (capitalised, as a calendar header shows them). */
export function datePickerStrings(locale: string, labels: CalendarLabels): IDatePickerStrings {
  const cap = (s: string): string => s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);
  const month = (style: 'long' | 'short'): string[] => Array.from({ length: 12 }, (_, i) =>
    cap(dateFormat(locale, { month: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2021, i, 1)))).replace(/\.$/, ''));
  // 2021-01-03 was a Sunday: Fluent's day arrays start on Sunday.
  const day = (style: 'long' | 'short' | 'narrow'): string[] => Array.from({ length: 7 }, (_, i) =>
    cap(dateFormat(locale, { weekday: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2021, 0, 3 + i)))).replace(/\.$/, ''));
  return {
    months: month('long'),
    shortMonths: month('short'),
    days: day('long'),
    shortDays: day('narrow'),
    ...labels,
    isRequiredErrorMessage: '',
    invalidInputErrorMessage: labels.invalidInputErrorMessage
  };
}

/** Monday, except where the week starts on Sunday (en-US). */
export function firstDayOfWeek(locale: string): DayOfWeek {
  return /^en-us$/i.test(locale) || /^en$/i.test(locale) ? DayOfWeek.Sunday : DayOfWeek.Monday;
}

/**
 * The language's short numeric date with a four-digit year: 2027-01-15 (sv), 15.01.2027 (da),
 * 15-01-2027 (nl), 1/15/2027 (en-US). Whether day and month are padded follows the language's own
 * short style, so a date reads back the way people of that language type it.
 */
export function formatShortDate(date: Date | undefined, locale: string): string {
  if (!date) return '';
  const padded = dateFormat(locale, { dateStyle: 'short' }).formatToParts(new Date(2021, 0, 5))
    .find((p) => p.type === 'day')?.value.length === 2;
  const style = padded ? '2-digit' : 'numeric';
  return dateFormat(locale, { year: 'numeric', month: style, day: style }).format(date);
}

/** `YYYY-MM-DD` shown in the language's short form ('' for none). */
export function formatIsoShort(iso: string | undefined, locale: string): string {
  const d = isIsoDateText(iso) ? isoToDate(iso) : undefined;
  return d ? formatShortDate(d, locale) : '';
}

function isIsoDateText(v: string | undefined): v is string {
  return !!v && /^\d{4}-\d{2}-\d{2}/.test(v);
}

/**
 * Reads what a person typed: ISO `YYYY-MM-DD`, or day, month and year in the language's order
 * with any separator (da types both 15.01.2027 and 15-01-2027). The year must have two or four
 * digits: "15-01-2" is half-typed, not 2002. Undefined when it is not a calendar date.
 */
export function parseShortDate(text: string, locale: string): Date | undefined {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const make = (y: number, m: number, d: number): Date | undefined => {
    const date = new Date(y, m - 1, d);
    return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? date : undefined;
  };
  if (iso) return make(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (!/^\d+[^\d]+\d+[^\d]+\d+$/.test(t)) return undefined;
  const parts = t.split(/[^\d]+/);
  const order = dateFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(2021, 11, 31)).filter((p) => p.type === 'year' || p.type === 'month' || p.type === 'day').map((p) => p.type);
  const v: Record<string, string> = {};
  order.forEach((k, i) => { v[k] = parts[i]; });
  if (v.year.length !== 2 && v.year.length !== 4) return undefined;
  if (v.month.length > 2 || v.day.length > 2) return undefined;
  const year = Number(v.year) + (v.year.length === 2 ? 2000 : 0);
  return make(year, Number(v.month), Number(v.day));
}

/**
 * What a date field holds: `YYYY-MM-DD` when the text is a date, undefined when it is empty, and
 * the text itself when it cannot be read, so validation shows an error instead of a silent change.
 */
export function dateFieldValue(text: string, locale: string): string | undefined {
  if (!text.trim()) return undefined;
  return dateToIso(parseShortDate(text, locale)) ?? text;
}
