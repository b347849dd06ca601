import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { getList, internalName, type ListSchema } from '../schema';
import { readAll } from '../services/listItems';
import { toPayload } from '../services/mapping';
import { SpHubSettingsService } from '../services/HubSettingsService';
import { inBatches } from './projectModel';
import { listServerUrl } from './plan';

/** The schema version that moved the PMO's prioritisation off the project items. */
export const PROJECT_PRIORITIES_SINCE = 9;

/**
 * Set in PMO Hub Settings once the copy is done. Without it every later run would copy again the
 * projects that have no priority item, and the retired columns are ones a project's leader can
 * still write on their own project: a run for schema 10 must not turn a leader's hand-written
 * score into the PMO's.
 */
export const PRIORITIES_COPIED_SETTING = 'projectPrioritiesCopied';

/**
 * Data, not schema (schema 9): each project's scores as schema 1-8 kept them on the project item
 * (PMOCriteriaScores, PMOPriorityScore) become its item in Project Priorities, added in $batch
 * requests of 100. The old columns keep their values (nothing is deleted) and are read by nothing
 * any more. The scores text is copied as it was, also when it is not valid JSON: the PMO sees an
 * unscored project and the text is still there. Projects that have an item are left alone, so an
 * interrupted run completes when run again; once done, the setting above makes every later run a
 * read of one small list. Returns the number of writes.
 */
export async function copyProjectPriorities(sp: SPFI, webPath: string): Promise<number> {
  const settings = new SpHubSettingsService(sp, webPath);
  const stored = await settings.readAll();
  if (stored.has(PRIORITIES_COPIED_SETTING)) return 0;
  const scores = internalName('projects', 'criteriaScores');
  const total = internalName('projects', 'priorityScore');
  const code = internalName('projects', 'code');
  const projects = await readAll(sp.web.getList(listServerUrl(webPath, getList('projects') as ListSchema)).items.select('Id', code, scores, total).orderBy('ID', true));
  const target = listServerUrl(webPath, getList('projectPriorities') as ListSchema);
  const projectField = `${internalName('projectPriorities', 'project')}Id`;
  const done = new Set((await readAll(sp.web.getList(target).items.select('Id', projectField).orderBy('ID', true))).map((r) => r[projectField] as number));
  const text = (p: Record<string, unknown>): string => (typeof p[scores] === 'string' ? (p[scores] as string).trim() : '');
  const scored = projects.filter((p) => !done.has(p.Id as number) && ((text(p) !== '' && text(p) !== '{}') || typeof p[total] === 'number'));
  await inBatches(sp, scored, (b, p) => b.web.getList(target).items.add(toPayload('projectPriorities', {
    title: p[code], project: p.Id, criteriaScores: typeof p[scores] === 'string' ? p[scores] : null, priorityScore: typeof p[total] === 'number' ? p[total] : null
  })));
  await settings.write(PRIORITIES_COPIED_SETTING, new Date().toISOString());
  return scored.length + 1;
}
