import type { SPFI } from '@pnp/sp';
import type { IItems } from '@pnp/sp/items';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';
import { internalName, selectFields, type FieldKey, type ListKey } from '../schema';
import type { Project } from '../model/portfolio';
import { lastQuarters, pmoKpis, type PmoKpiInput, type PmoKpiSeries } from '../model/pmoKpis';
import type { QuarterKey } from '../model/okr';
import { fromItem } from './mapping';
import { readAll, spList, type RawItem } from './listItems';
import { hasPermission, httpStatus, settle, type PermissionMask } from './odata';
import { PAGE_SIZE } from './ProjectService';
import { readPublishedReports } from './StatusTrendService';

export interface PmoKpiData {
  quarters: QuarterKey[];
  series: PmoKpiSeries[];
  /**
   * False unless the user reads every sparring request (Sparring Requests lets others read only
   * their own) and the PMO's assignments: the request count and waiting time are then unknown, not zero.
   */
  sparringKnown: boolean;
}

export interface IPmoKpiService {
  /** The KPIs for the last `count` quarters up to the one `today` is in. */
  load(today: string, count?: number): Promise<PmoKpiData>;
}

/** The default trend: two years. */
export const PMO_KPI_QUARTERS = 8;

/**
 * What the PMO's KPIs need of each list: only those columns, every page, so no list view
 * threshold applies. Status reports, the list that grows fastest (100,000 at 500 projects in
 * four years), are read as the portfolio's trend reads them: published ones from `from` on, every
 * ID page in one `$batch` (readPublishedReports); the others page by page (readAll).
 */
export async function readPmoKpiInput(sp: SPFI, siteUrl: string, from: string): Promise<Omit<PmoKpiInput, 'quarters'> & { sparringKnown: boolean }> {
  const query = <K extends ListKey>(on: SPFI, key: K, fields: readonly FieldKey<K>[]): IItems => {
    const { select, expand } = selectFields(key, fields);
    const q = spList(on, siteUrl, key).items.select(...select);
    return expand.length ? q.expand(...expand) : q;
  };
  const items = <K extends ListKey>(key: K, fields: readonly FieldKey<K>[]): Promise<RawItem[]> => readAll(query(sp, key, fields));
  const created = <K extends ListKey>(key: K, raw: RawItem): string | undefined => {
    const v = raw[internalName(key, 'created' as FieldKey<K>)];
    return typeof v === 'string' ? v : undefined;
  };
  // Only the PMO (and the experts an assignment is shared with) can open Sparring Assignments.
  // The first page is asked in a $batch: a refusal is then an answer inside it, not a failed
  // request in everyone else's browser console; a full first page means more, read page by page.
  let sparringKnown = true;
  const assignmentFields = ['request', 'scheduledAt'] as const;
  const readAssignments = async (): Promise<RawItem[]> => {
    const [batched, execute] = sp.batched();
    const first = settle<RawItem[]>(query(batched, 'sparringAssignments', assignmentFields).top(PAGE_SIZE)<RawItem[]>());
    await execute();
    const r = await first;
    if (!r.ok) {
      if (httpStatus(r.error) === 403 || httpStatus(r.error) === 404) { sparringKnown = false; return []; }
      throw r.error;
    }
    return r.value.length < PAGE_SIZE ? r.value : items('sparringAssignments', assignmentFields);
  };
  // Read security 2 on Sparring Requests: only Override List Behaviors (CancelCheckout) reads them all.
  const allRequests = (spList(sp, siteUrl, 'sparringRequests').getCurrentUserEffectivePermissions() as unknown as Promise<PermissionMask>)
    .then((mask) => hasPermission(mask, PermissionKind.CancelCheckout), (e: unknown) => {
      if (httpStatus(e) === 403 || httpStatus(e) === 404) return false;
      throw e;
    });
  const [projects, reports, downloads, requests, assignments, lessons, readsAll] = await Promise.all([
    items('projects', ['phase', 'startDate', 'endDate', 'forecastEnd', 'budget', 'actualCost']),
    readPublishedReports(sp, siteUrl, from),
    items('templateDownloads', ['downloadedAt']),
    items('sparringRequests', ['created']),
    readAssignments(),
    items('lessonsLearned', ['created', 'project', 'reusedIn']),
    allRequests
  ]);
  // The session time is the PMO's, from its assignment: a request's own columns are the requester's to forge.
  const scheduled = new Map<number, string>();
  for (const raw of assignments) {
    const a = fromItem<{ request?: number; scheduledAt?: string }>('sparringAssignments', raw);
    if (typeof a.request === 'number' && a.scheduledAt) scheduled.set(a.request, a.scheduledAt);
  }
  return {
    projects: projects.map((r) => fromItem<Project>('projects', r)),
    reports: reports.map((r) => ({ project: { id: r.projectId, title: '' }, reportDate: r.reportDate, published: true })),
    downloads: downloads.map((r) => fromItem<{ downloadedAt?: string }>('templateDownloads', r))
      .filter((d): d is { downloadedAt: string } => !!d.downloadedAt),
    sparring: requests.flatMap((r) => {
      const c = created('sparringRequests', r);
      const id = (r.Id ?? r.ID) as number;
      return c ? [{ created: c, scheduledAt: scheduled.get(id) }] : [];
    }),
    lessons: lessons.map((r) => {
      const l = fromItem<{ project?: { id: number }; reusedIn?: Array<{ id: number }> }>('lessonsLearned', r);
      return { created: created('lessonsLearned', r), project: l.project?.id, reusedIn: (l.reusedIn ?? []).map((p) => p.id) };
    }),
    sparringKnown: sparringKnown && readsAll
  };
}

export class SpPmoKpiService implements IPmoKpiService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  public async load(today: string, count: number = PMO_KPI_QUARTERS): Promise<PmoKpiData> {
    const quarters = lastQuarters(today, count);
    // The first day of the first quarter shown: older reports count for nothing here.
    const [y, q] = quarters[0].split('-Q').map(Number);
    const from = `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
    const { sparringKnown, ...input } = await readPmoKpiInput(this.sp, this.siteUrl, from);
    return { quarters, series: pmoKpis({ ...input, quarters }), sparringKnown };
  }
}
