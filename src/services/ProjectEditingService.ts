import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { PermissionKind } from '@pnp/sp/security';
import { getList, inUse, internalName, type ListKey, type ListSchema } from '../schema';
import type { KeyResult, Project, StrategicObjective } from '../model/portfolio';
import type { NewItem } from '../model/common';
import type { EditRights, IProjectEditingService } from './editing';
import { ValidationError } from './errors';
import { fromItem, toPayload } from './mapping';
import { hasPermission, httpStatus, odataString, settle, type PermissionMask, type Settled } from './odata';
import { ifMatch, saveItem, selection, spList, type RawItem } from './listItems';
import { checkRange, validateFields, type FieldErrors } from './validation';
import { listUrl, PAGE_SIZE } from './ProjectService';

/** Fields only publishing a status report writes (DESIGN rule 6); never sent by an edit of the project. */
export const LATEST_STATUS_KEYS: readonly string[] = [
  'latestOverall', 'latestSchedule', 'latestCost', 'latestScope', 'latestRisk', 'latestPercentComplete', 'latestReportDate'
];

/** Every field key of the Projects list a project form may write. */
function editableKeys(isNew: boolean): string[] {
  return (getList('projects') as ListSchema).fields
    .filter(inUse)
    .map((f) => f.key)
    .filter((k) => isNew || LATEST_STATUS_KEYS.indexOf(k) < 0);
}

/** Validation of a project that needs no request: required, lengths, ranges, choices, end ≥ start. */
export function validateProject(project: Project | NewItem<Project>): FieldErrors {
  const values = project as unknown as Record<string, unknown>;
  const errors = validateFields('projects', values);
  checkRange(errors, values, 'startDate', 'endDate');
  return errors;
}

export class SpProjectEditingService implements IProjectEditingService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  /**
   * What the current user may do, from SharePoint's effective permissions on each list
   * (one `$batch` of three reads). Hides commands only: the server still decides.
   */
  public async rights(): Promise<EditRights> {
    const [batched, execute] = this.sp.batched();
    const read = (key: ListKey): Promise<PermissionMask | undefined> =>
      // GET …/getList(url)/EffectiveBasePermissions; `$select` of that property on the list
      // works on SharePoint Online but not on the local SharePoint, the segment works on both.
      spList(batched, this.siteUrl, key).getCurrentUserEffectivePermissions() as Promise<PermissionMask>;
    const projects = settle(read('projects'));
    const reports = settle(read('statusReports'));
    const risks = settle(read('risks'));
    const me = settle(batched.web.currentUser.select('Id')<{ Id: number }>());
    await execute();
    const mask = async (p: Promise<Settled<PermissionMask | undefined>>): Promise<PermissionMask | undefined> => {
      const r = await p;
      if (r.ok) return r.value;
      // A list the user cannot even see grants nothing; anything else is a real failure.
      if (httpStatus(r.error) === 403 || httpStatus(r.error) === 404) return undefined;
      throw r.error;
    };
    const [p, s, k] = await Promise.all([mask(projects), mask(reports), mask(risks)]);
    const user = await me;
    const led = (getList('projects') as ListSchema).itemPermissions && hasPermission(p, PermissionKind.ViewListItems) && user.ok ? user.value.Id : undefined;
    return {
      projects: {
        add: hasPermission(p, PermissionKind.AddListItems), edit: hasPermission(p, PermissionKind.EditListItems),
        ...(led !== undefined ? { editLedBy: led } : {})
      },
      statusReports: {
        add: hasPermission(s, PermissionKind.AddListItems), edit: hasPermission(s, PermissionKind.EditListItems),
        ...(led !== undefined ? { addLedBy: led } : {})
      },
      risks: {
        add: hasPermission(k, PermissionKind.AddListItems),
        ...(led !== undefined ? { addLedBy: led } : {}),
        edit: hasPermission(k, PermissionKind.EditListItems),
        delete: hasPermission(k, PermissionKind.DeleteListItems)
      }
    };
  }

  /**
   * The list's rights, narrowed to the project: a report or risk belongs to a project its writer
   * works on, and the permission model says who that is through the project item's own
   * permissions (its leader, given Edit on it, and the PMO, who edit every project). A project
   * leader's list-wide Add on Status Reports and Risks is not a right on someone else's project.
   */
  public async rightsForProject(projectId: number): Promise<EditRights> {
    const item = spList(this.sp, this.siteUrl, 'projects').items.getById(projectId).getCurrentUserEffectivePermissions() as Promise<PermissionMask>;
    const [list, mask] = await Promise.all([
      this.rights(),
      item.then((m) => m, (e: unknown) => { if (httpStatus(e) === 403 || httpStatus(e) === 404) return undefined; throw e; })
    ]);
    // Edit on the project item itself: its leader (or the PMO). A leader reads Status Reports and
    // Risks at the list's level and writes in the project's folder (projectFolders.ts), which the
    // PMO's save gives exactly the project's leader.
    const leads = hasPermission(mask, PermissionKind.EditListItems);
    const onProject = list.projects.edit || leads;
    const here = (listRight: boolean): boolean => (listRight || leads) && onProject;
    return {
      projects: list.projects,
      statusReports: { add: here(list.statusReports.add), edit: here(list.statusReports.edit), folderOnly: !list.statusReports.edit },
      risks: { add: here(list.risks.add), edit: here(list.risks.edit), delete: here(list.risks.delete), folderOnly: !list.risks.edit }
    };
  }

  /**
   * Validates (no request unless the local checks pass; then one read for the code's
   * uniqueness), then adds or updates with the ETag and reads the project back in the same
   * `$batch`. Updates never send the latest-status fields: those belong to publishing a
   * status report, and sending the loaded values would undo a publish made meanwhile.
   */
  public async saveProject(project: Project | NewItem<Project>, options: { overwrite?: boolean } = {}): Promise<Project> {
    const errors = validateProject(project);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const id = 'id' in project && typeof project.id === 'number' ? project.id : undefined;
    if (id !== undefined) ifMatch((project as Project).etag, options.overwrite); // no ETag, no update: before any request
    if (await this.isCodeTaken(project.code, id)) throw new ValidationError({ code: 'duplicate' });

    const values: Record<string, unknown> = {};
    const source = project as unknown as Record<string, unknown>;
    for (const key of editableKeys(id === undefined)) if (key in source) values[key] = source[key];
    const codeFilter = `${internalName('projects', 'code')} eq ${odataString(project.code)}`;
    let saved: Project;
    try {
      saved = await saveItem<'projects', Project>({
        sp: this.sp, siteUrl: this.siteUrl, listKey: 'projects', mine: project,
        id, etag: id !== undefined ? (project as Project).etag : undefined, overwrite: options.overwrite,
        payload: toPayload('projects', values),
        findNew: (items) => items.filter(codeFilter)
      });
    } catch (e) {
      // The code column enforces unique values: a project added since our check lands here.
      if (httpStatus(e) === 409) throw new ValidationError({ code: 'duplicate' });
      throw e;
    }
    await this.shareWithLeader(saved);
    return saved;
  }

  /**
   * The permission model (src/schema/groups.ts): a project's leader edits that project and no
   * other, through the project's own item permissions. Only the PMO (Manage Permissions on the
   * list) sets them; a leader saving their own project leaves them as they are.
   */
  private async shareWithLeader(project: Project): Promise<void> {
    const leader = project.leader;
    const rule = (getList('projects') as ListSchema).itemPermissions;
    if (!leader || !(leader.id > 0) || !rule) return;
    const list = spList(this.sp, this.siteUrl, 'projects');
    const mask = await list.getCurrentUserEffectivePermissions() as unknown as PermissionMask;
    if (!hasPermission(mask, PermissionKind.ManagePermissions)) return;
    const sharing = await import(/* webpackChunkName: 'project-sharing' */ './projectFolderSharing');
    await sharing.shareItemWithPerson(this.sp, listUrl(this.siteUrl, getList('projects') as ListSchema), project.id, leader.id, await sharing.roleDefinitionId(this.sp, rule.role));
    // Where the leader adds status reports and risks: the project's folders (projectFolders.ts).
    await sharing.shareProjectFolders(this.sp, this.siteUrl, project.id, leader.id);
  }

  /** Filter on the indexed, unique code column; SharePoint compares text case-insensitively. */
  public async isCodeTaken(code: string, exceptId?: number): Promise<boolean> {
    if (!code || !code.trim()) return false;
    const rows = await spList(this.sp, this.siteUrl, 'projects').items
      .select(internalName('projects', 'id'))
      .filter(`${internalName('projects', 'code')} eq ${odataString(code)}`)
      .top(2)<RawItem[]>();
    return rows.some((r) => (r.Id ?? r.ID) !== exceptId);
  }

  /** Objectives and their key results: two reads in one `$batch`. */
  public async strategicObjectives(): Promise<Array<StrategicObjective & { keyResults?: KeyResult[] }>> {
    const o = selection('strategicObjectives');
    const k = selection('keyResults');
    const [batched, execute] = this.sp.batched();
    // Small curated lists; one page each (a batch cannot follow odata.nextLink).
    const objectives = spList(batched, this.siteUrl, 'strategicObjectives').items.select(...o.select).expand(...o.expand)
      .orderBy(internalName('strategicObjectives', 'id'), true).top(PAGE_SIZE)<RawItem[]>();
    const keyResults = spList(batched, this.siteUrl, 'keyResults').items.select(...k.select).expand(...k.expand)
      .orderBy(internalName('keyResults', 'id'), true).top(PAGE_SIZE)<RawItem[]>();
    const both = Promise.all([objectives, keyResults]);
    await execute();
    const [rawObjectives, rawKeyResults] = await both;
    const krs = rawKeyResults.map((r) => fromItem<KeyResult>('keyResults', r));
    return rawObjectives.map((r) => {
      const objective = fromItem<StrategicObjective>('strategicObjectives', r);
      return { ...objective, keyResults: krs.filter((kr) => kr.objective && kr.objective.id === objective.id) };
    });
  }
}
