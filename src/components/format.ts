/**
 * Intl formatters kept per locale and options: building one costs far more than using it, and a
 * portfolio view formats thousands of cells (at 10,000 projects a new formatter per cell was a
 * second of the page's first render).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, f = new Intl.NumberFormat(locale, options));
  return f;
}

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, f = new Intl.DateTimeFormat(locale, options));
  return f;
}

/** Dates and amounts in the user's language; `YYYY-MM-DD` dates are calendar dates (no time zone shift). */
export function formatDate(isoDate: string | undefined, locale: string): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return dateFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatAmount(value: number | undefined, locale: string): string {
  if (value === undefined || value === null) return '';
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}
