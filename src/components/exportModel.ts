/**
 * A table for export (a register view, a chart's data) and that table as CSV: pure functions, so
 * what a spreadsheet receives is tested without a browser. Formula injection is neutralised here.
 */
import { numberFormat } from './format';
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
  const decimal = numberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return decimal === ',' ? ';' : ',';
}

/** RFC 4180 quoting: quotes around fields with the separator, quotes, line breaks or edge spaces; quotes doubled. */
export function csvField(text: string, separator: string): string {
  return text.indexOf(separator) >= 0 || /["\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * People's text: quoted for BOTH separators, not only this file's. A file written with `,` is
 * often opened where `;` is the list separator (and the other way round); an unquoted `Q4;=5+5`
 * would then become a cell holding the formula `=5+5`. Numbers and dates are ours and keep
 * plain fields, so a spreadsheet still reads them as numbers.
 */
export function csvTextField(text: string, separator: string): string {
  return /[,;\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : csvField(text, separator);
}

function csvCell(cell: ExportCell, locale: string, sep: string): string {
  switch (cell.kind) {
    case 'empty': return '';
    case 'date': return csvField(cell.value, sep);
    // Plain digits with the language's decimal mark (no grouping): what a spreadsheet in that language reads as a number.
    case 'number': return csvField(numberFormat(locale, { useGrouping: false, maximumFractionDigits: 10 }).format(cell.value).replace(/\u2212/g, '-'), sep);
    default: return csvTextField(neutraliseCsvText(cell.value), sep);
  }
}

/** UTF-8 CSV text with a byte-order mark (so Excel reads å, ø and ë right), CRLF line ends. */
export function toCsv(table: ExportTable, locale: string): string {
  const sep = csvSeparator(locale);
  const header = table.headers.map((h) => csvTextField(neutraliseCsvText(h), sep)).join(sep);
  const lines = [header, ...table.rows.map((r) => r.map((c) => csvCell(c, locale, sep)).join(sep))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** e.g. `projekt-2026-11-15.csv`: the language's word for projects and the day of export. */
export function exportFileName(base: string, today: Date, extension: 'csv' | 'xlsx' | 'png'): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const safe = base.replace(/[\\/:*?"<>|]+/g, '').trim() || 'projects';
  return `${safe}-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.${extension}`;
}
