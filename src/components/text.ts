/**
 * Small text helpers shared by the status report and risk web parts (pure, no React).
 * User text is only ever rendered as React text nodes; nothing here builds HTML.
 */

/** `{0}`-style placeholders, as SharePoint's own strings use them. */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export function isIsoDate(value: string | undefined): boolean {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Today as `YYYY-MM-DD` in the user's time zone (what a date field shows). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
