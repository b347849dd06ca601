/**
 * Small text helpers shared by the status report and risk web parts (pure, no React).
 * User text is only ever rendered as React text nodes; nothing here builds HTML.
 */

/** `{0}`-style placeholders, as SharePoint's own strings use them. */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

function separators(locale: string): { group: string; decimal: string } {
  try {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    return {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.'
    };
  } catch {
    return { group: ',', decimal: '.' };
  }
}

/**
 * A number as people type it in their language ("1 250 000", "1.250.000", "1,250,000", "12,5" in
 * Swedish); undefined for an empty field, NaN for text that is not a number.
 */
export function parseNumber(text: string, locale: string): number | undefined {
  let t = (text ?? '').trim().replace(/[\s\u00a0\u202f']/g, '');
  if (t === '') return undefined;
  const { group, decimal } = separators(locale);
  if (group.trim() !== '' && group !== decimal) t = t.split(group).join('');
  if (decimal !== '.') t = t.replace(decimal, '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(t)) return NaN;
  return Number(t);
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
