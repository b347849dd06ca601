/** Rows of the embedded database, with their JSON columns parsed. */

export interface Web {
  id: string;
  /** Server-relative path, e.g. /sites/pmo */
  path: string;
  title: string;
  description: string;
  created: string;
  props: Record<string, unknown>;
}

export interface ListProps {
  Description: string;
  Hidden: boolean;
  EnableVersioning: boolean;
  EnableMinorVersions: boolean;
  MajorVersionLimit: number;
  ReadSecurity: number;
  WriteSecurity: number;
  ContentTypesEnabled: boolean;
  EnableAttachments: boolean;
  ForceCheckout: boolean;
  OnQuickLaunch: boolean;
  NoCrawl: boolean;
  [key: string]: unknown;
}

export interface List {
  id: string;
  webId: string;
  title: string;
  /** Server-relative URL of the root folder, e.g. /sites/pmo/Lists/Projects */
  url: string;
  baseTemplate: number;
  created: string;
  modified: string;
  version: number;
  nextItemId: number;
  itemCount: number;
  uniquePerms: boolean;
  props: ListProps;
}

export interface FieldProps {
  Required?: boolean;
  Indexed?: boolean;
  EnforceUniqueValues?: boolean;
  Hidden?: boolean;
  ReadOnlyField?: boolean;
  Description?: string;
  Group?: string;
  Choices?: string[];
  FillInChoice?: boolean;
  LookupList?: string;
  LookupField?: string;
  LookupWebId?: string;
  AllowMultipleValues?: boolean;
  MaxLength?: number;
  MinimumValue?: number;
  MaximumValue?: number;
  DefaultValue?: string | null;
  DisplayFormat?: number;
  SelectionMode?: number;
  SchemaXml?: string;
  /** Built-in fields map to item columns rather than the JSON data. */
  system?: string;
  [key: string]: unknown;
}

export interface Field {
  /** '' + web id for site columns, the list id for list columns */
  scope: string;
  id: string;
  internalName: string;
  title: string;
  typeKind: number;
  typeAsString: string;
  seq: number;
  props: FieldProps;
}

export interface View {
  listId: string;
  id: string;
  title: string;
  seq: number;
  props: {
    DefaultView: boolean;
    PersonalView: boolean;
    Hidden: boolean;
    RowLimit: number;
    Paged: boolean;
    ViewQuery: string;
    ViewFields: string[];
    ViewTypeKind?: number;
    [key: string]: unknown;
  };
}

export type FieldValue = string | number | boolean | null | string[] | number[] | { Description: string; Url: string };

export interface Item {
  listId: string;
  id: number;
  guid: string;
  version: number;
  uiVersion: number;
  created: string;
  modified: string;
  authorId: number;
  editorId: number;
  fsType: number;
  /** Server-relative folder of a file or folder item ('' for plain list items). */
  folder: string;
  leaf: string;
  uniquePerms: boolean;
  data: Record<string, FieldValue>;
}

export interface Principal {
  webId: string;
  id: number;
  kind: 'user' | 'group';
  login: string;
  title: string;
  email: string;
  isSiteAdmin: boolean;
  props: Record<string, unknown>;
}
