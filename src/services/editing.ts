import type { KeyResult, Project, Risk, StatusReport, StrategicObjective } from '../model/portfolio';
import type { LookupRef, NewItem, PersonRef } from '../model/common';

/**
 * The editing side of the control loop (issue 4). Components depend on these interfaces
 * only; @pnp/sp implementations live beside them and are tested against the local SharePoint.
 * Every update sends the item's ETag and throws ConflictError (errors.ts) on 412 unless
 * `overwrite` is set; invalid input throws ValidationError before any request.
 */

/** What the signed-in user may do, from SharePoint's effective permissions on each list. */
export interface EditRights {
  /**
   * `edit`: every project (the PMO). `editLedBy`: the current user's id — they edit the projects
   * they lead, through those projects' own permissions (the permission model, src/schema/groups.ts).
   */
  projects: { add: boolean; edit: boolean; editLedBy?: number };
  /**
   * `add`: for every project (the PMO). `addLedBy`: the current user's id — they add for the
   * projects they lead, in those projects' folders (src/services/projectFolders.ts).
   */
  statusReports: { add: boolean; edit: boolean; addLedBy?: number; folderOnly?: boolean };
  /** `folderOnly`: the rights hold in the project's folder only (a leader's), not for an older item at the list's root. */
  risks: { add: boolean; edit: boolean; delete: boolean; addLedBy?: number; folderOnly?: boolean };
}

export interface IProjectEditingService {
  rights(): Promise<EditRights>;
  /**
   * The rights on one project's reports and risks: what SharePoint would accept from the current
   * user for that project. Where that is enforced (list rights plus the project's own permissions
   * today, per-project add rights later, issue 13) stays behind this method.
   */
  rightsForProject(projectId: number): Promise<EditRights>;
  /** Creates (no id) or updates (id + etag) a project; returns it as saved, with its new ETag. */
  saveProject(project: Project | NewItem<Project>, options?: { overwrite?: boolean }): Promise<Project>;
  /** True when another project already uses the code (case-insensitive), for field-level validation. */
  isCodeTaken(code: string, exceptId?: number): Promise<boolean>;
  strategicObjectives(): Promise<Array<StrategicObjective & { keyResults?: KeyResult[] }>>;
}

export interface IPeopleService {
  /** People of the directory matching the text (Microsoft Graph), for person pickers. */
  search(text: string): Promise<Array<{ email: string; displayName: string; jobTitle?: string; department?: string }>>;
  /** The site user for an e-mail address (SharePoint ensureUser), what person columns store. */
  ensure(email: string): Promise<PersonRef>;
  /** URL of a person's photo, or undefined when none can be shown. */
  photoUrl(email: string): string | undefined;
}

export interface IStatusReportService {
  /** Reports of a project, newest first (filtered on the indexed project column; safe past 5,000). */
  history(projectId: number): Promise<StatusReport[]>;
  /** The newest report (draft or published), to pre-fill the next one. */
  latest(projectId: number): Promise<StatusReport | undefined>;
  saveDraft(report: StatusReport | NewItem<StatusReport>, options?: { overwrite?: boolean }): Promise<StatusReport>;
  /**
   * Publishes the report and writes the project's latest-status fields in ONE $batch,
   * with the project's ETag; returns both as saved.
   */
  publish(report: StatusReport | NewItem<StatusReport>, project: Project, options?: { overwrite?: boolean }): Promise<{ report: StatusReport; project: Project }>;
}

export interface IRiskService {
  /** Risks of a project (indexed project column), open first, by score. */
  forProject(projectId: number): Promise<Risk[]>;
  /** Score = probability × impact is computed by the service, never trusted from input. */
  saveRisk(risk: Risk | NewItem<Risk>, options?: { overwrite?: boolean }): Promise<Risk>;
  deleteRisk(risk: Risk): Promise<void>;
}

export type { LookupRef };
