import { Errors, SpError } from '../http/errors';
import { PermissionKind } from '../model/permissions';
import type { Actor, SharePointStore } from './sharepoint';
import type { Item, List, Web } from './types';

/**
 * SharePoint's change log: every add, update and delete of an item or list gets the next
 * change number. Triggers on the items and lists tables write it, so every path that changes
 * them (REST, $batch, files, pages, attachments) is logged without knowing about it.
 * Change tokens look like SharePoint's: `1;<scope>;<object id>;<.NET ticks>;<change number>`,
 * scope 3 for a list, 2 for a web.
 */

export const ChangeType = { NoChange: 0, Add: 1, Update: 2, DeleteObject: 3 } as const;

const DDL = `
CREATE TABLE IF NOT EXISTS change_log (
  n INTEGER PRIMARY KEY AUTOINCREMENT, web_id TEXT, list_id TEXT NOT NULL, item_id INTEGER, change_type INTEGER NOT NULL,
  time TEXT NOT NULL, author_id INTEGER, unique_perms INTEGER NOT NULL DEFAULT 0, guid TEXT
);
CREATE INDEX IF NOT EXISTS change_log_list ON change_log (list_id, n);
CREATE INDEX IF NOT EXISTS change_log_web ON change_log (web_id, n);
CREATE TRIGGER IF NOT EXISTS change_log_item_add AFTER INSERT ON items
BEGIN
  INSERT INTO change_log (web_id, list_id, item_id, change_type, time, author_id, unique_perms, guid)
  VALUES ((SELECT web_id FROM lists WHERE id = NEW.list_id), NEW.list_id, NEW.id, 1, local_sharepoint_now(), NEW.author_id, NEW.unique_perms, NEW.guid);
END;
CREATE TRIGGER IF NOT EXISTS change_log_item_update AFTER UPDATE OF data, version, leaf, folder, ui_version ON items
WHEN OLD.data IS NOT NEW.data OR OLD.version IS NOT NEW.version OR OLD.leaf IS NOT NEW.leaf OR OLD.folder IS NOT NEW.folder OR OLD.ui_version IS NOT NEW.ui_version
BEGIN
  INSERT INTO change_log (web_id, list_id, item_id, change_type, time, author_id, unique_perms, guid)
  VALUES ((SELECT web_id FROM lists WHERE id = NEW.list_id), NEW.list_id, NEW.id, 2, local_sharepoint_now(), NEW.author_id, NEW.unique_perms, NEW.guid);
END;
CREATE TRIGGER IF NOT EXISTS change_log_item_delete AFTER DELETE ON items
BEGIN
  INSERT INTO change_log (web_id, list_id, item_id, change_type, time, author_id, unique_perms, guid)
  VALUES ((SELECT web_id FROM lists WHERE id = OLD.list_id), OLD.list_id, OLD.id, 3, local_sharepoint_now(), OLD.author_id, OLD.unique_perms, OLD.guid);
END;
CREATE TRIGGER IF NOT EXISTS change_log_list_add AFTER INSERT ON lists
BEGIN
  INSERT INTO change_log (web_id, list_id, change_type, time) VALUES (NEW.web_id, NEW.id, 1, local_sharepoint_now());
END;
CREATE TRIGGER IF NOT EXISTS change_log_list_update AFTER UPDATE OF title, props, version ON lists
WHEN OLD.title IS NOT NEW.title OR OLD.props IS NOT NEW.props
BEGIN
  INSERT INTO change_log (web_id, list_id, change_type, time) VALUES (NEW.web_id, NEW.id, 2, local_sharepoint_now());
END;
CREATE TRIGGER IF NOT EXISTS change_log_list_delete AFTER DELETE ON lists
BEGIN
  INSERT INTO change_log (web_id, list_id, change_type, time) VALUES (OLD.web_id, OLD.id, 3, local_sharepoint_now());
END;
`;

/**
 * Creates the log and its triggers. A data file written before the log existed has no history:
 * the log starts now, and tokens from before its start are refused as SharePoint refuses
 * tokens older than its log.
 */
export function installChangeLog(store: SharePointStore): void {
  // The server's clock, not SQLite's: items are stamped with it, and tests may shift it.
  store.db.function('local_sharepoint_now', () => new Date().toISOString());
  store.db.exec(DDL);
  const start = store.db.prepare("SELECT value FROM meta WHERE key = 'changeLogStart'").get() as { value: string } | undefined;
  if (!start) {
    const row = store.db.prepare('SELECT COALESCE(MAX(n), 0) AS n FROM change_log').get() as { n: number };
    store.db.prepare("INSERT INTO meta (key, value) VALUES ('changeLogStart', ?)").run(String(row.n));
  }
}

export interface ChangeRow {
  n: number; web_id: string | null; list_id: string; item_id: number | null; change_type: number; time: string;
  author_id: number | null; unique_perms: number; guid: string | null;
}

export type TokenScope = { kind: 'list'; id: string } | { kind: 'web'; id: string };

/** .NET ticks (100 ns since 0001-01-01) of an ISO time, as SharePoint writes them in tokens. */
export function ticksOf(iso: string): string {
  return (BigInt(Date.parse(iso)) * 10000n + 621355968000000000n).toString();
}

function logStart(store: SharePointStore): number {
  const row = store.db.prepare("SELECT value FROM meta WHERE key = 'changeLogStart'").get() as { value: string } | undefined;
  return Number(row?.value ?? 0);
}

export function lastChangeNumber(store: SharePointStore): number {
  return (store.db.prepare('SELECT COALESCE(MAX(n), 0) AS n FROM change_log').get() as { n: number }).n;
}

export function makeToken(scope: TokenScope, n: number, time = new Date().toISOString()): string {
  return `1;${scope.kind === 'list' ? 3 : 2};${scope.id};${ticksOf(time)};${n}`;
}

/** `CurrentChangeToken` of a list or web: the newest change number now. */
export function currentChangeToken(store: SharePointStore, scope: TokenScope): { StringValue: string } {
  return { StringValue: makeToken(scope, lastChangeNumber(store)) };
}

function invalidToken(message: string): SpError {
  return new SpError(400, '-2146232832, Microsoft.SharePoint.SPInvalidChangeTokenException', message);
}

/**
 * Reads a token a client sends back. It must be SharePoint's format, for this object, and
 * not older than the log (SharePoint Online keeps about 60 days) nor newer than the last change.
 */
export function parseToken(store: SharePointStore, text: unknown, scope: TokenScope): number {
  if (typeof text !== 'string') throw invalidToken('The change token is not valid.');
  const parts = text.split(';');
  if (parts.length !== 5 || parts[0] !== '1' || !/^\d+$/.test(parts[3]) || !/^\d+$/.test(parts[4])) throw invalidToken(`The change token '${text}' is not valid.`);
  const kind = parts[1] === '3' ? 'list' : parts[1] === '2' ? 'web' : undefined;
  if (kind !== scope.kind || parts[2].toLowerCase() !== scope.id.toLowerCase()) {
    throw invalidToken(`The change token '${text}' refers to another object than this ${scope.kind}.`);
  }
  const n = Number(parts[4]);
  if (n < logStart(store)) throw invalidToken('The change token refers to a time before the start of the current change log.');
  if (n > lastChangeNumber(store)) throw invalidToken(`The change token '${text}' refers to a change that has not happened.`);
  return n;
}

export interface ChangeFilter {
  item: boolean;
  list: boolean;
  add: boolean;
  update: boolean;
  deleteObject: boolean;
  after: number;
  upTo?: number;
  limit: number;
  /** `RequireSecurityTrim`: only changes of items the caller may read. */
  trim: boolean;
}

/**
 * Changes in order. The change log's security is separate from the objects' ("having
 * permission to access the change log is not the same as having permission to access the
 * changed objects", Microsoft's SharePoint 2010 change log guide), so changes are not trimmed
 * unless the query sets `RequireSecurityTrim` (CSOM ChangeQuery) [verify against SPO REST].
 * Trimmed, an item change is kept when the item is readable now; a deleted one when its list
 * was readable and, under ReadSecurity 2, it was the caller's; a deleted item that had its own
 * permissions only for list managers [verify].
 */
export function readChanges(store: SharePointStore, actor: Actor, lists: List[], f: ChangeFilter): ChangeRow[] {
  if (!lists.length) return [];
  const types = [f.add ? 1 : 0, f.update ? 2 : 0, f.deleteObject ? 3 : 0].filter(Boolean);
  if (!types.length || (!f.item && !f.list)) return [];
  const byId = new Map(lists.map((l) => [l.id, l]));
  const out: ChangeRow[] = [];
  const stmt = store.db.prepare(`SELECT * FROM change_log WHERE list_id IN (${lists.map(() => '?').join(',')}) AND n > ? AND n <= ?
    AND change_type IN (${types.join(',')}) ORDER BY n LIMIT 1000`);
  const itemCache = new Map<string, Item | null>();
  let after = f.after;
  const upTo = f.upTo ?? Number.MAX_SAFE_INTEGER;
  // Read in slices: rows the actor may not see must not use up the limit.
  while (out.length < f.limit) {
    const rows = stmt.all(...lists.map((l) => l.id), after, upTo) as ChangeRow[];
    if (!rows.length) break;
    for (const r of rows) {
      after = r.n;
      const list = byId.get(r.list_id) as List;
      const isItem = r.item_id !== null;
      if (isItem ? !f.item : !f.list) continue;
      if (isItem && f.trim && !visible(store, actor, list, r, itemCache)) continue;
      out.push(r);
      if (out.length >= f.limit) break;
    }
  }
  return out;
}

function visible(store: SharePointStore, actor: Actor, list: List, r: ChangeRow, cache: Map<string, Item | null>): boolean {
  const key = `${r.list_id}:${r.item_id}`;
  if (!cache.has(key)) cache.set(key, store.getItem(list, r.item_id as number) ?? null);
  const item = cache.get(key);
  if (item && (item.guid === r.guid)) return store.canReadItem(actor, list, item);
  // A vanished item is judged by its last logged state (its delete), not by the state of this row.
  const last = store.q('SELECT unique_perms, author_id FROM change_log WHERE list_id = ? AND item_id = ? AND guid = ? ORDER BY n DESC LIMIT 1')
    .get(r.list_id, r.item_id, r.guid) as { unique_perms: number; author_id: number | null } | undefined;
  const perms = store.permissions(actor.web, actor.user, list);
  if (!perms.has(PermissionKind.ViewListItems)) return false;
  if (r.unique_perms || last?.unique_perms) return perms.has(PermissionKind.ManageLists);
  if (list.props.ReadSecurity === 2 && (last?.author_id ?? r.author_id) !== actor.user.id) {
    return perms.has(PermissionKind.ManageLists) || perms.has(PermissionKind.CancelCheckout);
  }
  return true;
}

/** The lists of a web whose changes the actor may see at all. */
export function readableLists(store: SharePointStore, actor: Actor, web: Web): List[] {
  return store.lists(web).filter((l) => {
    const p = store.permissions(web, actor.user, l);
    return p.has(PermissionKind.ViewListItems) || store.hasItemGrant(actor, l);
  });
}

export function requireScopeRead(store: SharePointStore, actor: Actor, list: List): void {
  try {
    store.demandListRead(actor, list);
  } catch {
    throw Errors.accessDenied();
  }
}
