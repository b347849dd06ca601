import { Errors } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { renderCollection, type Entity } from '../http/format';
import { entityPropertyName, isIdRefType, unwrapCollection } from '../model/fieldTypes';
import type { SharePointStore } from '../store/sharepoint';
import type { Field, Item, List, Web } from '../store/types';
import { parseJsonBody, post, type ApiContext } from './context';
import { PermissionKind } from '../model/permissions';

/**
 * Form-style writes: `ValidateUpdateListItem` and `AddValidateUpdateItemUsingPath`. Values come as
 * the text a list form posts (`FieldName`/`FieldValue`), are validated like a form (required
 * columns included) and answered per field as SP.ListItemFormUpdateValue; when any field fails,
 * nothing is written and the answer is still 200, as Microsoft documents:
 * https://learn.microsoft.com/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest
 * Texts are parsed as the local site's locale, en-US (1033) [verify: SharePoint parses numbers and
 * dates in the site's regional settings]; ISO 8601 dates are accepted as well.
 */

export interface FormValue { FieldName: string; FieldValue: string | null }
interface FormResult { FieldName: string; FieldValue: string | null; HasException: boolean; ErrorCode: number; ErrorMessage: string | null; ItemId: number }

const INVALID = -2146232832;

class FormError extends Error {}

function parseNumber(v: string): number {
  if (!/^\s*-?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?\s*$/.test(v) || !/\d/.test(v)) throw new FormError('Invalid number value. A number field contains invalid data. Please check the value and try again.');
  return Number(v.replace(/,/g, ''));
}

function parseDate(v: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(v.trim());
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?:\s*([AP]M))?)?$/i.exec(v.trim());
  let d: Date | undefined;
  if (iso) d = new Date(v.trim().length === 10 ? `${v.trim()}T00:00:00Z` : v.trim());
  else if (us) {
    let h = Number(us[4] ?? 0);
    if (us[6] && /pm/i.test(us[6]) && h < 12) h += 12;
    if (us[6] && /am/i.test(us[6]) && h === 12) h = 0;
    d = new Date(Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2]), h, Number(us[5] ?? 0)));
  }
  if (!d || Number.isNaN(d.getTime())) throw new FormError('Invalid date/time value. A date/time field contains invalid data. Please check the value and try again.');
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function parseUsers(store: SharePointStore, web: Web, v: string): number[] {
  let keys: Array<{ Key?: string }>;
  try { keys = JSON.parse(v) as Array<{ Key?: string }>; } catch { throw new FormError('The user does not exist or is not unique.'); }
  if (!Array.isArray(keys)) throw new FormError('The user does not exist or is not unique.');
  return keys.map((k) => {
    const key = String(k.Key ?? '');
    const login = key.includes('|') ? key : `i:0#.f|membership|${key}`;
    const p = store.getPrincipalByLogin(web, 'user', login) ?? store.principals(web, 'user').find((u) => u.email.toLowerCase() === key.toLowerCase());
    if (!p) throw new FormError('The user does not exist or is not unique.');
    return p.id;
  });
}

/** The JSON payload (entity property names) one form value stands for. */
function convert(store: SharePointStore, web: Web, f: Field, raw: string | null): [string, unknown] {
  const v = raw ?? '';
  if (f.props.system === 'moderationStatus') return [`OData_${f.internalName}`, v === '' ? undefined : parseNumber(v)];
  if (f.props.system === 'moderationComments') return [`OData_${f.internalName}`, v];
  if (f.props.system && f.props.system !== 'leaf') throw new FormError(`The field '${f.internalName}' is read-only.`);
  const key = isIdRefType(f.typeAsString) ? `${entityPropertyName(f.internalName)}Id` : entityPropertyName(f.internalName);
  if (v === '') return [key, f.typeAsString.endsWith('Multi') ? [] : null];
  switch (f.typeAsString) {
    case 'Number': case 'Currency': case 'Integer': return [key, parseNumber(v)];
    case 'Boolean': {
      if (/^(1|true|yes)$/i.test(v)) return [key, true];
      if (/^(0|false|no)$/i.test(v)) return [key, false];
      throw new FormError('Invalid Boolean value.');
    }
    case 'DateTime': return [key, parseDate(v)];
    case 'MultiChoice': return [key, v.split(';#').filter((x) => x !== '')];
    case 'Lookup': {
      const id = Number(v.split(';#')[0]);
      if (!Number.isInteger(id) || id <= 0) throw new FormError('Invalid lookup value.');
      return [key, id];
    }
    case 'LookupMulti': {
      const parts = v.split(';#');
      const ids = parts.filter((_, i) => i % 2 === 0).filter((x) => x !== '').map(Number);
      if (ids.some((n) => !Number.isInteger(n) || n <= 0)) throw new FormError('Invalid lookup value.');
      return [key, ids];
    }
    case 'User': {
      const ids = parseUsers(store, web, v);
      if (ids.length > 1) throw new FormError('This field can have no more than one entry.');
      return [key, ids[0] ?? null];
    }
    case 'UserMulti': return [key, parseUsers(store, web, v)];
    case 'URL': {
      const cut = v.indexOf(', ');
      return [key, cut < 0 ? { Url: v, Description: v } : { Url: v.slice(0, cut), Description: v.slice(cut + 2) }];
    }
    default: return [key, v];
  }
}

/** Converts form values into a JSON payload; results say per field what failed. */
export function formPayload(store: SharePointStore, web: Web, list: List, values: FormValue[], creating: boolean): { payload: Record<string, unknown>; results: FormResult[] } {
  const fields = store.fields(list.id);
  const payload: Record<string, unknown> = {};
  const results: FormResult[] = values.map((v) => {
    const base = { FieldName: v.FieldName, FieldValue: v.FieldValue, ItemId: 0 };
    const f = fields.find((x) => x.internalName === v.FieldName);
    if (!f) return { ...base, HasException: true, ErrorCode: -2147024809, ErrorMessage: `Column '${v.FieldName}' does not exist. It may have been deleted by another user.` };
    try {
      const [key, value] = convert(store, web, f, v.FieldValue);
      if (value !== undefined) payload[key] = value;
      return { ...base, HasException: false, ErrorCode: 0, ErrorMessage: null };
    } catch (e) {
      if (!(e instanceof FormError)) throw e;
      return { ...base, HasException: true, ErrorCode: INVALID, ErrorMessage: e.message };
    }
  });
  if (creating) {
    // A form refuses an empty required column [verify: the exact message].
    for (const f of fields) {
      if (!f.props.Required || f.props.system || (f.props.DefaultValue !== undefined && f.props.DefaultValue !== null && f.props.DefaultValue !== '')) continue;
      const given = values.find((v) => v.FieldName === f.internalName);
      if (given && given.FieldValue !== null && given.FieldValue !== '') continue;
      if (isLibraryLeaf(f)) continue;
      if (given) {
        const r = results.find((x) => x.FieldName === f.internalName) as FormResult;
        Object.assign(r, { HasException: true, ErrorCode: INVALID, ErrorMessage: "You can't leave this blank." });
      } else {
        results.push({ FieldName: f.internalName, FieldValue: null, HasException: true, ErrorCode: INVALID, ErrorMessage: "You can't leave this blank.", ItemId: 0 });
      }
    }
  }
  return { payload, results };
}

function isLibraryLeaf(f: Field): boolean {
  return f.internalName === 'FileLeafRef';
}

function answer(ctx: ApiContext, results: FormResult[]): LocalResponse {
  const entities: Entity[] = results.map((r) => ({ type: 'SP.ListItemFormUpdateValue', uri: '', props: { ...r } }));
  return renderCollection(entities, { mode: ctx.mode, webUrl: ctx.urls.webUrl }, 'Collection(SP.ListItemFormUpdateValue)');
}

function formValuesOf(body: Record<string, unknown>): FormValue[] {
  const values = unwrapCollection(body.formValues) as FormValue[] | null;
  if (!values) throw Errors.badRequest('The parameter formValues is required.');
  for (const v of values) {
    if (!v || typeof v.FieldName !== 'string') throw Errors.badRequest('Each form value needs a FieldName.');
    if (v.FieldValue !== null && v.FieldValue !== undefined && typeof v.FieldValue !== 'string') throw Errors.badRequest(`The value of '${v.FieldName}' must be text.`);
  }
  return values;
}

export function validateUpdateListItem(ctx: ApiContext, list: List, item: Item): LocalResponse {
  post(ctx);
  const values = formValuesOf(parseJsonBody(ctx.req));
  // Access first, then the values: someone who may not edit the item learns nothing about its
  // columns from per-field answers [verify: SharePoint Online's order is not documented].
  ctx.store.demandItemWrite(ctx.actor, list, item, PermissionKind.EditListItems);
  const { payload, results } = formPayload(ctx.store, ctx.actor.web, list, values, false);
  for (const r of results) r.ItemId = item.id;
  if (results.every((r) => !r.HasException)) ctx.store.updateItem(ctx.actor, list, item, payload, '*');
  return answer(ctx, results);
}

/**
 * `AddValidateUpdateItemUsingPath`: a new item (UnderlyingObjectType 0) or folder (1) in the folder
 * `listItemCreateInfo.FolderPath` names (the list's root when omitted), with Add Items checked on
 * that folder — how an item lands in a folder whose permissions differ from the list's.
 */
export function addValidateUpdateItemUsingPath(ctx: ApiContext, list: List): LocalResponse {
  post(ctx);
  const { store, actor } = ctx;
  const body = parseJsonBody(ctx.req);
  const info = (body.listItemCreateInfo ?? {}) as { FolderPath?: { DecodedUrl?: string }; UnderlyingObjectType?: number; LeafName?: string | { DecodedUrl?: string } };
  // LeafName is an SP.ResourcePath in the API (what @pnp/sp sends); a plain string is taken too.
  const leafName = typeof info.LeafName === 'string' ? info.LeafName : info.LeafName?.DecodedUrl;
  let folder = typeof info.FolderPath?.DecodedUrl === 'string' && info.FolderPath.DecodedUrl ? info.FolderPath.DecodedUrl : list.url;
  if (/^https?:\/\//i.test(folder)) folder = new URL(folder).pathname;
  folder = decodeURIComponent(folder).replace(/\/+$/, '');
  if (!folder.startsWith('/')) folder = `${list.url}/${folder}`;
  const type = info.UnderlyingObjectType === undefined ? 0 : Number(info.UnderlyingObjectType);
  if (type !== 0 && type !== 1) throw Errors.badRequest(`UnderlyingObjectType ${String(info.UnderlyingObjectType)} is not supported here (0 item, 1 folder).`);
  if (type === 0 && list.baseTemplate === 101) throw Errors.badRequest('To add a document, upload a file (SPFileCollection.add).');
  if (folder.toLowerCase() !== list.url.toLowerCase()) {
    if (!folder.toLowerCase().startsWith(`${list.url.toLowerCase()}/`)) throw Errors.badRequest(`The folder '${folder}' is not in the list '${list.title}'.`);
    const cut = folder.lastIndexOf('/');
    const row = store.db.prepare('SELECT id FROM items WHERE list_id = ? AND folder = ? AND leaf = ? AND fs_type = 1').get(list.id, folder.slice(0, cut), folder.slice(cut + 1)) as { id: number } | undefined;
    const target = row ? store.getItem(list, row.id) : undefined;
    if (!target || !store.canReadItem(actor, list, target)) throw Errors.argument(`The folder '${folder}' does not exist.`, 404);
    folder = `${target.folder}/${target.leaf}`;
  } else {
    folder = list.url;
  }
  const values = formValuesOf(body);
  // Access to the folder first, then the values (see validateUpdateListItem) [verify].
  store.demandAdd(actor, list, folder === list.url ? undefined : folder);
  const { payload, results } = formPayload(store, actor.web, list, values, type === 0);
  if (results.some((r) => r.HasException)) return answer(ctx, results);
  let item: Item;
  if (type === 1) {
    const leaf = typeof leafName === 'string' && leafName ? leafName : typeof payload.Title === 'string' ? payload.Title : '';
    if (!leaf || /["*:<>?/\\|#%]/.test(leaf)) throw Errors.badRequest('A folder needs a valid LeafName.');
    if (store.db.prepare('SELECT 1 FROM items WHERE list_id = ? AND folder = ? AND leaf = ?').get(list.id, folder, leaf)) {
      throw Errors.badRequest(`A folder named '${leaf}' already exists in '${folder}'.`);
    }
    item = store.addItem(actor, list, { Title: leaf, ...payload }, { folder, leaf, fsType: 1 });
  } else if (folder === list.url) {
    item = store.addItem(actor, list, payload);
  } else {
    item = store.addItem(actor, list, payload, { folder, leaf: '', fsType: 0 });
    // A list item's file name in its folder: "<id>_.000".
    store.db.prepare('UPDATE items SET leaf = ? WHERE list_id = ? AND id = ?').run(`${item.id}_.000`, list.id, item.id);
  }
  for (const r of results) r.ItemId = item.id;
  results.push({ FieldName: 'Id', FieldValue: String(item.id), HasException: false, ErrorCode: 0, ErrorMessage: null, ItemId: item.id });
  return answer(ctx, results);
}
