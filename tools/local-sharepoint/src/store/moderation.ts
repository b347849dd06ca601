import { Errors, SpError } from '../http/errors';
import { PermissionKind, type PermissionSet } from '../model/permissions';
import type { Actor, SharePointStore } from './sharepoint';
import type { FieldValue, Item, List } from './types';

/**
 * Content approval, minor versions and draft-item security, as SharePoint documents them:
 * - SPModerationStatusType: 0 Approved, 1 Denied, 2 Pending, 3 Draft, 4 Scheduled, kept in the
 *   item's `_ModerationStatus` (`OData__ModerationStatus`), the approver's note in `_ModerationComments`.
 * - SPList.DraftVersionVisibility (DraftVisibilityType): 0 Reader, 1 Author, 2 Approver. The list
 *   settings page words them "Any user who can read items", "Only users who can edit items",
 *   "Only users who can approve items (and the author of the item)".
 * - Readers who may not see drafts see the last approved (or, without content approval, the last
 *   major) version, or nothing when there never was one.
 * https://learn.microsoft.com/previous-versions/office/sharepoint-server/ms415860(v=office.15) (SPModerationStatusType)
 * https://learn.microsoft.com/sharepoint/dev/schema/draftvisibilitytype-simple-type-deploymentmanifest
 * https://support.microsoft.com/office/require-approval-of-items-in-a-site-list-or-library-…
 *
 * Site Pages (template 119) keep their own publish model in pages.ts and are left to it.
 */

export const ModerationStatus = { Approved: 0, Denied: 1, Pending: 2, Draft: 3, Scheduled: 4 } as const;
export const MODERATION_STATUS = '_ModerationStatus';
export const MODERATION_COMMENTS = '_ModerationComments';
const STATUS_PROPERTY = 'OData__ModerationStatus';
const COMMENTS_PROPERTY = 'OData__ModerationComments';

const DDL = `
CREATE TABLE IF NOT EXISTS item_published (
  list_id TEXT NOT NULL, item_id INTEGER NOT NULL, ui_version INTEGER NOT NULL, modified TEXT NOT NULL,
  editor_id INTEGER NOT NULL, leaf TEXT NOT NULL, data TEXT NOT NULL, content BLOB, PRIMARY KEY (list_id, item_id)
);
CREATE TRIGGER IF NOT EXISTS item_published_item_deleted AFTER DELETE ON items
BEGIN
  DELETE FROM item_published WHERE list_id = OLD.list_id AND item_id = OLD.id;
END;
`;

const isLibraryTemplate = (t: number): boolean => t === 101 || t === 119;

export function moderated(list: List): boolean {
  return list.baseTemplate !== 119 && list.props.EnableModeration === true;
}

/** Major and minor versions: document libraries only (lists keep major versions). */
export function minorVersioned(list: List): boolean {
  return list.baseTemplate !== 119 && isLibraryTemplate(list.baseTemplate) && list.props.EnableVersioning === true && list.props.EnableMinorVersions === true;
}

/** Lists where some versions are drafts that not everybody sees. */
export function governed(list: List): boolean {
  return moderated(list) || minorVersioned(list);
}

export function statusOf(item: Item): number {
  const v = item.data[MODERATION_STATUS];
  // Items that existed before approval was switched on count as approved.
  return typeof v === 'number' ? v : ModerationStatus.Approved;
}

/**
 * The version readers see. Folders are left out of approval here [verify: SharePoint moderates
 * folders too; PMO Hub approves none].
 */
export function isPublished(list: List, item: Item): boolean {
  if (item.fsType === 1) return true;
  if (moderated(list)) return statusOf(item) === ModerationStatus.Approved;
  if (minorVersioned(list)) return item.uiVersion % 512 === 0;
  return true;
}

/** DraftVersionVisibility, checked with the actor's permissions on the item. */
export function canSeeDrafts(store: SharePointStore, actor: Actor, list: List, item: Item): boolean {
  const perms = store.permissions(actor.web, actor.user, list, item);
  switch (Number(list.props.DraftVersionVisibility ?? 0)) {
    case 0: return perms.has(PermissionKind.ViewListItems);
    // "Only users who can edit items": the author without Edit Items is not named, so not let in [verify].
    case 1: return perms.has(PermissionKind.EditListItems);
    default: return perms.has(PermissionKind.ApproveItems) || item.authorId === actor.user.id;
  }
}

interface PublishedRow { ui_version: number; modified: string; editor_id: number; leaf: string; data: string; content: Buffer | null }

export function publishedCopy(store: SharePointStore, list: List, itemId: number): PublishedRow | undefined {
  return store.q('SELECT ui_version, modified, editor_id, leaf, data, content FROM item_published WHERE list_id = ? AND item_id = ?')
    .get(list.id, itemId) as PublishedRow | undefined;
}

/** Freezes what readers see: the item as it is now, and its file's content. */
function savePublished(store: SharePointStore, list: List, item: Item): void {
  const file = store.q('SELECT content FROM file_contents WHERE list_id = ? AND item_id = ? AND ui_version = ?')
    .get(list.id, item.id, item.uiVersion) as { content: Buffer } | undefined;
  store.q('INSERT OR REPLACE INTO item_published (list_id, item_id, ui_version, modified, editor_id, leaf, data, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(list.id, item.id, item.uiVersion, item.modified, item.editorId, item.leaf, JSON.stringify(item.data), file?.content ?? null);
}

function dropPublished(store: SharePointStore, list: List, item: Item): void {
  store.q('DELETE FROM item_published WHERE list_id = ? AND item_id = ?').run(list.id, item.id);
}

/** Content of the version a reader sees, when it is the published copy rather than the current one. */
export function publishedContent(store: SharePointStore, list: List, item: Item): Buffer | undefined {
  const row = publishedCopy(store, list, item.id);
  return row && row.ui_version === item.uiVersion && row.content ? row.content : undefined;
}

export function installModeration(store: SharePointStore): void {
  store.db.exec(DDL);
  store.itemReadRules.push((actor, list, item) => {
    if (!governed(list) || isPublished(list, item) || canSeeDrafts(store, actor, list, item)) return true;
    return publishedCopy(store, list, item.id) !== undefined;
  });
  store.itemViewRules.push((actor, list, item) => {
    if (!governed(list) || isPublished(list, item) || canSeeDrafts(store, actor, list, item)) return item;
    const row = publishedCopy(store, list, item.id);
    if (!row) return item;
    return { ...item, data: JSON.parse(row.data) as Record<string, FieldValue>, uiVersion: row.ui_version, modified: row.modified, editorId: row.editor_id, leaf: row.leaf };
  });
}

/** The moderation part of an item payload, taken out before the columns are coerced. */
export interface ModerationChange { status?: number; comments?: string | null }

export function takeModeration(body: Record<string, unknown>): { change: ModerationChange | undefined; rest: Record<string, unknown> } {
  if (!(STATUS_PROPERTY in body) && !(COMMENTS_PROPERTY in body)) return { change: undefined, rest: body };
  const { [STATUS_PROPERTY]: status, [COMMENTS_PROPERTY]: comments, ...rest } = body;
  const change: ModerationChange = {};
  if (status !== undefined) {
    const n = typeof status === 'string' && status.trim() !== '' ? Number(status) : status;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 4) {
      throw Errors.badRequest(`Cannot convert a primitive value to the expected type 'Edm.Int32' (field '${MODERATION_STATUS}', value ${JSON.stringify(status)}).`);
    }
    change.status = n;
  }
  if (comments !== undefined) {
    if (comments !== null && typeof comments !== 'string') throw Errors.badRequest(`'${COMMENTS_PROPERTY}' must be text.`);
    change.comments = comments;
  }
  return { change, rest };
}

/**
 * Who may set the approval status: holders of Approve Items on the item (or, for a new item, on the
 * list or folder it goes into), on a list that requires approval. Scheduling (4) needs the
 * publishing feature's scheduling, which the local SharePoint does not have; Draft (3) exists only
 * with minor versions [verify: the errors SharePoint gives for both].
 */
export function checkModerationChange(_store: SharePointStore, _actor: Actor, list: List, perms: PermissionSet, change: ModerationChange): void {
  if (!moderated(list)) {
    throw new SpError(400, '-2147024809, System.ArgumentException', `Content approval is not enabled for the list '${list.title}'. [verify]`);
  }
  if (!perms.has(PermissionKind.ApproveItems)) throw Errors.accessDenied();
  if (change.status === ModerationStatus.Scheduled) throw Errors.badRequest('Scheduling is not enabled for this list. [verify]');
  if (change.status === ModerationStatus.Draft && !minorVersioned(list)) throw Errors.badRequest('Draft status needs minor versions. [verify]');
}

/** The stored values a change brings, or the status any other write falls back to. */
export function moderationValues(list: List, change: ModerationChange | undefined, creating: boolean): Record<string, FieldValue> {
  if (!moderated(list)) return {};
  const out: Record<string, FieldValue> = {};
  if (change?.status !== undefined) out[MODERATION_STATUS] = change.status;
  else if (creating || !change) out[MODERATION_STATUS] = minorVersioned(list) ? ModerationStatus.Draft : ModerationStatus.Pending;
  if (change?.comments !== undefined) out[MODERATION_COMMENTS] = change.comments;
  return out;
}

/** Only the approval columns change: the same version, approved or rejected in place [verify: SPO may add a version]. */
export function onlyModeration(values: Record<string, FieldValue>): boolean {
  const keys = Object.keys(values);
  return keys.length > 0 && keys.every((k) => k === MODERATION_STATUS || k === MODERATION_COMMENTS);
}

/**
 * Any write to an item in a governed list: an approver's status decides, anything else sends the
 * item back to pending (content approval) or makes a new draft (minor versions) — also an
 * approver's own edit that does not set the status [verify: SharePoint's edit form lets approvers
 * approve in the same save; a REST update without the status is taken as a new submission].
 */
export function beforeWrite(store: SharePointStore, list: List, item: Item, values: Record<string, FieldValue>): void {
  if (!governed(list) || item.fsType === 1) return;
  // What readers saw until now stays what they see until something newer is approved.
  if (isPublished(list, item) && !publishedCopy(store, list, item.id)) savePublished(store, list, item);
  if (moderated(list) && values[MODERATION_STATUS] === undefined) {
    values[MODERATION_STATUS] = minorVersioned(list) ? ModerationStatus.Draft : ModerationStatus.Pending;
  }
}

/** The UI version a write gives: minor versions count up by one, an approval makes the next major. */
export function nextUiVersion(list: List, item: Item, values: Record<string, FieldValue>, newVersion: boolean, approvalOnly: boolean): number {
  let ui = item.uiVersion;
  if (newVersion && list.props.EnableVersioning && !approvalOnly) ui = minorVersioned(list) ? ui + 1 : ui + 512;
  if (minorVersioned(list) && values[MODERATION_STATUS] === ModerationStatus.Approved && ui % 512 !== 0) ui = (Math.floor(ui / 512) + 1) * 512;
  return ui;
}

export function afterWrite(store: SharePointStore, list: List, item: Item): void {
  if (governed(list) && item.fsType !== 1 && isPublished(list, item)) savePublished(store, list, item);
}

/** A new item: where it starts (0.1 with minor versions) and whether readers see it yet. */
export function afterInsert(store: SharePointStore, list: List, item: Item): Item {
  if (!governed(list) || item.fsType === 1) return item;
  let current = item;
  if (minorVersioned(list) && !(moderated(list) && statusOf(item) === ModerationStatus.Approved)) {
    store.q('UPDATE items SET ui_version = 1 WHERE list_id = ? AND id = ?').run(list.id, item.id);
    current = { ...item, uiVersion: 1 };
  }
  if (isPublished(list, current)) savePublished(store, list, current);
  return current;
}

// ------------------------------------------------------------------ file operations

function moveToVersion(store: SharePointStore, list: List, item: Item, ui: number): void {
  if (ui === item.uiVersion) return;
  store.q(`INSERT OR REPLACE INTO file_contents (list_id, item_id, ui_version, content, check_in_comment, created, author_id)
    SELECT list_id, item_id, ?, content, check_in_comment, created, author_id FROM file_contents WHERE list_id = ? AND item_id = ? AND ui_version = ?`)
    .run(ui, list.id, item.id, item.uiVersion);
  store.q('UPDATE items SET ui_version = ?, version = version + 1 WHERE list_id = ? AND id = ?').run(ui, list.id, item.id);
  if (list.props.EnableVersioning) {
    store.q(`INSERT OR REPLACE INTO item_versions (list_id, item_id, ui_version, modified, editor_id, data)
      SELECT list_id, id, ui_version, modified, editor_id, data FROM items WHERE list_id = ? AND id = ?`).run(list.id, item.id);
  }
}

function setStatus(store: SharePointStore, list: List, item: Item, status: number, comments?: string): Item {
  const patch: Record<string, FieldValue> = { [MODERATION_STATUS]: status };
  if (comments !== undefined) patch[MODERATION_COMMENTS] = comments;
  const data = { ...item.data, ...patch };
  store.q('UPDATE items SET data = ?, version = version + 1 WHERE list_id = ? AND id = ?').run(JSON.stringify(data), list.id, item.id);
  if (list.props.EnableVersioning) {
    store.q('UPDATE item_versions SET data = ? WHERE list_id = ? AND item_id = ? AND ui_version = ?').run(JSON.stringify(data), list.id, item.id, item.uiVersion);
  }
  return store.getItem(list, item.id) as Item;
}

const notMinor = (): SpError => new SpError(400, '-2147024809, System.ArgumentException', 'Only a minor version (draft) can be published. [verify]');

/** `checkin(comment, checkInType)`: 0 minor, 1 major, 2 overwrite. */
export function checkInVersion(store: SharePointStore, actor: Actor, list: List, item: Item, type: number): void {
  if (![0, 1, 2].includes(type)) throw Errors.badRequest(`'${type}' is not a valid CheckinType.`);
  if (type === 0 && !minorVersioned(list)) {
    throw new SpError(400, '-2147024809, System.ArgumentException', 'Minor versions are not enabled for this library. [verify]');
  }
  if (type !== 1 || !governed(list) || isPublished(list, item)) return;
  publishFile(store, actor, list, item, undefined, true);
}

/**
 * `publish(comment)`: the current draft becomes the next major version; with content approval it
 * is submitted instead (Pending) and becomes major when approved.
 */
export function publishFile(store: SharePointStore, actor: Actor, list: List, item: Item, comment: string | undefined, viaCheckIn = false): void {
  store.demandItemWrite(actor, list, item, PermissionKind.EditListItems);
  if (!viaCheckIn && (!minorVersioned(list) || item.uiVersion % 512 === 0)) throw notMinor();
  if (moderated(list)) {
    if (statusOf(item) === ModerationStatus.Pending) throw Errors.badRequest('The file is already pending approval. [verify]');
    setStatus(store, list, item, ModerationStatus.Pending, comment);
    return;
  }
  moveToVersion(store, list, item, (Math.floor(item.uiVersion / 512) + 1) * 512);
  savePublished(store, list, store.getItem(list, item.id) as Item);
}

function demandApprover(store: SharePointStore, actor: Actor, list: List, item: Item): void {
  if (!store.canReadItem(actor, list, item)) throw Errors.itemNotFound();
  if (!moderated(list)) throw new SpError(400, '-2147024809, System.ArgumentException', `Content approval is not enabled for the list '${list.title}'. [verify]`);
  if (!store.permissions(actor.web, actor.user, list, item).has(PermissionKind.ApproveItems)) throw Errors.accessDenied();
}

/** `approve(comment)`: only what is pending [verify: SharePoint may also approve a draft directly]. */
export function approveFile(store: SharePointStore, actor: Actor, list: List, item: Item, comment: string): void {
  demandApprover(store, actor, list, item);
  if (statusOf(item) !== ModerationStatus.Pending) throw Errors.badRequest('Only a file pending approval can be approved. [verify]');
  if (minorVersioned(list) && item.uiVersion % 512 !== 0) moveToVersion(store, list, item, (Math.floor(item.uiVersion / 512) + 1) * 512);
  const approved = setStatus(store, list, store.getItem(list, item.id) as Item, ModerationStatus.Approved, comment);
  savePublished(store, list, approved);
}

export function denyFile(store: SharePointStore, actor: Actor, list: List, item: Item, comment: string): void {
  demandApprover(store, actor, list, item);
  if (statusOf(item) !== ModerationStatus.Pending) throw Errors.badRequest('Only a file pending approval can be rejected. [verify]');
  setStatus(store, list, item, ModerationStatus.Denied, comment);
}

/**
 * `unpublish(comment)`: a pending file goes back to draft; a published one stops being seen by
 * readers and becomes a draft again (the next minor number after the last major before it)
 * [verify: the version number SharePoint gives the unpublished draft].
 */
export function unpublishFile(store: SharePointStore, actor: Actor, list: List, item: Item, comment: string): void {
  if (moderated(list)) demandApprover(store, actor, list, item);
  else store.demandItemWrite(actor, list, item, PermissionKind.EditListItems);
  if (!minorVersioned(list) && !moderated(list)) throw notMinor();
  if (moderated(list) && statusOf(item) === ModerationStatus.Pending) {
    setStatus(store, list, item, minorVersioned(list) ? ModerationStatus.Draft : ModerationStatus.Denied, comment);
    return;
  }
  if (!isPublished(list, item)) throw Errors.badRequest('Only a published file can be unpublished. [verify]');
  dropPublished(store, list, item);
  if (minorVersioned(list)) {
    const prev = (Math.floor(item.uiVersion / 512) - 1) * 512;
    const top = store.q('SELECT MAX(ui_version) AS m FROM file_contents WHERE list_id = ? AND item_id = ? AND ui_version < ?').get(list.id, item.id, item.uiVersion) as { m: number | null };
    moveToVersion(store, list, item, Math.max(prev, top.m ?? 0) + 1);
    store.q('DELETE FROM file_contents WHERE list_id = ? AND item_id = ? AND ui_version = ?').run(list.id, item.id, item.uiVersion);
    store.q('DELETE FROM item_versions WHERE list_id = ? AND item_id = ? AND ui_version = ?').run(list.id, item.id, item.uiVersion);
  }
  if (moderated(list)) setStatus(store, list, store.getItem(list, item.id) as Item, minorVersioned(list) ? ModerationStatus.Draft : ModerationStatus.Pending, comment);
}

/** Versions a reader who may not see drafts may list: the published ones, up to the one they see. */
export function visibleVersion(store: SharePointStore, actor: Actor, list: List, item: Item, ui: number, data?: Record<string, FieldValue>): boolean {
  if (!governed(list) || canSeeDrafts(store, actor, list, item)) return true;
  const row = publishedCopy(store, list, item.id);
  if (!row || ui > row.ui_version) return false;
  if (moderated(list)) return data ? (typeof data[MODERATION_STATUS] !== 'number' || data[MODERATION_STATUS] === ModerationStatus.Approved) : ui === row.ui_version || !minorVersioned(list) || ui % 512 === 0;
  return ui % 512 === 0;
}
