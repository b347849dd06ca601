import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';
import { getList, internalName } from '../schema';
import { sitePath } from './ProjectService';
import type { NewItem } from '../model/common';
import type { KeyResult, KeyResultCheckIn, Project, StrategicObjective } from '../model/portfolio';
import { ValidationError } from './errors';
import { fromItem, toPayload } from './mapping';
import { lookupIdFilter, readAll, saveItem, selection, spList, type RawItem } from './listItems';
import { validateFields, type FieldErrors } from './validation';
import { hasPermission, httpStatus, type PermissionMask } from './odata';

export interface OkrData {
  objectives: StrategicObjective[];
  keyResults: KeyResult[];
  checkIns: KeyResultCheckIn[];
  /** Only what the OKR view needs of a project: its code, title, leader and objectives. */
  projects: Project[];
  /** The signed-in user's site user ID: which projects are "yours". */
  me?: number;
  /** SharePoint lets the user add check-ins and change key results (the PMO): never more than it would accept. */
  canCheckIn: boolean;
  /**
   * Where the PMO defines objectives and key results: their lists (server-relative), edited with
   * SharePoint's own forms; the web part edits only progress (check-ins).
   */
  listUrls?: { objectives: string; keyResults: string };
}

export interface CheckInSaved {
  checkIn: KeyResultCheckIn;
  /** The key result as stored after the check-in (its current value and confidence follow the newest check-in). */
  keyResult: KeyResult;
}

export interface IOkrService {
  load(): Promise<OkrData>;
  /** Adds a check-in; when it is the key result's newest, the key result's current value and confidence become its. */
  addCheckIn(checkIn: NewItem<KeyResultCheckIn>, keyResult: KeyResult): Promise<CheckInSaved>;
}

export function validateCheckIn(c: Partial<NewItem<KeyResultCheckIn>>): FieldErrors {
  return validateFields('keyResultCheckIns', { ...c }, ['keyResult', 'checkInDate', 'value', 'confidence', 'comment']);
}

export class SpOkrService implements IOkrService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  private mapCheckIn(raw: RawItem): KeyResultCheckIn {
    return fromItem<KeyResultCheckIn>('keyResultCheckIns', raw);
  }

  /** Every list read page by page (readAll): threshold-safe however many check-ins or projects there are. */
  public async load(): Promise<OkrData> {
    const o = selection('strategicObjectives');
    const k = selection('keyResults');
    const c = selection('keyResultCheckIns', ['author']);
    const p = selection('projects');
    const want = ['ID', 'Id', internalName('projects', 'code'), internalName('projects', 'title'), internalName('projects', 'phase')];
    const projectSelect = p.select.filter((s) => want.includes(s) || s.startsWith(`${internalName('projects', 'leader')}/`) || s.startsWith(`${internalName('projects', 'strategicObjectives')}/`));
    const projectExpand = p.expand.filter((e) => e === internalName('projects', 'leader') || e === internalName('projects', 'strategicObjectives'));
    const [objectives, keyResults, checkIns, projects, me, canCheckIn] = await Promise.all([
      readAll(spList(this.sp, this.siteUrl, 'strategicObjectives').items.select(...o.select).expand(...o.expand)),
      readAll(spList(this.sp, this.siteUrl, 'keyResults').items.select(...k.select).expand(...k.expand)),
      readAll(spList(this.sp, this.siteUrl, 'keyResultCheckIns').items.select(...c.select).expand(...c.expand)),
      readAll(spList(this.sp, this.siteUrl, 'projects').items.select(...projectSelect).expand(...projectExpand)),
      this.sp.web.currentUser.select('Id')<{ Id: number }>().then((u) => u.Id, () => undefined),
      this.canCheckIn()
    ]);
    return {
      objectives: objectives.map((r) => fromItem<StrategicObjective>('strategicObjectives', r)),
      keyResults: keyResults.map((r) => fromItem<KeyResult>('keyResults', r)),
      checkIns: checkIns.map((r) => this.mapCheckIn(r)),
      projects: projects.map((r) => {
        const project = fromItem<Project>('projects', r);
        return { ...project, strategicObjectives: project.strategicObjectives ?? [], criteriaScores: {} };
      }),
      me,
      canCheckIn,
      listUrls: { objectives: `${sitePath(this.siteUrl)}/${getList('strategicObjectives').url}`, keyResults: `${sitePath(this.siteUrl)}/${getList('keyResults').url}` }
    };
  }

  private async canCheckIn(): Promise<boolean> {
    try {
      const [checkIns, keyResults] = await Promise.all([
        spList(this.sp, this.siteUrl, 'keyResultCheckIns').getCurrentUserEffectivePermissions() as unknown as Promise<PermissionMask>,
        spList(this.sp, this.siteUrl, 'keyResults').getCurrentUserEffectivePermissions() as unknown as Promise<PermissionMask>
      ]);
      return hasPermission(checkIns, PermissionKind.AddListItems) && hasPermission(keyResults, PermissionKind.EditListItems);
    } catch (e) {
      if (httpStatus(e) === 403 || httpStatus(e) === 404) return false;
      throw e;
    }
  }

  public async addCheckIn(checkIn: NewItem<KeyResultCheckIn>, keyResult: KeyResult): Promise<CheckInSaved> {
    const errors = validateCheckIn(checkIn);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const saved = await saveItem<'keyResultCheckIns', KeyResultCheckIn>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'keyResultCheckIns', mine: checkIn,
      payload: toPayload('keyResultCheckIns', {
        title: checkIn.title ?? '', keyResult: { id: keyResult.id }, checkInDate: checkIn.checkInDate, value: checkIn.value,
        confidence: checkIn.confidence ?? null, comment: checkIn.comment ?? ''
      }),
      findNew: (items) => items,
      extraSelect: ['author'],
      map: (r) => this.mapCheckIn(r)
    });
    // A check-in dated before the newest one fills in history; it does not turn back the current value.
    const krCheckIns = await readAll(spList(this.sp, this.siteUrl, 'keyResultCheckIns').items
      .select('ID', internalName('keyResultCheckIns', 'checkInDate'))
      .filter(lookupIdFilter('keyResultCheckIns', 'keyResult', keyResult.id)));
    const dateField = internalName('keyResultCheckIns', 'checkInDate');
    const newer = krCheckIns.some((r) => {
      const d = String(r[dateField] ?? '').slice(0, 10);
      const id = (r.ID ?? r.Id) as number;
      return d > saved.checkInDate || (d === saved.checkInDate && id > saved.id);
    });
    const stored = await spList(this.sp, this.siteUrl, 'keyResults').items.getById(keyResult.id)
      .select(...selection('keyResults').select).expand(...selection('keyResults').expand)<RawItem>();
    const current = fromItem<KeyResult>('keyResults', stored);
    if (newer) return { checkIn: saved, keyResult: current };
    const updated = await saveItem<'keyResults', KeyResult>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'keyResults', mine: current,
      id: current.id, etag: current.etag,
      payload: toPayload('keyResults', { current: saved.value, confidence: saved.confidence ?? null }),
      findNew: (items) => items
    });
    return { checkIn: saved, keyResult: updated };
  }
}
