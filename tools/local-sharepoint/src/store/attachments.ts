import { SpError } from '../http/errors';
import { PermissionKind } from '../model/permissions';
import type { Actor, SharePointStore } from './sharepoint';
import type { Item, List } from './types';

/**
 * Files attached to list items (`AttachmentFiles`). An item's `Attachments` column says
 * whether it has any; adding or removing one is a change of the item (new version, Modified,
 * a change-log update), as in SharePoint [verify: SPO bumps the item version].
 */

const DDL = `
CREATE TABLE IF NOT EXISTS attachments (
  list_id TEXT NOT NULL, item_id INTEGER NOT NULL, name TEXT NOT NULL COLLATE NOCASE, content BLOB NOT NULL,
  created TEXT NOT NULL, author_id INTEGER NOT NULL, PRIMARY KEY (list_id, item_id, name)
);
CREATE TRIGGER IF NOT EXISTS attachments_item_deleted AFTER DELETE ON items
BEGIN
  DELETE FROM attachments WHERE list_id = OLD.list_id AND item_id = OLD.id;
END;
`;

export function installAttachments(store: SharePointStore): void {
  store.db.exec(DDL);
}

export interface Attachment { name: string; size: number; created: string }

const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export function attachmentsOf(store: SharePointStore, list: List, item: Item): Attachment[] {
  return (store.q('SELECT name, length(content) AS size, created FROM attachments WHERE list_id = ? AND item_id = ? ORDER BY created, name')
    .all(list.id, item.id) as Array<{ name: string; size: number; created: string }>);
}

export function findAttachment(store: SharePointStore, list: List, item: Item, name: string): Attachment | undefined {
  return store.q('SELECT name, length(content) AS size, created FROM attachments WHERE list_id = ? AND item_id = ? AND name = ?')
    .get(list.id, item.id, name) as Attachment | undefined;
}

export function attachmentContent(store: SharePointStore, list: List, item: Item, name: string): Buffer | undefined {
  const row = store.q('SELECT content FROM attachments WHERE list_id = ? AND item_id = ? AND name = ?').get(list.id, item.id, name) as { content: Buffer } | undefined;
  return row?.content;
}

function demandWrite(store: SharePointStore, actor: Actor, list: List, item: Item): void {
  store.demandItemWrite(actor, list, item, PermissionKind.EditListItems);
  if (!list.props.EnableAttachments) {
    throw new SpError(400, '-2147024809, System.ArgumentException', `Attachments are disabled for the list '${list.title}'. [verify: SPO's code and text]`);
  }
}

/** Records the change on the item: the Attachments flag, a new version, Modified and Editor. */
function touch(store: SharePointStore, actor: Actor, list: List, item: Item): void {
  const has = !!store.q('SELECT 1 FROM attachments WHERE list_id = ? AND item_id = ? LIMIT 1').get(list.id, item.id);
  store.q("UPDATE items SET data = json_set(data, '$.Attachments', json(?)), version = version + 1, modified = ?, editor_id = ? WHERE list_id = ? AND id = ?")
    .run(has ? 'true' : 'false', now(), actor.user.id, list.id, item.id);
}

export function addAttachment(store: SharePointStore, actor: Actor, list: List, item: Item, name: string, content: Buffer): Attachment {
  demandWrite(store, actor, list, item);
  return store.tx(() => {
    if (findAttachment(store, list, item, name)) {
      throw new SpError(400, '-2130575257, Microsoft.SharePoint.SPException', `A file with the name ${name} already exists. [verify]`);
    }
    store.q('INSERT INTO attachments (list_id, item_id, name, content, created, author_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run(list.id, item.id, name, content, now(), actor.user.id);
    touch(store, actor, list, item);
    return findAttachment(store, list, item, name) as Attachment;
  });
}

export function replaceAttachment(store: SharePointStore, actor: Actor, list: List, item: Item, name: string, content: Buffer): void {
  demandWrite(store, actor, list, item);
  store.tx(() => {
    store.q('UPDATE attachments SET content = ? WHERE list_id = ? AND item_id = ? AND name = ?').run(content, list.id, item.id, name);
    touch(store, actor, list, item);
  });
}

export function deleteAttachment(store: SharePointStore, actor: Actor, list: List, item: Item, name: string): void {
  // Removing an attachment needs the right to edit the item, not to delete items [verify].
  store.demandItemWrite(actor, list, item, PermissionKind.EditListItems);
  store.tx(() => {
    store.q('DELETE FROM attachments WHERE list_id = ? AND item_id = ? AND name = ?').run(list.id, item.id, name);
    touch(store, actor, list, item);
  });
}
