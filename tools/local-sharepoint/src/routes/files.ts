import { Errors, SpError } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { is, arg, stringArg, type Segment } from '../http/path';
import { renderValue, noContent, type Entity } from '../http/format';
import { folderEntity, itemEntity, checkItemProjection } from '../http/entities';
import { parseExpand, parseSelect } from '../odata/query-options';
import { isLibrary, itemEtagHeader } from '../store/sharepoint';
import { ValueContext } from '../store/query';
import type { Item, List } from '../store/types';
import { PermissionKind } from '../model/permissions';
import {
  approveFile, checkInVersion, denyFile, governed, isPublished, publishFile, publishedContent, unpublishFile, visibleVersion
} from '../store/moderation';
import { one, collection, emptyOk, onWeb, post, parseJsonBody, type ApiContext, type Res, type Route } from './context';

/** SharePoint Online refuses these characters in file and folder names. */
const INVALID_NAME = /["*:<>?/\\|]/;
const hasControlCharacter = (s: string): boolean => [...s].some((c) => c.charCodeAt(0) < 0x20);

function folderPathArg(ctx: ApiContext, seg: Segment): string {
  const raw = stringArg(seg, 'decodedurl');
  return normalisePath(ctx, raw);
}

function normalisePath(ctx: ApiContext, raw: string): string {
  let p = raw.replace(/^https?:\/\/[^/]+/i, '').replace(/\/+$/, '');
  if (!p.startsWith('/')) p = `${ctx.actor.web.path}/${p}`;
  return p;
}

interface Located { list: List; folder: string; leaf: string; item?: Item }

/** Finds the library and item behind a server-relative path. */
function locate(ctx: ApiContext, path: string): Located | undefined {
  const lists = ctx.store.lists(ctx.actor.web).filter((l) => path.toLowerCase() === l.url.toLowerCase() || path.toLowerCase().startsWith(`${l.url.toLowerCase()}/`));
  const list = lists.sort((a, b) => b.url.length - a.url.length)[0];
  if (!list) return undefined;
  const rest = path.slice(list.url.length);
  if (rest === '') return { list, folder: '', leaf: '' };
  const cut = path.lastIndexOf('/');
  const folder = path.slice(0, cut);
  const leaf = path.slice(cut + 1);
  // SharePoint's URLs are case-insensitive (a file added as Case.json.gz is also case.JSON.gz). The
  // exact spelling first, on the index; another casing only when that finds nothing.
  const row = (ctx.store.db.prepare('SELECT id FROM items WHERE list_id = ? AND folder = ? AND leaf = ?').get(list.id, folder, leaf)
    ?? ctx.store.db.prepare('SELECT id FROM items WHERE list_id = ? AND folder = ? COLLATE NOCASE AND leaf = ? COLLATE NOCASE').get(list.id, folder, leaf)) as { id: number } | undefined;
  const item = row ? ctx.store.getItem(list, row.id) : undefined;
  return { list, folder, leaf, item };
}

function fileByArg(ctx: ApiContext, seg: Segment): Res {
  if (is(seg, 'getFileById')) {
    const guid = stringArg(seg).toLowerCase();
    const row = ctx.store.db.prepare('SELECT list_id, id FROM items WHERE guid = ?').get(guid) as { list_id: string; id: number } | undefined;
    const list = row ? ctx.store.getList(ctx.actor.web, { id: row.list_id }) : undefined;
    const item = list && row ? ctx.store.getItem(list, row.id) : undefined;
    if (!list || !item || item.fsType !== 0) throw fileNotFound(guid);
    return { k: 'file', list, item: readable(ctx, list, item, guid) };
  }
  let raw = stringArg(seg, 'decodedurl');
  // getFileByUrl takes the encoded absolute URL (what EncodedAbsUrl holds); the others a decoded path.
  if (is(seg, 'getFileByUrl')) {
    try { raw = decodeURIComponent(raw); } catch { throw Errors.badRequest(`'${raw}' is not a validly encoded URL.`); }
  }
  const path = normalisePath(ctx, raw);
  const found = locate(ctx, path);
  if (!found || !found.item || found.item.fsType !== 0) throw fileNotFound(path);
  return { k: 'file', list: found.list, item: readable(ctx, found.list, found.item, path) };
}

function fileInFolder(ctx: ApiContext, folderPath: string, name: string): Res {
  const path = `${folderPath}/${name}`;
  const found = locate(ctx, path);
  if (!found?.item || found.item.fsType !== 0) throw fileNotFound(path);
  return { k: 'file', list: found.list, item: readable(ctx, found.list, found.item, path) };
}

function readable(ctx: ApiContext, list: List, item: Item, name: string): Item {
  if (!ctx.store.canReadItem(ctx.actor, list, item)) throw fileNotFound(name);
  return item;
}

function fileNotFound(path: string): SpError {
  return new SpError(404, '-2130575338, Microsoft.SharePoint.SPException', `The file ${path} does not exist.`);
}

function folderOf(ctx: ApiContext, path: string): Located {
  if (path.toLowerCase() === ctx.actor.web.path.toLowerCase()) throw Errors.notImplemented('files in the root of the site (use a library)');
  const found = locate(ctx, path);
  if (!found || (found.leaf && (!found.item || found.item.fsType !== 1))) {
    throw new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
  }
  return found;
}

export function fileEntityForItem(ctx: ApiContext, list: List, current: Item): Entity | null {
  if (!isLibrary(list) || current.fsType !== 0) return null;
  const item = ctx.store.viewItem(ctx.actor, list, current);
  const path = `${item.folder}/${item.leaf}`;
  const uri = `${ctx.urls.api}/Web/GetFileByServerRelativePath(decodedurl='${encodeURIComponent(path.replace(/'/g, "''"))}')`;
  const content = ctx.store.db.prepare('SELECT length(content) AS n, check_in_comment AS c FROM file_contents WHERE list_id = ? AND item_id = ? AND ui_version = ?')
    .get(list.id, item.id, item.uiVersion) as { n: number; c: string } | undefined;
  const checkedOut = typeof item.data._CheckedOutUserId === 'number';
  const major = Math.floor(item.uiVersion / 512);
  return {
    type: 'SP.File', uri, id: uri,
    props: {
      CheckInComment: content?.c ?? '', CheckOutType: checkedOut ? 0 : 2, ContentTag: `{${item.guid.toUpperCase()}},${item.version},${item.version}`,
      CustomizedPageStatus: 0, ETag: `"{${item.guid.toUpperCase()}},${item.version}"`, Exists: true, IrmEnabled: false,
      // SP.FileLevel: 1 published, 2 draft, 255 checked out.
      Length: String(content?.n ?? publishedContent(ctx.store, list, item)?.length ?? 0), Level: checkedOut ? 255 : governed(list) && !isPublished(list, item) ? 2 : 1, LinkingUri: null, LinkingUrl: '', MajorVersion: major, MinorVersion: item.uiVersion % 512,
      Name: item.leaf, ServerRelativeUrl: path, ServerRelativePath: { DecodedUrl: path }, TimeCreated: item.created, TimeLastModified: item.modified,
      Title: (item.data.Title as string | undefined) ?? null, UIVersion: item.uiVersion, UIVersionLabel: `${major}.${item.uiVersion % 512}`, UniqueId: item.guid
    },
    nav: { ListItemAllFields: () => itemEntity(ctx.urls, new ValueContext(ctx.store, ctx.actor), list, ctx.store.fields(list.id), item, { select: [], expand: [] }) }
  };
}

function currentContent(ctx: ApiContext, list: List, item: Item): Buffer {
  const row = ctx.store.db.prepare('SELECT content FROM file_contents WHERE list_id = ? AND item_id = ? AND ui_version = ?').get(list.id, item.id, item.uiVersion) as { content: Buffer } | undefined;
  return row?.content ?? Buffer.alloc(0);
}

function validateName(name: string): void {
  if (!name || name.trim() !== name || name.endsWith('.') || INVALID_NAME.test(name) || hasControlCharacter(name) || name.length > 255 || /^~\$|_vti_/i.test(name)) {
    throw new SpError(400, '-2130575245, Microsoft.SharePoint.SPException',
      `The file or folder name '${name}' contains characters that are not permitted. Please use a different name.`);
  }
}

/** Writes a file's content as a new version (or in place when the library keeps no versions). */
function writeContent(ctx: ApiContext, list: List, item: Item, content: Buffer, comment = ''): Item {
  const { store, actor } = ctx;
  if (content.length > ctx.options.maxUploadBytes) {
    throw new SpError(413, '-2147024809, System.ArgumentException',
      `The file is ${content.length} bytes; a single request may upload at most ${ctx.options.maxUploadBytes} bytes. Use a chunked upload.`);
  }
  const checkedOutBy = item.data._CheckedOutUserId;
  if (typeof checkedOutBy === 'number' && checkedOutBy !== actor.user.id) {
    throw new SpError(423, '-2147018887, Microsoft.SharePoint.SPFileLockException', `The file "${item.folder}/${item.leaf}" is checked out for editing by another user.`);
  }
  return store.tx(() => {
    const fresh = store.getItem(list, item.id) as Item;
    const hasContent = store.db.prepare('SELECT 1 FROM file_contents WHERE list_id = ? AND item_id = ?').get(list.id, item.id);
    const updated = hasContent ? store.writeItemValues(actor, list, fresh, {}, true) : fresh;
    if (!list.props.EnableVersioning) store.db.prepare('DELETE FROM file_contents WHERE list_id = ? AND item_id = ?').run(list.id, item.id);
    store.db.prepare('INSERT OR REPLACE INTO file_contents (list_id, item_id, ui_version, content, check_in_comment, created, author_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(list.id, item.id, updated.uiVersion, content, comment, new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), actor.user.id);
    const limit = list.props.MajorVersionLimit || 500;
    store.db.prepare('DELETE FROM file_contents WHERE list_id = ? AND item_id = ? AND ui_version <= ?').run(list.id, item.id, updated.uiVersion - limit * 512);
    return updated;
  });
}

/**
 * The file or folder in `folder` whose name is `name` as SharePoint compares names: without regard
 * to case (`Projects.json.gz` and `projects.json.gz` are one file there; an upload of either over the
 * other overwrites it or, without Overwrite, is refused). The exact name first, through the index.
 */
function sameNameIn(ctx: ApiContext, list: List, folder: string, name: string): number | undefined {
  const exact = ctx.store.db.prepare('SELECT id FROM items WHERE list_id = ? AND folder = ? AND leaf = ?').get(list.id, folder, name) as { id: number } | undefined;
  if (exact) return exact.id;
  const wanted = name.toLowerCase();
  const rows = ctx.store.db.prepare('SELECT id, leaf FROM items WHERE list_id = ? AND folder = ?').all(list.id, folder) as Array<{ id: number; leaf: string }>;
  return rows.find((r) => r.leaf.toLowerCase() === wanted)?.id;
}

function addFile(ctx: ApiContext, folderPath: string, seg: Segment): LocalResponse {
  post(ctx);
  const { store, actor } = ctx;
  const found = folderOf(ctx, folderPath);
  const { list } = found;
  if (!isLibrary(list)) throw Errors.badRequest(`'${list.title}' is not a document library.`);
  let name = stringArg(seg, 'decodedurl').replace(/^.*\//, '');
  validateName(name);
  const overwrite = arg(seg, 'Overwrite') === true;
  const unique = arg(seg, 'EnsureUniqueFileName') === true;
  const folder = found.leaf ? `${found.folder}/${found.leaf}` : list.url;
  const existingId = (n: string): number | undefined => sameNameIn(ctx, list, folder, n);
  let existing = existingId(name);
  if (existing !== undefined && unique) {
    const dot = name.lastIndexOf('.');
    const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 1; existing !== undefined; n++) { name = `${base}${n}${ext}`; existing = existingId(name); }
  }
  if (existing !== undefined && !overwrite) {
    throw new SpError(400, '-2130575257, Microsoft.SharePoint.SPException', `A file with the name ${folder}/${name} already exists. It was last modified by someone else.`);
  }
  if (ctx.req.body.length > ctx.options.maxUploadBytes) {
    throw new SpError(413, '-2147024809, System.ArgumentException',
      `The file is ${ctx.req.body.length} bytes; a single request may upload at most ${ctx.options.maxUploadBytes} bytes. Use a chunked upload.`);
  }
  let item: Item;
  if (existing !== undefined) {
    const current = store.getItem(list, existing) as Item;
    store.demandItemWrite(actor, list, current, PermissionKind.EditListItems);
    item = writeContent(ctx, list, current, ctx.req.body);
  } else {
    store.demandAdd(actor, list, folder);
    item = store.tx(() => {
      const created = store.insertItem(actor, list, {}, { folder, leaf: name, fsType: 0 });
      return writeContent(ctx, list, created, ctx.req.body);
    });
  }
  return one(ctx, fileEntityForItem(ctx, list, item) as Entity, 'SP.File', 200);
}

/** Files and folders in libraries: upload (whole or chunked), download, versions, check-out, folders. */
export const filesRoute: Route = { step, finish };

function step(ctx: ApiContext, res: Res, seg: Segment): Res | LocalResponse | undefined {
  const { store, actor } = ctx;
  const web = actor.web;
  if (onWeb(res)) {
    if (is(seg, 'getFolderByServerRelativePath', 'getFolderByServerRelativeUrl')) return { k: 'folder', path: folderPathArg(ctx, seg) };
    if (is(seg, 'getFileByServerRelativePath', 'getFileByServerRelativeUrl', 'getFileById', 'getFileByUrl')) return fileByArg(ctx, seg);
    if (is(seg, 'folders')) return seg.hasParens ? { k: 'folder', path: `${web.path}/${stringArg(seg)}` } : { k: 'folders', path: web.path };
    if (is(seg, 'rootFolder')) return { k: 'folder', path: web.path };
    return undefined;
  }
  switch (res.k) {
    case 'list':
      if (is(seg, 'rootFolder')) return { k: 'folder', path: res.list.url };
      break;
    case 'item':
      if (is(seg, 'file')) {
        if (!isLibrary(res.list) || res.item.fsType !== 0) throw Errors.notFound('File Not Found.');
        return { k: 'file', list: res.list, item: res.item };
      }
      if (is(seg, 'folder')) return { k: 'folder', path: `${res.item.folder}/${res.item.leaf}` };
      break;
    case 'folder': {
      // `files('a.txt')` and `folders('Sub')` are @pnp's getByUrl: an entity, not the collection.
      if (is(seg, 'files')) return seg.hasParens ? fileInFolder(ctx, res.path, stringArg(seg)) : { k: 'files', path: res.path };
      if (is(seg, 'folders')) return seg.hasParens ? { k: 'folder', path: `${res.path}/${stringArg(seg)}` } : { k: 'folders', path: res.path };
      if (is(seg, 'listItemAllFields')) {
        const f = folderOf(ctx, res.path);
        if (!f.item) throw Errors.notImplemented('ListItemAllFields of a library root folder');
        return { k: 'item', list: f.list, item: f.item };
      }
      if (is(seg, 'addSubFolderUsingPath')) {
        post(ctx);
        const body = parseJsonBody(ctx.req);
        const leaf = String((body.leafPath as { DecodedUrl?: string } | undefined)?.DecodedUrl ?? '');
        createFolder(ctx, res.path, leaf);
        return emptyOk();
      }
      if (is(seg, 'parentFolder')) return { k: 'folder', path: res.path.slice(0, res.path.lastIndexOf('/')) };
      break;
    }
    case 'files':
      if (is(seg, 'addUsingPath', 'add')) return addFile(ctx, res.path, seg);
      if (is(seg, 'getByUrl', 'getByName') || (seg.name === '' && seg.hasParens)) return fileInFolder(ctx, res.path, stringArg(seg));
      break;
    case 'folders':
      if (is(seg, 'addUsingPath', 'add')) {
        post(ctx);
        const name = stringArg(seg, 'decodedurl');
        const path = createFolder(ctx, res.path, name);
        return one(ctx, folderEntity(ctx.urls, store, locate(ctx, path)?.list, path), 'SP.Folder', 200);
      }
      if (is(seg, 'getByUrl') || (seg.name === '' && seg.hasParens)) return { k: 'folder', path: `${res.path}/${stringArg(seg)}` };
      break;
    case 'file': {
      const { list, item } = res;
      if (is(seg, '$value')) return fileValue(ctx, list, item);
      if (is(seg, 'listItemAllFields')) return { k: 'item', list, item };
      if (is(seg, 'versions')) {
        if (seg.hasParens) return { k: 'fileversion', list, item, version: Number(arg(seg)) };
        return { k: 'fileversions', list, item };
      }
      if (is(seg, 'startUpload', 'continueUpload', 'finishUpload', 'cancelUpload')) return chunk(ctx, list, item, seg);
      if (is(seg, 'checkout')) {
        post(ctx);
        store.demandItemWrite(actor, list, item, PermissionKind.EditListItems);
        const by = item.data._CheckedOutUserId;
        if (typeof by === 'number' && by !== actor.user.id) throw new SpError(423, '-2147018887, Microsoft.SharePoint.SPFileLockException', 'The file is checked out by another user.');
        store.db.prepare("UPDATE items SET data = json_set(data, '$._CheckedOutUserId', ?) WHERE list_id = ? AND id = ?").run(actor.user.id, list.id, item.id);
        return emptyOk();
      }
      if (is(seg, 'checkin', 'undoCheckout')) {
        post(ctx);
        store.demandItemWrite(actor, list, item, PermissionKind.EditListItems);
        const comment = arg(seg, 'comment');
        if (typeof comment === 'string' && comment.length > 1023) throw Errors.badRequest('A check-in comment may have at most 1023 characters.');
        const type = arg(seg, 'checkintype') ?? arg(seg, 'checkInType');
        store.tx(() => {
          store.db.prepare("UPDATE items SET data = json_remove(data, '$._CheckedOutUserId') WHERE list_id = ? AND id = ?").run(list.id, item.id);
          if (typeof comment === 'string' && is(seg, 'checkin')) {
            store.db.prepare('UPDATE file_contents SET check_in_comment = ? WHERE list_id = ? AND item_id = ? AND ui_version = ?').run(comment, list.id, item.id, item.uiVersion);
          }
          // CheckinType: 0 minor, 1 major (PnPjs's default), 2 overwrite.
          if (is(seg, 'checkin')) checkInVersion(store, actor, list, store.getItem(list, item.id) as Item, type === undefined || type === null ? 1 : Number(type));
        });
        return emptyOk();
      }
      if (is(seg, 'publish', 'approve', 'unpublish', 'deny')) {
        post(ctx);
        const raw = arg(seg, 'comment');
        const comment = typeof raw === 'string' ? raw : '';
        if (comment.length > 1023) throw Errors.badRequest('A comment may have at most 1023 characters.');
        store.tx(() => {
          if (is(seg, 'publish')) publishFile(store, actor, list, item, comment);
          else if (is(seg, 'approve')) approveFile(store, actor, list, item, comment);
          else if (is(seg, 'deny')) denyFile(store, actor, list, item, comment);
          else unpublishFile(store, actor, list, item, comment);
        });
        return emptyOk();
      }
      if (is(seg, 'recycle')) {
        post(ctx);
        const id = store.deleteItem(actor, list, item, ctx.req.headers['if-match'], true);
        return renderValue('Recycle', id, ctx.mode, ctx.urls.webUrl, 'Edm.Guid');
      }
      break;
    }
    case 'fileversions': {
      const { list, item } = res;
      if (is(seg, 'getById')) return { k: 'fileversion', list, item, version: Number(arg(seg)) };
      if (is(seg, 'restoreByLabel')) {
        post(ctx);
        store.demandItemWrite(actor, list, item, PermissionKind.EditListItems);
        const label = stringArg(seg, 'versionlabel');
        const m = /^(\d+)\.(\d+)$/.exec(label);
        const ui = m ? Number(m[1]) * 512 + Number(m[2]) : NaN;
        const row = store.db.prepare('SELECT content FROM file_contents WHERE list_id = ? AND item_id = ? AND ui_version = ?').get(list.id, item.id, ui) as { content: Buffer } | undefined;
        if (!row) throw Errors.argument(`Version ${label} does not exist.`, 404);
        writeContent(ctx, list, item, row.content, `Restored from version ${label}`);
        return emptyOk();
      }
      if (is(seg, 'deleteById', 'deleteByLabel')) {
        post(ctx);
        store.demandItemWrite(actor, list, item, PermissionKind.DeleteVersions);
        const v = is(seg, 'deleteById') ? Number(arg(seg, 'vid')) : (() => {
          const m = /^(\d+)\.(\d+)$/.exec(stringArg(seg, 'versionlabel'));
          return m ? Number(m[1]) * 512 + Number(m[2]) : NaN;
        })();
        if (v === item.uiVersion) throw Errors.badRequest('The current version cannot be deleted.');
        store.db.prepare('DELETE FROM file_contents WHERE list_id = ? AND item_id = ? AND ui_version = ?').run(list.id, item.id, v);
        return emptyOk();
      }
      if (is(seg, 'deleteAll')) {
        post(ctx);
        store.demandItemWrite(actor, list, item, PermissionKind.DeleteVersions);
        store.db.prepare('DELETE FROM file_contents WHERE list_id = ? AND item_id = ? AND ui_version < ?').run(list.id, item.id, item.uiVersion);
        return emptyOk();
      }
      break;
    }
    case 'fileversion':
      if (is(seg, '$value')) {
        store.demandItemRead(actor, res.list, res.item, PermissionKind.ViewVersions);
        const row = store.db.prepare('SELECT content FROM file_contents WHERE list_id = ? AND item_id = ? AND ui_version = ?').get(res.list.id, res.item.id, res.version) as { content: Buffer } | undefined;
        if (!row || !visibleVersion(store, actor, res.list, res.item, res.version)) throw Errors.argument(`Version ${res.version} does not exist.`, 404);
        return binary(row.content);
      }
      break;
    default:
      break;
  }
  return undefined;
}

function binary(content: Buffer): LocalResponse {
  return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: content };
}

function fileValue(ctx: ApiContext, list: List, item: Item): LocalResponse {
  if (ctx.method === 'GET') {
    ctx.store.demandItemRead(ctx.actor, list, item, PermissionKind.OpenItems);
    const seen = ctx.store.viewItem(ctx.actor, list, item);
    const content = publishedContent(ctx.store, list, seen) ?? currentContent(ctx, list, seen);
    return { ...binary(content), headers: { 'content-type': 'application/octet-stream', etag: `"{${item.guid.toUpperCase()}},${item.version}"` } };
  }
  if (ctx.method === 'PUT' || ctx.method === 'POST') {
    ctx.store.demandItemWrite(ctx.actor, list, item, PermissionKind.EditListItems);
    const updated = writeContent(ctx, list, item, ctx.req.body);
    return noContent({ etag: itemEtagHeader(updated) });
  }
  throw new SpError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The HTTP method '${ctx.method}' is not supported on a file's $value.`);
}

/** Chunked upload sessions (startUpload → continueUpload* → finishUpload), kept in SQLite until finished. */
function chunk(ctx: ApiContext, list: List, item: Item, seg: Segment): LocalResponse {
  post(ctx);
  const { store, actor } = ctx;
  store.demandItemWrite(actor, list, item, PermissionKind.EditListItems);
  const uploadId = stringArg(seg, 'uploadId').toLowerCase();
  const body = ctx.req.body;
  const session = store.db.prepare('SELECT * FROM uploads WHERE upload_id = ?').get(uploadId) as { content: Buffer; item_id: number; list_id: string } | undefined;
  const ts = new Date().toISOString();
  if (is(seg, 'startUpload')) {
    if (session) throw Errors.badRequest(`The upload session ${uploadId} has already started.`);
    if (body.length > ctx.options.maxUploadBytes) throw new SpError(413, '-2147024809, System.ArgumentException', 'A chunk may be at most the single-request upload size.');
    store.db.prepare('INSERT INTO uploads (upload_id, list_id, item_id, content, updated) VALUES (?, ?, ?, ?, ?)').run(uploadId, list.id, item.id, body, ts);
    return renderValue('StartUpload', String(body.length), ctx.mode, ctx.urls.webUrl, 'Edm.Int64');
  }
  if (!session || session.item_id !== item.id || session.list_id !== list.id) {
    throw new SpError(404, '-2147024894, System.IO.FileNotFoundException', `The upload session ${uploadId} does not exist or has expired.`);
  }
  if (is(seg, 'cancelUpload')) {
    store.db.prepare('DELETE FROM uploads WHERE upload_id = ?').run(uploadId);
    return emptyOk();
  }
  const offset = Number(arg(seg, 'fileOffset'));
  if (offset !== session.content.length) {
    throw Errors.badRequest(`The fileOffset ${String(arg(seg, 'fileOffset'))} does not match the ${session.content.length} bytes uploaded so far.`);
  }
  const content = Buffer.concat([session.content, body]);
  if (is(seg, 'continueUpload')) {
    store.db.prepare('UPDATE uploads SET content = ?, updated = ? WHERE upload_id = ?').run(content, ts, uploadId);
    return renderValue('ContinueUpload', String(content.length), ctx.mode, ctx.urls.webUrl, 'Edm.Int64');
  }
  // finishUpload: the whole file becomes the new version in one transaction.
  const saved = store.tx(() => {
    store.db.prepare('DELETE FROM uploads WHERE upload_id = ?').run(uploadId);
    const prev = ctx.options.maxUploadBytes;
    ctx.options.maxUploadBytes = Number.MAX_SAFE_INTEGER;
    try {
      return writeContent(ctx, list, store.getItem(list, item.id) as Item, content);
    } finally {
      ctx.options.maxUploadBytes = prev;
    }
  });
  return one(ctx, fileEntityForItem(ctx, list, saved) as Entity, 'SP.File');
}

function createFolder(ctx: ApiContext, parentPath: string, name: string): string {
  const { store, actor } = ctx;
  validateName(name);
  const parent = folderOf(ctx, parentPath);
  const folder = parent.leaf ? `${parent.folder}/${parent.leaf}` : parent.list.url;
  const exists = sameNameIn(ctx, parent.list, folder, name) !== undefined;
  if (!exists) {
    store.demandAdd(actor, parent.list, folder);
    store.tx(() => store.insertItem(actor, parent.list, {}, { folder, leaf: name, fsType: 1 }));
  }
  return `${folder}/${name}`;
}

function finish(ctx: ApiContext, res: Res): LocalResponse | undefined {
  const { store, actor, urls } = ctx;
  switch (res.k) {
    case 'folder':
      if (ctx.method === 'GET') {
        const f = res.path.toLowerCase() === actor.web.path.toLowerCase() ? undefined : folderOf(ctx, res.path);
        return one(ctx, folderEntity(urls, store, f?.list, res.path, f?.item), 'SP.Folder');
      }
      if (ctx.method === 'DELETE') {
        const f = folderOf(ctx, res.path);
        if (!f.item) throw Errors.badRequest('The root folder of a library cannot be deleted.');
        const prefix = `${f.folder}/${f.leaf}`;
        store.tx(() => {
          const inside = store.db.prepare('SELECT id FROM items WHERE list_id = ? AND (folder = ? OR folder LIKE ?)').all(f.list.id, prefix, `${prefix}/%`) as Array<{ id: number }>;
          for (const r of inside) store.deleteItem(actor, f.list, store.getItem(f.list, r.id) as Item, undefined, false);
          store.deleteItem(actor, f.list, f.item as Item, undefined, false);
        });
        return emptyOk();
      }
      break;
    case 'files': case 'folders': {
      if (ctx.method !== 'GET') break;
      const f = folderOf(ctx, res.path);
      const folder = f.leaf ? `${f.folder}/${f.leaf}` : f.list.url;
      store.demand(actor, PermissionKind.ViewListItems, f.list);
      const rows = (store.db.prepare('SELECT id FROM items WHERE list_id = ? AND folder = ? AND fs_type = ? ORDER BY id')
        .all(f.list.id, folder, res.k === 'files' ? 0 : 1) as Array<{ id: number }>)
        .map((r) => store.getItem(f.list, r.id) as Item).filter((i) => store.canReadItem(actor, f.list, i));
      const entities = rows.map((i) => (res.k === 'files' ? fileEntityForItem(ctx, f.list, i) as Entity : folderEntity(urls, store, f.list, `${i.folder}/${i.leaf}`, i)));
      return collection(ctx, entities, res.k === 'files' ? 'SP.File' : 'SP.Folder');
    }
    case 'file':
      if (ctx.method === 'GET') {
        const e = fileEntityForItem(ctx, res.list, res.item) as Entity;
        const proj = { select: parseSelect(ctx.query.get('$select')), expand: parseExpand(ctx.query.get('$expand')) };
        if (proj.expand.some((x) => x[0].toLowerCase() === 'listitemallfields')) checkItemProjection(store.fields(res.list.id), { select: [], expand: [] });
        return one(ctx, e, 'SP.File');
      }
      if (ctx.method === 'DELETE') {
        store.deleteItem(actor, res.list, res.item, ctx.req.headers['if-match'], false);
        return emptyOk();
      }
      break;
    case 'fileversions':
      if (ctx.method === 'GET') {
        store.demandItemRead(actor, res.list, res.item, PermissionKind.ViewVersions);
        const rows = store.db.prepare('SELECT ui_version, length(content) AS n, check_in_comment, created, author_id FROM file_contents WHERE list_id = ? AND item_id = ? AND ui_version < ? ORDER BY ui_version')
          .all(res.list.id, res.item.id, res.item.uiVersion) as Array<{ ui_version: number; n: number; check_in_comment: string; created: string; author_id: number }>;
        const seen = store.viewItem(actor, res.list, res.item);
        const visible = rows.filter((r) => r.ui_version < seen.uiVersion && visibleVersion(store, actor, res.list, res.item, r.ui_version));
        return collection(ctx, visible.map((r) => versionEntity(ctx, res.list, res.item, r)), 'SP.FileVersion');
      }
      break;
    case 'fileversion':
      if (ctx.method === 'GET') {
        const r = store.db.prepare('SELECT ui_version, length(content) AS n, check_in_comment, created, author_id FROM file_contents WHERE list_id = ? AND item_id = ? AND ui_version = ?')
          .get(res.list.id, res.item.id, res.version) as { ui_version: number; n: number; check_in_comment: string; created: string; author_id: number } | undefined;
        if (!r || !visibleVersion(store, actor, res.list, res.item, r.ui_version)) throw Errors.argument(`Version ${res.version} does not exist.`, 404);
        return one(ctx, versionEntity(ctx, res.list, res.item, r), 'SP.FileVersion');
      }
      break;
    default:
      break;
  }
  return undefined;
}

function versionEntity(ctx: ApiContext, _list: List, item: Item, r: { ui_version: number; n: number; check_in_comment: string; created: string; author_id: number }): Entity {
  const label = `${Math.floor(r.ui_version / 512)}.${r.ui_version % 512}`;
  const rel = `${item.folder}/${item.leaf}`.slice(ctx.actor.web.path.length + 1);
  return {
    type: 'SP.FileVersion', uri: `${ctx.urls.api}/Web/GetFileByServerRelativePath(decodedurl='${encodeURIComponent(`${item.folder}/${item.leaf}`)}')/Versions(${r.ui_version})`,
    props: {
      CheckInComment: r.check_in_comment, Created: r.created, ID: r.ui_version, IsCurrentVersion: r.ui_version === item.uiVersion,
      Length: String(r.n), Size: r.n, Url: `_vti_history/${r.ui_version}/${rel}`, VersionLabel: label, CreatedById: r.author_id
    }
  };
}

