import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import { getList, selectFields, type ListSchema } from '../schema';
import type { Project } from '../model/portfolio';
import type { PersonRef } from '../model/common';
import { fromItem } from './mapping';
import { readWithChanges, rememberedRows, type SnapshotStore } from './listSnapshots';

/** What the register and other project views need from SharePoint; components see only this. */
export interface IProjectService {
  /** Every project with the register's columns, read in pages of 5,000 by ID (safe past the list view threshold). */
  loadProjects(onProgress?: (loaded: number) => void): Promise<Project[]>;
  /** What this browser read on an earlier visit (see listSnapshots), to show while `loadProjects` reads the changes since. */
  rememberedProjects?(): Promise<{ projects: Project[]; readAt: Date } | undefined>;
  getProject(id: number): Promise<Project>;
  currentUser(): Promise<PersonRef>;
}

/** A page of at most 5,000 items: SharePoint's largest `$top`. */
export const PAGE_SIZE = 5000;

/** The site path from an absolute or server-relative site URL. */
export function sitePath(siteUrl: string): string {
  const path = /^https?:\/\//i.test(siteUrl) ? new URL(siteUrl).pathname : siteUrl;
  return path.replace(/\/+$/, '');
}

export function listUrl(siteUrl: string, list: ListSchema): string {
  return `${sitePath(siteUrl)}/${list.url}`;
}

export class SpProjectService implements IProjectService {
  private readonly projects: ListSchema = getList('projects');

  /** @param snapshots where the browser keeps the last read between visits, per user; without it every visit reads everything. */
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string, private readonly snapshots?: { store: SnapshotStore; userKey: string }) {}

  private get snapshotKey(): string {
    return `register|${this.siteUrl}|${this.snapshots?.userKey ?? ''}`;
  }

  public async rememberedProjects(): Promise<{ projects: Project[]; readAt: Date } | undefined> {
    if (!this.snapshots) return undefined;
    const { select, expand } = selectFields('projects');
    const hit = await rememberedRows<Project>(this.snapshots.store, this.snapshotKey, select, expand);
    return hit && { projects: hit.rows, readAt: hit.readAt };
  }

  private list(): ReturnType<SPFI['web']['getList']> {
    return this.sp.web.getList(listUrl(this.siteUrl, this.projects));
  }

  public async loadProjects(onProgress?: (loaded: number) => void): Promise<Project[]> {
    const { select, expand } = selectFields('projects');
    if (this.snapshots) {
      const read = await readWithChanges<Project>({
        sp: this.sp, listUrl: listUrl(this.siteUrl, this.projects), select, expand,
        map: (raw) => fromItem<Project>('projects', raw), store: this.snapshots.store, key: this.snapshotKey
      });
      onProgress?.(read.rows.length);
      return read.rows;
    }
    const out: Project[] = [];
    // Unfiltered and ordered by ID: the one query SharePoint answers on any list size.
    for await (const page of this.list().items.select(...select).expand(...expand).orderBy('ID', true).top(PAGE_SIZE)) {
      for (const raw of page as Array<Record<string, unknown>>) out.push(fromItem<Project>('projects', raw));
      onProgress?.(out.length);
    }
    return out;
  }

  public async getProject(id: number): Promise<Project> {
    const { select, expand } = selectFields('projects');
    const raw = await this.list().items.getById(id).select(...select).expand(...expand)<Record<string, unknown>>();
    return fromItem<Project>('projects', raw);
  }

  public async currentUser(): Promise<PersonRef> {
    const u = await this.sp.web.currentUser.select('Id', 'Title', 'Email')<{ Id: number; Title: string; Email: string }>();
    return { id: u.Id, title: u.Title, email: u.Email };
  }
}
