import type { ListSnapshot } from './listSnapshots';

/**
 * A snapshot as the site's file stores it: column by column, a column with few distinct values (a
 * unit, a phase, a leader, a status) as those values once and an index a row. The rows' own JSON
 * repeats every key and every person a row: 10,030 projects were 4.4 MB to inflate and parse on a
 * new browser's main thread before its first screen; by column they are 1.1 MB (measured on the
 * bench's portfolio, 7 Dec 2026).
 */
export interface ColumnSnapshot {
  format: typeof COLUMNS_FORMAT;
  shape: string;
  changeToken: string;
  readAt: string;
  count: number;
  columns: SnapshotColumn[];
}

/**
 * One key of the rows: `values` a row, or `dictionary` and an `index` a row; `absent` lists the
 * rows without the key (undefined in the row, which JSON cannot keep in an array).
 */
export interface SnapshotColumn {
  key: string;
  values?: unknown[];
  dictionary?: unknown[];
  index?: number[];
  absent?: number[];
}

export const COLUMNS_FORMAT = 'pmo-hub-columns/1';

/** A column is stored as a dictionary when its distinct values are at most this share of the rows. */
const DICTIONARY_SHARE = 0.25;

/** The identity of a value for the dictionary: primitives as themselves, objects by their JSON. */
function identity(v: unknown): unknown {
  return v !== null && typeof v === 'object' ? `o:${JSON.stringify(v)}` : v;
}

export function toColumns<T>(snapshot: ListSnapshot<T>): ColumnSnapshot {
  const rows = snapshot.rows as unknown as Array<Record<string, unknown>>;
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const k of Object.keys(row)) if (!seen.has(k)) { seen.add(k); keys.push(k); }
  }
  const columns = keys.map((key): SnapshotColumn => {
    const absent: number[] = [];
    const distinct = new Map<unknown, number>();
    const dictionary: unknown[] = [];
    const index: number[] = [];
    const values: unknown[] = [];
    let asDictionary = true;
    rows.forEach((row, i) => {
      if (!Object.prototype.hasOwnProperty.call(row, key) || row[key] === undefined) {
        absent.push(i);
        values.push(null);
        index.push(-1);
        return;
      }
      const v = row[key];
      values.push(v);
      if (!asDictionary) return;
      const id = identity(v);
      let at = distinct.get(id);
      if (at === undefined) {
        at = dictionary.length;
        distinct.set(id, at);
        dictionary.push(v);
        if (dictionary.length > Math.max(1, rows.length * DICTIONARY_SHARE)) asDictionary = false;
      }
      index.push(at);
    });
    if (asDictionary) return { key, dictionary, index };
    return absent.length ? { key, values, absent } : { key, values };
  });
  return { format: COLUMNS_FORMAT, shape: snapshot.shape, changeToken: snapshot.changeToken, readAt: snapshot.readAt, count: rows.length, columns };
}

function isColumn(c: unknown, count: number): c is SnapshotColumn {
  const col = c as SnapshotColumn | null;
  // A key `__proto__` would set a row's prototype rather than a column.
  if (!col || typeof col !== 'object' || typeof col.key !== 'string' || col.key === '__proto__') return false;
  if (Array.isArray(col.values)) {
    const absent = col.absent ?? [];
    return col.values.length === count && Array.isArray(absent)
      && absent.every((i, n) => Number.isInteger(i) && i >= 0 && i < count && (n === 0 || i > absent[n - 1]));
  }
  return Array.isArray(col.dictionary) && Array.isArray(col.index) && col.index.length === count
    && col.index.every((i) => Number.isInteger(i) && i >= -1 && i < (col.dictionary as unknown[]).length);
}

/**
 * The snapshot a column file holds, rows as they were written (a dictionary's object shared by the
 * rows that had it: rows are read, never changed in place); undefined when it is not one.
 */
export function fromColumns<T>(x: unknown): ListSnapshot<T> | undefined {
  const s = x as ColumnSnapshot | null;
  if (!s || typeof s !== 'object' || s.format !== COLUMNS_FORMAT || !Number.isInteger(s.count) || s.count < 0 || !Array.isArray(s.columns)) return undefined;
  if (!s.columns.every((c) => isColumn(c, s.count))) return undefined;
  const rows: Array<Record<string, unknown>> = new Array(s.count);
  for (let i = 0; i < s.count; i++) rows[i] = {};
  for (const col of s.columns) {
    const { key } = col;
    if (col.values) {
      const values = col.values;
      // Ascending (checked above): walked beside the rows, so an absent key is never set, rather than set and deleted.
      const absent = col.absent ?? [];
      let a = 0;
      for (let i = 0; i < s.count; i++) {
        if (a < absent.length && absent[a] === i) { a++; continue; }
        rows[i][key] = values[i];
      }
    } else {
      const dictionary = col.dictionary as unknown[];
      const index = col.index as number[];
      for (let i = 0; i < s.count; i++) if (index[i] >= 0) rows[i][key] = dictionary[index[i]];
    }
  }
  return { shape: s.shape, changeToken: s.changeToken, readAt: s.readAt, rows: rows as unknown as T[] };
}
