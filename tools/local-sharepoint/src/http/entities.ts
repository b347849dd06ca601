import type { Entity } from './format';
import { Errors, SpError } from './errors';
import {
  entityTypeName, isLibrary, itemEtag, listItemEntityTypeFullName, type SharePointStore, type Actor
} from '../store/sharepoint';
import type { Field, Item, List, Principal, View, Web } from '../store/types';
import { fieldClassOf, isIdRefType, isLookupType, isUserType, entityPropertyName } from '../model/fieldTypes';
import { maskOfRole, type RoleDefinition } from '../model/permissions';
import { ValueContext, rawValue, resolvePath, USER_PROPERTIES } from '../store/query';
import { currentChangeToken } from '../store/changes';

/** Absolute URL helpers for one request. */
export class Urls {
  public constructor(public readonly origin: string, public readonly web: Web) {}
  public get webUrl(): string { return `${this.origin}${this.web.path}`; }
  public get api(): string { return `${this.webUrl}/_api`; }
  public list(list: List): string { return `${this.api}/Web/Lists(guid'${list.id}')`; }
}

export function webEntity(u: Urls, store: SharePointStore, actor: Actor): Entity {
  const w = u.web;
  return {
    type: 'SP.Web', uri: `${u.api}/Web`, id: `${u.api}/Web`,
    props: {
      AllowRssFeeds: true, AlternateCssUrl: '', AppInstanceId: '00000000-0000-0000-0000-000000000000', Configuration: 0,
      Created: w.created, CustomMasterUrl: `${w.path}/_catalogs/masterpage/seattle.master`, Description: w.description,
      DocumentLibraryCalloutOfficeWebAppPreviewersDisabled: false, EnableMinimalDownload: false, HorizontalQuickLaunch: false,
      Id: w.id, IsMultilingual: true, Language: typeof w.props.Language === 'number' ? w.props.Language : 1033, LastItemModifiedDate: w.created, LastItemUserModifiedDate: w.created,
      MasterUrl: `${w.path}/_catalogs/masterpage/seattle.master`, NoCrawl: false, OverwriteTranslationsOnChange: false,
      ResourcePath: { DecodedUrl: u.webUrl }, QuickLaunchEnabled: true, RecycleBinEnabled: true, ServerRelativeUrl: w.path,
      SiteLogoUrl: null, SyndicationEnabled: true, Title: w.title, TreeViewEnabled: false, UIVersion: 15,
      UIVersionConfigurationEnabled: false, Url: u.webUrl, WebTemplate: 'SITEPAGEPUBLISHING',
      CurrentChangeToken: currentChangeToken(store, { kind: 'web', id: w.id })
    },
    nav: {
      CurrentUser: () => userEntity(u, actor.user),
      AssociatedOwnerGroup: () => groupOrNull(u, store, w.props.AssociatedOwnerGroup),
      AssociatedMemberGroup: () => groupOrNull(u, store, w.props.AssociatedMemberGroup),
      AssociatedVisitorGroup: () => groupOrNull(u, store, w.props.AssociatedVisitorGroup),
      EffectiveBasePermissions: () => basePermissionsEntity(u, store.permissions(w, actor.user).toMask()),
      // Every local site is a site collection's root web, and a root web has no parent.
      ParentWeb: () => null
    }
  };
}

function groupOrNull(u: Urls, store: SharePointStore, id: unknown): Entity | null {
  const p = typeof id === 'number' ? store.getPrincipal(u.web, id) : undefined;
  return p ? groupEntity(u, p) : null;
}

export function basePermissionsEntity(u: Urls, mask: { High: string; Low: string }): Entity {
  return { type: 'SP.BasePermissions', uri: `${u.api}/Web/EffectiveBasePermissions`, props: mask };
}

export function listEntity(u: Urls, store: SharePointStore, actor: Actor, list: List): Entity {
  const lib = isLibrary(list);
  const p = list.props;
  const defaultView = store.views(list).find((v) => v.props.DefaultView);
  return {
    type: 'SP.List', uri: u.list(list), editLink: `Web/Lists(guid'${list.id}')`, etag: `"${list.version}"`,
    props: {
      AllowContentTypes: true, BaseTemplate: list.baseTemplate, BaseType: lib ? 1 : 0, ContentTypesEnabled: p.ContentTypesEnabled,
      CrawlNonDefaultViews: false, Created: list.created, CurrentChangeToken: currentChangeToken(store, { kind: 'list', id: list.id }),
      DefaultContentApprovalWorkflowId: '00000000-0000-0000-0000-000000000000', DefaultItemOpenUseListSetting: false,
      Description: p.Description, Direction: 'none', DisableGridEditing: false, DocumentTemplateUrl: null, DraftVersionVisibility: Number(p.DraftVersionVisibility ?? 0),
      EnableAttachments: p.EnableAttachments, EnableFolderCreation: lib, EnableMinorVersions: p.EnableMinorVersions,
      EnableModeration: p.EnableModeration === true, EnableVersioning: p.EnableVersioning, EntityTypeName: entityTypeName(list), ExemptFromBlockDownloadOfNonViewableFiles: false,
      FileSavePostProcessingEnabled: false, ForceCheckout: p.ForceCheckout, HasExternalDataSource: false, Hidden: p.Hidden,
      Id: list.id, ImagePath: { DecodedUrl: `/_layouts/15/images/${lib ? 'itdl' : 'itgen'}.png?rev=47` }, ImageUrl: `/_layouts/15/images/${lib ? 'itdl' : 'itgen'}.png?rev=47`,
      IrmEnabled: false, IrmExpire: false, IrmReject: false, IsApplicationList: false, IsCatalog: false, IsPrivate: false,
      ItemCount: list.itemCount, LastItemDeletedDate: list.modified, LastItemModifiedDate: list.modified, LastItemUserModifiedDate: list.modified,
      ListExperienceOptions: 0, ListItemEntityTypeFullName: listItemEntityTypeFullName(list), MajorVersionLimit: p.MajorVersionLimit,
      MajorWithMinorVersionsLimit: 0, MultipleDataList: false, NoCrawl: p.NoCrawl, ParentWebPath: { DecodedUrl: u.web.path },
      ParentWebUrl: u.web.path, ParserDisabled: false, ReadSecurity: p.ReadSecurity, WriteSecurity: p.WriteSecurity,
      ServerTemplateCanCreateFolders: lib, TemplateFeatureId: lib ? '00bfea71-e717-4e80-aa17-d0c71b360101' : '00bfea71-de22-43b2-a848-c05709900100',
      Title: list.title, OnQuickLaunch: p.OnQuickLaunch, HasUniqueRoleAssignments: list.uniquePerms,
      DefaultViewUrl: `${list.url}/${lib ? 'Forms/' : ''}AllItems.aspx`, DefaultViewId: defaultView?.id ?? null
    },
    nav: {
      RootFolder: () => folderEntity(u, store, list, list.url),
      Fields: () => store.fields(list.id).map((f) => fieldEntity(u, list, f)),
      Views: () => store.views(list).map((v) => viewEntity(u, list, v)),
      DefaultView: () => (defaultView ? viewEntity(u, list, defaultView) : null),
      EffectiveBasePermissions: () => basePermissionsEntity(u, store.permissions(u.web, actor.user, list).toMask()),
      ContentTypes: () => store.contentTypes(list.id).map((c) => contentTypeEntity(u, list, c)),
      ParentWeb: () => webEntity(u, store, actor)
    }
  };
}

export function contentTypeEntity(u: Urls, list: List | undefined, c: { id: string; name: string; props: Record<string, unknown> }): Entity {
  const base = list ? u.list(list) : `${u.api}/Web`;
  return {
    type: 'SP.ContentType', uri: `${base}/ContentTypes('${c.id}')`,
    props: { Description: String(c.props.Description ?? ''), Group: String(c.props.Group ?? 'Custom Content Types'), Hidden: false,
      Id: { StringValue: c.id }, Name: c.name, ReadOnly: false, Sealed: false, StringId: c.id }
  };
}

export function fieldEntity(u: Urls, list: List | undefined, f: Field): Entity {
  const base = list ? u.list(list) : `${u.api}/Web`;
  const p = f.props;
  const props: Record<string, unknown> = {
    AutoIndexed: false, CanBeDeleted: !p.system && f.internalName !== 'Title', ClientSideComponentId: '00000000-0000-0000-0000-000000000000',
    DefaultValue: p.DefaultValue ?? null, Description: p.Description ?? '', EnforceUniqueValues: !!p.EnforceUniqueValues,
    EntityPropertyName: entityPropertyName(f.internalName), FieldTypeKind: f.typeKind, Filterable: true, FromBaseType: !!p.system || f.internalName === 'Title',
    Group: p.Group ?? 'Custom Columns', Hidden: !!p.Hidden, Id: f.id, Indexed: !!p.Indexed || f.internalName === 'ID', InternalName: f.internalName,
    ReadOnlyField: !!p.ReadOnlyField, Required: !!p.Required, SchemaXml: p.SchemaXml ?? schemaXmlOf(f), Scope: list ? list.url : u.web.path,
    Sealed: !!p.system, Sortable: !f.typeAsString.endsWith('Multi') && f.typeAsString !== 'Note', StaticName: f.internalName, Title: f.title,
    TypeAsString: f.typeAsString, TypeDisplayName: f.typeAsString, TypeShortDescription: f.typeAsString, ValidationFormula: p.ValidationFormula ?? null,
    ValidationMessage: p.ValidationMessage ?? null
  };
  if (f.typeAsString === 'Text') props.MaxLength = p.MaxLength ?? 255;
  if (f.typeAsString === 'Choice' || f.typeAsString === 'MultiChoice') {
    props.Choices = p.Choices ?? [];
    props.FillInChoice = !!p.FillInChoice;
    props.EditFormat = p.EditFormat ?? 0;
  }
  if (f.typeAsString === 'Number' || f.typeAsString === 'Currency') {
    props.MinimumValue = p.MinimumValue ?? -1.7976931348623157e308;
    props.MaximumValue = p.MaximumValue ?? 1.7976931348623157e308;
  }
  if (f.typeAsString === 'DateTime') props.DisplayFormat = p.DisplayFormat ?? 0;
  if (isIdRefType(f.typeAsString)) {
    props.AllowMultipleValues = f.typeAsString.endsWith('Multi');
    props.LookupList = isUserType(f.typeAsString) ? '' : `{${p.LookupList}}`;
    props.LookupField = isUserType(f.typeAsString) ? 'ImnName' : p.LookupField ?? 'Title';
    props.LookupWebId = u.web.id;
    if (isUserType(f.typeAsString)) props.SelectionMode = p.SelectionMode ?? 0;
  }
  return { type: fieldClassOf(f.typeAsString), uri: `${base}/Fields(guid'${f.id}')`, editLink: `${list ? `Web/Lists(guid'${list.id}')` : 'Web'}/Fields(guid'${f.id}')`, props };
}

function schemaXmlOf(f: Field): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<Field Type="${f.typeAsString}" DisplayName="${esc(f.title)}" Required="${f.props.Required ? 'TRUE' : 'FALSE'}" ID="{${f.id}}" StaticName="${f.internalName}" Name="${f.internalName}"${f.props.Indexed ? ' Indexed="TRUE"' : ''} />`;
}

export function viewEntity(u: Urls, list: List, v: View): Entity {
  const lib = isLibrary(list);
  const fileName = v.title.replace(/[^A-Za-z0-9]/g, '') || 'View';
  return {
    type: 'SP.View', uri: `${u.list(list)}/Views(guid'${v.id}')`, editLink: `Web/Lists(guid'${list.id}')/Views(guid'${v.id}')`,
    props: {
      DefaultView: v.props.DefaultView, Hidden: v.props.Hidden, Id: v.id, MobileDefaultView: false, MobileView: false, Paged: v.props.Paged,
      PersonalView: v.props.PersonalView, ReadOnlyView: false, RowLimit: v.props.RowLimit, Scope: 0, ServerRelativeUrl: `${list.url}/${lib ? 'Forms/' : ''}${fileName}.aspx`,
      Title: v.title, ViewQuery: v.props.ViewQuery, ViewType: 'HTML', ViewType2: null, ViewData: null, TabularView: true,
      ListViewXml: `<View Name="{${v.id.toUpperCase()}}" ${v.props.DefaultView ? 'DefaultView="TRUE" ' : ''}Type="HTML" DisplayName="${v.title}"><Query>${v.props.ViewQuery}</Query><ViewFields>${v.props.ViewFields.map((f) => `<FieldRef Name="${f}" />`).join('')}</ViewFields><RowLimit Paged="${v.props.Paged ? 'TRUE' : 'FALSE'}">${v.props.RowLimit}</RowLimit></View>`
    },
    nav: { ViewFields: () => viewFieldsEntity(u, list, v) }
  };
}

export function viewFieldsEntity(u: Urls, list: List, v: View): Entity {
  return {
    type: 'SP.ViewFieldCollection', uri: `${u.list(list)}/Views(guid'${v.id}')/ViewFields`,
    props: { SchemaXml: `<FieldRef Name="${v.props.ViewFields.join('" /><FieldRef Name="')}" />`, Items: v.props.ViewFields }
  };
}

export function userEntity(u: Urls, p: Principal): Entity {
  return {
    type: 'SP.User', uri: `${u.api}/Web/GetUserById(${p.id})`, editLink: `Web/GetUserById(${p.id})`,
    props: {
      Id: p.id, IsHiddenInUI: false, LoginName: p.login, Title: p.title, PrincipalType: 1, Email: p.email, Expiration: '',
      IsEmailAuthenticationGuestUser: false, IsShareByEmailGuestUser: false, IsSiteAdmin: p.isSiteAdmin,
      UserId: { NameId: String(p.props.AadObjectId ?? p.id), NameIdIssuer: 'urn:federation:microsoftonline' },
      UserPrincipalName: p.props.UserPrincipalName ?? p.email
    }
  };
}

export function groupEntity(u: Urls, p: Principal): Entity {
  return {
    type: 'SP.Group', uri: `${u.api}/Web/SiteGroups/GetById(${p.id})`, editLink: `Web/SiteGroups/GetById(${p.id})`,
    props: {
      Id: p.id, IsHiddenInUI: false, LoginName: p.login, Title: p.title, PrincipalType: 8,
      AllowMembersEditMembership: !!p.props.AllowMembersEditMembership, AllowRequestToJoinLeave: false, AutoAcceptRequestToJoinLeave: false,
      Description: String(p.props.Description ?? ''), OnlyAllowMembersViewMembership: !!p.props.OnlyAllowMembersViewMembership,
      OwnerTitle: String(p.props.OwnerTitle ?? 'System Account'), RequestToJoinLeaveEmailSetting: null
    }
  };
}

export function principalEntity(u: Urls, p: Principal): Entity {
  return p.kind === 'group' ? groupEntity(u, p) : userEntity(u, p);
}

export function roleDefinitionEntity(u: Urls, r: RoleDefinition): Entity {
  return {
    type: 'SP.RoleDefinition', uri: `${u.api}/Web/RoleDefinitions(${r.id})`, editLink: `Web/RoleDefinitions(${r.id})`,
    props: { BasePermissions: maskOfRole(r), Description: r.description, Hidden: false, Id: r.id, Name: r.name, Order: r.order, RoleTypeKind: r.roleTypeKind }
  };
}

export function folderEntity(u: Urls, store: SharePointStore, list: List | undefined, serverRelativeUrl: string, item?: Item): Entity {
  const name = serverRelativeUrl.split('/').pop() ?? '';
  const count = list ? (store.db.prepare('SELECT COUNT(*) AS n FROM items WHERE list_id = ? AND folder = ?').get(list.id, serverRelativeUrl) as { n: number }).n : 0;
  const uri = `${u.api}/Web/GetFolderByServerRelativePath(decodedurl='${encodeURIComponent(serverRelativeUrl.replace(/'/g, "''"))}')`;
  return {
    type: 'SP.Folder', uri, id: uri,
    props: {
      Exists: true, IsWOPIEnabled: false, ItemCount: count, Name: name, ProgID: null, ServerRelativeUrl: serverRelativeUrl,
      ServerRelativePath: { DecodedUrl: serverRelativeUrl }, TimeCreated: item?.created ?? list?.created ?? u.web.created,
      TimeLastModified: item?.modified ?? list?.modified ?? u.web.created, UniqueId: item?.guid ?? list?.id ?? u.web.id, WelcomePage: ''
    }
  };
}

// ------------------------------------------------------------------ items

export interface ItemProjection {
  select: string[][];
  expand: string[][];
}

/** Validates `$select`/`$expand` on items the way SharePoint does and counts lookups. */
export function checkItemProjection(fields: Field[], proj: ItemProjection): void {
  const navs = ['file', 'folder', 'fieldvaluesastext', 'fieldvaluesashtml', 'fieldvaluesforedit', 'contenttype', 'parentlist', 'versions', 'roleassignments', 'attachmentfiles', 'properties', 'commentsdisabled'];
  const expanded = new Set<string>();
  for (const e of proj.expand) {
    if (navs.includes(e[0].toLowerCase())) continue;
    const fp = resolvePath(fields, e.slice(0, 1), '$expand');
    if (!isIdRefType(fp.field.typeAsString) || fp.idForm) throw Errors.fieldNotFound(e[0]);
    expanded.add(fp.field.internalName);
  }
  if (expanded.size > 12) {
    throw new SpError(500, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
      'The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold enforced by the administrator.');
  }
  for (const s of proj.select) {
    if (s[0] === '*' || (s.length === 1 && s[0].toLowerCase() === 'hasuniqueroleassignments')) continue;
    if (navs.includes(s[0].toLowerCase())) {
      if (!proj.expand.some((e) => e[0].toLowerCase() === s[0].toLowerCase()) && s.length > 1) {
        throw Errors.badRequest(`The query to field '${s.join('/')}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${s[0]}.`);
      }
      continue;
    }
    const fp = resolvePath(fields, s, '$select');
    if (isIdRefType(fp.field.typeAsString) && !fp.idForm && !expanded.has(fp.field.internalName)) {
      throw Errors.badRequest(`The query to field '${s.join('/')}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${s[0]}.`);
    }
  }
}

/** An expanded navigation entity cut down to the selected properties, refusing ones it does not have. */
function projectProps(e: Entity, subs: string[]): Entity {
  const props: Record<string, unknown> = {};
  for (const s of subs) {
    const key = Object.keys(e.props).find((k) => k.toLowerCase() === s.toLowerCase());
    if (key === undefined) throw Errors.fieldNotFound(s);
    props[key] = e.props[key];
  }
  return { ...e, props, nav: undefined };
}

/**
 * An item's values as strings, as FieldValuesAsText / FieldValuesAsHtml / FieldValuesForEdit give
 * them. SharePoint formats dates and numbers in the web's locale there; this gives ISO dates and
 * plain numbers [verify], and HTML-escapes for the HTML variant.
 */
export function fieldStringValues(u: Urls, list: List, fields: Field[], item: Item, kind: 'FieldValuesAsText' | 'FieldValuesAsHtml' | 'FieldValuesForEdit'): Entity {
  const text: Record<string, unknown> = {};
  const escape = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  for (const f of fields) {
    const v = rawValue(item, f, list);
    const plain = v === null ? '' : Array.isArray(v) ? v.join(kind === 'FieldValuesForEdit' ? ';#' : ', ') : typeof v === 'object' ? (v as { Url: string }).Url : String(v);
    text[entityPropertyName(f.internalName)] = kind === 'FieldValuesAsHtml' ? escape(plain) : plain;
  }
  return { type: 'SP.FieldStringValues', uri: `${u.list(list)}/Items(${item.id})/${kind}`, props: text };
}

export function itemEntity(u: Urls, ctx: ValueContext, list: List, fields: Field[], item: Item, proj: ItemProjection,
  fileEntityOf?: (item: Item) => Entity | null): Entity {
  item = ctx.store.viewItem(ctx.actor, list, item);
  const props: Record<string, unknown> = {};
  const field = (name: string): Field | undefined => fields.find((f) => f.internalName === name);
  const put = (f: Field, idForm: boolean): void => {
    const v = rawValue(item, f, list);
    const key = entityPropertyName(f.internalName);
    if (isIdRefType(f.typeAsString)) {
      props[`${key}Id`] = v;
      if (isUserType(f.typeAsString) && !idForm) {
        props[`${key}StringId`] = Array.isArray(v) ? (v as number[]).map(String) : v === null ? null : String(v);
      }
    } else {
      props[key] = v;
    }
  };
  const selectAll = proj.select.length === 0 || proj.select.some((s) => s[0] === '*');
  if (selectAll) {
    props.FileSystemObjectType = item.fsType;
    props.Id = item.id;
    props.ServerRedirectedEmbedUri = null;
    props.ServerRedirectedEmbedUrl = '';
    props.ContentTypeId = rawValue(item, field('ContentTypeId') as Field, list);
    for (const f of fields) {
      if (f.props.system) continue;
      put(f, false);
    }
    if (isLibrary(list)) props.FileLeafRef = item.leaf;
    props.ComplianceAssetId = null;
    props.ID = item.id;
    props.Modified = item.modified;
    props.Created = item.created;
    props.AuthorId = item.authorId;
    props.AuthorStringId = String(item.authorId);
    props.EditorId = item.editorId;
    props.EditorStringId = String(item.editorId);
    props.OData__UIVersionString = rawValue(item, field('_UIVersionString') as Field, list);
    if (list.props.EnableModeration === true && field('_ModerationStatus')) {
      props.OData__ModerationComments = rawValue(item, field('_ModerationComments') as Field, list);
      props.OData__ModerationStatus = rawValue(item, field('_ModerationStatus') as Field, list);
    }
    props.Attachments = item.data.Attachments === true;
    props.GUID = item.guid;
  }
  for (const s of proj.select) {
    // CommentsDisabled is a property of SP.ListItem, not a field; comments are never switched off here.
    if (s[0].toLowerCase() === 'commentsdisabled') { props.CommentsDisabled = false; continue; }
    if (s[0] === '*' || ['file', 'folder', 'fieldvaluesastext', 'fieldvaluesashtml', 'fieldvaluesforedit', 'contenttype', 'parentlist', 'versions', 'roleassignments', 'attachmentfiles', 'properties'].includes(s[0].toLowerCase())) continue;
    // SP.ListItem's own property, only when asked for (as on SharePoint Online).
    if (s.length === 1 && s[0].toLowerCase() === 'hasuniqueroleassignments') { props.HasUniqueRoleAssignments = item.uniquePerms; continue; }
    const fp = resolvePath(fields, s, '$select');
    if (fp.sub) continue;
    if (s[0] === 'Id' || s[0] === 'ID') { props[s[0]] = item.id; continue; }
    if (isIdRefType(fp.field.typeAsString) && !fp.idForm) continue;
    put(fp.field, fp.idForm);
    if (fp.field.props.system && !fp.idForm) props[s[0]] = rawValue(item, fp.field, list);
    if (fp.field.props.system === 'encodedAbsUrl') props[s[0]] = `${u.origin}${String(rawValue(item, field('FileRef') as Field, list)).split('/').map(encodeURIComponent).join('/')}`;
  }
  // Expanded person and lookup fields, projected to what was selected.
  for (const e of proj.expand) {
    const head = e[0];
    if (head.toLowerCase() === 'file') {
      props.File = fileEntityOf ? fileEntityOf(item) : null;
      continue;
    }
    const stringValues = (['FieldValuesAsText', 'FieldValuesAsHtml', 'FieldValuesForEdit'] as const).find((k) => k.toLowerCase() === head.toLowerCase());
    if (stringValues) {
      props[stringValues] = fieldStringValues(u, list, fields, item, stringValues);
      continue;
    }
    if (head.toLowerCase() === 'parentlist' || head.toLowerCase() === 'contenttype') {
      const subs = proj.select.filter((s) => s[0].toLowerCase() === head.toLowerCase() && s.length === 2).map((s) => s[1]);
      let nested: Entity | null;
      if (head.toLowerCase() === 'parentlist') nested = listEntity(u, ctx.store, ctx.actor, list);
      else {
        const ctId = rawValue(item, field('ContentTypeId') as Field, list);
        const ct = ctx.store.contentTypes(list.id).find((c) => c.id === ctId);
        nested = ct ? contentTypeEntity(u, list, ct) : null;
      }
      props[head.toLowerCase() === 'parentlist' ? 'ParentList' : 'ContentType'] = nested && subs.length ? projectProps(nested, subs) : nested;
      continue;
    }
    if (['folder', 'versions', 'roleassignments', 'attachmentfiles', 'properties'].includes(head.toLowerCase())) continue;
    const fp = resolvePath(fields, [head], '$expand');
    const subs = proj.select.filter((s) => s[0] === head && s.length === 2).map((s) => s[1]);
    const raw = rawValue(item, fp.field, list);
    const ids = Array.isArray(raw) ? (raw as number[]) : raw === null || raw === undefined ? [] : [raw as number];
    const one = (id: number): Entity | null => {
      if (isUserType(fp.field.typeAsString)) {
        const p = ctx.principal(id);
        if (!p) return null;
        const wanted = subs.length ? subs : ['Id', 'Title', 'EMail'];
        const up: Record<string, unknown> = {};
        for (const s of wanted) {
          if (!USER_PROPERTIES.includes(s)) throw Errors.badRequest(`The query to field '${head}/${s}' is not valid.`);
          up[s] = ctx.userProperty(p, s);
        }
        return { type: 'SP.Data.UserInfoItem', uri: `${u.api}/Web/SiteUserInfoList/Items(${id})`, id: p.props.AadObjectId as string ?? String(id), props: up };
      }
      const targetList = ctx.store.getList(u.web, { id: fp.field.props.LookupList as string });
      const target = targetList ? ctx.lookupItem(targetList.id, id) : undefined;
      if (!targetList || !target) return null;
      const wanted = subs.length ? subs : ['Id', fp.field.props.LookupField ?? 'Title'];
      const lp: Record<string, unknown> = {};
      for (const s of wanted) lp[s] = ctx.lookupProperty(fp.field, id, s);
      return { type: listItemEntityTypeFullName(targetList), uri: `${u.list(targetList)}/Items(${id})`, id: target.guid, props: lp };
    };
    if (Array.isArray(raw)) props[head] = ids.map(one).filter((x): x is Entity => x !== null);
    else props[head] = ids.length ? one(ids[0]) : null;
    if (isLookupType(fp.field.typeAsString) || isUserType(fp.field.typeAsString)) {
      for (const s of proj.select) {
        if (s[0] === head && s.length === 1) continue;
      }
    }
  }
  return {
    type: listItemEntityTypeFullName(list), uri: `${u.list(list)}/Items(${item.id})`, id: item.guid,
    editLink: `Web/Lists(guid'${list.id}')/Items(${item.id})`, etag: itemEtag(item), props
  };
}
