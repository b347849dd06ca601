import * as path from 'path';
import type { EditRights, IStatusReportService } from '../../../src/services/editing';
import { ALL_CHOICES_UP_TO, SEARCH_RESULTS, type IProjectPickerService, type IProjectService, type ProjectChoices, type ProjectSearch } from '../../../src/services/ProjectService';
import type { Project, StatusReport } from '../../../src/model/portfolio';
import type { NewItem, PersonRef } from '../../../src/model/common';
import { loadAmdFile } from '../loc/amd';

const root = path.resolve(__dirname, '../../..');
export const reportStrings = (locale: string = 'en-us'): IStatusReportsWebPartStrings =>
  loadAmdFile(path.join(root, `src/webparts/statusReports/loc/${locale}.js`)) as IStatusReportsWebPartStrings;
export const commonStrings = (locale: string = 'en-us'): IPmoHubCommonStrings =>
  loadAmdFile(path.join(root, `src/common/loc/${locale}.js`)) as IPmoHubCommonStrings;

export const ALL_RIGHTS: EditRights = {
  projects: { add: true, edit: true }, statusReports: { add: true, edit: true }, risks: { add: true, edit: true, delete: true }
};
export const VISITOR: EditRights = {
  projects: { add: false, edit: false }, statusReports: { add: false, edit: false }, risks: { add: false, edit: false, delete: false }
};

export function project(id: number, over: Partial<Project> = {}): Project {
  return { id, etag: `"p${id},1"`, code: `PMO-${String(id).padStart(3, '0')}`, title: `Project ${id}`, phase: 'Execution', strategicObjectives: [], criteriaScores: {}, ...over };
}

export function report(id: number, over: Partial<StatusReport> = {}): StatusReport {
  return {
    id, etag: `"r${id},1"`, project: { id: 1, title: 'Project 1' }, reportDate: '2026-10-01',
    overall: 'Green', schedule: 'Green', cost: 'Green', scope: 'Green', risk: 'Green',
    summary: `Summary ${id}`, published: true, ...over
  };
}

/** The list's rights; `onProjects` (when given) are the projects the user works on, the others read only. */
export class FakeRights {
  public asked: number[] = [];
  public constructor(public value: EditRights = ALL_RIGHTS, private readonly onProjects?: number[]) {}
  public async rights(): Promise<EditRights> { return this.value; }
  public async rightsForProject(projectId: number): Promise<EditRights> {
    this.asked.push(projectId);
    if (!this.onProjects || this.onProjects.includes(projectId)) return this.value;
    return { ...this.value, statusReports: { add: false, edit: false }, risks: { add: false, edit: false, delete: false } };
  }
}

type Step<T> = T | Error;

/** Records every call; each write answers with the next queued step (an Error is thrown) or echoes the input as saved. */
export class FakeStatusReports implements IStatusReportService {
  public historyCalls = 0;
  public historyFailures: Error[] = [];
  public drafts: Array<{ report: StatusReport | NewItem<StatusReport>; options?: { overwrite?: boolean } }> = [];
  public publishes: Array<{ report: StatusReport | NewItem<StatusReport>; project: Project; options?: { overwrite?: boolean } }> = [];
  public draftSteps: Array<Step<StatusReport>> = [];
  public publishSteps: Array<Step<{ report: StatusReport; project: Project }>> = [];
  private nextId = 100;

  public constructor(public reports: StatusReport[] = []) {}

  public async history(projectId: number): Promise<StatusReport[]> {
    this.historyCalls++;
    const e = this.historyFailures.shift();
    if (e) throw e;
    return this.reports.filter((r) => r.project.id === projectId);
  }

  public async latest(projectId: number): Promise<StatusReport | undefined> {
    return [...this.reports].filter((r) => r.project.id === projectId).sort((a, b) => (a.reportDate < b.reportDate ? 1 : -1))[0];
  }

  public async saveDraft(r: StatusReport | NewItem<StatusReport>, options?: { overwrite?: boolean }): Promise<StatusReport> {
    this.drafts.push({ report: r, options });
    const step = this.draftSteps.shift();
    if (step instanceof Error) throw step;
    const saved = step ?? { ...r, id: 'id' in r ? r.id : this.nextId++, etag: '"new"', published: false } as StatusReport;
    this.reports = [saved, ...this.reports.filter((x) => x.id !== saved.id)];
    return saved;
  }

  public async publish(r: StatusReport | NewItem<StatusReport>, p: Project, options?: { overwrite?: boolean }): Promise<{ report: StatusReport; project: Project }> {
    this.publishes.push({ report: r, project: p, options });
    const step = this.publishSteps.shift();
    if (step instanceof Error) throw step;
    const saved = { ...r, id: 'id' in r ? r.id : this.nextId++, etag: '"new"', published: true } as StatusReport;
    this.reports = [saved, ...this.reports.filter((x) => x.id !== saved.id)];
    return step ?? { report: saved, project: { ...p, etag: '"p,2"', latestOverall: saved.overall, latestReportDate: saved.reportDate } };
  }
}

/**
 * The projects as SharePoint would offer them to a chooser: all of a small list; of a large one the
 * user's own (leader id `meId`) and a code search that, like the threshold, refuses a start matching over 5,000.
 */
export class FakeProjects implements IProjectService, IProjectPickerService {
  public searches: string[] = [];
  public constructor(public projects: Project[], public failures: Error[] = [], public meId: number = 1) {}
  public async projectChoices(): Promise<ProjectChoices> {
    const e = this.failures.shift();
    if (e) throw e;
    const choice = (p: Project): { id: number; code: string; title: string } => ({ id: p.id, code: p.code, title: p.title });
    if (this.projects.length <= ALL_CHOICES_UP_TO) return { choices: this.projects.map(choice), complete: true };
    return { choices: this.projects.filter((p) => p.leader?.id === this.meId).map(choice), complete: false };
  }
  public async findProjects(start: string): Promise<ProjectSearch> {
    this.searches.push(start);
    const found = this.projects.filter((p) => p.code.toLowerCase().startsWith(start.trim().toLowerCase()));
    if (found.length > 5000) return { status: 'tooBroad' };
    return { status: 'found', choices: found.slice(0, SEARCH_RESULTS).map((p) => ({ id: p.id, code: p.code, title: p.title })) };
  }
  public async loadProjects(): Promise<Project[]> {
    const e = this.failures.shift();
    if (e) throw e;
    return this.projects;
  }
  public async getProject(id: number): Promise<Project> {
    const p = this.projects.find((x) => x.id === id);
    if (!p) throw new Error('Item does not exist');
    return p;
  }
  public async currentUser(): Promise<PersonRef> {
    return { id: 1, title: 'Me', email: 'me@contoso.com' };
  }
}
