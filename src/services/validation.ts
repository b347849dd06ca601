import { isJsonField } from './mapping';
import { getList, inUse, type FieldSchema, type ListKey, type ListSchema } from '../schema';

/**
 * Schema-driven validation before any request (DESIGN rule 8). The values of
 * `ValidationError.fields` are these codes, not sentences: the form turns them into
 * localised messages (and reads limits such as `maxLength` from the schema).
 */
export type ValidationCode =
  | 'required'
  | 'tooLong'
  | 'tooSmall'
  | 'tooLarge'
  | 'notInteger'
  | 'notANumber'
  | 'invalidDate'
  | 'invalidChoice'
  | 'invalidUrl'
  | 'invalid'
  | 'endBeforeStart'
  | 'duplicate';

export type FieldErrors = Record<string, ValidationCode>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function hasId(v: unknown): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v > 0;
  return !!v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'number' && (v as { id: number }).id > 0;
}

function checkField(f: FieldSchema, v: unknown): ValidationCode | undefined {
  switch (f.type) {
    case 'Text':
    case 'Note':
      if (typeof v !== 'string') return 'invalid';
      if (f.type === 'Text' && f.maxLength !== undefined && v.length > f.maxLength) return 'tooLong';
      return undefined;
    case 'Number':
    case 'Currency':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'notANumber';
      // Whole numbers where the column has no decimals (percent, probability, impact);
      // money may carry cents even though the column shows none.
      if (f.type === 'Number' && f.decimals === 0 && !Number.isInteger(v)) return 'notInteger';
      if (f.min !== undefined && v < f.min) return 'tooSmall';
      if (f.max !== undefined && v > f.max) return 'tooLarge';
      return undefined;
    case 'DateTime':
      if (f.dateOnly) return isIsoDate(v) ? undefined : 'invalidDate';
      return typeof v === 'string' && !isNaN(Date.parse(v)) ? undefined : 'invalidDate';
    case 'Boolean':
      return typeof v === 'boolean' ? undefined : 'invalid';
    case 'Choice':
      return typeof v === 'string' && f.choices.indexOf(v) >= 0 ? undefined : 'invalidChoice';
    case 'MultiChoice':
      return Array.isArray(v) && v.every((c) => typeof c === 'string' && f.choices.indexOf(c) >= 0) ? undefined : 'invalidChoice';
    case 'User':
    case 'Lookup':
      return hasId(v) ? undefined : 'invalid';
    case 'UserMulti':
    case 'LookupMulti':
      return Array.isArray(v) && v.every(hasId) ? undefined : 'invalid';
    case 'URL': {
      const url = v && typeof v === 'object' ? (v as { url?: unknown }).url : undefined;
      return typeof url === 'string' && /^https?:\/\/\S+$/i.test(url) ? undefined : 'invalidUrl';
    }
    default:
      return undefined;
  }
}

/**
 * Checks the given domain values against the list's declared fields: required, type,
 * length, range, choice keys, dates. Only `keys` when given (e.g. the fields a form edits).
 */
export function validateFields(listKey: ListKey, values: Record<string, unknown>, keys?: readonly string[]): FieldErrors {
  const list = getList(listKey) as ListSchema;
  const errors: FieldErrors = {};
  for (const f of list.fields) {
    if (keys && keys.indexOf(f.key) < 0) continue;
    if (!inUse(f)) continue;
    const v = values[f.key];
    const empty = isEmpty(v) || ((f.type === 'UserMulti' || f.type === 'LookupMulti' || f.type === 'MultiChoice') && Array.isArray(v) && v.length === 0);
    if (empty) {
      if (f.required) errors[f.key] = 'required';
      continue;
    }
    if (isJsonField(list.key, f.key) && typeof v === 'object') continue;
    const code = checkField(f, v);
    if (code) errors[f.key] = code;
  }
  return errors;
}

/** `end` must not be before `start` (ISO dates compare as text). */
export function checkRange(errors: FieldErrors, values: Record<string, unknown>, startKey: string, endKey: string): void {
  const start = values[startKey];
  const end = values[endKey];
  if (!errors[startKey] && !errors[endKey] && isIsoDate(start) && isIsoDate(end) && end < start) errors[endKey] = 'endBeforeStart';
}
