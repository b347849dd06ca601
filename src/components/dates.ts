import { DayOfWeek, type IDatePickerStrings } from '@fluentui/react';

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
    cap(new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2021, i, 1)))).replace(/\.$/, ''));
  // 2021-01-03 was a Sunday: Fluent's day arrays start on Sunday.
  const day = (style: 'long' | 'short' | 'narrow'): string[] => Array.from({ length: 7 }, (_, i) =>
    cap(new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2021, 0, 3 + i)))).replace(/\.$/, ''));
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

/** The date as the language writes it in short numeric form (e.g. 2026-03-01 in sv, 01-03-2026 in nl). */
export function formatShortDate(date: Date | undefined, locale: string): string {
  return date ? new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date) : '';
}

/** Reads what a person typed: ISO `YYYY-MM-DD`, or day, month and year in the language's order. */
export function parseShortDate(text: string, locale: string): Date | undefined {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const make = (y: number, m: number, d: number): Date | undefined => {
    const date = new Date(y, m - 1, d);
    return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? date : undefined;
  };
  if (iso) return make(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const nums = t.split(/[^\d]+/).filter(Boolean).map(Number);
  if (nums.length !== 3) return undefined;
  const order = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(2021, 11, 31)).filter((p) => p.type === 'year' || p.type === 'month' || p.type === 'day').map((p) => p.type);
  const v: Record<string, number> = {};
  order.forEach((k, i) => { v[k] = nums[i]; });
  if (v.year < 100) v.year += 2000;
  return make(v.year, v.month, v.day);
}
