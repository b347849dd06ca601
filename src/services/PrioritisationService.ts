import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';
import type { CriteriaScores, PrioritisationCriterion, Project } from '../model/portfolio';
import type { NewItem } from '../model/common';
import { ValidationError } from './errors';
import { fromItem, toPayload } from './mapping';
import { hasPermission, httpStatus, settle, type PermissionMask, type Settled } from './odata';
import { readAll, saveItem, selection, spList, type RawItem } from './listItems';
import { validateFields, type FieldErrors } from './validation';
import { parseCriteriaScores, priorityScore } from './scoring';
import { PORTFOLIO_PROJECT_FIELDS } from './PortfolioService';

/** Who may change the scoring model and score projects: the PMO, from effective permissions. */
export interface PrioritisationRights {
  /** Add and edit criteria (edit rights on the Prioritisation Criteria list). */
  editCriteria: boolean;
  /**
   * Score projects: edit rights on BOTH lists. Project leaders may edit their projects but not
   * the criteria, and scoring is the PMO's call, not the scored project's.
   */
  scoreProjects: boolean;
}

export const NO_PRIORITISATION_RIGHTS: PrioritisationRights = { editCriteria: false, scoreProjects: false };

export interface IPrioritisationService {
  rights(): Promise<PrioritisationRights>;
  /** Every criterion, active or not (old scores still explain old rankings), in list order. */
  criteria(): Promise<PrioritisationCriterion[]>;
  /** Adds (no id) or updates (id + ETag) a criterion; ConflictError on 412, ValidationError before any request. */
  saveCriterion(criterion: PrioritisationCriterion | NewItem<PrioritisationCriterion>, options?: { overwrite?: boolean }): Promise<PrioritisationCriterion>;
  /**
   * Writes a project's criteriaScores and its priorityScore, recomputed from `scores` and
   * `criteria` (never taken from the caller), with the project's ETag. Returns the project as saved.
   */
  saveScores(project: Project, scores: CriteriaScores, criteria: readonly PrioritisationCriterion[], options?: { overwrite?: boolean }): Promise<Project>;
}

export function validateCriterion(c: PrioritisationCriterion | NewItem<PrioritisationCriterion>): FieldErrors {
  return validateFields('prioritisationCriteria', c as unknown as Record<string, unknown>);
}

/** Each score must be a number from 0 to its criterion's scale; scores of unknown criteria are refused. */
export function validateScores(scores: CriteriaScores, criteria: readonly PrioritisationCriterion[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const [id, v] of Object.entries(scores)) {
    const c = criteria.find((x) => String(x.id) === id);
    if (!c) errors[id] = 'invalid';
    else if (typeof v !== 'number' || !Number.isFinite(v)) errors[id] = 'notANumber';
    else if (v < 0) errors[id] = 'tooSmall';
    else if (v > c.scale) errors[id] = 'tooLarge';
  }
  return errors;
}

function mapCriterion(raw: RawItem): PrioritisationCriterion {
  return fromItem<PrioritisationCriterion>('prioritisationCriteria', raw);
}

export class SpPrioritisationService implements IPrioritisationService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  /** Both lists' effective permissions in one `$batch`; hides commands only, the server still decides. */
  public async rights(): Promise<PrioritisationRights> {
    const [batched, execute] = this.sp.batched();
    const criteria = settle(spList(batched, this.siteUrl, 'prioritisationCriteria').getCurrentUserEffectivePermissions() as Promise<PermissionMask>);
    const projects = settle(spList(batched, this.siteUrl, 'projects').getCurrentUserEffectivePermissions() as Promise<PermissionMask>);
    await execute();
    const mask = async (p: Promise<Settled<PermissionMask>>): Promise<PermissionMask | undefined> => {
      const r = await p;
      if (r.ok) return r.value;
      if (httpStatus(r.error) === 403 || httpStatus(r.error) === 404) return undefined;
      throw r.error;
    };
    const [c, p] = await Promise.all([mask(criteria), mask(projects)]);
    const editCriteria = hasPermission(c, PermissionKind.EditListItems) && hasPermission(c, PermissionKind.AddListItems);
    return { editCriteria, scoreProjects: hasPermission(c, PermissionKind.EditListItems) && hasPermission(p, PermissionKind.EditListItems) };
  }

  /** A small curated list: one page of up to 5,000, ordered by ID. */
  public async criteria(): Promise<PrioritisationCriterion[]> {
    const { select, expand } = selection('prioritisationCriteria');
    const rows = await readAll(spList(this.sp, this.siteUrl, 'prioritisationCriteria').items.select(...select).expand(...expand).orderBy('ID', true));
    return rows.map(mapCriterion);
  }

  public async saveCriterion(criterion: PrioritisationCriterion | NewItem<PrioritisationCriterion>, options: { overwrite?: boolean } = {}): Promise<PrioritisationCriterion> {
    const values = { ...criterion, title: criterion.title?.trim() ?? '' };
    const errors = validateCriterion(values);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const id = 'id' in criterion && typeof criterion.id === 'number' ? criterion.id : undefined;
    return saveItem<'prioritisationCriteria', PrioritisationCriterion>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'prioritisationCriteria', mine: criterion,
      id, etag: id !== undefined ? (criterion as PrioritisationCriterion).etag : undefined, overwrite: options.overwrite,
      payload: toPayload('prioritisationCriteria', {
        title: values.title, weight: values.weight, scale: values.scale, description: values.description ?? '', active: values.active
      }),
      // No indexed column tells a new criterion apart; the newest item by ID is checked against the new ID.
      findNew: (items) => items,
      map: mapCriterion
    });
  }

  public async saveScores(project: Project, scores: CriteriaScores, criteria: readonly PrioritisationCriterion[], options: { overwrite?: boolean } = {}): Promise<Project> {
    const clean: CriteriaScores = {};
    for (const [k, v] of Object.entries(scores)) if (v !== undefined && v !== null) clean[k] = v;
    const errors = validateScores(clean, criteria);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    // Scores of criteria not in `criteria` (e.g. deleted ones) are kept as they were: this save changes only what it was given.
    const kept = parseCriteriaScores(project.criteriaScores);
    for (const c of criteria) delete kept[String(c.id)];
    const merged = { ...kept, ...clean };
    const total = priorityScore(merged, criteria);
    return saveItem<'projects', Project>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'projects', mine: { ...project, criteriaScores: merged, priorityScore: total },
      id: project.id, etag: project.etag, overwrite: options.overwrite,
      // A project nobody has scored on a counting criterion has no priority score: clear it rather than keep a stale one.
      payload: toPayload('projects', { criteriaScores: merged, priorityScore: total ?? null }),
      extraSelect: [],
      findNew: (items) => items,
      map: (raw) => fromItem<Project>('projects', raw)
    }).then((p) => leanProject(p));
  }
}

/** The saved project in the portfolio's lean shape (what loadProjects gives), so lists can replace it in place. */
function leanProject(p: Project): Project {
  const out: Record<string, unknown> = { id: p.id, etag: p.etag };
  for (const k of PORTFOLIO_PROJECT_FIELDS) if ((p as unknown as Record<string, unknown>)[k] !== undefined) out[k] = (p as unknown as Record<string, unknown>)[k];
  return out as unknown as Project;
}
