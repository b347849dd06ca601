import { Errors } from '../http/errors';
import { PermissionKind } from '../model/permissions';
import type { Actor, SharePointStore } from './sharepoint';
import { findSitePages, pageItems } from './pages';

/**
 * A web's navigation (`SP.Navigation`): the Quick Launch and the top navigation bar, each an
 * ordered list of `SP.NavigationNode`s. Only the first level is kept; child nodes are not
 * supported (501 at the route).
 */

export type Menu = 'quicklaunch' | 'topnavigationbar';

export interface NavNode {
  id: number;
  title: string;
  url: string;
  isExternal: boolean;
  isVisible: boolean;
}

const DDL = `
CREATE TABLE IF NOT EXISTS navigation_nodes (
  id INTEGER PRIMARY KEY AUTOINCREMENT, web_id TEXT NOT NULL, menu TEXT NOT NULL, title TEXT NOT NULL, url TEXT NOT NULL,
  is_external INTEGER NOT NULL, is_visible INTEGER NOT NULL, position INTEGER NOT NULL
);
`;

export function installNavigation(store: SharePointStore): void {
  store.db.exec(DDL);
}

interface Row { id: number; title: string; url: string; is_external: number; is_visible: number }

const toNode = (r: Row): NavNode => ({ id: r.id, title: r.title, url: r.url, isExternal: r.is_external === 1, isVisible: r.is_visible === 1 });

/** Reading the navigation takes what reading the site's pages takes. */
export function readNodes(store: SharePointStore, actor: Actor, menu: Menu): NavNode[] {
  store.demand(actor, PermissionKind.ViewPages);
  return (store.q('SELECT id, title, url, is_external, is_visible FROM navigation_nodes WHERE web_id = ? AND menu = ? ORDER BY position, id')
    .all(actor.web.id, menu) as Row[]).map(toNode);
}

export function readNode(store: SharePointStore, actor: Actor, menu: Menu, id: number): NavNode {
  const node = readNodes(store, actor, menu).find((n) => n.id === id);
  if (!node) throw Errors.notFound(`The navigation node ${id} does not exist.`);
  return node;
}

/**
 * Changing the navigation takes Manage Lists: the Edit permission level's members of a team site
 * can edit its navigation, and what administrators report takes that away is removing Manage
 * Lists from Edit (stackguides.com/questions/62142049). Microsoft documents no permission for the
 * node API; Manage Lists is what every report agrees on [verify on a tenant].
 */
function demandManage(store: SharePointStore, actor: Actor): void {
  store.demand(actor, PermissionKind.ManageLists);
}

/**
 * A link into the site must lead somewhere: SharePoint refuses a non-external node whose page it
 * cannot open ("Cannot open file"). Checked here for pages of Site Pages; other in-site paths are
 * taken as they are [verify]. Absolute URLs on the site's own origin are kept server-relative, as
 * SharePoint shows them.
 */
function normaliseUrl(store: SharePointStore, actor: Actor, origin: string, url: string, isExternal: boolean): string {
  const raw = url.trim();
  if (!raw) throw Errors.badRequest('The navigation node needs a Url.');
  let path = raw;
  if (/^https?:\/\//i.test(raw)) {
    const u = new URL(raw);
    if (u.origin !== origin || isExternal) return raw;
    path = decodeURIComponent(u.pathname);
  }
  if (!path.startsWith('/')) throw Errors.badRequest(`'${raw}' is neither an absolute URL nor a server-relative path.`);
  const sitePages = `${actor.web.path}/SitePages/`.toLowerCase();
  if (path.toLowerCase().startsWith(sitePages)) {
    const leaf = path.slice(sitePages.length).toLowerCase();
    const list = findSitePages(store, actor);
    if (!list || !pageItems(store, list).some((i) => i.leaf.toLowerCase() === leaf)) {
      throw Errors.badRequest(`Cannot open "${path}": no such file or folder.`);
    }
  }
  return path;
}

export function addNode(store: SharePointStore, actor: Actor, origin: string, menu: Menu, body: Record<string, unknown>): NavNode {
  demandManage(store, actor);
  const title = typeof body.Title === 'string' ? body.Title.trim() : '';
  if (!title) throw Errors.badRequest('The navigation node needs a Title.');
  if (typeof body.Url !== 'string') throw Errors.badRequest('The navigation node needs a Url.');
  const isExternal = body.IsExternal === true;
  const url = normaliseUrl(store, actor, origin, body.Url, isExternal);
  return store.tx(() => {
    const next = store.q('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM navigation_nodes WHERE web_id = ? AND menu = ?').get(actor.web.id, menu) as { p: number };
    const info = store.q('INSERT INTO navigation_nodes (web_id, menu, title, url, is_external, is_visible, position) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(actor.web.id, menu, title, url, /^https?:\/\//i.test(url) ? 1 : 0, body.IsVisible === false ? 0 : 1, next.p);
    return readNode(store, actor, menu, Number(info.lastInsertRowid));
  });
}

export function updateNode(store: SharePointStore, actor: Actor, origin: string, menu: Menu, id: number, body: Record<string, unknown>): void {
  demandManage(store, actor);
  const node = readNode(store, actor, menu, id);
  const title = body.Title === undefined ? node.title : String(body.Title).trim();
  if (!title) throw Errors.badRequest('The navigation node needs a Title.');
  const url = body.Url === undefined ? node.url : normaliseUrl(store, actor, origin, String(body.Url), node.isExternal);
  const visible = body.IsVisible === undefined ? node.isVisible : body.IsVisible === true;
  store.q('UPDATE navigation_nodes SET title = ?, url = ?, is_visible = ? WHERE id = ?').run(title, url, visible ? 1 : 0, id);
}

export function deleteNode(store: SharePointStore, actor: Actor, menu: Menu, id: number): void {
  demandManage(store, actor);
  readNode(store, actor, menu, id);
  store.q('DELETE FROM navigation_nodes WHERE id = ?').run(id);
}
