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
import { fromColumns, toColumns } from './snapshotColumns';

/**
 * The site's snapshot files in the PMO Hub Snapshots library (schema 13): one gzipped JSON file a
 * read (`projects.json.gz`, …), its rows stored by column (snapshotColumns). A chunk of its own,
 * loaded only when a browser has no snapshot of its own or has one to leave: @pnp/sp's files and
 * folders, the compression and the write policy stay off the pages' first load (siteSnapshots is
 * the layer they carry).
 */
export interface SnapshotFiles {
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

export function snapshotFiles(sp: SPFI, siteUrl: string): SnapshotFiles {
  const library = listUrl(siteUrl, getList('hubSnapshots'));
  const fileName = (kind: string): string => `${kind}.json.gz`;
  // Which files there are, asked once: a file asked for that is not there yet answers 404, which
  // the browser reports as an error in its console on every first visit to a new site.
  let names: Promise<Set<string>> | undefined;
  const present = (): Promise<Set<string>> => {
    names ??= sp.web.getFolderByServerRelativePath(library).files.select('Name')<Array<{ Name: string }>>()
      .then((files) => new Set(files.map((f) => f.Name.toLowerCase())));
    return names;
  };
  return {
    async read<T>(kind: string): Promise<ListSnapshot<T> | undefined> {
      let bytes: ArrayBuffer;
      try {
        if (!(await present()).has(fileName(kind).toLowerCase())) return undefined;
        bytes = await sp.web.getFileByServerRelativePath(`${library}/${fileName(kind)}`).getBuffer();
      } catch (e) {
        // A site without the library (before schema 13), a file deleted since it was listed, or a user who may not read it.
        if ([403, 404].includes(httpStatus(e) ?? 0)) return undefined;
        throw e;
      }
      try {
        const parsed: unknown = JSON.parse(await gunzip(bytes));
        // By column since 7 Dec 2026 (snapshotColumns); a file of rows, left before, still counts until it is rewritten.
        const snapshot = fromColumns<T>(parsed) ?? parsed;
        return isSnapshot(snapshot) ? snapshot as ListSnapshot<T> : undefined;
      } catch {
        return undefined;
      }
    },
    async write<T>(kind: string, snapshot: ListSnapshot<T>): Promise<void> {
      await sp.web.getFolderByServerRelativePath(library).files.addUsingPath(fileName(kind), await gzip(JSON.stringify(toColumns(snapshot))), { Overwrite: true });
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

/** What the site-aware store asks of the site: its file of a read, and to take a read if it is due. */
export interface SiteSnapshots {
  read<T>(kind: string): Promise<ListSnapshot<T> | undefined>;
  /** Writes the read when this user may write the library and the site's file is an hour old or unknown; never throws. */
  leave<T>(kind: string, snapshot: ListSnapshot<T>): Promise<void>;
}

/** A PMO member's browser leaves its read for others at most this often (each file is a few megabytes). */
export const SITE_REWRITE_AFTER_MS = 60 * 60 * 1000;

/** Whether this user may write the snapshots library, remembered this long (one request saved on every visit). */
const WRITER_CHECK_FOR_MS = 24 * 60 * 60 * 1000;

/** What the browser keeps between visits besides snapshots: localStorage, or a map where there is none. */
export interface SmallMemory {
  // eslint-disable-next-line @rushstack/no-new-null -- localStorage's own signature (a legacy API)
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function browserMemory(): SmallMemory {
  try {
    const ls = (globalThis as { localStorage?: SmallMemory }).localStorage;
    if (ls) return ls;
  } catch {
    // Blocked storage throws on access: remember for this page only.
  }
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => { m.set(k, v); } };
}

/**
 * When a browser leaves its read: only when its user may write the library (asked once a day and
 * remembered in the browser, so a reader's visit costs no request for it), and only when the site's
 * file is an hour old or this browser does not know its age (it knows it from reading or writing it).
 * A refused upload (rights taken away, library missing) is not tried again that day.
 */
export function withWritePolicy(files: SnapshotFiles, options: { siteUrl: string; userKey: string; memory?: SmallMemory; now?: () => number }): SiteSnapshots {
  const memory = options.memory ?? browserMemory();
  const now = options.now ?? Date.now;
  const knownKey = (kind: string): string => `pmo-hub:site-snapshot|${options.siteUrl}|${kind}`;
  const writerKey = `pmo-hub:snapshot-writer|${options.siteUrl}|${options.userKey}`;
  const known = (kind: string, readAt: string): void => {
    const had = Date.parse(memory.getItem(knownKey(kind)) ?? '');
    if (Number.isNaN(had) || Date.parse(readAt) > had) memory.setItem(knownKey(kind), readAt);
  };
  const due = (kind: string): boolean => {
    const at = Date.parse(memory.getItem(knownKey(kind)) ?? '');
    return Number.isNaN(at) || now() - at >= SITE_REWRITE_AFTER_MS;
  };
  const remembered = (): boolean | undefined => {
    try {
      const had = JSON.parse(memory.getItem(writerKey) ?? 'null') as { may: boolean; at: number } | null;
      return had && typeof had.may === 'boolean' && now() - had.at < WRITER_CHECK_FOR_MS ? had.may : undefined;
    } catch {
      return undefined;
    }
  };
  const mayWrite = async (): Promise<boolean> => {
    const had = remembered();
    if (had !== undefined) return had;
    const may = await files.mayWrite();
    memory.setItem(writerKey, JSON.stringify({ may, at: now() }));
    return may;
  };
  return {
    async read<T>(kind: string): Promise<ListSnapshot<T> | undefined> {
      const snap = await files.read<T>(kind);
      if (snap) known(kind, snap.readAt);
      return snap;
    },
    async leave<T>(kind: string, snapshot: ListSnapshot<T>): Promise<void> {
      try {
        if (!due(kind) || !(await mayWrite())) return;
        await files.write(kind, snapshot);
        known(kind, snapshot.readAt);
      } catch {
        // Costs others their head start, nothing else.
        memory.setItem(writerKey, JSON.stringify({ may: false, at: now() }));
      }
    }
  };
}

/** The site's snapshot files for this user, with the write policy above. */
export function siteSnapshots(sp: SPFI, siteUrl: string, userKey: string): SiteSnapshots {
  return withWritePolicy(snapshotFiles(sp, siteUrl), { siteUrl, userKey });
}
