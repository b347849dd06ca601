import { XMLParser } from 'fast-xml-parser';
import { Errors } from '../http/errors';
import type { CompareOp, FilterNode, Literal, Operand } from '../odata/filter';
import type { OrderBy } from '../odata/query-options';
import type { Field } from '../store/types';
import { entityPropertyName, isLookupType, isUserType } from '../model/fieldTypes';

/**
 * CAML (`<View><Query><Where>…`) read into the same filter tree and ordering the OData path
 * uses, so a CAML query runs through the same item query — and the same list view threshold —
 * as `items?$filter=…`. Elements SharePoint documents but this server does not evaluate
 * (Membership, DateRangesOverlap, Includes…) are a 501, never silently ignored.
 */

export interface CamlView {
  where?: FilterNode;
  orderBy: OrderBy[];
  viewFields: string[];
  /** Undefined when the view sets none: then the query must return every matching row. */
  rowLimit?: number;
  paged: boolean;
  scope?: string;
}

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

type Raw = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseTagValue: false, parseAttributeValue: false,
  trimValues: true, processEntities: true
});

function toNodes(raw: unknown): Node[] {
  if (!Array.isArray(raw)) return [];
  const out: Node[] = [];
  for (const entry of raw as Raw[]) {
    const name = Object.keys(entry).find((k) => k !== ':@');
    if (!name || name === '#text') continue;
    const childrenRaw = entry[name] as Raw[];
    const text = (Array.isArray(childrenRaw) ? childrenRaw : []).filter((c) => '#text' in c).map((c) => String(c['#text'])).join('');
    out.push({ name, attrs: (entry[':@'] as Record<string, string> | undefined) ?? {}, children: toNodes(childrenRaw), text });
  }
  return out;
}

export function parseXml(xml: string): Node[] {
  try {
    return toNodes(parser.parse(xml));
  } catch (e) {
    throw camlError(`The CAML is not well-formed XML: ${(e as Error).message}`);
  }
}

function camlError(message: string): Error {
  return Errors.badRequest(message);
}

const child = (n: Node, name: string): Node | undefined => n.children.find((c) => c.name.toLowerCase() === name.toLowerCase());
const attr = (n: Node, name: string): string | undefined => {
  const key = Object.keys(n.attrs).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : n.attrs[key];
};
const isTrue = (v: string | undefined): boolean => (v ?? '').toUpperCase() === 'TRUE';

/** `<View>…</View>`, a bare `<Query>…</Query>` or empty text (the whole list). */
export function parseView(xml: string, fields: Field[], context: { userId: number; now: Date }): CamlView {
  const view: CamlView = { orderBy: [], viewFields: [], paged: false };
  if (!xml.trim()) return view;
  const roots = parseXml(xml);
  if (roots.length !== 1) throw camlError('The CAML must have one root element (<View> or <Query>).');
  const root = roots[0];
  const query = root.name === 'Query' ? root : root.name === 'View' ? child(root, 'Query') : undefined;
  if (root.name !== 'View' && root.name !== 'Query') throw camlError(`Unexpected CAML root element <${root.name}>.`);
  if (root.name === 'View') {
    view.scope = attr(root, 'Scope');
    const vf = child(root, 'ViewFields');
    if (vf) view.viewFields = vf.children.filter((c) => c.name === 'FieldRef').map((c) => requireName(c));
    const rl = child(root, 'RowLimit');
    if (rl) {
      if (!/^\d+$/.test(rl.text.trim())) throw camlError(`RowLimit '${rl.text}' is not a number.`);
      view.rowLimit = Number(rl.text.trim());
      view.paged = isTrue(attr(rl, 'Paged'));
    }
  }
  if (query) {
    const where = child(query, 'Where');
    if (where) {
      if (where.children.length !== 1) throw camlError('<Where> must contain exactly one condition.');
      view.where = condition(where.children[0], fields, context);
    }
    const order = child(query, 'OrderBy');
    if (order) {
      view.orderBy = order.children.filter((c) => c.name === 'FieldRef').map((c) => ({
        path: [propertyOf(fields, requireName(c))], descending: (attr(c, 'Ascending') ?? 'TRUE').toUpperCase() === 'FALSE'
      }));
    }
    const group = child(query, 'GroupBy');
    if (group) throw Errors.notImplemented('CAML <GroupBy>');
  }
  return view;
}

function requireName(n: Node): string {
  const name = attr(n, 'Name');
  if (!name) throw camlError('A <FieldRef> needs a Name.');
  return name;
}

/** CAML names columns by internal name; the OData paths the query engine resolves use entity property names. */
function propertyOf(fields: Field[], name: string): string {
  const f = findField(fields, name);
  return f ? entityPropertyName(f.internalName) : name;
}

function findField(fields: Field[], name: string): Field | undefined {
  return fields.find((f) => f.internalName === name) ?? fields.find((f) => f.internalName.toLowerCase() === name.toLowerCase());
}

const COMPARE: Record<string, CompareOp> = { Eq: 'eq', Neq: 'ne', Gt: 'gt', Geq: 'ge', Lt: 'lt', Leq: 'le' };
/** SharePoint Online accepts at most 500 values in one <In> [verify]. */
const MAX_IN_VALUES = 500;

function condition(n: Node, fields: Field[], context: { userId: number; now: Date }): FilterNode {
  if (n.name === 'And' || n.name === 'Or') {
    if (n.children.length !== 2) throw camlError(`<${n.name}> takes exactly two conditions; nest them for more.`);
    return { kind: n.name === 'And' ? 'and' : 'or', left: condition(n.children[0], fields, context), right: condition(n.children[1], fields, context) };
  }
  const ref = child(n, 'FieldRef');
  if (!ref) {
    if (['Membership', 'DateRangesOverlap', 'Includes', 'NotIncludes', 'Geo', 'In'].includes(n.name)) {
      throw camlError(`<${n.name}> needs a <FieldRef>.`);
    }
    throw camlError(`Unknown CAML element <${n.name}>.`);
  }
  const name = requireName(ref);
  const field = findField(fields, name);
  if (!field) throw Errors.columnNotFound(name);
  const lookupId = isTrue(attr(ref, 'LookupId'));
  const path = pathOf(field, lookupId);
  const prop: Operand = { kind: 'property', path };
  if (n.name in COMPARE) {
    const valueNode = child(n, 'Value');
    if (!valueNode) throw camlError(`<${n.name}> needs a <Value>.`);
    return compare(COMPARE[n.name], prop, valueNode, field, lookupId, context);
  }
  switch (n.name) {
    case 'IsNull':
      return { kind: 'compare', op: 'eq', left: prop, right: { kind: 'literal', type: 'null', value: null } };
    case 'IsNotNull':
      return { kind: 'compare', op: 'ne', left: prop, right: { kind: 'literal', type: 'null', value: null } };
    case 'Contains':
    case 'BeginsWith': {
      const valueNode = child(n, 'Value');
      if (!valueNode) throw camlError(`<${n.name}> needs a <Value>.`);
      const lit: Literal = { kind: 'literal', type: 'string', value: valueNode.text };
      return n.name === 'Contains' ? { kind: 'call', name: 'substringof', args: [lit, prop] } : { kind: 'call', name: 'startswith', args: [prop, lit] };
    }
    case 'In': {
      const values = child(n, 'Values')?.children.filter((c) => c.name === 'Value') ?? [];
      if (!values.length) throw camlError('<In> needs <Values> with at least one <Value>.');
      if (values.length > MAX_IN_VALUES) throw camlError(`<In> takes at most ${MAX_IN_VALUES} values.`);
      return values.map((v) => compare('eq', prop, v, field, lookupId, context))
        .reduce((acc, c) => ({ kind: 'or', left: acc, right: c }));
    }
    default:
      throw Errors.notImplemented(`the CAML element <${n.name}>`);
  }
}

/** Which value a comparison sees: a person or lookup compares by its display value unless LookupId="TRUE". */
function pathOf(field: Field, lookupId: boolean): string[] {
  const prop = entityPropertyName(field.internalName);
  if (isUserType(field.typeAsString)) return lookupId ? [prop, 'Id'] : [prop, 'Title'];
  if (isLookupType(field.typeAsString)) return lookupId ? [prop, 'Id'] : [prop, String(field.props.LookupField ?? 'Title')];
  return [prop];
}

function compare(op: CompareOp, prop: Operand, valueNode: Node, field: Field, lookupId: boolean, context: { userId: number; now: Date }): FilterNode {
  const type = (attr(valueNode, 'Type') ?? '').toLowerCase();
  if (child(valueNode, 'UserID')) {
    return { kind: 'compare', op, left: { kind: 'property', path: [entityPropertyName(field.internalName), 'Id'] }, right: { kind: 'literal', type: 'number', value: context.userId } };
  }
  const today = child(valueNode, 'Today');
  if (type === 'datetime' || today) {
    let date: Date;
    if (today) {
      date = new Date(Date.UTC(context.now.getUTCFullYear(), context.now.getUTCMonth(), context.now.getUTCDate()));
      const offset = Number(attr(today, 'OffsetDays') ?? attr(today, 'Offset') ?? 0);
      date.setUTCDate(date.getUTCDate() + (Number.isFinite(offset) ? offset : 0));
    } else {
      const ms = Date.parse(valueNode.text.trim());
      if (!Number.isFinite(ms)) throw camlError(`'${valueNode.text}' is not a valid DateTime value.`);
      date = new Date(ms);
    }
    if (isTrue(attr(valueNode, 'IncludeTimeValue'))) return { kind: 'compare', op, left: prop, right: dateLiteral(date) };
    // Without IncludeTimeValue CAML compares the date alone (every site here is UTC).
    const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
    const next = new Date(day.getTime() + 86_400_000);
    const c = (o: CompareOp, d: Date): FilterNode => ({ kind: 'compare', op: o, left: prop, right: dateLiteral(d) });
    switch (op) {
      case 'eq': return { kind: 'and', left: c('ge', day), right: c('lt', next) };
      case 'ne': return { kind: 'or', left: c('lt', day), right: c('ge', next) };
      case 'gt': return c('ge', next);
      case 'ge': return c('ge', day);
      case 'lt': return c('lt', day);
      case 'le': return c('lt', next);
    }
  }
  const text = valueNode.text;
  let lit: Literal;
  if (['integer', 'number', 'counter', 'currency', 'lookup'].includes(type) || (lookupId && type !== 'text')) {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n)) throw camlError(`'${text}' is not a valid ${type || 'number'} value.`);
    lit = { kind: 'literal', type: 'number', value: n };
  } else if (type === 'boolean') {
    const t = text.trim().toUpperCase();
    if (!['1', '0', 'TRUE', 'FALSE'].includes(t)) throw camlError(`'${text}' is not a valid Boolean value.`);
    lit = { kind: 'literal', type: 'boolean', value: t === '1' || t === 'TRUE' };
  } else {
    lit = { kind: 'literal', type: 'string', value: text };
  }
  return { kind: 'compare', op, left: prop, right: lit };
}

function dateLiteral(d: Date): Literal {
  return { kind: 'literal', type: 'datetime', value: d.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}
