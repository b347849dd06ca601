/** Dates and amounts in the user's language; `YYYY-MM-DD` dates are calendar dates (no time zone shift). */
export function formatDate(isoDate: string | undefined, locale: string): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatAmount(value: number | undefined, locale: string): string {
  if (value === undefined || value === null) return '';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}
