import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { internalName } from '../schema';
import type { Rag } from '../model/common';
import { toDateOnly } from './mapping';
import { settle } from './odata';
import { spList, type RawItem } from './listItems';
import { PAGE_SIZE } from './ProjectService';
import { keepLatest, type LatestReport, type ReportHistory, type ReportPoint } from '../model/portfolioMetrics';

/** The report history behind the portfolio's status trend. */
export interface IStatusTrendService {
  /** Every published report dated on or after `from` (`YYYY-MM-DD`): project, date and overall status only. */
  loadReportPoints(from: string): Promise<ReportPoint[]>;
  /**
   * The same read, with every project's latest published report however old (the rows are read
   * anyway): what the portfolio shows as a project's latest status once the reports are in.
   */
  loadReportHistory(from: string): Promise<ReportHistory>;
}

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
 * there too, from the same rows.
 */
export async function readPublishedReports(sp: SPFI, siteUrl: string, from: string, latest?: Map<number, LatestReport>): Promise<PublishedReportRow[]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new Error(`Not a date: ${from}`);
  const list = (on: SPFI): ReturnType<typeof spList> => spList(on, siteUrl, 'statusReports');
  const newest = await list(sp).items.select('ID').orderBy('ID', false).top(1)<RawItem[]>();
  const maxId = Number(newest[0]?.ID ?? newest[0]?.Id ?? 0);
  if (!maxId) return [];
  const project = `${internalName('statusReports', 'project')}Id`;
  const date = internalName('statusReports', 'reportDate');
  const overall = internalName('statusReports', 'overall');
  const published = internalName('statusReports', 'published');
  const starts: number[] = [];
  for (let after = 0; after < maxId; after += PAGE_SIZE) starts.push(after);
  const out: PublishedReportRow[] = [];
  for (let i = 0; i < starts.length; i += BATCH_MAX) {
    const [batched, execute] = sp.batched({ maxRequests: BATCH_MAX });
    const chunk = starts.slice(i, i + BATCH_MAX);
    const parts = chunk.map((after) => {
      const page = list(batched).items.select('ID', project, date, overall, published).orderBy('ID', true).top(PAGE_SIZE);
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
        const id = Number(raw.ID ?? raw.Id);
        if (id > after + PAGE_SIZE) continue;
        const reportDate = toDateOnly(raw[date]);
        const projectId = Number(raw[project]);
        const rag = raw[overall] as Rag | undefined;
        if (raw[published] !== true || !projectId || !reportDate) continue;
        if (latest && rag) keepLatest(latest, { id, projectId, reportDate, overall: rag });
        if (reportDate >= from) out.push({ projectId, reportDate, ...(rag ? { overall: rag } : {}) });
      }
    }
  }
  return out;
}

export class SpStatusTrendService implements IStatusTrendService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  public async loadReportPoints(from: string): Promise<ReportPoint[]> {
    return (await this.loadReportHistory(from)).points;
  }

  public async loadReportHistory(from: string): Promise<ReportHistory> {
    const latest = new Map<number, LatestReport>();
    const rows = await readPublishedReports(this.sp, this.siteUrl, from, latest);
    return { points: rows.filter((r): r is ReportPoint => !!r.overall), latest };
  }
}
