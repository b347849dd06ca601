import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import '@pnp/sp/batching';
import { getList, internalName, selectFields, type ListSchema } from '../schema';
import type { Project } from '../model/portfolio';
import type { PersonRef } from '../model/common';
import { fromItem } from './mapping';
import { odataString } from './odata';
import type { RawItem } from './listItems';
import { readWithChanges, rememberedRows, snapshotKey, type SnapshotStore } from './listSnapshots';
import { withLatestReports } from '../model/latestStatus';

/** What the register and other project views need from SharePoint; components see only this. */
export interface IProjectService {
  /**
   * Every project with the register's columns, read in pages of 5,000 by ID (safe past the list
   * view threshold), with its latest status from its latest published report (read beside it, see
   * StatusTrendService.sharedReportHistory), never from the item's cache its leader can write.
   */
  loadProjects(onProgress?: (loaded: number) => void): Promise<Project[]>;
  /** What this browser read on an earlier visit (see listSnapshots), to show while `loadProjects` reads the changes since. */
  rememberedProjects?(): Promise<{ projects: Project[]; readAt: Date } | undefined>;
  /** The project item as stored, latest-status cache included: what editing and publishing start from, not what views show. */
  getProject(id: number): Promise<Project>;
  currentUser(): Promise<PersonRef>;
}

/** A project as a chooser offers it: enough to name it; the chosen one is then read whole (`getProject`). */
export interface ProjectChoice { id: number; code: string; title: string }

/** What a chooser offers before anything is typed: every project of a small list, else the user's own. */
export interface ProjectChoices {
  choices: ProjectChoice[];
  /** True when `choices` is every project (a small list); false: only the user's own, find the others by code. */
  complete: boolean;
}

/** A search by the start of the project code: what it found, or that the start matches too many to ask. */
export type ProjectSearch = { status: 'found'; choices: ProjectChoice[] } | { status: 'tooBroad' };

/**
 * What a project chooser (status reports, risks) needs: never every project of a large list. Reading
 * 10,000 projects to fill a dropdown cost each chooser two 5,000-row reads on every visit.
 */
export interface IProjectPickerService {
  projectChoices(): Promise<ProjectChoices>;
  /** Projects whose code starts with `codePrefix` (case-insensitive as SharePoint compares), first `SEARCH_RESULTS` by code. */
  findProjects(codePrefix: string): Promise<ProjectSearch>;
  getProject(id: number): Promise<Project>;
}

/** Up to this many projects a chooser offers them all, as before; past it, the user's own and a search. */
export const ALL_CHOICES_UP_TO = 500;
/** Matches a search shows: a dropdown of more is not read by anyone. */
export const SEARCH_RESULTS = 50;

/** SharePoint's answer to a query past the list view threshold (SPQueryThrottledException). */
export function isThresholdRefusal(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /-2147024860|SPQueryThrottledException|list view threshold/i.test(text);
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

/**
 * The published reports' reader, a chunk of its own: the register (also on Home) starts its
 * project read without waiting for it, and the page's first load stays within its budget.
 */
function reportReader(): Promise<typeof import('./StatusTrendService')> {
  return import(/* webpackChunkName: 'latest-reports' */ './StatusTrendService');
}

/** The choosers' reads under way, by cache key (site and user): see `projectChoices`. */
const pendingChoices = new Map<string, Promise<ProjectChoices>>();

export class SpProjectService implements IProjectService, IProjectPickerService {
  private readonly projects: ListSchema = getList('projects');

  /**
   * @param snapshots where the browser keeps the last read between visits, per user; without it every visit reads everything.
   * @param cacheKey shares the published reports' read, and the choosers' read, with the page's other
   *   web parts (as PortfolioService's); it must name the user where the user can change during the page's life.
   */
  public constructor(
    private readonly sp: SPFI, private readonly siteUrl: string, private readonly snapshots?: { store: SnapshotStore; userKey: string },
    private readonly cacheKey: string = siteUrl
  ) {}

  private get snapshotKey(): string {
    return snapshotKey('register', this.siteUrl, this.snapshots?.userKey ?? '');
  }

  public async rememberedProjects(): Promise<{ projects: Project[]; readAt: Date } | undefined> {
    if (!this.snapshots) return undefined;
    const { select, expand } = selectFields('projects');
    const snapshots = this.snapshots;
    const { withRememberedReports } = await reportReader();
    return withRememberedReports(rememberedRows<Project>(snapshots.store, this.snapshotKey, select, expand), this.siteUrl, snapshots);
  }

  private list(): ReturnType<SPFI['web']['getList']> {
    return this.sp.web.getList(listUrl(this.siteUrl, this.projects));
  }

  public async loadProjects(onProgress?: (loaded: number) => void): Promise<Project[]> {
    const reports = reportReader().then((m) => m.sharedLatestReports(this.sp, this.siteUrl, this.cacheKey, this.snapshots));
    // Not left unhandled while the projects are read: its failure is the one awaited below.
    reports.catch(() => undefined);
    const projects = await this.readProjects(onProgress);
    return withLatestReports(projects, await reports).projects;
  }

  private async readProjects(onProgress?: (loaded: number) => void): Promise<Project[]> {
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

  /**
   * One `$batch`: the list's item count, the signed-in user and the first projects by ID. A list of
   * at most `ALL_CHOICES_UP_TO` projects is offered whole (one request); a larger one offers the
   * user's own projects (the leader column is indexed, so the filter is threshold-safe while one
   * person leads at most 5,000), a second request. The page's choosers (status reports and risks
   * share the Projects page) ask at the same moment: they share one read while it is under way,
   * and a later ask reads again, so a chooser never offers what was read before a change.
   */
  public projectChoices(): Promise<ProjectChoices> {
    const pending = pendingChoices.get(this.cacheKey);
    if (pending) return pending;
    const read = this.readProjectChoices();
    pendingChoices.set(this.cacheKey, read);
    const settled = (): void => { if (pendingChoices.get(this.cacheKey) === read) pendingChoices.delete(this.cacheKey); };
    read.then(settled, settled);
    return read;
  }

  private async readProjectChoices(): Promise<ProjectChoices> {
    const { select } = selectFields('projects', ['id', 'code', 'title']);
    const [batched, execute] = this.sp.batched();
    const list = batched.web.getList(listUrl(this.siteUrl, this.projects));
    const countRead = list.select('ItemCount')<{ ItemCount: number }>();
    const meRead = batched.web.currentUser.select('Id')<{ Id: number }>();
    const firstRead = list.items.select(...select).orderBy('ID', true).top(ALL_CHOICES_UP_TO)<RawItem[]>();
    await execute();
    const [count, me, first] = await Promise.all([countRead, meRead, firstRead]);
    // ItemCount includes items this user may not read: a trimmed small list is treated as large (own + search), never as complete when it is not.
    if (count.ItemCount <= ALL_CHOICES_UP_TO) return { choices: first.map(choiceOf), complete: true };
    try {
      const own = await this.list().items.select(...select).filter(`${internalName('projects', 'leader')}Id eq ${Number(me.Id)}`)
        .top(ALL_CHOICES_UP_TO)<RawItem[]>();
      return { choices: own.map(choiceOf), complete: false };
    } catch (e) {
      // Someone leading more than 5,000 projects: SharePoint refuses the filter; the search still finds them.
      if (isThresholdRefusal(e)) return { choices: [], complete: false };
      throw e;
    }
  }

  /**
   * `startswith` on the project code, an indexed column: SharePoint narrows by the index, so this is
   * answered at any list size while at most 5,000 codes start so [verify: SPO's use of an index for
   * startswith]; a shorter start that matches more is refused (threshold) and reported as too broad.
   * The title is not indexed: a search by title would be refused on a large list.
   */
  public async findProjects(codePrefix: string): Promise<ProjectSearch> {
    const start = codePrefix.trim();
    if (!start) return { status: 'found', choices: [] };
    const { select } = selectFields('projects', ['id', 'code', 'title']);
    const code = internalName('projects', 'code');
    try {
      const found = await this.list().items.select(...select).filter(`startswith(${code},${odataString(start)})`)
        .orderBy(code, true).top(SEARCH_RESULTS)<RawItem[]>();
      return { status: 'found', choices: found.map(choiceOf) };
    } catch (e) {
      if (isThresholdRefusal(e)) return { status: 'tooBroad' };
      throw e;
    }
  }
}

function choiceOf(raw: RawItem): ProjectChoice {
  const p = fromItem<Pick<Project, 'id' | 'code' | 'title'>>('projects', raw);
  return { id: p.id, code: p.code, title: p.title };
}
