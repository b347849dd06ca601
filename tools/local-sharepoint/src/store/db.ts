import Database from 'better-sqlite3';

/**
 * The embedded database. SharePoint's own objects (webs, lists, fields, views, items,
 * files, principals, role assignments) are rows here; nothing of PMO Hub is.
 * Field values of an item live in one JSON column keyed by internal name; indexed
 * columns are mirrored into `item_index` so filters on them are answered by SQLite's
 * B-tree the way SharePoint answers them from its indexes.
 */
export type Db = Database.Database;

const SCHEMA_VERSION = 1;

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS webs (
  id TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE COLLATE NOCASE, title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, props TEXT NOT NULL DEFAULT '{}',
  next_principal_id INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS principals (
  web_id TEXT NOT NULL, id INTEGER NOT NULL, kind TEXT NOT NULL, login TEXT NOT NULL COLLATE NOCASE,
  title TEXT NOT NULL, email TEXT NOT NULL DEFAULT '', is_site_admin INTEGER NOT NULL DEFAULT 0,
  props TEXT NOT NULL DEFAULT '{}', PRIMARY KEY (web_id, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS principals_login ON principals (web_id, kind, login);
CREATE TABLE IF NOT EXISTS group_members (
  web_id TEXT NOT NULL, group_id INTEGER NOT NULL, user_id INTEGER NOT NULL,
  PRIMARY KEY (web_id, group_id, user_id)
);
CREATE TABLE IF NOT EXISTS role_assignments (
  web_id TEXT NOT NULL, scope TEXT NOT NULL, principal_id INTEGER NOT NULL, roledef_id INTEGER NOT NULL,
  PRIMARY KEY (web_id, scope, principal_id, roledef_id)
);
CREATE TABLE IF NOT EXISTS role_definitions (
  web_id TEXT NOT NULL, id INTEGER NOT NULL, name TEXT NOT NULL COLLATE NOCASE, description TEXT NOT NULL DEFAULT '',
  ord INTEGER NOT NULL DEFAULT 0, kinds TEXT NOT NULL DEFAULT '[]', PRIMARY KEY (web_id, id)
);
CREATE TABLE IF NOT EXISTS lists (
  id TEXT PRIMARY KEY, web_id TEXT NOT NULL, title TEXT NOT NULL COLLATE NOCASE, url TEXT NOT NULL COLLATE NOCASE,
  base_template INTEGER NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
  next_item_id INTEGER NOT NULL DEFAULT 1, item_count INTEGER NOT NULL DEFAULT 0, unique_perms INTEGER NOT NULL DEFAULT 0,
  props TEXT NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX IF NOT EXISTS lists_title ON lists (web_id, title);
CREATE UNIQUE INDEX IF NOT EXISTS lists_url ON lists (web_id, url);
CREATE TABLE IF NOT EXISTS fields (
  scope TEXT NOT NULL, id TEXT NOT NULL, internal_name TEXT NOT NULL, title TEXT NOT NULL,
  type_kind INTEGER NOT NULL, type_as_string TEXT NOT NULL, seq INTEGER NOT NULL, props TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (scope, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS fields_name ON fields (scope, internal_name);
CREATE TABLE IF NOT EXISTS views (
  list_id TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL COLLATE NOCASE, seq INTEGER NOT NULL,
  props TEXT NOT NULL DEFAULT '{}', PRIMARY KEY (list_id, id)
);
CREATE TABLE IF NOT EXISTS content_types (
  scope TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, props TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (scope, id)
);
CREATE TABLE IF NOT EXISTS items (
  list_id TEXT NOT NULL, id INTEGER NOT NULL, guid TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
  ui_version INTEGER NOT NULL DEFAULT 512, created TEXT NOT NULL, modified TEXT NOT NULL,
  author_id INTEGER NOT NULL, editor_id INTEGER NOT NULL, fs_type INTEGER NOT NULL DEFAULT 0,
  folder TEXT NOT NULL DEFAULT '', leaf TEXT NOT NULL DEFAULT '', unique_perms INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL DEFAULT '{}', PRIMARY KEY (list_id, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS items_path ON items (list_id, folder, leaf);
CREATE TABLE IF NOT EXISTS item_index (
  list_id TEXT NOT NULL, field TEXT NOT NULL, v, item_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS item_index_v ON item_index (list_id, field, v, item_id);
CREATE INDEX IF NOT EXISTS item_index_item ON item_index (list_id, item_id);
CREATE TABLE IF NOT EXISTS item_versions (
  list_id TEXT NOT NULL, item_id INTEGER NOT NULL, ui_version INTEGER NOT NULL, modified TEXT NOT NULL,
  editor_id INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (list_id, item_id, ui_version)
);
CREATE TABLE IF NOT EXISTS file_contents (
  list_id TEXT NOT NULL, item_id INTEGER NOT NULL, ui_version INTEGER NOT NULL, content BLOB NOT NULL,
  check_in_comment TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, author_id INTEGER NOT NULL,
  PRIMARY KEY (list_id, item_id, ui_version)
);
CREATE TABLE IF NOT EXISTS uploads (
  upload_id TEXT PRIMARY KEY, list_id TEXT NOT NULL, item_id INTEGER NOT NULL, content BLOB NOT NULL, updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS recycle_bin (
  id TEXT PRIMARY KEY, web_id TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, deleted TEXT NOT NULL,
  deleted_by INTEGER NOT NULL, payload TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS graph_events (
  id TEXT PRIMARY KEY, user_login TEXT NOT NULL COLLATE NOCASE, created TEXT NOT NULL, data TEXT NOT NULL
);
`;

export function openDb(file: string | ':memory:'): Db {
  const db = new Database(file);
  // WAL keeps readers fast while a batch writes; NORMAL sync is what a dev server needs.
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = OFF');
  db.exec(DDL);
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('schemaVersion') as { value: string } | undefined;
  if (!row) {
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schemaVersion', String(SCHEMA_VERSION));
  } else if (Number(row.value) > SCHEMA_VERSION) {
    throw new Error(`The data file ${file} was written by a newer local SharePoint (schema ${row.value}); refusing to open it.`);
  }
  return db;
}

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
