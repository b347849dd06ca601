import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { internalName, OPEN_RISK_STATUSES } from '../schema';
import type { Risk } from '../model/portfolio';
import type { NewItem } from '../model/common';
import type { IRiskService } from './editing';
import { ValidationError } from './errors';
import { fromItem, toPayload } from './mapping';
import { addInProjectFolder, addedId, ensureProjectFolder, missingFolder } from './projectFolders';
import { deleteItem, inProjectFolder, lookupIdFilter, readAll, saveItem, selection, spList, type RawItem } from './listItems';
import { validateFields, type FieldErrors } from './validation';

function mapRisk(raw: RawItem): Risk {
  const risk = fromItem<Risk>('risks', raw);
  return { ...risk, inProjectFolder: inProjectFolder(raw, risk.project?.id) };
}

/** Probability × impact, or undefined while either is not a whole number 1–5. */
export function riskScore(probability: unknown, impact: unknown): number | undefined {
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5;
  return ok(probability) && ok(impact) ? probability * impact : undefined;
}

export function validateRisk(risk: Risk | NewItem<Risk>): FieldErrors {
  // The score is the service's, never the caller's: validate everything else.
  const values = { ...(risk as unknown as Record<string, unknown>), score: riskScore(risk.probability, risk.impact) };
  const errors = validateFields('risks', values);
  delete errors.score;
  return errors;
}

/** Open statuses first, then by score (highest first), then newest. */
export function compareRisks(a: Risk, b: Risk): number {
  const openA = OPEN_RISK_STATUSES.indexOf(a.status) >= 0 ? 0 : 1;
  const openB = OPEN_RISK_STATUSES.indexOf(b.status) >= 0 ? 0 : 1;
  return openA - openB || (b.score || 0) - (a.score || 0) || b.id - a.id;
}

export class SpRiskService implements IRiskService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  /** Filtered on the indexed project lookup and ordered by the indexed score; open first in memory. */
  public async forProject(projectId: number): Promise<Risk[]> {
    const { select, expand } = selection('risks');
    const rows = await readAll(spList(this.sp, this.siteUrl, 'risks').items
      .select(...select).expand(...expand)
      .filter(lookupIdFilter('risks', 'project', projectId))
      .orderBy(internalName('risks', 'score'), false));
    return rows.map(mapRisk).sort(compareRisks);
  }

  public async saveRisk(risk: Risk | NewItem<Risk>, options: { overwrite?: boolean } = {}): Promise<Risk> {
    const errors = validateRisk(risk);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const id = 'id' in risk && typeof risk.id === 'number' ? risk.id : undefined;
    const values: Record<string, unknown> = {
      title: risk.title, project: risk.project, description: risk.description, probability: risk.probability,
      impact: risk.impact, score: riskScore(risk.probability, risk.impact), owner: risk.owner,
      mitigation: risk.mitigation, status: risk.status, due: risk.due
    };
    const save = (): Promise<Risk> => saveItem<'risks', Risk>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'risks', mine: risk,
      id, etag: id !== undefined ? (risk as Risk).etag : undefined, overwrite: options.overwrite,
      payload: toPayload('risks', values),
      // New risks go in the project's folder, where its leader may add (projectFolders.ts).
      addNew: (batched) => addInProjectFolder(batched, this.siteUrl, 'risks', risk.project.id, values).then(addedId),
      findNew: (items) => items.filter(lookupIdFilter('risks', 'project', risk.project.id)),
      map: mapRisk
    });
    // A project without a leader has no folder yet (a leader's projects have theirs: the PMO's
    // save made them): the PMO's first add makes it, then adds again.
    return id !== undefined ? save() : save().catch(async (e) => {
      if (!missingFolder(e)) throw e;
      await ensureProjectFolder(this.sp, this.siteUrl, 'risks', risk.project.id);
      return save();
    });
  }

  public async deleteRisk(risk: Risk): Promise<void> {
    await deleteItem(this.sp, this.siteUrl, 'risks', risk, mapRisk);
  }
}
