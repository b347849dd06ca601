import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { InjectHeaders } from '@pnp/queryable';
import { MODERATION_STATUS, getList, internalName } from '../schema';
import type { Rag } from '../model/common';
import { toDateOnly } from './mapping';
import { settle } from './odata';
import { spList, type RawItem } from './listItems';
import { PAGE_SIZE, listUrl } from './ProjectService';
import { keepLatest, withLatestReports, type LatestReport, type ReportHistory, type ReportPoint } from '../model/latestStatus';
import type { Project } from '../model/portfolio';
import { shareFor, sharedHistory, sharedLatest } from './reportShare';
import { readChangeLog, readItemsById, rememberedShape, snapshotKey, writeAfterPaint, type SnapshotStore } from './listSnapshots';

/** The report history behind the portfolio's status trend. */
export interface IStatusTrendService {
  /** Every published report dated on or after `from` (`YYYY-MM-DD`): project, date and overall status only. */
  loadReportPoints(from: string): Promise<ReportPoint[]>;
  /**
   * The same read, with every project's latest published report however old (the rows are read
   * anyway): what the portfolio shows as a project's latest status (see sharedReportHistory).
   */
  loadReportHistory(from: string): Promise<ReportHistory>;
}

/**
 * The report rows without OData's per-row metadata (type, id, edit link, ETag: more than the lean
 * row itself): nothing here edits a report, and at 100,000 rows it is most of the answer.
 */
const NO_METADATA = InjectHeaders({ Accept: 'application/json;odata=nometadata' });

/** SharePoint Online's limit of requests in one `$batch`. */
const BATCH_MAX = 100;

/** A published report, leanly: whose it is, its date and its overall status (if it has one). */
export interface PublishedReportRow {
  projectId: number;
  /** `YYYY-MM-DD` */
  reportDate: string;
  overall?: Rag;
}

/**
 * Every published report dated on or after `from` (`YYYY-MM-DD`), read as the portfolio's trend
 * and the PMO's KPIs both need it. At 100,000 reports a year of history is far above the list
 * view threshold, and even the indexed report date narrows a month to more than 5,000 rows, so no
 * date filter is safe. What SharePoint always answers is the list in ID order, page by page; the
 * pages' skiptokens (`Paged=TRUE&p_ID=<n>`) are known from the highest ID, so all pages go in one
 * `$batch` (per 100) instead of one request after another: one request for the highest ID, one
 * per 500,000 reports for the rest. Four lean columns per report; the date and `published` are
 * checked here. With `latest`, every project's latest published report (of any date) is kept
 * there too, from the same rows, with its five other judgements (schedule, cost, scope, risk,
 * percent complete: five more columns, about a third more to read). With `info`, the list's change
 * token from before the read is put there (same first request).
 */
export async function readPublishedReports(
  sp: SPFI, siteUrl: string, from: string, latest?: Map<number, LatestReport>, info?: { changeToken?: string }
): Promise<PublishedReportRow[]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new Error(`Not a date: ${from}`);
  const list = (on: SPFI): ReturnType<typeof spList> => spList(on, siteUrl, 'statusReports');
  // The highest ID and the list's change token (for a later visit's delta, taken before the rows) in one `$batch`.
  const [first, executeFirst] = sp.batched();
  const newestRead = list(first).items.select('ID').orderBy('ID', false).top(1)<RawItem[]>();
  const tokenRead = info ? list(first).select('CurrentChangeToken')<{ CurrentChangeToken: { StringValue: string } }>() : undefined;
  await executeFirst();
  const newest = await newestRead;
  if (info && tokenRead) info.changeToken = (await tokenRead).CurrentChangeToken.StringValue;
  const maxId = Number(newest[0]?.ID ?? newest[0]?.Id ?? 0);
  if (!maxId) return [];
  const columns = reportColumns();
  const starts: number[] = [];
  for (let after = 0; after < maxId; after += PAGE_SIZE) starts.push(after);
  const out: PublishedReportRow[] = [];
  for (let i = 0; i < starts.length; i += BATCH_MAX) {
    const [batched, execute] = sp.batched({ maxRequests: BATCH_MAX });
    const chunk = starts.slice(i, i + BATCH_MAX);
    const parts = chunk.map((after) => {
      const page = list(batched).items.using(NO_METADATA).select(...leanColumns(!!latest)).orderBy('ID', true).top(PAGE_SIZE);
      if (after > 0) page.query.set('$skiptoken', `Paged=TRUE&p_ID=${after}`);
      return settle(page<RawItem[]>());
    });
    await execute();
    for (let j = 0; j < parts.length; j++) {
      const r = await parts[j];
      const after = chunk[j];
      if (!r.ok) throw r.error;
      for (const raw of r.value) {
        // Deleted IDs make a page run past its range into the next page's: those rows are the next page's.
        if (Number(raw.ID ?? raw.Id) > after + PAGE_SIZE) continue;
        const row = publishedRowOf(raw, columns);
        if (!row) continue;
        if (latest) {
          // Only a report later than the project's latest so far is built whole.
          const had = latest.get(row.projectId);
          if (!had || row.reportDate >= had.reportDate) { const r = latestOf(raw, columns, row); if (r) keepLatest(latest, r); }
        }
        if (row.reportDate >= from) out.push(row);
      }
    }
  }
  return out;
}

const LATEST_JUDGEMENTS = ['schedule', 'cost', 'scope', 'risk', 'percentComplete'] as const;

/** The lean read's internal names, looked up once per read (a read maps 100,000 rows). */
interface ReportColumns {
  project: string;
  date: string;
  overall: string;
  published: string;
  judgements: Array<[typeof LATEST_JUDGEMENTS[number], string]>;
}

let columnsOnce: ReportColumns | undefined;
function reportColumns(): ReportColumns {
  columnsOnce ??= {
    project: `${internalName('statusReports', 'project')}Id`, date: internalName('statusReports', 'reportDate'),
    overall: internalName('statusReports', 'overall'), published: internalName('statusReports', 'published'),
    judgements: LATEST_JUDGEMENTS.map((k) => [k, internalName('statusReports', k)])
  };
  return columnsOnce;
}

/** The lean read's columns: whose report, its date, overall status and whether published; with `judgements`, the five others. */
function leanColumns(judgements: boolean): string[] {
  const c = reportColumns();
  const base = ['ID', c.project, c.date, c.overall, c.published, MODERATION_STATUS.property];
  return judgements ? [...base, ...c.judgements.map(([, name]) => name)] : base;
}

/**
 * A published report's row; undefined for a draft or a row without project or date. Published
 * means approved too: the PMO (approvers) and the project's leader read a report's newest version,
 * and a report marked published by a hand-made write that nobody approved is pending — readers
 * see the last approved version or nothing. Counting only approved rows shows everyone the same
 * latest status, and keeps a draft out of what a PMO member's browser leaves for others (siteSnapshots).
 * A list without content approval (sites before schema 8) has no status: its rows count.
 */
function publishedRowOf(raw: RawItem, c: ReportColumns = reportColumns()): PublishedReportRow | undefined {
  if (raw[c.published] !== true) return undefined;
  const moderation = raw[MODERATION_STATUS.property];
  if (typeof moderation === 'number' && moderation !== MODERATION_STATUS.approved) return undefined;
  const reportDate = toDateOnly(raw[c.date]);
  const projectId = Number(raw[c.project]);
  const rag = raw[c.overall] as Rag | undefined;
  if (!projectId || !reportDate) return undefined;
  return { projectId, reportDate, ...(rag ? { overall: rag } : {}) };
}

/** A published report as a project's latest status; undefined for a draft or one without an overall status. */
function latestOf(raw: RawItem, c: ReportColumns = reportColumns(), row: PublishedReportRow | undefined = publishedRowOf(raw, c)): LatestReport | undefined {
  if (!row || !row.overall) return undefined;
  const out: LatestReport = { id: Number(raw.ID ?? raw.Id), projectId: row.projectId, reportDate: row.reportDate, overall: row.overall };
  for (const [k, name] of c.judgements) {
    const v = raw[name];
    if (v === null || v === undefined || v === '') continue;
    if (k === 'percentComplete') out.percentComplete = Number(v);
    else out[k] = v as Rag;
  }
  return out;
}

/** The shape remembered reads are written in: a change here makes older ones unusable. */
const REMEMBERED_SHAPE = 'latest-published-reports-v1';
/** Where the browser keeps each project's latest published report between visits, per site and user. */
export interface ReportSnapshots { store: SnapshotStore; userKey: string }

function rememberKey(siteUrl: string, snapshots: ReportSnapshots): string {
  return snapshotKey('latestReports', siteUrl, snapshots.userKey);
}

/**
 * Every published report's point and every project's latest published report, read whole (2
 * requests at 100,000 reports): what the trend needs. Once per page and user (`cacheKey`, as
 * PortfolioService's).
 */
export function sharedReportHistory(sp: SPFI, siteUrl: string, cacheKey: string = siteUrl): Promise<ReportHistory> {
  return shareFor(sharedHistory, cacheKey, () => readHistory(sp, siteUrl));
}

async function readHistory(sp: SPFI, siteUrl: string, info?: { changeToken?: string }): Promise<ReportHistory> {
  const latest = new Map<number, LatestReport>();
  const rows = await readPublishedReports(sp, siteUrl, '0000-01-01', latest, info);
  return { points: rows.filter((r): r is ReportPoint => !!r.overall), latest };
}

/**
 * Every project's latest published report: what the portfolio, the register and Home take a
 * project's latest status from (never the project item's cache, which its leader can write).
 * Once per page and user. With `snapshots`, the browser remembers the result with the list's
 * change token, and the next visit reads only the reports changed since (delta below); otherwise,
 * or when the change log cannot answer, every published report is read (and then shared with
 * the trend, which needs them all).
 */
export function sharedLatestReports(sp: SPFI, siteUrl: string, cacheKey: string = siteUrl, snapshots?: ReportSnapshots): Promise<Map<number, LatestReport>> {
  return shareFor(sharedLatest, cacheKey, async () => {
    const key = snapshots && rememberKey(siteUrl, snapshots);
    const remember = (latest: Map<number, LatestReport>, changeToken: string | undefined): void => {
      if (snapshots && key && changeToken) {
        writeAfterPaint(snapshots.store, key, { shape: REMEMBERED_SHAPE, changeToken, readAt: new Date().toISOString(), rows: [...latest.values()] });
      }
    };
    if (snapshots && key) {
      const snap = await rememberedShape<LatestReport>(snapshots.store, key, REMEMBERED_SHAPE);
      const delta = snap?.changeToken ? await latestSince(sp, siteUrl, snap) : undefined;
      if (delta) {
        remember(delta.latest, delta.token);
        return delta.latest;
      }
    }
    const info: { changeToken?: string } = {};
    const history = readHistory(sp, siteUrl, info);
    // The whole history is read anyway: the page's trend takes it from here instead of reading it again.
    sharedHistory.set(cacheKey, { at: Date.now(), value: history });
    history.catch(() => { if (sharedHistory.get(cacheKey)?.value === history) sharedHistory.delete(cacheKey); });
    const { latest } = await history;
    remember(latest, info.changeToken);
    return latest;
  });
}

/**
 * The remembered latest reports brought up to date from the list's change log: each changed
 * report is read by ID (its project), and each project a changed or removed report belongs to
 * — or was the latest of — has its reports read again by the indexed project lookup (one
 * project's reports: far below 5,000), many to a `$batch`. Undefined when the change log cannot
 * answer; the caller then reads everything.
 */
async function latestSince(sp: SPFI, siteUrl: string, snap: { changeToken: string; rows: LatestReport[] }): Promise<{ latest: Map<number, LatestReport>; token: string } | undefined> {
  const url = listUrl(siteUrl, getList('statusReports'));
  const log = await readChangeLog(sp, url, snap.changeToken);
  if (!log) return undefined;
  const latest = new Map(snap.rows.map((r) => [r.projectId, r]));
  const projectOfLatest = new Map(snap.rows.map((r) => [r.id, r.projectId]));
  const affected = new Set<number>();
  for (const id of [...log.changed, ...log.deleted]) {
    const p = projectOfLatest.get(id);
    if (p !== undefined) affected.add(p);
  }
  const project = `${internalName('statusReports', 'project')}Id`;
  const changed = await readItemsById(sp, url, [...log.changed], ['ID', project]);
  for (const raw of changed.rows) if (Number(raw[project])) affected.add(Number(raw[project]));
  const ids = [...affected];
  for (let i = 0; i < ids.length; i += BATCH_MAX) {
    const [batched, execute] = sp.batched({ maxRequests: BATCH_MAX });
    const reads = ids.slice(i, i + BATCH_MAX).map((projectId) => spList(batched, siteUrl, 'statusReports').items.using(NO_METADATA)
      .select(...leanColumns(true)).filter(`${project} eq ${projectId}`).top(PAGE_SIZE)<RawItem[]>().then((rows) => ({ projectId, rows })));
    await execute();
    for (const { projectId, rows } of await Promise.all(reads)) {
      latest.delete(projectId);
      for (const raw of rows) {
        const r = latestOf(raw);
        if (r) keepLatest(latest, r);
      }
    }
  }
  return { latest, token: log.token };
}

/**
 * Projects as this browser remembered them (`remembered`), with the latest published reports it
 * remembered applied — never the items' own cache; none when either is missing. Dated by the older.
 */
export async function withRememberedReports(
  remembered: Promise<{ rows: Project[]; readAt: Date } | undefined>, siteUrl: string, snapshots: ReportSnapshots
): Promise<{ projects: Project[]; readAt: Date } | undefined> {
  const [hit, reports] = await Promise.all([remembered, rememberedShape<LatestReport>(snapshots.store, rememberKey(siteUrl, snapshots), REMEMBERED_SHAPE)]);
  if (!hit || !reports) return undefined;
  const latest = new Map(reports.rows.map((r) => [r.projectId, r]));
  return { projects: withLatestReports(hit.rows, latest).projects, readAt: hit.readAt < reports.readAt ? hit.readAt : reports.readAt };
}

export { forgetReportHistory } from './reportShare';

export class SpStatusTrendService implements IStatusTrendService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string, private readonly cacheKey: string = siteUrl) {}

  public async loadReportPoints(from: string): Promise<ReportPoint[]> {
    return (await this.loadReportHistory(from)).points;
  }

  public async loadReportHistory(from: string): Promise<ReportHistory> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new Error(`Not a date: ${from}`);
    const all = await sharedReportHistory(this.sp, this.siteUrl, this.cacheKey);
    return { points: all.points.filter((p) => p.reportDate >= from), latest: all.latest };
  }
}
