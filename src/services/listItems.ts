import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import type { IItems } from '@pnp/sp/items';
import { ITEM_PATH, getList, inUse, internalName, selectFields, type FieldKey, type ListKey, type ListSchema, type SelectExpand } from '../schema';
import type { ListItemBase } from '../model/common';
import { ConflictError } from './errors';
import { fromItem } from './mapping';
import { httpStatus, settle } from './odata';
import { listUrl, PAGE_SIZE } from './ProjectService';

/** The shared plumbing of the editing services: list handles, selections, batched save and delete. */

export type SpList = ReturnType<SPFI['web']['getList']>;
export type RawItem = Record<string, unknown>;

export function spList(sp: SPFI, siteUrl: string, key: ListKey): SpList {
  return sp.web.getList(listUrl(siteUrl, getList(key) as ListSchema));
}

/** Every declared field of the list plus the given system fields (e.g. `author`). */
export function selection<K extends ListKey>(key: K, extra: readonly FieldKey<K>[] = []): SelectExpand {
  const list = getList(key) as ListSchema;
  const declared = list.fields.filter(inUse).map((f) => f.key) as FieldKey<K>[];
  const fields = selectFields(key, declared.concat(extra));
  // In a list of per-project folders, where an item lives decides who may change it (inProjectFolder).
  return list.projectFolders ? { ...fields, select: [...fields.select, ITEM_PATH.folder] } : fields;
}

/**
 * True when the item sits in its project's folder (schema 8), where the project's leader writes;
 * an item from before the folders stays at the list's root, which only the PMO may change.
 */
export function inProjectFolder(raw: RawItem, projectId: number | undefined): boolean {
  const folder = raw[ITEM_PATH.folder];
  return projectId !== undefined && typeof folder === 'string' && folder.split('/').pop() === String(projectId);
}

/** `$filter` on a lookup column's id (`PMOProjectId eq 7`): what an indexed lookup answers past 5,000 items. */
export function lookupIdFilter<K extends ListKey>(key: K, field: FieldKey<K>, id: number): string {
  if (!Number.isInteger(id)) throw new Error(`Not an item id: ${String(id)}`);
  return `${internalName(key, field)}Id eq ${id}`;
}

/** Reads all pages (≤ 5,000 items each) of a query through `odata.nextLink`. */
export async function readAll(query: IItems): Promise<RawItem[]> {
  const out: RawItem[] = [];
  for await (const page of query.top(PAGE_SIZE)) {
    for (const raw of page as RawItem[]) out.push(raw);
  }
  return out;
}

export interface SaveSpec<K extends ListKey, T extends ListItemBase> {
  sp: SPFI;
  siteUrl: string;
  listKey: K;
  /** What the caller is saving: `mine` of a ConflictError. */
  mine: T | Omit<T, keyof ListItemBase>;
  id?: number;
  etag?: string;
  overwrite?: boolean;
  payload: RawItem;
  /**
   * After an add: a query on an indexed column that finds the new item (read in the same
   * `$batch`, newest ID first); the answer is checked against the new ID.
   */
  findNew: (items: IItems) => IItems;
  extraSelect?: readonly FieldKey<K>[];
  map?: (raw: RawItem) => T;
  /**
   * Adds somewhere other than the list's root (a project's folder): makes the add request on the
   * batched `sp` and resolves to the new item's ID. Default: `items.add(payload)`.
   */
  addNew?: (batched: SPFI) => Promise<number>;
}

/** The If-Match of an update: the loaded ETag, or `*` only when the user chose to overwrite. */
export function ifMatch(etag: string | undefined, overwrite: boolean | undefined): string {
  if (overwrite) return '*';
  if (!etag) throw new Error('An update needs the ETag the item was loaded with (or overwrite: true).');
  return etag;
}

/**
 * Adds or updates one item and reads it back as saved, in ONE `$batch` (the write, then
 * the read, which SharePoint runs in order). A 412 on the update becomes ConflictError
 * with the current version from the same batch.
 */
export async function saveItem<K extends ListKey, T extends ListItemBase>(spec: SaveSpec<K, T>): Promise<T> {
  const { select, expand } = selection(spec.listKey, spec.extraSelect);
  const map = spec.map ?? ((raw: RawItem) => fromItem<T>(spec.listKey, raw));
  const match = spec.id !== undefined ? ifMatch(spec.etag, spec.overwrite) : '';
  const [batched, execute] = spec.sp.batched();
  const list = spList(batched, spec.siteUrl, spec.listKey);
  const write = settle<unknown>(spec.id !== undefined ? list.items.getById(spec.id).update(spec.payload, match)
    : spec.addNew ? spec.addNew(batched).then((Id) => ({ Id })) : list.items.add(spec.payload));
  const read = settle<RawItem | RawItem[]>(spec.id !== undefined
    ? list.items.getById(spec.id).select(...select).expand(...expand)<RawItem>()
    : spec.findNew(list.items).select(...select).expand(...expand).orderBy(internalName(spec.listKey, 'id' as FieldKey<K>), false).top(1)<RawItem[]>());
  await execute();
  const [w, r] = await Promise.all([write, read]);
  const again = (id: number): Promise<T> => spList(spec.sp, spec.siteUrl, spec.listKey).items.getById(id).select(...select).expand(...expand)<RawItem>().then(map);

  if (!w.ok) {
    if (httpStatus(w.error) === 412 && spec.id !== undefined) {
      const theirs = r.ok && !Array.isArray(r.value) ? map(r.value) : await again(spec.id);
      throw new ConflictError<T | Omit<T, keyof ListItemBase>>(spec.mine, theirs);
    }
    throw w.error;
  }
  if (spec.id !== undefined) return r.ok && !Array.isArray(r.value) ? map(r.value) : again(spec.id);
  const added = w.value as RawItem;
  const newId = (added.Id ?? added.ID) as number;
  const found = r.ok && Array.isArray(r.value) ? r.value[0] : undefined;
  // Someone else may have added to the same project in the same instant: then read by ID.
  return found && found.Id === newId ? map(found) : again(newId);
}

/**
 * Deletes with the item's ETag: 412 → ConflictError (read the current version); an item
 * that is already gone counts as deleted, so a retried delete is harmless.
 */
export async function deleteItem<K extends ListKey, T extends ListItemBase>(sp: SPFI, siteUrl: string, listKey: K, item: T, map: (raw: RawItem) => T): Promise<void> {
  const target = spList(sp, siteUrl, listKey).items.getById(item.id);
  try {
    await target.delete(ifMatch(item.etag, false));
  } catch (e) {
    const status = httpStatus(e);
    if (status === 404) return;
    if (status === 412) {
      const { select, expand } = selection(listKey);
      const theirs = map(await target.select(...select).expand(...expand)<RawItem>());
      throw new ConflictError<T>(item, theirs);
    }
    throw e;
  }
}
