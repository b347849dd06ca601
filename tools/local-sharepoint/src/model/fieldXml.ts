import { XMLParser } from 'fast-xml-parser';
import { Errors } from '../http/errors';
import type { FieldProps } from '../store/types';

export interface FieldFromXml {
  title: string;
  internalName: string;
  id?: string;
  type: string;
  props: FieldProps;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, trimValues: true, isArray: (name) => name === 'CHOICE' });

const TRUE = (v: unknown): boolean => typeof v === 'string' && v.toUpperCase() === 'TRUE';

/** Reads a CAML `<Field …/>` as `createFieldAsXml` receives it. */
export function parseFieldXml(xml: string): FieldFromXml {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch (e) {
    throw Errors.badRequest(`The field schema XML is not well-formed: ${(e as Error).message}`);
  }
  const f = doc.Field as Record<string, unknown> | undefined;
  if (!f || typeof f !== 'object') throw Errors.badRequest('The field schema XML must have a <Field> root element.');
  const attr = (k: string): string | undefined => (typeof f[k] === 'string' ? (f[k] as string) : undefined);
  let type = attr('Type');
  if (!type) throw Errors.badRequest('The <Field> element needs a Type attribute.');
  const displayName = attr('DisplayName') ?? attr('Name');
  const name = attr('Name') ?? attr('StaticName');
  if (!displayName) throw Errors.badRequest('The <Field> element needs a DisplayName or Name attribute.');
  const props: FieldProps = {};
  if (TRUE(attr('Required'))) props.Required = true;
  if (TRUE(attr('Indexed'))) props.Indexed = true;
  if (TRUE(attr('EnforceUniqueValues'))) props.EnforceUniqueValues = true;
  if (TRUE(attr('Hidden'))) props.Hidden = true;
  if (attr('Group')) props.Group = attr('Group');
  if (attr('Description')) props.Description = attr('Description');
  if (attr('MaxLength')) props.MaxLength = Number(attr('MaxLength'));
  if (attr('Min')) props.MinimumValue = Number(attr('Min'));
  if (attr('Max')) props.MaximumValue = Number(attr('Max'));
  if (attr('Format') === 'DateOnly') props.DisplayFormat = 0;
  else if (type === 'DateTime') props.DisplayFormat = 1;
  if (TRUE(attr('FillInChoice'))) props.FillInChoice = true;
  if (attr('List')) props.LookupList = attr('List');
  if (attr('ShowField')) props.LookupField = attr('ShowField');
  if (attr('UserSelectionMode')) props.SelectionMode = attr('UserSelectionMode') === 'PeopleOnly' ? 0 : 1;
  if (typeof f.Default === 'string' || typeof f.Default === 'number') props.DefaultValue = String(f.Default);
  const choices = (f.CHOICES as { CHOICE?: unknown[] } | undefined)?.CHOICE;
  if (choices) props.Choices = choices.map((c) => String(typeof c === 'object' && c !== null ? (c as { '#text'?: unknown })['#text'] ?? '' : c));
  const mult = TRUE(attr('Mult'));
  if (type === 'User' && mult) type = 'UserMulti';
  if (type === 'Lookup' && mult) type = 'LookupMulti';
  if (mult && !['UserMulti', 'LookupMulti'].includes(type)) props.AllowMultipleValues = true;
  if ((type === 'Lookup' || type === 'LookupMulti') && !props.LookupList) throw Errors.badRequest(`The lookup field '${displayName}' needs a List attribute.`);
  const id = attr('ID')?.replace(/[{}]/g, '');
  return { title: displayName, internalName: name ?? displayName, id, type, props };
}
