import { Errors } from '../http/errors';
import type { ValueType } from '../odata/filter';

/** SP.FieldType (FieldTypeKind) values as @pnp/sp's enum numbers them. */
export const FieldTypeKind = {
  Integer: 1, Text: 2, Note: 3, DateTime: 4, Counter: 5, Choice: 6, Lookup: 7, Boolean: 8,
  Number: 9, Currency: 10, URL: 11, Computed: 12, Guid: 14, MultiChoice: 15, Calculated: 17,
  File: 18, Attachments: 19, User: 20, ModStat: 23, ContentTypeId: 25, Location: 33, Image: 34
} as const;

/** The REST type name (`__metadata.type`, `odata.type`) of a field entity. */
const CLASS_BY_TYPE: Record<string, string> = {
  Text: 'SP.FieldText', Note: 'SP.FieldMultiLineText', Choice: 'SP.FieldChoice',
  MultiChoice: 'SP.FieldMultiChoice', Number: 'SP.FieldNumber', Currency: 'SP.FieldCurrency',
  DateTime: 'SP.FieldDateTime', Boolean: 'SP.Field', User: 'SP.FieldUser', UserMulti: 'SP.FieldUser',
  Lookup: 'SP.FieldLookup', LookupMulti: 'SP.FieldLookup', URL: 'SP.FieldUrl', Calculated: 'SP.FieldCalculated',
  Guid: 'SP.FieldGuid', Counter: 'SP.Field', Integer: 'SP.Field', Computed: 'SP.FieldComputed',
  Location: 'SP.FieldLocation', Thumbnail: 'SP.FieldThumbnail', ContentTypeId: 'SP.Field', File: 'SP.Field',
  Attachments: 'SP.Field', ModStat: 'SP.Field'
};

const TYPE_BY_CLASS: Record<string, string> = {
  'SP.FieldText': 'Text', 'SP.FieldMultiLineText': 'Note', 'SP.FieldChoice': 'Choice',
  'SP.FieldMultiChoice': 'MultiChoice', 'SP.FieldNumber': 'Number', 'SP.FieldCurrency': 'Currency',
  'SP.FieldDateTime': 'DateTime', 'SP.FieldUser': 'User', 'SP.FieldLookup': 'Lookup', 'SP.FieldUrl': 'URL',
  'SP.FieldCalculated': 'Calculated', 'SP.FieldGuid': 'Guid', 'SP.FieldLocation': 'Location'
};

const TYPE_BY_KIND: Record<number, string> = {
  1: 'Integer', 2: 'Text', 3: 'Note', 4: 'DateTime', 5: 'Counter', 6: 'Choice', 7: 'Lookup', 8: 'Boolean',
  9: 'Number', 10: 'Currency', 11: 'URL', 12: 'Computed', 14: 'Guid', 15: 'MultiChoice', 17: 'Calculated',
  18: 'File', 19: 'Attachments', 20: 'User', 23: 'ModStat', 25: 'ContentTypeId', 33: 'Location', 34: 'Thumbnail'
};

export const KIND_BY_TYPE: Record<string, number> = {
  Integer: 1, Text: 2, Note: 3, DateTime: 4, Counter: 5, Choice: 6, Lookup: 7, LookupMulti: 7, Boolean: 8,
  Number: 9, Currency: 10, URL: 11, Computed: 12, Guid: 14, MultiChoice: 15, Calculated: 17, File: 18,
  Attachments: 19, User: 20, UserMulti: 20, ModStat: 23, ContentTypeId: 25, Location: 33, Thumbnail: 34
};

export function fieldClassOf(typeAsString: string): string {
  return CLASS_BY_TYPE[typeAsString] ?? 'SP.Field';
}

export function typeFromClass(cls: string | undefined): string | undefined {
  return cls ? TYPE_BY_CLASS[cls] : undefined;
}

export function typeFromKind(kind: number, multi: boolean): string {
  const t = TYPE_BY_KIND[kind];
  if (!t) throw Errors.badRequest(`Unsupported FieldTypeKind ${kind}.`);
  if (multi && t === 'User') return 'UserMulti';
  if (multi && t === 'Lookup') return 'LookupMulti';
  return t;
}

export function isUserType(t: string): boolean {
  return t === 'User' || t === 'UserMulti';
}
export function isLookupType(t: string): boolean {
  return t === 'Lookup' || t === 'LookupMulti';
}
export function isIdRefType(t: string): boolean {
  return isUserType(t) || isLookupType(t);
}
export function isMultiType(t: string): boolean {
  return t === 'UserMulti' || t === 'LookupMulti' || t === 'MultiChoice';
}

/** The JSON key of a field in item payloads: internal names starting with `_` get `OData_`. */
export function entityPropertyName(internalName: string): string {
  return internalName.startsWith('_') ? `OData_${internalName}` : internalName;
}

/** What the filter evaluator should compare a field's values as. */
export function filterValueType(t: string): ValueType {
  switch (t) {
    case 'Number': case 'Currency': case 'Integer': case 'Counter': case 'ModStat': return 'number';
    case 'DateTime': return 'datetime';
    case 'Boolean': case 'Attachments': return 'boolean';
    case 'User': case 'Lookup': return 'id';
    case 'UserMulti': case 'LookupMulti': return 'multinumber';
    case 'MultiChoice': return 'multitext';
    default: return 'text';
  }
}

/** Site time zone: UTC. Date-only values are stored at midnight UTC [verify: SPO uses the site's zone]. */
export function normaliseDate(value: unknown, fieldName: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw Errors.badRequest(`Cannot convert a primitive value to the expected type 'Edm.DateTime' for field '${fieldName}'.`);
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) {
    throw Errors.badRequest(`Cannot convert a primitive value to the expected type 'Edm.DateTime'. See the inner exception for more details. Value '${String(value)}' of field '${fieldName}'.`);
  }
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Accepts both JSON light arrays and verbose `{results: [...]}` collections. */
export function unwrapCollection(value: unknown): unknown[] | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && Array.isArray((value as { results?: unknown[] }).results)) {
    return (value as { results: unknown[] }).results;
  }
  return null;
}
