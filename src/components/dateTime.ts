/**
 * A moment typed as a date and a time of day in the site's time zone, stored in UTC as SharePoint
 * stores DateTime columns. The browser's own zone plays no part: a Danish PMO member travelling
 * in New York still books the meeting at 14.30 Copenhagen time, as SharePoint's own forms would.
 */
import { dateFormat } from './format';

/** Hours and minutes as `HH:MM` (24 h). */
export type TimeOfDay = string;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The wall-clock parts of `ms` in `timeZone`. */
function zonedParts(ms: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts = dateFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
  }).formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour') % 24, mi: get('minute') };
}

/** Minutes `timeZone` is ahead of UTC at the instant `ms`. */
function offsetMinutes(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const wall = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi);
  return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * The UTC ISO instant of a wall-clock date and time in `timeZone`. A time skipped by the
 * spring-forward gap is read with the offset before the change (02.30 becomes 03.30), a time that
 * occurs twice in autumn as the first of the two: what Windows and SharePoint do [verify].
 */
export function zonedToUtc(date: string, time: TimeOfDay, timeZone: string): string {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const before = offsetMinutes(wall - 86_400_000, timeZone);
  const after = offsetMinutes(wall + 86_400_000, timeZone);
  // Try the larger offset first (the earlier instant): the first of two autumn occurrences.
  for (const off of before >= after ? [before, after] : [after, before]) {
    const ms = wall - off * 60_000;
    if (offsetMinutes(ms, timeZone) === off) return new Date(ms).toISOString();
  }
  return new Date(wall - before * 60_000).toISOString();
}

/** The date (`YYYY-MM-DD`) and time (`HH:MM`) of a UTC instant on the wall clocks of `timeZone`. */
export function utcToZoned(iso: string | undefined, timeZone: string): { date: string; time: TimeOfDay } | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const p = zonedParts(ms, timeZone);
  return { date: `${p.y}-${pad(p.mo)}-${pad(p.d)}`, time: `${pad(p.h)}:${pad(p.mi)}` };
}

/** A time of day as the language writes it: "14:30" (sv, nl), "14.30" (da), "2:30 PM" (en-US). */
export function formatLocaleTime(time: TimeOfDay | undefined, locale: string): string {
  if (!time || !/^\d{2}:\d{2}$/.test(time)) return time ?? '';
  const [h, mi] = time.split(':').map(Number);
  return dateFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2027, 0, 15, h, mi)));
}

/**
 * A typed time of day: hours and minutes separated by ":" or "." (Danes write 14.30, the others
 * 14:30, and both are understood everywhere), with AM/PM where the language uses a 12-hour clock.
 * `undefined` for empty text, `false` when it is not a time.
 */
export function parseLocaleTime(text: string, locale: string): TimeOfDay | undefined | false {
  const t = text.trim().replace(/\u202f|\u00a0/g, ' ');
  if (!t) return undefined;
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*([ap]\.?\s?m\.?)?$/i.exec(t);
  if (!m) return false;
  let h = Number(m[1]);
  const mi = m[2] === undefined ? 0 : Number(m[2]);
  // A bare hour ("14") is a time only with a meridiem; without one it is too easily a typo.
  if (m[2] === undefined && !m[3]) return false;
  if (m[3]) {
    // A meridiem only where the language writes one (en-US); "2.30 pm" in Danish is a typo.
    if (!/[ap]/i.test(formatLocaleTime('14:30', locale))) return false;
    if (h < 1 || h > 12) return false;
    const pm = /^p/i.test(m[3]);
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || mi > 59) return false;
  return `${pad(h)}:${pad(mi)}`;
}

/** A date and time for reading, on the wall clocks of `timeZone`, in the language's words. */
export function formatZonedDateTime(iso: string | undefined, locale: string, timeZone: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return dateFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
}
