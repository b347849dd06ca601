import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import type { IItems } from '@pnp/sp/items';
import { internalName, MODERATION_STATUS } from '../schema';
import type { Project, StatusReport } from '../model/portfolio';
import type { NewItem } from '../model/common';
import type { IStatusReportService } from './editing';
import { ConflictError, ValidationError } from './errors';
import { fromItem, toPayload } from './mapping';
import { httpStatus, settle } from './odata';
import { forgetReportHistory } from './reportShare';
import { ifMatch, inProjectFolder, lookupIdFilter, readAll, saveItem, selection, spList, type RawItem } from './listItems';
import { sitePath } from './ProjectService';
import { addInProjectFolder, addedId, ensureProjectFolder, missingFolder } from './projectFolders';
import { validateFields, type FieldErrors } from './validation';

const TITLE_MAX = 255;

function mapReport(raw: RawItem): StatusReport {
  const report = fromItem<StatusReport>('statusReports', raw);
  return { ...report, inProjectFolder: inProjectFolder(raw, report.project?.id) };
}

function mapProject(raw: RawItem): Project {
  return fromItem<Project>('projects', raw);
}

/** All five RAG dimensions, summary, report date and project required; percent 0–100; forecast cost ≥ 0. */
export function validateReport(report: StatusReport | NewItem<StatusReport>): FieldErrors {
  return validateFields('statusReports', report as unknown as Record<string, unknown>);
}

/** The report's writable values; Title = project code (or title) + report date, for classic views. */
function reportValues(report: StatusReport | NewItem<StatusReport>, published: boolean, projectCode?: string): Record<string, unknown> {
  const values: Record<string, unknown> = {
    project: report.project, reportDate: report.reportDate,
    overall: report.overall, schedule: report.schedule, cost: report.cost, scope: report.scope, risk: report.risk,
    overallComment: report.overallComment, scheduleComment: report.scheduleComment, costComment: report.costComment,
    scopeComment: report.scopeComment, riskComment: report.riskComment,
    summary: report.summary, nextSteps: report.nextSteps, percentComplete: report.percentComplete,
    forecastCost: report.forecastCost, forecastEnd: report.forecastEnd, published
  };
  // A draft has no project code at hand and is labelled with the project's title; publishing
  // relabels it with the code unless the user wrote a title of their own.
  const draftLabel = `${report.project.title} ${report.reportDate}`;
  const own = report.title && report.title.trim() && report.title !== draftLabel;
  const label = own ? (report.title as string) : `${projectCode || report.project.title} ${report.reportDate}`;
  values.title = label.length > TITLE_MAX ? label.slice(0, TITLE_MAX) : label;
  return values;
}

/** The project's latest-status fields as this report sets them (DESIGN rule 6). */
function latestValues(report: StatusReport | NewItem<StatusReport>): Record<string, unknown> {
  const values: Record<string, unknown> = {
    latestOverall: report.overall, latestSchedule: report.schedule, latestCost: report.cost, latestScope: report.scope,
    latestRisk: report.risk, latestPercentComplete: report.percentComplete, latestReportDate: report.reportDate
  };
  if (report.forecastCost !== undefined) values.forecastCost = report.forecastCost;
  if (report.forecastEnd !== undefined) values.forecastEnd = report.forecastEnd;
  return values;
}

/**
 * Reports added by a publish whose project part then failed, by site and project. A retry
 * of the same publish (the form still holds the report without an id) updates that report
 * instead of adding a second one. Module-wide, so every web part on the page (the status
 * report web part, the register's detail panel) shares it; it does not survive a reload.
 */
const written: Map<string, { id: number; etag?: string }> = new Map();

/**
 * Projects whose latest-status fields a refused publish wrote and then put back: the ETag
 * the caller still holds → the ETag after our undo, so a retry is not a conflict with
 * ourselves (anyone else's change since still answers 412).
 */
const undone: Map<string, { from: string; to: string }> = new Map();

/** A report write, with the page's shared read of the published reports forgotten before and after it. */
async function afterReportWrite<T>(write: Promise<T>): Promise<T> {
  forgetReportHistory();
  try {
    return await write;
  } finally {
    forgetReportHistory();
  }
}

export class SpStatusReportService implements IStatusReportService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  private pendingKey(projectId: number): string {
    return `${sitePath(this.siteUrl).toLowerCase()}|${projectId}`;
  }

  private query(projectId: number): IItems {
    const { select, expand } = selection('statusReports', ['author']);
    return spList(this.sp, this.siteUrl, 'statusReports').items
      .select(...select).expand(...expand)
      .filter(lookupIdFilter('statusReports', 'project', projectId))
      .orderBy(internalName('statusReports', 'reportDate'), false)
      .orderBy(internalName('statusReports', 'id'), false);
  }

  /** Newest first; filtered on the indexed project lookup, ordered by the indexed report date, paged by 5,000. */
  public async history(projectId: number): Promise<StatusReport[]> {
    return (await readAll(this.query(projectId))).map(mapReport);
  }

  public async latest(projectId: number): Promise<StatusReport | undefined> {
    const rows = await this.query(projectId).top(1)<RawItem[]>();
    return rows.length ? mapReport(rows[0]) : undefined;
  }

  public async saveDraft(report: StatusReport | NewItem<StatusReport>, options: { overwrite?: boolean } = {}): Promise<StatusReport> {
    // A published report edited becomes a draft again: the page's shared report read is then out of date.
    return afterReportWrite(this.writeDraft(report, options));
  }

  private async writeDraft(report: StatusReport | NewItem<StatusReport>, options: { overwrite?: boolean }): Promise<StatusReport> {
    const errors = validateReport(report);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const id = 'id' in report && typeof report.id === 'number' ? report.id : undefined;
    const values = reportValues(report, false);
    const save = (): Promise<StatusReport> => saveItem<'statusReports', StatusReport>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'statusReports', mine: report,
      id, etag: id !== undefined ? (report as StatusReport).etag : undefined, overwrite: options.overwrite,
      // A draft is not approved: content approval keeps it from everyone but its author, the
      // project's leader and the PMO; any edit of a published report makes it a draft again.
      payload: toPayload('statusReports', values),
      addNew: (batched) => addInProjectFolder(batched, this.siteUrl, 'statusReports', report.project.id, values).then(addedId),
      findNew: (items) => items.filter(lookupIdFilter('statusReports', 'project', report.project.id)),
      extraSelect: ['author'], map: mapReport
    });
    // A project without a leader has no folder yet: the PMO's first report makes it, then adds again.
    return id !== undefined ? save() : save().catch(async (e) => {
      if (!missingFolder(e)) throw e;
      await ensureProjectFolder(this.sp, this.siteUrl, 'statusReports', report.project.id);
      return save();
    });
  }

  /**
   * Writes the report (published) and the project's latest-status fields in ONE `$batch`,
   * each with its ETag, then reads both back in the same batch.
   *
   * A `$batch` is not transactional in SharePoint, so each half can fail alone:
   * - report written, project refused (412, 403, throttled part…): the report's id and new
   *   ETag are kept (`written`, shared by the page's services); publishing again — with the
   *   same unsaved report, or the same draft with its old ETag — updates that report, never
   *   adds a second. The register shows the previous status until the retry succeeds.
   * - report refused, project written: the project's previous latest-status values are
   *   written back at once (best effort, with the new ETag), so the portfolio never shows
   *   a status no report backs.
   * Conflicts name the item that changed: ConflictError<Project> when the project's ETag is
   * stale (mine = the project with the new latest-status values, theirs = as stored now;
   * reload it and publish again), ConflictError<StatusReport> when the report's is (theirs =
   * the report as stored now). A report conflict wins when both are stale.
   * An older report (date before the project's latest) is published without touching the
   * project: the portfolio shows the newest report.
   */
  public async publish(report: StatusReport | NewItem<StatusReport>, project: Project, options: { overwrite?: boolean } = {}): Promise<{ report: StatusReport; project: Project }> {
    // The page's views take the latest status from the published reports: read them again next time.
    return afterReportWrite(this.publishNow(report, project, options));
  }

  private async publishNow(report: StatusReport | NewItem<StatusReport>, project: Project, options: { overwrite?: boolean }): Promise<{ report: StatusReport; project: Project }> {
    const errors = validateReport(report);
    if (!errors.project && report.project.id !== project.id) errors.project = 'invalid';
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const given = 'id' in report && typeof report.id === 'number' ? { id: report.id, etag: (report as StatusReport).etag } : undefined;
    const pending = written.get(this.pendingKey(project.id));
    // Our own earlier half-done publish of this report wrote the newer ETag; anyone's change
    // after that still answers 412.
    const known = given ? (pending && pending.id === given.id && pending.etag ? pending : given) : pending;
    const reportMatch = known ? ifMatch(known.etag, options.overwrite || (!given && !known.etag)) : '';
    const touchProject = !project.latestReportDate || report.reportDate >= project.latestReportDate;
    const latest = latestValues(report);
    const redo = undone.get(this.pendingKey(project.id));
    const projectEtag = redo && redo.from === project.etag ? redo.to : project.etag;
    const projectMatch = touchProject ? ifMatch(projectEtag, options.overwrite) : '';

    // A project without a leader may have no folder yet (the PMO's save makes a leader's): one read first.
    if (!known && !project.leader) await ensureProjectFolder(this.sp, this.siteUrl, 'statusReports', project.id);
    const r = selection('statusReports', ['author']);
    const p = selection('projects');
    const [batched, execute] = this.sp.batched();
    // A fresh `items` per request: a queryable instance can take part in one request only.
    const reportList = spList(batched, this.siteUrl, 'statusReports');
    const projectList = spList(batched, this.siteUrl, 'projects');
    const reports = (): IItems => reportList.items;
    const projects = (): IItems => projectList.items;
    const values = reportValues(report, true, project.code);
    // Publishing approves (content approval): what readers, the portfolio and the trend see.
    const reportPayload = { ...toPayload('statusReports', values), [MODERATION_STATUS.property]: MODERATION_STATUS.approved };
    const approve = [{ FieldName: MODERATION_STATUS.internalName, FieldValue: String(MODERATION_STATUS.approved) }];
    const reportWrite = settle<RawItem>(known ? reports().getById(known.id).update(reportPayload, reportMatch)
      : addInProjectFolder(batched, this.siteUrl, 'statusReports', project.id, values, approve).then((r) => ({ Id: addedId(r) })));
    const projectWrite = touchProject
      ? settle<RawItem>(projects().getById(project.id).update(toPayload('projects', latest), projectMatch))
      : Promise.resolve(undefined);
    const reportRead = settle<RawItem | RawItem[]>(known
      ? reports().getById(known.id).select(...r.select).expand(...r.expand)<RawItem>()
      : reports().filter(lookupIdFilter('statusReports', 'project', project.id)).select(...r.select).expand(...r.expand)
        .orderBy(internalName('statusReports', 'id'), false).top(1)<RawItem[]>());
    const projectRead = settle<RawItem>(projects().getById(project.id).select(...p.select).expand(...p.expand)<RawItem>());
    await execute();
    const [rw, pw, rr, pr] = await Promise.all([reportWrite, projectWrite, reportRead, projectRead]);

    const reportId = known ? known.id : rw.ok ? (rw.value.Id as number) : undefined;
    const readReport = async (): Promise<StatusReport | undefined> => {
      if (reportId === undefined) return undefined;
      const hit = rr.ok ? (Array.isArray(rr.value) ? rr.value[0] : rr.value) : undefined;
      if (hit && hit.Id === reportId) return mapReport(hit);
      const raw = await spList(this.sp, this.siteUrl, 'statusReports').items.getById(reportId).select(...r.select).expand(...r.expand)<RawItem>();
      return mapReport(raw);
    };
    const readProject = async (): Promise<Project> => pr.ok ? mapProject(pr.value)
      : mapProject(await spList(this.sp, this.siteUrl, 'projects').items.getById(project.id).select(...p.select).expand(...p.expand)<RawItem>());

    if (pw && pw.ok) undone.delete(this.pendingKey(project.id));
    if (rw.ok && (!pw || pw.ok)) {
      written.delete(this.pendingKey(project.id));
      const saved = await readReport();
      return { report: saved as StatusReport, project: await readProject() };
    }

    if (rw.ok) {
      // The report is stored, the project is not: remember the report so a retry updates it.
      const saved = await readReport();
      written.set(this.pendingKey(project.id), { id: reportId as number, etag: saved ? saved.etag : undefined });
      const error = (pw as { ok: false; error: unknown }).error;
      if (httpStatus(error) === 412) {
        const theirs = await readProject();
        // Publishing writes only the latest-status columns. If nobody else changed those (someone
        // edited, say, the unit), there is no conflict to show: write them with the fresh ETag.
        const given = project as unknown as Record<string, unknown>;
        const current = theirs as unknown as Record<string, unknown>;
        if (Object.keys(latest).every((k) => given[k] === current[k]) && theirs.etag) {
          const again = await settle(spList(this.sp, this.siteUrl, 'projects').items.getById(project.id).update(toPayload('projects', latest), theirs.etag));
          if (again.ok) {
            written.delete(this.pendingKey(project.id));
            const fresh = await spList(this.sp, this.siteUrl, 'projects').items.getById(project.id).select(...p.select).expand(...p.expand)<RawItem>();
            return { report: saved as StatusReport, project: mapProject(fresh) };
          }
        }
        throw new ConflictError<Project>({ ...project, ...latest } as Project, theirs);
      }
      throw error;
    }

    // The report we wrote earlier is gone (deleted meanwhile): forget it and publish anew.
    if (!given && pending && httpStatus(rw.error) === 404) {
      written.delete(this.pendingKey(project.id));
      if (!pw || !pw.ok) return this.publishNow(report, project, options);
    }

    // The report was refused. Undo the project half if it went through.
    if (pw && pw.ok) {
      const undo: Record<string, unknown> = {};
      const source = project as unknown as Record<string, unknown>;
      for (const key of Object.keys(latest)) undo[key] = source[key];
      const etag = (pw.value as { etag?: string }).etag;
      const back = await settle(spList(this.sp, this.siteUrl, 'projects').items.getById(project.id).update(toPayload('projects', undo), etag || '*'));
      const after = back.ok ? (back.value as { etag?: string }).etag : undefined;
      if (after && project.etag) undone.set(this.pendingKey(project.id), { from: project.etag, to: after });
    }
    const error = rw.error;
    if (httpStatus(error) === 412 && known) {
      throw new ConflictError<StatusReport | NewItem<StatusReport>>(report, (await readReport()) as StatusReport);
    }
    if (pw && !pw.ok && httpStatus(pw.error) === 412) {
      throw new ConflictError<Project>({ ...project, ...latest } as Project, await readProject());
    }
    throw error;
  }
}

