import { getList, inUse, systemFields, type FieldSchema, type ListKey, type ListSchema } from '../schema';
import type { Hyperlink, LookupRef, PersonRef } from '../model/common';

/**
 * The one place raw list items (internal names) become camelCase domain values and back.
 * Driven by the schema, so a new column needs no mapping code.
 */

type Raw = Record<string, unknown>;

function person(v: unknown): PersonRef | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const p = v as { Id?: number; Title?: string; EMail?: string };
  if (typeof p.Id !== 'number') return undefined;
  return { id: p.Id, title: p.Title ?? '', email: p.EMail ?? '' };
}

function lookup(v: unknown, shown: string): LookupRef | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const l = v as Record<string, unknown>;
  if (typeof l.Id !== 'number') return undefined;
  return { id: l.Id, title: String(l[shown] ?? l.Title ?? '') };
}

/**
 * Multi-line text columns that hold JSON: the domain type is an object, SharePoint stores
 * text. Keyed by field key (never internal name).
 */
const JSON_FIELDS: Record<string, readonly string[]> = {
  projectPriorities: ['criteriaScores'],
  portfolioViews: ['filterDefinition']
};

export function isJsonField(listKey: string, fieldKey: string): boolean {
  const keys = JSON_FIELDS[listKey];
  return !!keys && keys.indexOf(fieldKey) >= 0;
}

/** Parsed JSON, or `fallback` for empty or malformed text (a hand-edited item must not break the register). */
function parseJson(v: unknown, fallback: unknown): unknown {
  if (typeof v !== 'string' || !v.trim()) return fallback;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return fallback;
  }
}

/** System person columns (Created By, Modified By) mapped when a query selected them. */
const SYSTEM_PEOPLE: ReadonlyArray<[string, string]> = systemFields.filter((f) => f.type === 'User').map((f): [string, string] => [f.key, f.internalName]);

function shownField(field: FieldSchema): string {
  if (field.type !== 'Lookup' && field.type !== 'LookupMulti') return 'Title';
  if (!field.lookupField || field.lookupField === 'title') return 'Title';
  const target = getList(field.lookupList as ListKey) as ListSchema;
  const f = target.fields.find((x) => x.key === field.lookupField);
  return f ? f.internalName : 'Title';
}

/**
 * Date-only columns are written at noon UTC, so the calendar date survives any site time
 * zone from UTC−11 to UTC+11 when SharePoint stores it at local midnight [verify on a tenant].
 */
export function toDateOnly(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  return value.slice(0, 10);
}

export function fromItem<T>(listKey: ListKey, raw: Raw): T {
  const list = getList(listKey) as ListSchema;
  const out: Record<string, unknown> = { id: raw.Id ?? raw.ID };
  if (typeof raw['odata.etag'] === 'string') out.etag = raw['odata.etag'];
  for (const f of list.fields) {
    if (!inUse(f)) continue;
    const v = raw[f.internalName];
    switch (f.type) {
      case 'User': out[f.key] = person(v); break;
      case 'UserMulti': out[f.key] = Array.isArray(v) ? v.map(person).filter((x): x is PersonRef => !!x) : []; break;
      case 'Lookup': out[f.key] = lookup(v, shownField(f)); break;
      case 'LookupMulti': out[f.key] = Array.isArray(v) ? v.map((x) => lookup(x, shownField(f))).filter((x): x is LookupRef => !!x) : []; break;
      case 'DateTime': out[f.key] = f.dateOnly ? toDateOnly(v) : (typeof v === 'string' ? v : undefined); break;
      case 'URL': {
        const u = v as { Url?: string; Description?: string } | null | undefined;
        out[f.key] = u && u.Url ? ({ url: u.Url, description: u.Description } as Hyperlink) : undefined;
        break;
      }
      case 'MultiChoice': out[f.key] = Array.isArray(v) ? v.map(String) : []; break;
      case 'Number': case 'Currency': out[f.key] = typeof v === 'number' ? v : undefined; break;
      case 'Boolean': out[f.key] = v === true; break;
      default:
        if (isJsonField(listKey, f.key)) out[f.key] = parseJson(v, listKey === 'projectPriorities' ? {} : undefined);
        else out[f.key] = v === null || v === undefined ? undefined : String(v);
    }
  }
  for (const [key, name] of SYSTEM_PEOPLE) {
    if (raw[name] && typeof raw[name] === 'object') out[key] = person(raw[name]);
  }
  return out as T;
}

/** The REST payload (entity property names) for the given domain values; absent keys are left out. */
export function toPayload(listKey: ListKey, values: Record<string, unknown>): Raw {
  const list = getList(listKey) as ListSchema;
  const out: Raw = {};
  for (const f of list.fields) {
    if (!(f.key in values)) continue;
    // Nothing writes a retired column: a caller that tries is a bug, not a value to drop quietly.
    if (!inUse(f)) throw new Error(`'${listKey}.${f.key}' is retired (schema ${String(f.retired)}): nothing writes it.`);
    const v = values[f.key];
    switch (f.type) {
      case 'User': case 'Lookup':
        out[`${f.internalName}Id`] = v && typeof v === 'object' ? (v as { id: number }).id : typeof v === 'number' ? v : null;
        break;
      case 'UserMulti': case 'LookupMulti':
        out[`${f.internalName}Id`] = Array.isArray(v) ? v.map((x) => (typeof x === 'number' ? x : (x as { id: number }).id)) : [];
        break;
      case 'DateTime':
        out[f.internalName] = v ? (f.dateOnly ? `${String(v).slice(0, 10)}T12:00:00Z` : v) : null;
        break;
      case 'URL': {
        const h = v as Hyperlink | undefined;
        out[f.internalName] = h && h.url ? { Url: h.url, Description: h.description || h.url } : null;
        break;
      }
      default:
        if (isJsonField(listKey, f.key) && v !== null && typeof v === 'object') out[f.internalName] = JSON.stringify(v);
        else out[f.internalName] = v === undefined ? null : v;
    }
  }
  return out;
}

/** One value as a list form posts it (`AddValidateUpdateItemUsingPath`, `ValidateUpdateListItem`). */
export interface FormValue { FieldName: string; FieldValue: string }

/**
 * The same values as form text: numbers with a '.' decimal point, dates as ISO 8601, people by
 * e-mail (`[{"Key": …}]`), lookups by ID. SharePoint parses form text in the site's regional
 * settings [verify: ISO dates parse in every locale; a decimal number on a site whose locale uses
 * a decimal comma needs checking on a tenant — the values PMO Hub adds this way are whole numbers
 * except money].
 */
export function toFormValues(listKey: ListKey, values: Record<string, unknown>): FormValue[] {
  const list = getList(listKey) as ListSchema;
  const payload = toPayload(listKey, values);
  const out: FormValue[] = [];
  for (const f of list.fields) {
    if (!(f.key in values)) continue;
    const v = values[f.key];
    let text: string;
    switch (f.type) {
      case 'User': case 'UserMulti': {
        const people = (Array.isArray(v) ? v : v ? [v] : []) as Array<{ email?: string }>;
        text = people.length ? JSON.stringify(people.map((p) => ({ Key: p.email ?? '' }))) : '';
        break;
      }
      case 'Lookup': {
        const id = payload[`${f.internalName}Id`];
        text = typeof id === 'number' ? String(id) : '';
        break;
      }
      case 'LookupMulti': text = ((payload[`${f.internalName}Id`] as number[]) ?? []).join(';#;#'); break;
      case 'MultiChoice': text = Array.isArray(v) && v.length ? `;#${(v as string[]).join(';#')};#` : ''; break;
      case 'Boolean': text = v === true ? '1' : '0'; break;
      case 'URL': {
        const u = payload[f.internalName] as { Url: string; Description: string } | null;
        text = u ? `${u.Url}, ${u.Description}` : '';
        break;
      }
      default: {
        const p = payload[f.internalName];
        text = p === null || p === undefined ? '' : String(p);
      }
    }
    out.push({ FieldName: f.internalName, FieldValue: text });
  }
  return out;
}
