import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';
import type { CriteriaScores, PrioritisationCriterion, Project, ProjectPriority } from '../model/portfolio';
import type { NewItem } from '../model/common';
import { ConflictError, ValidationError } from './errors';
import { fromItem, toPayload } from './mapping';
import { hasPermission, httpStatus, settle, type PermissionMask, type Settled } from './odata';
import { lookupIdFilter, readAll, saveItem, selection, spList, type RawItem } from './listItems';
import { PAGE_SIZE } from './ProjectService';
import { validateFields, type FieldErrors } from './validation';
import { parseCriteriaScores, priorityScore } from './scoring';
import { PORTFOLIO_PROJECT_FIELDS } from './PortfolioService';

/** Who may change the scoring model and score projects: the PMO, from effective permissions. */
export interface PrioritisationRights {
  /** Add and edit criteria (edit rights on the Prioritisation Criteria list). */
  editCriteria: boolean;
  /**
   * Score projects: edit rights on the criteria and add and edit rights on Project Priorities (the
   * PMO's; leaders and visitors read it). Scoring is the PMO's call, not the scored project's.
   */
  scoreProjects: boolean;
}

export const NO_PRIORITISATION_RIGHTS: PrioritisationRights = { editCriteria: false, scoreProjects: false };

/** What the prioritisation view reads of its own (the projects come from the portfolio's shared read). */
export interface PrioritisationData {
  criteria: PrioritisationCriterion[];
  priorities: ProjectPriority[];
  rights: PrioritisationRights;
}

export interface IPrioritisationService {
  /**
   * The criteria, every project's priority item and the user's rights, in ONE `$batch` (and one
   * more request per further 5,000 scored projects).
   */
  load(): Promise<PrioritisationData>;
  rights(): Promise<PrioritisationRights>;
  /** Every criterion, active or not (old scores still explain old rankings), in list order. */
  criteria(): Promise<PrioritisationCriterion[]>;
  /** Adds (no id) or updates (id + ETag) a criterion; ConflictError on 412, ValidationError before any request. */
  saveCriterion(criterion: PrioritisationCriterion | NewItem<PrioritisationCriterion>, options?: { overwrite?: boolean }): Promise<PrioritisationCriterion>;
  /**
   * Every project's priority item (Project Priorities, schema 9), in pages of 5,000 by ID: one
   * request up to 5,000 scored projects; none on a site without the list (a PMO profile without
   * prioritisation). Merge them into projects with `withPriorities`.
   */
  priorities(): Promise<ProjectPriority[]>;
  /** One project's priority item, by the indexed project lookup; undefined when unscored or on a site without the list. */
  priorityOf(projectId: number): Promise<ProjectPriority | undefined>;
  /**
   * Writes a project's criteriaScores and its priorityScore, recomputed from `scores` and
   * `criteria` (never taken from the caller), to the project's item in Project Priorities (added
   * on its first scoring) with that item's ETag (`project.priority`). Returns the project as saved.
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

  public async load(): Promise<PrioritisationData> {
    const [batched, execute] = this.sp.batched();
    const rights = this.rightsIn(batched).catch(() => NO_PRIORITISATION_RIGHTS);
    const c = selection('prioritisationCriteria');
    // A small curated list: one page. Up to 5,000 priority items in the same `$batch`, the rest after it.
    const criteria = settle(spList(batched, this.siteUrl, 'prioritisationCriteria').items.select(...c.select).expand(...c.expand).orderBy('ID', true).top(PAGE_SIZE)<RawItem[]>());
    const first = settle(this.priorityPage(batched, 0));
    await execute();
    const [r, cr, p] = await Promise.all([rights, criteria, first]);
    if (!cr.ok) throw cr.error;
    if (!p.ok) throw p.error;
    return { criteria: cr.value.map(mapCriterion), priorities: (await this.restOfPriorities(p.value)).map(mapPriority), rights: await r };
  }

  /** Both lists' effective permissions in one `$batch`; hides commands only, the server still decides. */
  public async rights(): Promise<PrioritisationRights> {
    const [batched, execute] = this.sp.batched();
    const rights = this.rightsIn(batched);
    await execute();
    return rights;
  }

  private async rightsIn(batched: SPFI): Promise<PrioritisationRights> {
    const criteria = settle(spList(batched, this.siteUrl, 'prioritisationCriteria').getCurrentUserEffectivePermissions() as Promise<PermissionMask>);
    const priorities = settle(spList(batched, this.siteUrl, 'projectPriorities').getCurrentUserEffectivePermissions() as Promise<PermissionMask>);
    const mask = async (p: Promise<Settled<PermissionMask>>): Promise<PermissionMask | undefined> => {
      const r = await p;
      if (r.ok) return r.value;
      if (httpStatus(r.error) === 403 || httpStatus(r.error) === 404) return undefined;
      throw r.error;
    };
    const [c, p] = await Promise.all([mask(criteria), mask(priorities)]);
    const editCriteria = hasPermission(c, PermissionKind.EditListItems) && hasPermission(c, PermissionKind.AddListItems);
    return {
      editCriteria,
      scoreProjects: hasPermission(c, PermissionKind.EditListItems) && hasPermission(p, PermissionKind.EditListItems) && hasPermission(p, PermissionKind.AddListItems)
    };
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

  /** None on a site without the list (a PMO profile without prioritisation). */
  public async priorities(): Promise<ProjectPriority[]> {
    const first = await this.priorityPage(this.sp, 0).catch((e: unknown) => { if (httpStatus(e) === 404) return undefined; throw e; });
    return first ? (await this.restOfPriorities(first)).map(mapPriority) : [];
  }

  /** 5,000 priority items after ID `after`, in ID order: a filter on ID is answered at any list size. */
  private priorityPage(sp: SPFI, after: number): Promise<RawItem[]> {
    const { select, expand } = selection('projectPriorities');
    const items = spList(sp, this.siteUrl, 'projectPriorities').items.select(...select).expand(...expand);
    return (after > 0 ? items.filter(`ID gt ${after}`) : items).orderBy('ID', true).top(PAGE_SIZE)<RawItem[]>();
  }

  /** The first page and every page after it: a full page means there may be more. */
  private async restOfPriorities(first: RawItem[]): Promise<RawItem[]> {
    const out = [...first];
    let page = first;
    while (page.length === PAGE_SIZE) {
      page = await this.priorityPage(this.sp, Number(page[page.length - 1].Id ?? page[page.length - 1].ID));
      out.push(...page);
    }
    return out;
  }

  public async priorityOf(projectId: number): Promise<ProjectPriority | undefined> {
    const { select, expand } = selection('projectPriorities');
    const rows = await spList(this.sp, this.siteUrl, 'projectPriorities').items.select(...select).expand(...expand)
      .filter(lookupIdFilter('projectPriorities', 'project', projectId)).top(1)<RawItem[]>()
      .catch((e: unknown) => { if (httpStatus(e) === 404) return [] as RawItem[]; throw e; });
    return rows.length ? mapPriority(rows[0]) : undefined;
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
    const base = leanProject(project);
    const id = project.priority?.id;
    const merge = (saved: ProjectPriority): Project =>
      ({ ...base, criteriaScores: saved.criteriaScores, priorityScore: saved.priorityScore, priority: { id: saved.id, etag: saved.etag } });
    const mine = { ...base, criteriaScores: merged, priorityScore: total };
    return saveItem<'projectPriorities', Project>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'projectPriorities', mine,
      id, etag: project.priority?.etag, overwrite: options.overwrite,
      // A project nobody has scored on a counting criterion has no priority score: clear it rather than keep a stale one.
      payload: toPayload('projectPriorities', {
        ...(id === undefined ? { title: project.code, project: project.id } : {}), criteriaScores: merged, priorityScore: total ?? null
      }),
      // The project lookup is indexed and unique: it finds the new item whatever the list's size.
      findNew: (items) => items.filter(lookupIdFilter('projectPriorities', 'project', project.id)),
      map: (raw) => merge(mapPriority(raw))
    }).catch(async (e: unknown) => {
      // Someone scored the project since it was loaded unscored: its item exists now (one per
      // project, a unique column). That is a conflict like a stale ETag, not a failure.
      // [verify: SharePoint Online answers a duplicate value of a unique column with an
      // SPDuplicateValuesFoundException; the local SharePoint sends it with 409]
      if (id === undefined && (httpStatus(e) === 409 || /SPDuplicateValuesFoundException/.test(String((e as Error).message)))) {
        const theirs = await this.priorityOf(project.id);
        if (theirs) throw new ConflictError<Project>(mine, merge(theirs));
      }
      throw e;
    });
  }
}

function mapPriority(raw: RawItem): ProjectPriority {
  return fromItem<ProjectPriority>('projectPriorities', raw);
}

/** The saved project in the portfolio's lean shape (what loadProjects gives), so lists can replace it in place. */
function leanProject(p: Project): Project {
  const out: Record<string, unknown> = { id: p.id, etag: p.etag };
  for (const k of PORTFOLIO_PROJECT_FIELDS) if ((p as unknown as Record<string, unknown>)[k] !== undefined) out[k] = (p as unknown as Record<string, unknown>)[k];
  return out as unknown as Project;
}
