// The shapes of the declarative schema. Everything here is plain data so the same
// module loads in an SPFx bundle (ES5, browser) and in the Node provisioning CLI.

/** Column types the solution uses, spelled as SharePoint's `TypeAsString`. */
export type FieldType =
  | 'Text'
  | 'Note'
  | 'Number'
  | 'Currency'
  | 'DateTime'
  | 'Boolean'
  | 'Choice'
  | 'MultiChoice'
  | 'User'
  | 'UserMulti'
  | 'Lookup'
  | 'LookupMulti'
  | 'URL';

/** SPListTemplateType: 100 generic list, 101 document library. */
export type ListTemplate = 100 | 101;

/** SPList.ReadSecurity: 1 everyone reads all items, 2 users read only items they created. */
export type ReadSecurity = 1 | 2;

/** SPList.WriteSecurity: 1 edit all, 2 edit only own items, 4 edit nothing. */
export type WriteSecurity = 1 | 2 | 4;

/** Built-in permission levels, plus PMO Hub's own (see groups.ts): add but not edit, edit but not add or delete. */
export type RoleKey = 'fullControl' | 'design' | 'edit' | 'contribute' | 'read' | 'addItems' | 'editItems' | 'projectReporting';

export type GroupKey = 'pmoOwners' | 'pmoMembers' | 'projectLeaders' | 'visitors';

interface FieldBase {
  /** Stable camelCase key used by services and domain types. */
  readonly key: string;
  /** SharePoint internal name = entity property name; `PMO` + letters/digits, ≤ 32 chars. */
  readonly internalName: string;
  /** English display name; the UI shows localised labels instead. */
  readonly displayName: string;
  /** Field ID (GUID without braces); fixed forever so re-provisioning never duplicates. */
  readonly id: string;
  /** Schema version that introduced the field. */
  readonly since: number;
  readonly required?: boolean;
  readonly indexed?: boolean;
  /** EnforceUniqueValues; SharePoint only allows it on indexed columns. */
  readonly unique?: boolean;
  /** True for fields every list already has (Title): never created, only adjusted. */
  readonly builtIn?: boolean;
  /**
   * Schema version from which PMO Hub no longer reads or writes the column. It stays on the site
   * (provisioned as before, never deleted: it holds data), but no selection, mapping or payload
   * includes it, so a value written there by hand changes nothing anyone sees.
   */
  readonly retired?: number;
}

export interface TextFieldSchema extends FieldBase {
  readonly type: 'Text';
  readonly maxLength?: number;
  readonly defaultValue?: string;
}

export interface NoteFieldSchema extends FieldBase {
  readonly type: 'Note';
  /** Lines shown in the classic form; content is always plain text (never rendered as HTML). */
  readonly numLines?: number;
}

export interface NumberFieldSchema extends FieldBase {
  readonly type: 'Number' | 'Currency';
  readonly min?: number;
  readonly max?: number;
  readonly decimals?: number;
  readonly defaultValue?: number;
}

export interface DateTimeFieldSchema extends FieldBase {
  readonly type: 'DateTime';
  /** Date without time of day (`Format="DateOnly"`). */
  readonly dateOnly: boolean;
  /** Default to the current date (`<Default>[today]</Default>`). */
  readonly defaultToday?: boolean;
}

export interface BooleanFieldSchema extends FieldBase {
  readonly type: 'Boolean';
  readonly defaultValue?: boolean;
}

export interface ChoiceFieldSchema extends FieldBase {
  readonly type: 'Choice' | 'MultiChoice';
  /** Stable keys stored in SharePoint; labels come from localisation. */
  readonly choices: readonly string[];
  readonly defaultValue?: string;
}

export interface UserFieldSchema extends FieldBase {
  readonly type: 'User' | 'UserMulti';
}

export interface LookupFieldSchema extends FieldBase {
  readonly type: 'Lookup' | 'LookupMulti';
  /** Key of the target list; it must come earlier in `lists`. */
  readonly lookupList: string;
  /** Key of the target list's field shown and projected; `title` when omitted. */
  readonly lookupField?: string;
}

export interface UrlFieldSchema extends FieldBase {
  readonly type: 'URL';
}

export type FieldSchema =
  | TextFieldSchema
  | NoteFieldSchema
  | NumberFieldSchema
  | DateTimeFieldSchema
  | BooleanFieldSchema
  | ChoiceFieldSchema
  | UserFieldSchema
  | LookupFieldSchema
  | UrlFieldSchema;

/** Fields SharePoint puts on every list (or library); declared so no code spells them. */
export interface SystemFieldSchema {
  readonly key: string;
  readonly internalName: string;
  readonly type: 'Counter' | 'DateTime' | 'User' | 'File' | 'Text' | 'Computed';
  /** Name to use in a view's `<ViewFields>` when it differs from the internal name. */
  readonly viewName?: string;
  readonly libraryOnly?: boolean;
  /** Selected by `selectFields` when no field keys are given. */
  readonly selectedByDefault?: boolean;
}

/** A value in a view filter: a literal, the current user, or today plus an offset in days. */
export type ViewValue = string | number | boolean | { readonly me: true } | { readonly today: number };

export type ViewCondition =
  | {
      readonly field: string;
      readonly op: 'Eq' | 'Neq' | 'Lt' | 'Leq' | 'Gt' | 'Geq';
      readonly value: ViewValue;
    }
  | { readonly field: string; readonly op: 'IsNull' | 'IsNotNull' }
  | { readonly field: string; readonly op: 'In'; readonly values: readonly string[] };

export interface ViewSort {
  /** Field key (or system key such as `id`). */
  readonly field: string;
  readonly ascending: boolean;
}

export interface ViewSchema {
  readonly key: string;
  /** English view name; also the view's name in SharePoint. */
  readonly title: string;
  readonly since: number;
  readonly isDefault?: boolean;
  /** Field keys (declared or system), in column order. */
  readonly fields: readonly string[];
  /** Conditions ANDed together; each on an indexed field so the view survives 5,000+ items. */
  readonly filter?: readonly ViewCondition[];
  /** Sort on indexed fields or `id` only. */
  readonly sort: readonly ViewSort[];
  /** ≤ 5,000 (list view threshold). */
  readonly rowLimit: number;
  readonly paged: boolean;
}

export interface ListRoleAssignment {
  readonly group: GroupKey;
  readonly role: RoleKey;
  /** Schema version that gave the group this role on the list (1 when omitted). */
  readonly since?: number;
  /** Schema version from which the group no longer has it: provisioning removes it. */
  readonly until?: number;
}

/**
 * Per-item permissions the services keep: each item gets its own permissions (copied from the
 * list) plus `role` for the person in `personField`. Set by the PMO's save (who has Manage
 * Permissions on the list) and by provisioning for items that exist when the model arrives.
 */
export interface ItemPermissionsSchema {
  readonly personField: string;
  readonly role: RoleKey;
  readonly since: number;
}

/**
 * Content approval (SPList.EnableModeration) with draft-item security: readers see only approved
 * items; drafts are seen per `draftVisibility` (0 readers, 1 editors, 2 approvers and the author).
 */
export interface ModerationSchema {
  readonly since: number;
  readonly draftVisibility: 0 | 1 | 2;
}

/**
 * One folder per project (named by the project's ID) with its own permissions: the list's,
 * copied, plus `role` for the project's leader. Items of a project are added in its folder, so
 * Add Items is checked there; set by the PMO's project save and by provisioning.
 */
export interface ProjectFoldersSchema {
  readonly since: number;
  readonly role: RoleKey;
  /**
   * Besides the leader, the people named in this person field of that list's items of the project
   * get `role` on the folder too (a project's benefit owners). Kept by the PMO's saves.
   */
  readonly people?: { readonly list: string; readonly field: string };
}

export interface VersioningSchema {
  readonly enabled: boolean;
  readonly minorVersions?: boolean;
  readonly majorVersionLimit?: number;
}

export interface ListSchema {
  /** Stable camelCase key used in code. */
  readonly key: string;
  /** English title; the UI localises. */
  readonly title: string;
  /** Web-relative URL: `Lists/PMOProjects`, or `PMOMethodTemplates` for libraries. Never changes. */
  readonly url: string;
  readonly template: ListTemplate;
  readonly description: string;
  readonly since: number;
  readonly versioning: VersioningSchema;
  readonly readSecurity: ReadSecurity;
  readonly writeSecurity: WriteSecurity;
  /** The complete set of role assignments on the list (not a delta from the site). */
  readonly roles: readonly ListRoleAssignment[];
  readonly itemPermissions?: ItemPermissionsSchema;
  readonly moderation?: ModerationSchema;
  readonly projectFolders?: ProjectFoldersSchema;
  readonly fields: readonly FieldSchema[];
  readonly views: readonly ViewSchema[];
}

export interface RoleDefinitionSchema {
  readonly key: RoleKey;
  /** English name of SharePoint's built-in role definition, or the name PMO Hub gives its own. */
  readonly name: string;
  /** RoleTypeKind, so a built-in role is found by type whatever the site language; 0 for PMO Hub's own, found by name. */
  readonly roleTypeKind: 0 | 2 | 3 | 4 | 5 | 6;
  /** PMO Hub's own levels: their description and base permissions (SP.PermissionKind numbers). */
  readonly description?: string;
  readonly basePermissions?: readonly number[];
  readonly since?: number;
}

export interface GroupSchema {
  readonly key: GroupKey;
  /** English title of the SharePoint group created on the site. */
  readonly title: string;
  readonly description: string;
  readonly since: number;
  /** Role on the site itself; lists add to it through their `roles`. */
  readonly siteRole: RoleKey;
  /** Use the site's associated group of this kind instead of creating one. */
  readonly associatedGroup?: 'visitors';
  /** Group that owns (manages the membership of) this group. */
  readonly owner?: GroupKey;
}

/**
 * Identity function whose `const` type parameter keeps keys and choices as literal
 * types, so `internalName('projects', 'leadr')` fails to compile.
 */
export function defineList<const L extends ListSchema>(list: L): L {
  return list;
}

/** The well-known ID of SharePoint's built-in Title field. */
export const TITLE_FIELD_ID: string = 'fa564e0f-0c70-4ab9-b863-0177e6ddd247';

export interface TitleFieldSchema extends TextFieldSchema {
  readonly key: 'title';
  readonly internalName: 'Title';
  readonly builtIn: true;
}

/** Every list already has Title; lists declare how they use it (label, required). */
export function titleField(displayName: string, required: boolean, indexed: boolean = false): TitleFieldSchema {
  return {
    key: 'title',
    internalName: 'Title',
    displayName,
    type: 'Text',
    id: TITLE_FIELD_ID,
    since: 1,
    required,
    indexed,
    maxLength: 255,
    builtIn: true
  };
}

/** The well-known ID of SharePoint's built-in Author ("Created By") field. */
export const AUTHOR_FIELD_ID: string = '1df5e554-ec7e-46a6-901d-d85a3881cb18';

export interface AuthorFieldSchema extends UserFieldSchema {
  readonly key: 'author';
  readonly internalName: 'Author';
  readonly builtIn: true;
}

/**
 * Declared only to index it: a list whose readers are filtered by who created an item needs
 * Author indexed to stay queryable past 5,000 items. SharePoint sets it; nobody writes it.
 */
export function authorField(since: number): AuthorFieldSchema {
  return { key: 'author', internalName: 'Author', displayName: 'Created By', type: 'User', id: AUTHOR_FIELD_ID, since, indexed: true, builtIn: true };
}
