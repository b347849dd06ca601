import { randomUUID } from 'crypto';
import { Errors, SpError } from '../http/errors';
import { PermissionKind } from '../model/permissions';
import type { Actor, SharePointStore } from './sharepoint';
import type { FieldProps, FieldValue, Item, List } from './types';

/**
 * Modern pages (`SP.Publishing.SitePage`) as SharePoint Online keeps them: each page is an
 * `.aspx` item of the Site Pages library whose columns hold the canvas. What the page API adds
 * to an item is kept here: the last published copy (readers see only that), who checked the page
 * out, and the page-only properties that are not columns.
 */

export const SITE_PAGES_URL = 'SitePages';
export const SITE_PAGES_TITLE = 'Site Pages';
/** The Site Pages library template (WebPageLibrary). */
export const SITE_PAGES_TEMPLATE = 119;

/** Columns of Site Pages on a new communication site that the page API reads and writes. */
const PAGE_FIELDS: Array<{ name: string; title: string; type: string; props?: FieldProps }> = [
  { name: 'CanvasContent1', title: 'Authoring Canvas Content', type: 'Note' },
  { name: 'LayoutWebpartsContent', title: 'Page Layout Content', type: 'Note' },
  { name: 'BannerImageUrl', title: 'Banner Image URL', type: 'URL' },
  { name: 'Description', title: 'Description', type: 'Note' },
  { name: 'PromotedState', title: 'Promoted State', type: 'Number' },
  { name: 'FirstPublishedDate', title: 'First Published Date', type: 'DateTime' },
  { name: 'PageLayoutType', title: 'Page Layout Type', type: 'Text' },
  { name: '_TopicHeader', title: 'Topic header', type: 'Text' }
];

/** The page values a publish freezes for readers. */
const PUBLISHED_KEYS = ['Title', 'CanvasContent1', 'LayoutWebpartsContent', 'BannerImageUrl', 'Description', 'PromotedState',
  'FirstPublishedDate', 'PageLayoutType', '_TopicHeader'];

export interface PublishedCopy {
  values: Record<string, FieldValue>;
  leaf: string;
  modified: string;
  editorId: number;
  uiVersion: number;
  authorByline: string[];
}

export interface PageRow {
  listId: string;
  itemId: number;
  /** The copy readers see; undefined until the page is first published. */
  published?: PublishedCopy;
  publishedAt?: string;
  publishedBy?: number;
  /** The first save names the file after the title; later saves never rename it. */
  named: boolean;
  authorByline: string[];
  bannerThumbnailUrl: string | null;
}

const DDL = `
CREATE TABLE IF NOT EXISTS site_pages (
  list_id TEXT NOT NULL, item_id INTEGER NOT NULL, published TEXT, published_at TEXT, published_by INTEGER,
  named INTEGER NOT NULL DEFAULT 0, extra TEXT NOT NULL DEFAULT '{}', PRIMARY KEY (list_id, item_id)
);
CREATE TRIGGER IF NOT EXISTS site_pages_item_deleted AFTER DELETE ON items
BEGIN
  DELETE FROM site_pages WHERE list_id = OLD.list_id AND item_id = OLD.id;
END;
`;

const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Creates the tables and registers the read rule: a page never published is seen only by its editors. */
export function installPages(store: SharePointStore): void {
  store.db.exec(DDL);
  store.itemReadRules.push((actor, list, item) => {
    if (list.baseTemplate !== SITE_PAGES_TEMPLATE) return true;
    const row = getPageRow(store, list, item.id);
    if (!row || row.published) return true;
    return canEditPages(store, actor, list, item);
  });
  store.itemViewRules.push((actor, list, item) => {
    if (list.baseTemplate !== SITE_PAGES_TEMPLATE || !/\.aspx$/i.test(item.leaf)) return item;
    const row = getPageRow(store, list, item.id);
    if (!row?.published || row.published.uiVersion === item.uiVersion || canEditPages(store, actor, list, item)) return item;
    return publishedItem(item, row.published);
  });
}

/** The item as readers see it while a newer draft exists: the values of the last publish. */
function publishedItem(item: Item, p: PublishedCopy): Item {
  const data: Record<string, FieldValue> = { ...item.data, ...p.values };
  delete data._CheckedOutUserId;
  return { ...item, data, leaf: p.leaf, modified: p.modified, editorId: p.editorId, uiVersion: p.uiVersion };
}

/**
 * Draft versions of Site Pages are visible to those who can edit items (a communication
 * site's default, DraftVersionVisibility 1) [verify].
 */
export function canEditPages(store: SharePointStore, actor: Actor, list: List, item?: Item): boolean {
  return store.permissions(actor.web, actor.user, list, item?.uniquePerms ? item : undefined).has(PermissionKind.EditListItems);
}

/** The site's owner acts for what SharePoint provisions itself (the library and its columns). */
function systemActor(store: SharePointStore, actor: Actor): Actor {
  const admin = store.principals(actor.web, 'user').find((p) => p.isSiteAdmin);
  return admin ? { web: actor.web, user: admin } : actor;
}

/** The site's Site Pages library, if it has one. */
export function findSitePages(store: SharePointStore, actor: Actor): List | undefined {
  return store.getList(actor.web, { url: `${actor.web.path}/${SITE_PAGES_URL}` });
}

/**
 * Uses the site's Site Pages library, creating it (and the page columns it lacks) the way a
 * new communication site has it: every SharePoint Online site has one, so the caller's
 * permissions do not decide whether it exists.
 */
export function ensureSitePages(store: SharePointStore, actor: Actor): List {
  const system = systemActor(store, actor);
  let list = findSitePages(store, actor);
  if (!list) {
    list = store.createList(system, {
      Title: SITE_PAGES_TITLE, BaseTemplate: SITE_PAGES_TEMPLATE, Url: SITE_PAGES_URL,
      EnableVersioning: true, EnableMinorVersions: true, OnQuickLaunch: true
    });
    store.updateList(system, list, { DraftVersionVisibility: 1 });
    list = store.reloadList(list);
  }
  const have = new Set(store.fields(list.id).map((f) => f.internalName));
  for (const f of PAGE_FIELDS) {
    if (have.has(f.name)) continue;
    store.addField(system, list, { title: f.title, type: f.type, internalName: f.name, props: { ...(f.props ?? {}) } });
  }
  return store.reloadList(list);
}

interface PageRowDb { list_id: string; item_id: number; published: string | null; published_at: string | null; published_by: number | null; named: number; extra: string }

export function getPageRow(store: SharePointStore, list: List, itemId: number): PageRow | undefined {
  const r = store.q('SELECT * FROM site_pages WHERE list_id = ? AND item_id = ?').get(list.id, itemId) as PageRowDb | undefined;
  if (!r) return undefined;
  const extra = JSON.parse(r.extra) as { authorByline?: string[]; bannerThumbnailUrl?: string | null };
  return {
    listId: r.list_id, itemId: r.item_id, published: r.published ? JSON.parse(r.published) as PublishedCopy : undefined,
    publishedAt: r.published_at ?? undefined, publishedBy: r.published_by ?? undefined, named: r.named === 1,
    authorByline: extra.authorByline ?? [], bannerThumbnailUrl: extra.bannerThumbnailUrl ?? null
  };
}

function saveExtra(store: SharePointStore, row: PageRow): void {
  store.q('UPDATE site_pages SET extra = ?, named = ? WHERE list_id = ? AND item_id = ?')
    .run(JSON.stringify({ authorByline: row.authorByline, bannerThumbnailUrl: row.bannerThumbnailUrl }), row.named ? 1 : 0, row.listId, row.itemId);
}

/** Every page item of the library (files ending .aspx), oldest first. */
export function pageItems(store: SharePointStore, list: List): Item[] {
  const rows = store.q('SELECT id FROM items WHERE list_id = ? AND fs_type = 0 ORDER BY id').all(list.id) as Array<{ id: number }>;
  const items = store.getItemsByIds(list, rows.map((r) => r.id));
  return [...items.values()].filter((i) => /\.aspx$/i.test(i.leaf));
}

export function checkedOutBy(item: Item): number | undefined {
  const by = item.data._CheckedOutUserId;
  return typeof by === 'number' ? by : undefined;
}

function lockedError(): SpError {
  return new SpError(423, '-2147018887, Microsoft.SharePoint.SPFileLockException', 'The page is checked out for editing by another user.');
}

function setCheckout(store: SharePointStore, list: List, item: Item, userId: number | null): void {
  if (userId === null) store.q("UPDATE items SET data = json_remove(data, '$._CheckedOutUserId') WHERE list_id = ? AND id = ?").run(list.id, item.id);
  else store.q("UPDATE items SET data = json_set(data, '$._CheckedOutUserId', ?) WHERE list_id = ? AND id = ?").run(userId, list.id, item.id);
}

/** `POST sitepages/pages`: a new page, checked out to its creator, at version 0.1, with a temporary file name. */
export function createPage(store: SharePointStore, actor: Actor, body: Record<string, unknown>): { list: List; item: Item } {
  const list = ensureSitePages(store, actor);
  store.demand(actor, PermissionKind.AddListItems, list);
  const layout = body.PageLayoutType === undefined ? 'Article' : String(body.PageLayoutType);
  if (!['Article', 'Home', 'SingleWebPartAppPage', 'RepostPage', 'HeaderlessSearchResults', 'Spaces', 'Topic'].includes(layout)) {
    throw Errors.badRequest(`'${layout}' is not a valid PageLayoutType.`);
  }
  const promoted = body.PromotedState === undefined ? 0 : Number(body.PromotedState);
  if (![0, 1, 2].includes(promoted)) throw Errors.badRequest(`'${String(body.PromotedState)}' is not a valid PromotedState.`);
  return store.tx(() => {
    const leaf = `${randomUUID()}.aspx`;
    const values: Record<string, FieldValue> = { PageLayoutType: layout, PromotedState: promoted, CanvasContent1: null, LayoutWebpartsContent: null };
    const inserted = store.insertItem(actor, list, values, { folder: list.url, leaf, fsType: 0 });
    // A new page is a draft: 0.1, checked out to whoever created it.
    store.q('UPDATE items SET ui_version = 1 WHERE list_id = ? AND id = ?').run(list.id, inserted.id);
    store.q('DELETE FROM item_versions WHERE list_id = ? AND item_id = ?').run(list.id, inserted.id);
    store.q('INSERT OR REPLACE INTO file_contents (list_id, item_id, ui_version, content, check_in_comment, created, author_id) VALUES (?, ?, 1, ?, \'\', ?, ?)')
      .run(list.id, inserted.id, Buffer.from('<%@ Page Inherits="Microsoft.SharePoint.WebPartPages.WebPartPage" %>'), now(), actor.user.id);
    setCheckout(store, list, inserted, actor.user.id);
    store.q('INSERT INTO site_pages (list_id, item_id) VALUES (?, ?)').run(list.id, inserted.id);
    return { list, item: store.getItem(list, inserted.id) as Item };
  });
}

/** Finds a page the actor may see, or fails as SharePoint does for a missing item. */
export function requirePage(store: SharePointStore, actor: Actor, id: number): { list: List; item: Item; row: PageRow } {
  const list = findSitePages(store, actor);
  if (!list || !Number.isInteger(id) || id <= 0) throw Errors.itemNotFound();
  store.demandListRead(actor, list);
  const item = store.getItem(list, id);
  if (!item || !/\.aspx$/i.test(item.leaf) || !store.canReadItem(actor, list, item)) throw Errors.itemNotFound();
  let row = getPageRow(store, list, id);
  if (!row) {
    // An .aspx put into the library as a file (not through the page API) is still a page.
    store.q('INSERT INTO site_pages (list_id, item_id) VALUES (?, ?)').run(list.id, id);
    row = getPageRow(store, list, id) as PageRow;
  }
  return { list, item, row };
}

function demandEdit(store: SharePointStore, actor: Actor, list: List, item: Item): void {
  store.demandItemWrite(actor, list, item, PermissionKind.EditListItems);
}

export function checkoutPage(store: SharePointStore, actor: Actor, list: List, item: Item): Item {
  demandEdit(store, actor, list, item);
  const by = checkedOutBy(item);
  if (by !== undefined && by !== actor.user.id) throw lockedError();
  setCheckout(store, list, item, actor.user.id);
  return store.getItem(list, item.id) as Item;
}

/** A file name from a title as the first save makes it: characters a URL cannot carry become '-'. [verify: SPO's exact mapping] */
function fileNameFromTitle(title: string): string {
  const base = title.trim().replace(/["#%&*:<>?\\/{|}~]/g, '').replace(/\s+/g, '-').replace(/\.+$/, '').slice(0, 120);
  return base || 'Page';
}

function uniqueLeaf(store: SharePointStore, list: List, base: string, selfId: number): string {
  const taken = (leaf: string): boolean => !!store.q('SELECT 1 FROM items WHERE list_id = ? AND folder = ? AND leaf = ? COLLATE NOCASE AND id != ?')
    .get(list.id, list.url, leaf, selfId);
  let leaf = `${base}.aspx`;
  for (let n = 1; taken(leaf); n++) leaf = `${base}(${n}).aspx`;
  return leaf;
}

/**
 * `savepage` / `SavePageAsDraft`: writes the canvas and page properties as a new minor
 * version. The page must be checked out to the caller: PnPjs checks it out first; SharePoint
 * Online's behaviour on an unchecked-out page is not documented, so it is refused [verify].
 * "Save as draft" checks the page in (Microsoft support: "What happens when I publish a
 * page"); `savepage` keeps the caller's check-out, as editing continues [verify].
 */
export function savePage(store: SharePointStore, actor: Actor, list: List, item: Item, row: PageRow, body: Record<string, unknown>,
  opts: { checkIn: boolean }): Item {
  demandEdit(store, actor, list, item);
  const by = checkedOutBy(item);
  if (by !== undefined && by !== actor.user.id) throw lockedError();
  if (by === undefined) {
    throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'The page must be checked out before it is saved (checkoutpage). [verify]');
  }
  const values: Record<string, FieldValue> = {};
  const text = (k: string, max?: number): void => {
    if (body[k] === undefined) return;
    if (body[k] !== null && typeof body[k] !== 'string') throw Errors.badRequest(`${k} must be a string.`);
    const v = body[k] as string | null;
    if (max !== undefined && v && v.length > max) throw Errors.badRequest(`${k} may have at most ${max} characters.`);
    values[k] = v;
  };
  for (const k of ['CanvasContent1', 'LayoutWebpartsContent']) {
    text(k);
    const v = values[k];
    if (typeof v === 'string' && v !== '') {
      // Kept verbatim (web part properties, dynamic-data connections), but it must be the JSON SharePoint parses.
      let parsed: unknown;
      try { parsed = JSON.parse(v); } catch (e) { throw Errors.badRequest(`${k} is not valid JSON: ${(e as Error).message}`); }
      if (parsed !== null && !Array.isArray(parsed)) throw Errors.badRequest(`${k} must be a JSON array of canvas controls.`);
    }
  }
  text('Title', 255);
  text('Description', 255);
  if (body.TopicHeader !== undefined) {
    if (body.TopicHeader !== null && typeof body.TopicHeader !== 'string') throw Errors.badRequest('TopicHeader must be a string.');
    values._TopicHeader = body.TopicHeader as string | null;
  }
  if (body.BannerImageUrl !== undefined) {
    const url = body.BannerImageUrl;
    if (url !== null && typeof url !== 'string') throw Errors.badRequest('BannerImageUrl must be a string.');
    values.BannerImageUrl = url ? { Url: url, Description: url } : null;
  }
  if (body.PageLayoutType !== undefined) values.PageLayoutType = String(body.PageLayoutType);
  return store.tx(() => {
    if (!row.named) {
      const title = typeof values.Title === 'string' ? values.Title : String(item.data.Title ?? '');
      if (title) {
        values.FileLeafRef = uniqueLeaf(store, list, fileNameFromTitle(title), item.id);
        row.named = true;
      }
    }
    if (Array.isArray(body.AuthorByline)) row.authorByline = (body.AuthorByline as unknown[]).map(String);
    if (typeof body.BannerThumbnailUrl === 'string') row.bannerThumbnailUrl = body.BannerThumbnailUrl;
    saveExtra(store, row);
    store.q('UPDATE items SET ui_version = ui_version + 1 WHERE list_id = ? AND id = ?').run(list.id, item.id);
    if (opts.checkIn) setCheckout(store, list, item, null);
    const bumped = store.getItem(list, item.id) as Item;
    return store.writeItemValues(actor, list, bumped, values, false);
  });
}

/** Publishes the current draft as the next major version: readers now see it; news is promoted on its first publish. */
export function publishPage(store: SharePointStore, actor: Actor, list: List, item: Item, row: PageRow): Item {
  demandEdit(store, actor, list, item);
  const by = checkedOutBy(item);
  if (by !== undefined && by !== actor.user.id) throw lockedError();
  return store.tx(() => {
    const values: Record<string, FieldValue> = {};
    const promoted = Number(item.data.PromotedState ?? 0);
    if (promoted === 1) values.PromotedState = 2;
    if ((promoted === 1 || promoted === 2) && !item.data.FirstPublishedDate) values.FirstPublishedDate = now();
    const major = Math.floor(item.uiVersion / 512) + 1;
    store.q('UPDATE items SET ui_version = ? WHERE list_id = ? AND id = ?').run(major * 512, list.id, item.id);
    setCheckout(store, list, item, null);
    const updated = store.writeItemValues(actor, list, store.getItem(list, item.id) as Item, values, false);
    freeze(store, list, updated, row, actor);
    return updated;
  });
}

function freeze(store: SharePointStore, list: List, item: Item, row: PageRow, actor: Actor): void {
  const copy: PublishedCopy = {
    values: Object.fromEntries(PUBLISHED_KEYS.map((k) => [k, item.data[k] ?? null])), leaf: item.leaf, modified: item.modified,
    editorId: item.editorId, uiVersion: item.uiVersion, authorByline: row.authorByline
  };
  store.q('UPDATE site_pages SET published = ?, published_at = COALESCE(published_at, ?), published_by = ? WHERE list_id = ? AND item_id = ?')
    .run(JSON.stringify(copy), now(), actor.user.id, list.id, item.id);
}

/**
 * `promoteToNews`: a published page becomes news at once (PromotedState 2, FirstPublishedDate);
 * a page never published is marked to become news on its first publish (PromotedState 1), as
 * SharePoint Online does (pnp/pnpjs#858).
 */
export function promoteToNews(store: SharePointStore, actor: Actor, list: List, item: Item, row: PageRow): boolean {
  demandEdit(store, actor, list, item);
  return store.tx(() => {
    if (!row.published) {
      store.writeItemValues(actor, list, item, { PromotedState: 1 }, false);
      return true;
    }
    const first = (item.data.FirstPublishedDate as string | null | undefined) ?? row.publishedAt ?? now();
    const updated = store.writeItemValues(actor, list, item, { PromotedState: 2, FirstPublishedDate: first }, false);
    // Promotion changes what readers see too (the news web part lists published news).
    const published = row.published as PublishedCopy;
    published.values.PromotedState = 2;
    published.values.FirstPublishedDate = first;
    store.q('UPDATE site_pages SET published = ? WHERE list_id = ? AND item_id = ?').run(JSON.stringify(published), list.id, updated.id);
    return true;
  });
}

/** `discardPage`: drops the caller's draft and check-out; the page goes back to what was last published. */
export function discardPage(store: SharePointStore, actor: Actor, list: List, item: Item, row: PageRow): Item {
  demandEdit(store, actor, list, item);
  const by = checkedOutBy(item);
  if (by === undefined) throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'The page is not checked out.');
  if (by !== actor.user.id) throw lockedError();
  return store.tx(() => {
    setCheckout(store, list, item, null);
    const fresh = store.getItem(list, item.id) as Item;
    if (!row.published) return fresh;
    store.q('UPDATE items SET ui_version = ? WHERE list_id = ? AND id = ?').run(row.published.uiVersion, list.id, item.id);
    const values: Record<string, FieldValue> = { ...row.published.values };
    return store.writeItemValues(actor, list, store.getItem(list, item.id) as Item, values, false);
  });
}
