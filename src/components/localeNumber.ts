/**
 * Numbers as people type them in their language: "1 200 000,50" in Swedish, Danish and Dutch,
 * "1,200,000.50" in English. Parsing is strict about grouping, so "1.5" in Dutch is refused
 * rather than silently read as 15.
 */
import { numberFormat } from './format';
export interface NumberSymbols {
  decimal: string;
  group: string;
}

export function numberSymbols(locale: string): NumberSymbols {
  const parts = numberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ','
  };
}

const SPACES = [' ', '\u00a0', '\u202f', '\t'];

/** The number in `text`, `undefined` for empty text, `NaN` when it is not a number in this language. */
export function parseLocaleNumber(text: string, locale: string): number | undefined {
  let t = text.trim().replace(/\u2212/g, '-');
  if (t === '') return undefined;
  const { decimal, group } = numberSymbols(locale);
  let sign = '';
  if (t.charAt(0) === '-') { sign = '-'; t = t.slice(1); }
  const halves = t.split(decimal);
  if (halves.length > 2) return NaN;
  const [whole, fraction] = halves;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return NaN;
  // Spaces of any kind always group; so does the language's own group character.
  const separators = group.trim() && group !== decimal ? [...SPACES, group] : SPACES;
  let chunks = [whole];
  for (const sep of separators) chunks = chunks.reduce<string[]>((out, c) => out.concat(c.split(sep)), []);
  if (chunks.length > 1) {
    if (!/^\d{1,3}$/.test(chunks[0]) || chunks.slice(1).some((c) => !/^\d{3}$/.test(c))) return NaN;
  } else if (!/^\d+$/.test(whole)) {
    return NaN;
  }
  return Number(`${sign}${chunks.join('')}${fraction !== undefined ? `.${fraction}` : ''}`);
}

/** The number as the language writes it (grouped), for putting back into a text field. */
export function formatLocaleNumber(value: number | undefined, locale: string, maximumFractionDigits: number = 2): string {
  if (value === undefined || value === null || Number.isNaN(value)) return '';
  return numberFormat(locale, { useGrouping: true, maximumFractionDigits }).format(value);
}

/**
 * An amount of money for a text field: whole amounts without decimals, others with two, the way
 * people type money ("1 250 000,50", not "1 250 000,5"). Reads back with parseLocaleNumber.
 */
export function formatLocaleAmount(value: number | undefined, locale: string): string {
  if (value === undefined || value === null || Number.isNaN(value)) return '';
  const fraction = Math.round(value * 100) % 100 !== 0;
  return numberFormat(locale, { useGrouping: true, minimumFractionDigits: fraction ? 2 : 0, maximumFractionDigits: 2 }).format(value);
}
