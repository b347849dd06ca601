import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';
import { internalName } from '../schema';
import type { NewItem } from '../model/common';
import type { Project, StrategicObjective } from '../model/portfolio';
import { latestMeasurement, type Benefit, type BenefitMeasurement } from '../model/benefits';
import { ValidationError } from './errors';
import { fromItem, toPayload } from './mapping';
import { hasPermission, httpStatus, type PermissionMask } from './odata';
import { inProjectFolder, lookupIdFilter, readAll, saveItem, selection, spList, type RawItem } from './listItems';
import { checkRange, validateFields, type FieldErrors } from './validation';
import { addInProjectFolder, addedId, ensureProjectFolder, missingFolder } from './projectFolders';

/** What the benefit views need of a project: code, title, phase, leader. */
export type BenefitProject = Pick<Project, 'id' | 'code' | 'title' | 'phase' | 'leader'>;

export interface BenefitData {
  benefits: Benefit[];
  projects: BenefitProject[];
  objectives: Array<Pick<StrategicObjective, 'id' | 'title'>>;
  /** The signed-in user's site user ID: whose projects and benefits are "yours". */
  me?: number;
  /** SharePoint lets the user add and change every benefit (the PMO). */
  canManage: boolean;
}

export interface MeasurementSaved {
  measurement: BenefitMeasurement;
  /** The benefit as stored afterwards: its actual value and last measured date follow the newest measurement. */
  benefit: Benefit;
}

/** What the portfolio's totals read: only the columns the sums need. */
export interface IBenefitTotalsReader {
  /** Every benefit's project, unit, baseline, target, actual and status, page by page. */
  portfolioBenefits(): Promise<Benefit[]>;
}

export interface IBenefitService extends IBenefitTotalsReader {
  /** Every benefit, with the projects and objectives the register filters on. */
  load(): Promise<BenefitData>;
  /** One project's benefits: one read on the indexed project lookup. */
  forProject(projectId: number): Promise<Benefit[]>;
  /** One benefit's measurements, oldest first: one read on the indexed benefit lookup. */
  measurements(benefitId: number): Promise<BenefitMeasurement[]>;
  /** The PMO adds or changes a benefit (in its project's folder; the folder's people follow the owner). */
  saveBenefit(benefit: Benefit | NewItem<Benefit>, options?: { overwrite?: boolean }): Promise<Benefit>;
  /** The project's leader, a benefit owner or the PMO records a measurement; the benefit's actual value follows the newest. */
  recordMeasurement(measurement: NewItem<BenefitMeasurement>, benefit: Benefit): Promise<MeasurementSaved>;
}

const BENEFIT_FORM_KEYS = ['title', 'description', 'project', 'objective', 'owner', 'category', 'unit', 'baseline', 'target',
  'baselineDate', 'targetDate', 'status', 'comment'] as const;

export function validateBenefit(b: Partial<NewItem<Benefit>>): FieldErrors {
  const values = b as unknown as Record<string, unknown>;
  const errors = validateFields('benefits', values, BENEFIT_FORM_KEYS);
  checkRange(errors, values, 'baselineDate', 'targetDate');
  return errors;
}

export function validateMeasurement(m: Partial<NewItem<BenefitMeasurement>>): FieldErrors {
  return validateFields('benefitMeasurements', { ...m }, ['benefit', 'project', 'measuredOn', 'value', 'comment']);
}

function mapBenefit(raw: RawItem): Benefit {
  const b = fromItem<Benefit>('benefits', raw);
  return { ...b, inProjectFolder: inProjectFolder(raw, b.project?.id) };
}

function mapMeasurement(raw: RawItem): BenefitMeasurement {
  return fromItem<BenefitMeasurement>('benefitMeasurements', raw);
}

/** The projects' folders are rows of the list too: they have no project, so they are no benefits. */
const isItem = (b: { project?: unknown }): boolean => !!b.project;

export class SpBenefitService implements IBenefitService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  /** Page by page (readAll): threshold-safe however many benefits and projects there are. */
  public async load(): Promise<BenefitData> {
    const b = selection('benefits');
    const o = ['Id', internalName('strategicObjectives', 'title')];
    const p = selection('projects', ['id']);
    const want = ['Id', internalName('projects', 'code'), internalName('projects', 'title'), internalName('projects', 'phase')];
    const leader = internalName('projects', 'leader');
    const [benefits, objectives, projects, me, canManage] = await Promise.all([
      readAll(spList(this.sp, this.siteUrl, 'benefits').items.select(...b.select).expand(...b.expand)),
      readAll(spList(this.sp, this.siteUrl, 'strategicObjectives').items.select(...o)),
      readAll(spList(this.sp, this.siteUrl, 'projects').items
        .select(...p.select.filter((s) => want.includes(s) || s.startsWith(`${leader}/`))).expand(leader)),
      this.sp.web.currentUser.select('Id')<{ Id: number }>().then((u) => u.Id, () => undefined),
      this.canManage()
    ]);
    return {
      benefits: benefits.map(mapBenefit).filter(isItem),
      objectives: objectives.map((r) => ({ id: r.Id as number, title: String(r[internalName('strategicObjectives', 'title')] ?? '') })),
      projects: projects.map((r) => {
        const x = fromItem<Project>('projects', r);
        return { id: x.id, code: x.code, title: x.title, phase: x.phase, leader: x.leader };
      }),
      me,
      canManage
    };
  }

  private async canManage(): Promise<boolean> {
    try {
      const mask = await spList(this.sp, this.siteUrl, 'benefits').getCurrentUserEffectivePermissions() as unknown as PermissionMask;
      return hasPermission(mask, PermissionKind.AddListItems);
    } catch (e) {
      if (httpStatus(e) === 403 || httpStatus(e) === 404) return false;
      throw e;
    }
  }

  public async portfolioBenefits(): Promise<Benefit[]> {
    const { select, expand } = selection('benefits');
    const keep = ['Id', ...(['unit', 'baseline', 'target', 'actual', 'status', 'title'] as const).map((k) => internalName('benefits', k))];
    const project = internalName('benefits', 'project');
    // A site whose profile has no benefits list has no benefits (404), not an error.
    const rows = await readAll(spList(this.sp, this.siteUrl, 'benefits').items
      .select(...select.filter((x) => keep.includes(x) || x.startsWith(`${project}/`))).expand(...expand.filter((x) => x === project)))
      .catch((e: unknown) => { if (httpStatus(e) === 404) return []; throw e; });
    return rows.map((r) => fromItem<Benefit>('benefits', r)).filter(isItem);
  }

  public async forProject(projectId: number): Promise<Benefit[]> {
    const { select, expand } = selection('benefits');
    // A site whose profile has no benefits list: no benefits (404), not an error.
    const rows = await readAll(spList(this.sp, this.siteUrl, 'benefits').items.select(...select).expand(...expand)
      .filter(lookupIdFilter('benefits', 'project', projectId)))
      .catch((e: unknown) => { if (httpStatus(e) === 404) return []; throw e; });
    return rows.map(mapBenefit);
  }

  public async measurements(benefitId: number): Promise<BenefitMeasurement[]> {
    const { select, expand } = selection('benefitMeasurements', ['author']);
    const rows = await readAll(spList(this.sp, this.siteUrl, 'benefitMeasurements').items.select(...select).expand(...expand)
      .filter(lookupIdFilter('benefitMeasurements', 'benefit', benefitId)));
    return rows.map(mapMeasurement).sort((a, b) => (a.measuredOn === b.measuredOn ? a.id - b.id : a.measuredOn < b.measuredOn ? -1 : 1));
  }

  public async saveBenefit(benefit: Benefit | NewItem<Benefit>, options: { overwrite?: boolean } = {}): Promise<Benefit> {
    const errors = validateBenefit(benefit);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const id = 'id' in benefit && typeof benefit.id === 'number' ? benefit.id : undefined;
    const source = benefit as unknown as Record<string, unknown>;
    const values: Record<string, unknown> = {};
    for (const key of BENEFIT_FORM_KEYS) values[key] = source[key];
    // The measured values are the measurements' (recordMeasurement); a new benefit may start with one typed in.
    if (id === undefined) for (const key of ['actual', 'lastMeasured'] as const) if (source[key] !== undefined) values[key] = source[key];
    const projectId = benefit.project.id;
    const save = (): Promise<Benefit> => saveItem<'benefits', Benefit>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'benefits', mine: benefit,
      id, etag: id !== undefined ? (benefit as Benefit).etag : undefined, overwrite: options.overwrite,
      payload: toPayload('benefits', values),
      addNew: (batched) => addInProjectFolder(batched, this.siteUrl, 'benefits', projectId, values).then(addedId),
      findNew: (items) => items.filter(lookupIdFilter('benefits', 'project', projectId)),
      map: mapBenefit
    });
    const saved = id !== undefined ? await save() : await save().catch(async (e) => {
      if (!missingFolder(e)) throw e;
      await ensureProjectFolder(this.sp, this.siteUrl, 'benefits', projectId);
      return save();
    });
    await this.shareFolders(projectId);
    return saved;
  }

  /**
   * The permission model: the project's folders in both benefit lists give its leader and every
   * owner of its benefits their level (src/schema/benefits.ts); a previous owner loses it. Only
   * the PMO (Manage Permissions) sets them.
   */
  private async shareFolders(projectId: number): Promise<void> {
    const leaderField = `${internalName('projects', 'leader')}Id`;
    const project = await spList(this.sp, this.siteUrl, 'projects').items.getById(projectId).select('Id', leaderField)<RawItem>();
    const leader = typeof project[leaderField] === 'number' ? project[leaderField] as number : undefined;
    const sharing = await import(/* webpackChunkName: 'project-sharing' */ './projectFolderSharing');
    await sharing.shareProjectFolders(this.sp, this.siteUrl, projectId, leader, ['benefits', 'benefitMeasurements']);
  }

  public async recordMeasurement(measurement: NewItem<BenefitMeasurement>, benefit: Benefit): Promise<MeasurementSaved> {
    const m = { ...measurement, benefit: { id: benefit.id, title: benefit.title }, project: benefit.project };
    const errors = validateMeasurement(m);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const values: Record<string, unknown> = {
      // SharePoint keeps Title required on a list it creates: the service fills it, so list views stay readable.
      title: m.title || `${benefit.title} ${m.measuredOn}`.slice(0, 255), benefit: m.benefit, project: m.project, measuredOn: m.measuredOn, value: m.value, comment: m.comment ?? ''
    };
    // Added in the project's folder, where its leader and benefit owners may add (never change).
    const save = (): Promise<BenefitMeasurement> => saveItem<'benefitMeasurements', BenefitMeasurement>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'benefitMeasurements', mine: m,
      payload: toPayload('benefitMeasurements', values),
      addNew: (batched) => addInProjectFolder(batched, this.siteUrl, 'benefitMeasurements', benefit.project.id, values).then(addedId),
      findNew: (items) => items.filter(lookupIdFilter('benefitMeasurements', 'benefit', benefit.id)),
      extraSelect: ['author'],
      map: mapMeasurement
    });
    const saved = await save().catch(async (e) => {
      // A benefit added before its project had a folder: the PMO makes it; anyone else gets the refusal.
      if (!missingFolder(e)) throw e;
      await ensureProjectFolder(this.sp, this.siteUrl, 'benefitMeasurements', benefit.project.id);
      return save();
    });
    // A measurement dated before the newest one fills in history; it does not turn back the actual value.
    const history = await this.measurements(benefit.id);
    const current = await spList(this.sp, this.siteUrl, 'benefits').items.getById(benefit.id)
      .select(...selection('benefits').select).expand(...selection('benefits').expand)<RawItem>().then(mapBenefit);
    if (latestMeasurement(history)?.id !== saved.id) return { measurement: saved, benefit: current };
    const updated = await saveItem<'benefits', Benefit>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'benefits', mine: current, id: current.id, etag: current.etag,
      payload: toPayload('benefits', { actual: saved.value, lastMeasured: saved.measuredOn }),
      findNew: (items) => items,
      map: mapBenefit
    });
    return { measurement: saved, benefit: updated };
  }
}
