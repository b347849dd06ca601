// The list schema of PMO Hub: the single source of truth for provisioning, the
// services' $select/$filter, the site-script export and the seed data. This is the
// only place where SharePoint internal names may be spelled out.
import { communityEvents } from './communityEvents';
import { keyResults } from './keyResults';
import { keyResultCheckIns } from './keyResultCheckIns';
import { lessonsLearned } from './lessonsLearned';
import { methodTemplates } from './methodTemplates';
import { pmoExperts } from './pmoExperts';
import { portfolioViews } from './portfolioViews';
import { prioritisationCriteria } from './prioritisationCriteria';
import { projectPriorities } from './projectPriorities';
import { projects } from './projects';
import { risks } from './risks';
import { sparringRequests } from './sparringRequests';
import { sparringAssignments } from './sparringAssignments';
import { sharedPortfolioViews } from './sharedPortfolioViews';
import { statusReports } from './statusReports';
import { strategicObjectives } from './strategicObjectives';
import { templateDownloads } from './templateDownloads';
import { hubSettings } from './hubSettings';
import { frontDoor } from './frontDoor';
import { benefits, benefitMeasurements } from './benefits';
import { hubSnapshots } from './hubSnapshots';
import type {
  FieldSchema,
  ListSchema,
  SystemFieldSchema,
  ViewCondition,
  ViewSchema,
  ViewValue
} from './types';

export * from './types';
export { groups, roleDefinitions, listRoles, changeRoles, rolesAt } from './groups';
export { RAG_VALUES, PROJECT_PHASES, WORK_PHASES, PROJECT_METHODS } from './projects';
export { RISK_STATUSES, OPEN_RISK_STATUSES } from './risks';
export { TEMPLATE_CATEGORIES, TEMPLATE_STANDARDS, TEMPLATE_LANGUAGES, TEMPLATE_STATUSES } from './methodTemplates';
export { EVENT_TYPES, EVENT_AUDIENCES } from './communityEvents';
export { COMPETENCIES, CERTIFICATIONS, EXPERT_AVAILABILITIES } from './pmoExperts';
export { SPARRING_STATUSES } from './sparringRequests';
export { LESSON_CATEGORIES } from './lessonsLearned';
export { FRONT_DOOR_SECTIONS, FRONT_DOOR_LANGUAGES, SERVICE_AREAS, GOVERNANCE_ROLES } from './frontDoor';
export { SITE_PAGES, SITE_PAGES_INDEXED, NEWS_PROMOTED_STATE, NEWS_LANGUAGE_FIELD } from './sitePages';
export { BENEFIT_CATEGORIES, BENEFIT_STATUSES, OPEN_BENEFIT_STATUSES } from './benefits';
export {
  communityEvents,
  keyResults,
  keyResultCheckIns,
  lessonsLearned,
  methodTemplates,
  pmoExperts,
  portfolioViews,
  prioritisationCriteria,
  projectPriorities,
  projects,
  sharedPortfolioViews,
  risks,
  sparringAssignments,
  sparringRequests,
  statusReports,
  strategicObjectives,
  templateDownloads,
  hubSettings,
  frontDoor,
  benefits,
  benefitMeasurements,
  hubSnapshots
};

/**
 * Raised whenever a list, field or view is added or changed; each of those carries
 * the version that introduced it in `since`, so an upgrade can tell what is new.
 */
export const SCHEMA_VERSION: number = 13;

// Lookup targets come before the lists that point at them, so provisioning and
// site scripts can simply walk the array.
const orderedLists = [
  strategicObjectives,
  keyResults,
  keyResultCheckIns,
  prioritisationCriteria,
  projects,
  projectPriorities,
  statusReports,
  risks,
  methodTemplates,
  templateDownloads,
  communityEvents,
  pmoExperts,
  sparringRequests,
  sparringAssignments,
  lessonsLearned,
  portfolioViews,
  sharedPortfolioViews,
  hubSettings,
  frontDoor,
  benefits,
  benefitMeasurements,
  hubSnapshots
] as const;

export const lists: readonly ListSchema[] = orderedLists;

type AnyList = (typeof orderedLists)[number];

/** Key of a declared list: `projects`, `statusReports`, … */
export type ListKey = AnyList['key'];

/** The declared (literal) type of one list. */
export type ListOf<K extends ListKey> = Extract<AnyList, { key: K }>;

/** Keys of the fields a list declares. */
export type DeclaredFieldKey<K extends ListKey> = ListOf<K>['fields'][number]['key'];

const SYSTEM_FIELD_LIST = [
  { key: 'id', internalName: 'ID', type: 'Counter', selectedByDefault: true },
  { key: 'created', internalName: 'Created', type: 'DateTime' },
  { key: 'modified', internalName: 'Modified', type: 'DateTime' },
  { key: 'author', internalName: 'Author', type: 'User' },
  { key: 'editor', internalName: 'Editor', type: 'User' },
  { key: 'fileName', internalName: 'FileLeafRef', type: 'File', viewName: 'LinkFilename', libraryOnly: true, selectedByDefault: true },
  { key: 'fileUrl', internalName: 'FileRef', type: 'Text', libraryOnly: true, selectedByDefault: true },
  { key: 'docIcon', internalName: 'DocIcon', type: 'Computed', libraryOnly: true }
] as const;

/**
 * Content approval's status column (SPModerationStatusType), on every list: its internal name
 * (form values), its REST property (payloads, `$select`), and the values PMO Hub writes.
 */
export const MODERATION_STATUS = {
  internalName: '_ModerationStatus', property: 'OData__ModerationStatus', approved: 0, denied: 1, pending: 2
} as const;

/** Where an item lives: the server-relative URL of its folder, and its own (a folder's ends in its name). */
export const ITEM_PATH = { folder: 'FileDirRef', url: 'FileRef' } as const;

/** The REST property SharePoint reports for a list item's kind: 1 for folders. */
export const FILE_SYSTEM_OBJECT_TYPE = { property: 'FileSystemObjectType', folder: 1 } as const;

/** Fields SharePoint provides on every list (and library): ID, Created, Author, file name… */
export const systemFields: readonly SystemFieldSchema[] = SYSTEM_FIELD_LIST;

export type SystemFieldKey = (typeof SYSTEM_FIELD_LIST)[number]['key'];

/** Any key `internalName`/`selectFields` accept for a list: declared or system. */
export type FieldKey<K extends ListKey> = DeclaredFieldKey<K> | SystemFieldKey;

/** The list declared under `key`, or undefined; for code that holds keys as plain strings. */
export function findList(key: string): ListSchema | undefined {
  for (const list of lists) {
    if (list.key === key) {
      return list;
    }
  }
  return undefined;
}

export function getList<K extends ListKey>(key: K): ListOf<K> {
  const list = findList(key);
  if (!list) {
    throw new Error(`Unknown list '${key}'.`);
  }
  return list as ListOf<K>;
}

/** False for a column PMO Hub no longer reads or writes (`retired`): it stays on the site only. */
export function inUse(field: FieldSchema): boolean {
  return field.retired === undefined;
}

function findDeclaredField(list: ListSchema, fieldKey: string): FieldSchema | undefined {
  for (const field of list.fields) {
    if (field.key === fieldKey) {
      return field;
    }
  }
  return undefined;
}

/** The system field under `key` that exists on this list, or undefined. */
export function findSystemField(list: ListSchema, key: string): SystemFieldSchema | undefined {
  for (const field of systemFields) {
    if (field.key === key && (!field.libraryOnly || list.template === 101)) {
      return field;
    }
  }
  return undefined;
}

export function getField<K extends ListKey>(listKey: K, fieldKey: DeclaredFieldKey<K>): FieldSchema {
  const field = findDeclaredField(getList(listKey), fieldKey);
  if (!field) {
    throw new Error(`Unknown field '${fieldKey}' in list '${listKey}'.`);
  }
  return field;
}

function internalNameIn(list: ListSchema, fieldKey: string): string {
  const declared = findDeclaredField(list, fieldKey);
  if (declared) {
    return declared.internalName;
  }
  const system = findSystemField(list, fieldKey);
  if (system) {
    return system.internalName;
  }
  throw new Error(`Unknown field '${fieldKey}' in list '${list.key}'.`);
}

/** Internal name (= REST entity property name) of a declared or system field. */
export function internalName<K extends ListKey>(listKey: K, fieldKey: FieldKey<K>): string {
  return internalNameIn(getList(listKey), fieldKey);
}

export interface SelectExpand {
  select: string[];
  expand: string[];
}

const USER_PROJECTION: readonly string[] = ['Id', 'Title', 'EMail'];

/**
 * `$select` and `$expand` for reading the given fields (all declared fields when
 * omitted). Person and lookup fields are projected (`Leader/Id,Leader/Title,Leader/EMail`)
 * because SharePoint rejects selecting them bare; `Id` is always included.
 */
export function selectFields<K extends ListKey>(listKey: K, fieldKeys?: readonly FieldKey<K>[]): SelectExpand {
  const list: ListSchema = getList(listKey);
  const select: string[] = [];
  const expand: string[] = [];
  const add = (values: string[], value: string): void => {
    if (values.indexOf(value) < 0) {
      values.push(value);
    }
  };

  // `Id` is the item's entity property (the ID field's REST alias) and what paging keys on.
  add(select, 'Id');
  const keys: readonly string[] = fieldKeys
    ? fieldKeys
    : systemFields
        .filter((f) => f.selectedByDefault && (!f.libraryOnly || list.template === 101))
        .map((f) => f.key)
        .concat(list.fields.filter(inUse).map((f) => f.key));

  for (const key of keys) {
    if (key === 'id') {
      continue;
    }
    const declared = findDeclaredField(list, key);
    const system = declared ? undefined : findSystemField(list, key);
    if (!declared && !system) {
      throw new Error(`Unknown field '${key}' in list '${list.key}'.`);
    }
    const name = declared ? declared.internalName : (system as SystemFieldSchema).internalName;
    const type: string = declared ? declared.type : (system as SystemFieldSchema).type;
    if (type === 'User' || type === 'UserMulti') {
      USER_PROJECTION.forEach((p) => add(select, `${name}/${p}`));
      add(expand, name);
    } else if (declared && (declared.type === 'Lookup' || declared.type === 'LookupMulti')) {
      const target = getList(declared.lookupList as ListKey) as ListSchema;
      add(select, `${name}/Id`);
      add(select, `${name}/${internalNameIn(target, declared.lookupField || 'title')}`);
      add(expand, name);
    } else {
      add(select, name);
    }
  }
  return { select, expand };
}

// ---------------------------------------------------------------------------------
// CAML

/** Escapes text for XML attribute values and element content alike. */
export function xmlEscape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attr(name: string, value: string | number | boolean): string {
  const text = typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
  return ` ${name}="${xmlEscape(text)}"`;
}

export interface FieldXmlOptions {
  /**
   * Lookup target for the `List` attribute: the list's GUID (known only once it exists)
   * or its web-relative URL. Omit it where the caller names the target otherwise
   * (site scripts' `targetListName`).
   */
  lookupList?: string;
}

/** CAML `<Field …/>` for `createFieldAsXml` and site scripts; IDs make re-runs idempotent. */
export function fieldXml(field: FieldSchema, options: FieldXmlOptions = {}): string {
  let attrs =
    attr('ID', `{${field.id}}`) +
    attr('Type', field.type) +
    attr('Name', field.internalName) +
    attr('StaticName', field.internalName) +
    attr('DisplayName', field.displayName) +
    attr('Required', !!field.required);
  if (field.indexed) {
    attrs += attr('Indexed', true);
  }
  if (field.unique) {
    attrs += attr('EnforceUniqueValues', true);
  }
  let children = '';

  switch (field.type) {
    case 'Text':
      if (field.maxLength !== undefined) {
        attrs += attr('MaxLength', field.maxLength);
      }
      if (field.defaultValue !== undefined) {
        children += `<Default>${xmlEscape(field.defaultValue)}</Default>`;
      }
      break;
    case 'Note':
      // Plain text only: user text is never rendered as HTML. Unlimited length also in
      // libraries, where multi-line text is otherwise cut at 255 characters.
      attrs += attr('NumLines', field.numLines || 6) + attr('RichText', false) + attr('UnlimitedLengthInDocumentLibrary', true);
      break;
    case 'Number':
    case 'Currency':
      if (field.min !== undefined) {
        attrs += attr('Min', field.min);
      }
      if (field.max !== undefined) {
        attrs += attr('Max', field.max);
      }
      if (field.decimals !== undefined) {
        attrs += attr('Decimals', field.decimals);
      }
      if (field.defaultValue !== undefined) {
        children += `<Default>${field.defaultValue}</Default>`;
      }
      break;
    case 'DateTime':
      attrs += attr('Format', field.dateOnly ? 'DateOnly' : 'DateTime');
      if (field.defaultToday) {
        children += '<Default>[today]</Default>';
      }
      break;
    case 'Boolean':
      if (field.defaultValue !== undefined) {
        children += `<Default>${field.defaultValue ? 1 : 0}</Default>`;
      }
      break;
    case 'Choice':
    case 'MultiChoice':
      if (field.type === 'Choice') {
        attrs += attr('Format', 'Dropdown');
      } else {
        attrs += attr('Mult', true);
      }
      attrs += attr('FillInChoice', false);
      if (field.defaultValue !== undefined) {
        children += `<Default>${xmlEscape(field.defaultValue)}</Default>`;
      }
      children += `<CHOICES>${field.choices.map((c) => `<CHOICE>${xmlEscape(c)}</CHOICE>`).join('')}</CHOICES>`;
      break;
    case 'User':
    case 'UserMulti':
      attrs += attr('UserSelectionMode', 'PeopleOnly') + attr('UserSelectionScope', 0);
      if (field.type === 'UserMulti') {
        attrs += attr('Mult', true);
      }
      break;
    case 'Lookup':
    case 'LookupMulti': {
      const target = findList(field.lookupList);
      if (!target) {
        throw new Error(`Lookup '${field.key}' targets unknown list '${field.lookupList}'.`);
      }
      if (options.lookupList !== undefined) {
        attrs += attr('List', options.lookupList);
      }
      attrs += attr('ShowField', internalNameIn(target, field.lookupField || 'title'));
      if (field.type === 'LookupMulti') {
        attrs += attr('Mult', true);
      }
      attrs += attr('RelationshipDeleteBehavior', 'None');
      break;
    }
    case 'URL':
      attrs += attr('Format', 'Hyperlink');
      break;
  }

  return children ? `<Field${attrs}>${children}</Field>` : `<Field${attrs} />`;
}

/** Internal names for a view's `<ViewFields>`, using the linked variants lists show. */
export function viewFieldNames(list: ListSchema, view: ViewSchema): string[] {
  return view.fields.map((key) => {
    if (key === 'title' && list.template === 100) {
      return 'LinkTitle';
    }
    const system = findDeclaredField(list, key) ? undefined : findSystemField(list, key);
    if (system && system.viewName) {
      return system.viewName;
    }
    return internalNameIn(list, key);
  });
}

function camlValue(list: ListSchema, fieldKey: string, value: ViewValue): { ref: string; value: string } {
  const name = xmlEscape(internalNameIn(list, fieldKey));
  const declared = findDeclaredField(list, fieldKey);
  const system = declared ? undefined : findSystemField(list, fieldKey);
  const type: string = declared ? declared.type : system ? system.type : 'Text';
  if (typeof value === 'object') {
    if ('me' in value) {
      return { ref: `<FieldRef Name="${name}" />`, value: '<Value Type="Integer"><UserID Type="Integer" /></Value>' };
    }
    return { ref: `<FieldRef Name="${name}" />`, value: `<Value Type="DateTime"><Today OffsetDays="${value.today}" /></Value>` };
  }
  if (typeof value === 'boolean') {
    return { ref: `<FieldRef Name="${name}" />`, value: `<Value Type="Boolean">${value ? 1 : 0}</Value>` };
  }
  if (typeof value === 'number' && (type === 'Lookup' || type === 'User' || type === 'Counter')) {
    return { ref: `<FieldRef Name="${name}" LookupId="TRUE" />`, value: `<Value Type="Integer">${value}</Value>` };
  }
  return { ref: `<FieldRef Name="${name}" />`, value: `<Value Type="${type}">${xmlEscape(String(value))}</Value>` };
}

function conditionXml(list: ListSchema, condition: ViewCondition): string {
  const name = xmlEscape(internalNameIn(list, condition.field));
  switch (condition.op) {
    case 'IsNull':
    case 'IsNotNull':
      return `<${condition.op}><FieldRef Name="${name}" /></${condition.op}>`;
    case 'In': {
      const declared = findDeclaredField(list, condition.field);
      const type = declared ? declared.type : 'Text';
      const values = condition.values.map((v) => `<Value Type="${type}">${xmlEscape(v)}</Value>`).join('');
      return `<In><FieldRef Name="${name}" /><Values>${values}</Values></In>`;
    }
    default: {
      const parts = camlValue(list, condition.field, condition.value);
      return `<${condition.op}>${parts.ref}${parts.value}</${condition.op}>`;
    }
  }
}

/** The view's CAML query body: `<Where>…</Where><OrderBy>…</OrderBy>`. */
export function viewQueryXml(list: ListSchema, view: ViewSchema): string {
  let where = '';
  const conditions = view.filter || [];
  if (conditions.length > 0) {
    // CAML's <And> takes exactly two operands, so longer filters nest to the left.
    let expr = conditionXml(list, conditions[0]);
    for (let i = 1; i < conditions.length; i++) {
      expr = `<And>${expr}${conditionXml(list, conditions[i])}</And>`;
    }
    where = `<Where>${expr}</Where>`;
  }
  const orderBy = view.sort.length
    ? `<OrderBy>${view.sort
        .map((s) => `<FieldRef Name="${xmlEscape(internalNameIn(list, s.field))}"${s.ascending ? '' : ' Ascending="FALSE"'} />`)
        .join('')}</OrderBy>`
    : '';
  return where + orderBy;
}

// ---------------------------------------------------------------------------------
// Upgrades

export interface SchemaChanges {
  lists: ListSchema[];
  fields: { list: ListSchema; field: FieldSchema }[];
  views: { list: ListSchema; view: ViewSchema }[];
}

/**
 * What was introduced after `fromVersion`: whole new lists, and new fields and views
 * on lists that already existed.
 */
export function changesSince(fromVersion: number): SchemaChanges {
  const changes: SchemaChanges = { lists: [], fields: [], views: [] };
  for (const list of lists) {
    if (list.since > fromVersion) {
      changes.lists.push(list);
      continue;
    }
    list.fields.filter((f) => f.since > fromVersion).forEach((field) => changes.fields.push({ list, field }));
    list.views.filter((v) => v.since > fromVersion).forEach((view) => changes.views.push({ list, view }));
  }
  return changes;
}
