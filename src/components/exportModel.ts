/**
 * A table for export (a register view, a chart's data) and that table as CSV: pure functions, so
 * what a spreadsheet receives is tested without a browser. Formula injection is neutralised here.
 */
export type ExportCell =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  /** A calendar date, `YYYY-MM-DD`. */
  | { kind: 'date'; value: string }
  | { kind: 'empty' };

export interface ExportTable {
  headers: string[];
  rows: ExportCell[][];
}

/** What a spreadsheet would read as the start of a formula (or a DDE payload). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** For CSV: a leading apostrophe makes Excel and LibreOffice read the cell as text. */
export function neutraliseCsvText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** `;` where the decimal comma is used (sv, da, nl: Excel's list separator there), `,` in English. */
export function csvSeparator(locale: string): ',' | ';' {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return decimal === ',' ? ';' : ',';
}

/** RFC 4180 quoting: quotes around fields with the separator, quotes, line breaks or edge spaces; quotes doubled. */
export function csvField(text: string, separator: string): string {
  return text.indexOf(separator) >= 0 || /["\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvCell(cell: ExportCell, locale: string): string {
  switch (cell.kind) {
    case 'empty': return '';
    case 'date': return cell.value;
    // Plain digits with the language's decimal mark (no grouping): what a spreadsheet in that language reads as a number.
    case 'number': return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 10 }).format(cell.value).replace(/\u2212/g, '-');
    default: return neutraliseCsvText(cell.value);
  }
}

/** UTF-8 CSV text with a byte-order mark (so Excel reads å, ø and ë right), CRLF line ends. */
export function toCsv(table: ExportTable, locale: string): string {
  const sep = csvSeparator(locale);
  const line = (cells: string[]): string => cells.map((c) => csvField(c, sep)).join(sep);
  const lines = [line(table.headers.map(neutraliseCsvText)), ...table.rows.map((r) => line(r.map((c) => csvCell(c, locale))))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** e.g. `projekt-2026-11-15.csv`: the language's word for projects and the day of export. */
export function exportFileName(base: string, today: Date, extension: 'csv' | 'xlsx' | 'png'): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const safe = base.replace(/[\\/:*?"<>|]+/g, '').trim() || 'projects';
  return `${safe}-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.${extension}`;
}
