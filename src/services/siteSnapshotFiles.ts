import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { PermissionKind } from '@pnp/sp/security';
import { getList } from '../schema';
import { listUrl } from './ProjectService';
import { hasPermission, httpStatus, type PermissionMask } from './odata';
import type { ListSnapshot } from './listSnapshots';

/**
 * The site's snapshot files in the PMO Hub Snapshots library (schema 13): one gzipped JSON file a
 * read (`projects.json.gz`, …). A chunk of its own, loaded only when a browser has no snapshot of
 * its own or has one to leave: @pnp/sp's files and folders and the compression stay off the pages'
 * first load.
 */
export interface SiteSnapshotFiles {
  /** The file of `kind`; undefined when there is none, or it is unreadable or not a snapshot (it then costs the head start, nothing else). */
  read<T>(kind: string): Promise<ListSnapshot<T> | undefined>;
  write<T>(kind: string, snapshot: ListSnapshot<T>): Promise<void>;
  /** Whether this user may write the library (the PMO and owners); readers never try. */
  mayWrite(): Promise<boolean>;
}

/** gzip through the browser's own CompressionStream (Chromium, Edge, Firefox, Safari 16.4+; Node 18+). */
async function gzip(text: string): Promise<ArrayBuffer> {
  return await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
}

async function gunzip(bytes: ArrayBuffer): Promise<string> {
  return await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

function isSnapshot(x: unknown): x is ListSnapshot<unknown> {
  const s = x as ListSnapshot<unknown> | null;
  return !!s && typeof s === 'object' && typeof s.shape === 'string' && typeof s.changeToken === 'string' && s.changeToken !== ''
    && typeof s.readAt === 'string' && !Number.isNaN(Date.parse(s.readAt)) && Array.isArray(s.rows);
}

export function siteSnapshotFiles(sp: SPFI, siteUrl: string): SiteSnapshotFiles {
  const library = listUrl(siteUrl, getList('hubSnapshots'));
  const fileUrl = (kind: string): string => `${library}/${kind}.json.gz`;
  return {
    async read<T>(kind: string): Promise<ListSnapshot<T> | undefined> {
      let bytes: ArrayBuffer;
      try {
        bytes = await sp.web.getFileByServerRelativePath(fileUrl(kind)).getBuffer();
      } catch (e) {
        // None yet (404), or a site without the library (before schema 13) or this user may not read it.
        if ([403, 404].includes(httpStatus(e) ?? 0)) return undefined;
        throw e;
      }
      try {
        const parsed: unknown = JSON.parse(await gunzip(bytes));
        return isSnapshot(parsed) ? parsed as ListSnapshot<T> : undefined;
      } catch {
        return undefined;
      }
    },
    async write<T>(kind: string, snapshot: ListSnapshot<T>): Promise<void> {
      await sp.web.getFolderByServerRelativePath(library).files.addUsingPath(`${kind}.json.gz`, await gzip(JSON.stringify(snapshot)), { Overwrite: true });
    },
    async mayWrite(): Promise<boolean> {
      try {
        const mask = await sp.web.getList(library).getCurrentUserEffectivePermissions() as PermissionMask;
        return hasPermission(mask, PermissionKind.AddListItems) && hasPermission(mask, PermissionKind.EditListItems);
      } catch (e) {
        if ([403, 404].includes(httpStatus(e) ?? 0)) return false;
        throw e;
      }
    }
  };
}
