import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { getList, selectFields, type FieldKey } from '../schema';
import type { Project } from '../model/portfolio';
import { fromItem } from './mapping';
import { PAGE_SIZE, listUrl } from './ProjectService';
import { readWithChanges, rememberedRows, snapshotKey, type SnapshotStore } from './listSnapshots';
import { withLatestReports } from '../model/latestStatus';
import { sharedLatestReports, withRememberedReports } from './StatusTrendService';
import { forgetReportHistory, shareFor, type Shared } from './reportShare';

/** What the portfolio web parts read from SharePoint; components see only this. */
export interface IPortfolioService {
  /**
   * Every project with the portfolio's columns: latest status, dates, money, unit, programme,
   * leader and objectives; no long texts, and no priority scores (Project Priorities: the views
   * that show them read them, `withPriorities`). The latest status is the latest published
   * report's, never the project item's cache (which its leader can write by hand): the
   * published reports are read beside the projects. One read serves every portfolio web part on
   * the page (see below).
   */
  loadProjects(): Promise<Project[]>;
  /**
   * How many projects' own latest-status columns disagreed with their latest published report in
   * the last `loadProjects` (a forged or half-written cache: the reports' values were shown).
   */
  statusCorrections?(): Promise<number>;
  /** Forget the shared read, e.g. after a status report was published on the same page. */
  invalidate(): void;
  /**
   * What this browser read on an earlier visit, to render at once while `loadProjects` asks
   * SharePoint what changed since; none without a snapshot store or on a first visit.
   */
  rememberedProjects?(): Promise<{ projects: Project[]; readAt: Date } | undefined>;
}

/** The columns portfolio views use. Description and the project site stay out: they are the bulk of each row. */
export const PORTFOLIO_PROJECT_FIELDS: ReadonlyArray<FieldKey<'projects'>> = [
  'id', 'code', 'title', 'leader', 'sponsor', 'unit', 'programme', 'phase', 'method', 'startDate', 'endDate',
  'budget', 'actualCost', 'forecastCost', 'forecastEnd', 'strategicObjectives',
  'latestOverall', 'latestSchedule', 'latestCost', 'latestScope', 'latestRisk', 'latestPercentComplete', 'latestReportDate'
];

/**
 * Reads shared across instances for a short while: web parts in one SPFx bundle share this
 * module, so a page with six portfolio web parts reads the projects once, not six times.
 */
const SHARED_FOR_MS = 30_000;
const shared = new Map<string, { at: number; projects: Promise<Project[]>; corrected: Promise<number> }>();
/**
 * What the browser remembered, shared the same way: applying every project's latest report to
 * 10,000 projects took ~15 ms and as many objects again, once per web part (six on the Portfolio
 * page) on the first screen's critical path (profiled, 7 Dec 2026).
 */
const sharedRemembered = new Map<string, Shared<{ projects: Project[]; readAt: Date } | undefined>>();

export class SpPortfolioService implements IPortfolioService {
  /**
   * @param cacheKey shares one read among the page's web parts; it must name the user where the
   *   user can change during the page's life (the local hub), since SharePoint trims rows per user.
   * @param snapshots where the browser keeps the last read between visits (per site and user:
   *   `snapshotKey`); without it every visit reads everything.
   */
  public constructor(
    private readonly sp: SPFI, private readonly siteUrl: string, private readonly cacheKey: string = siteUrl,
    private readonly snapshots?: { store: SnapshotStore; userKey: string }
  ) {}

  private get snapshotKey(): string {
    return snapshotKey('projects', this.siteUrl, this.snapshots?.userKey ?? '');
  }

  /** Remembered projects with the latest reports remembered with them (never the items' own cache); none if either is missing. */
  public rememberedProjects(): Promise<{ projects: Project[]; readAt: Date } | undefined> {
    const snapshots = this.snapshots;
    if (!snapshots) return Promise.resolve(undefined);
    const { select, expand } = selectFields('projects', PORTFOLIO_PROJECT_FIELDS);
    return shareFor(sharedRemembered, this.cacheKey,
      () => withRememberedReports(rememberedRows<Project>(snapshots.store, this.snapshotKey, select, expand), this.siteUrl, snapshots));
  }

  public loadProjects(): Promise<Project[]> {
    return this.sharedRead().projects;
  }

  public statusCorrections(): Promise<number> {
    return this.sharedRead().corrected;
  }

  private sharedRead(): { projects: Promise<Project[]>; corrected: Promise<number> } {
    const hit = shared.get(this.cacheKey);
    if (hit && Date.now() - hit.at < SHARED_FOR_MS) return hit;
    const checked = Promise.all([this.readProjects(), sharedLatestReports(this.sp, this.siteUrl, this.cacheKey, this.snapshots)])
      .then(([projects, latest]) => withLatestReports(projects, latest));
    // Once the fresh read is in, the browser's copy is rewritten from it: the next web part asks again.
    checked.then(() => sharedRemembered.delete(this.cacheKey), () => undefined);
    const entry = { at: Date.now(), projects: checked.then((c) => c.projects), corrected: checked.then((c) => c.corrected) };
    shared.set(this.cacheKey, entry);
    // A failed read must not be served to the next web part: let it try again.
    checked.catch(() => { if (shared.get(this.cacheKey) === entry) shared.delete(this.cacheKey); });
    entry.corrected.catch(() => undefined);
    return entry;
  }

  public invalidate(): void {
    shared.delete(this.cacheKey);
    sharedRemembered.delete(this.cacheKey);
    forgetReportHistory(this.cacheKey);
  }

  private async readProjects(): Promise<Project[]> {
    const { select, expand } = selectFields('projects', PORTFOLIO_PROJECT_FIELDS);
    const url = listUrl(this.siteUrl, getList('projects'));
    if (this.snapshots) {
      const read = await readWithChanges<Project>({
        sp: this.sp, listUrl: url, select, expand, map: (raw) => fromItem<Project>('projects', raw), store: this.snapshots.store, key: this.snapshotKey
      });
      return read.rows;
    }
    const list = this.sp.web.getList(url);
    const out: Project[] = [];
    // Unfiltered and ordered by ID in pages of 5,000: the one query SharePoint answers at any list size.
    for await (const page of list.items.select(...select).expand(...expand).orderBy('ID', true).top(PAGE_SIZE)) {
      for (const raw of page as Array<Record<string, unknown>>) out.push(fromItem<Project>('projects', raw));
    }
    return out;
  }
}
