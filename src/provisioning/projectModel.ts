import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security';
import '@pnp/sp/batching';
import { FILE_SYSTEM_OBJECT_TYPE, ITEM_PATH, getList, internalName, MODERATION_STATUS, type ListKey, type ListSchema } from '../schema';
import { readAll } from '../services/listItems';
import { roleDefinitionId } from '../services/itemPermissions';
import { addedId, folderFormValues, projectFolderLists, type FormResult } from '../services/projectFolders';
import { listServerUrl } from './plan';
import { httpStatus } from '../services/odata';

/** The schema version that brought per-project folders and content approval on Status Reports. */
export const PROJECT_MODEL_SINCE = 8;

/** Operations per $batch: the size the seed uses too (@pnp/sp would split at 20 unless told). */
const BATCH = 100;

export async function inBatches<T>(sp: SPFI, rows: readonly T[], op: (batched: SPFI, row: T) => Promise<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const [batched, execute] = sp.batched({ maxRequests: BATCH });
    const pending = Promise.all(rows.slice(i, i + BATCH).map((r) => op(batched, r)));
    await execute();
    out.push(...await pending);
  }
  return out;
}

/**
 * Data, not schema (schema 8): brings a site's items under the per-project model, in $batch
 * requests (a few per 100 projects), so it costs the same on a fresh seed and on an upgrade.
 * - every project with a leader gets its folder in each `projectFolders` list (approved where the
 *   list has content approval, so readers can open it), with its own permissions: the list's,
 *   copied, plus the schema's role for the leader. A folder that already has its own permissions
 *   is left alone: a later change of leader is the project save's (ProjectEditingService).
 * - items added before folders existed stay where they are (no per-item work, no unique scope):
 *   at the list's root they inherit the list's permissions, so leaders read them and the PMO edits
 *   them. Moving them was weighed and left out: SharePoint documents MoveCopyUtil for files and
 *   folders, not for list items [verify], and re-adding an item loses its ID, author and versions.
 * - where content approval is switched on, existing items count as approved [verify: SharePoint
 *   Online marks existing items Approved when approval is enabled]; the unpublished reports among
 *   them are set back to Pending, so only their authors and the approvers see them.
 * Idempotent: a second run writes nothing. Returns the number of writes.
 */
export async function applyProjectModel(sp: SPFI, webPath: string): Promise<number> {
  const projectList = getList('projects') as ListSchema;
  const leaderField = `${internalName('projects', 'leader')}Id`;
  const projects = await readAll(sp.web.getList(listServerUrl(webPath, projectList)).items.select('Id', leaderField));
  const leaders = new Map<number, number>();
  for (const p of projects) if (typeof p[leaderField] === 'number') leaders.set(p.Id as number, p[leaderField] as number);
  let changes = 0;
  for (const list of projectFolderLists) {
    const key = list.key as ListKey;
    const rule = list.projectFolders as NonNullable<ListSchema['projectFolders']>;
    // A site not yet at schema 8 has no level to give (seeding an older site): nothing to do.
    const roleId = await roleDefinitionId(sp, rule.role).catch(() => undefined);
    if (roleId === undefined) continue;
    const url = listServerUrl(webPath, list);
    // A list the site does not have (its profile leaves it out, or an older schema): nothing to do there.
    const settings = await sp.web.getList(url).select('EnableModeration')<{ EnableModeration: boolean }>().catch((e: unknown) => {
      if (httpStatus(e) === 404) return undefined;
      throw e;
    });
    if (!settings) continue;
    const moderated = settings.EnableModeration;
    const published = list.moderation ? internalName(key, 'published' as never) : undefined;
    const rows = await readAll(sp.web.getList(url).items.select(
      'Id', FILE_SYSTEM_OBJECT_TYPE.property, ITEM_PATH.url, ITEM_PATH.folder, 'HasUniqueRoleAssignments',
      ...(published && moderated ? [published, MODERATION_STATUS.property] : [])));
    const folders = new Map<number, { id: number; unique: boolean }>();
    for (const r of rows) {
      if (r[FILE_SYSTEM_OBJECT_TYPE.property] !== FILE_SYSTEM_OBJECT_TYPE.folder || String(r[ITEM_PATH.folder]).toLowerCase() !== url.toLowerCase()) continue;
      const name = Number(String(r[ITEM_PATH.url]).split('/').pop());
      if (Number.isInteger(name)) folders.set(name, { id: r.Id as number, unique: r.HasUniqueRoleAssignments === true });
    }
    const missing = [...leaders.keys()].filter((p) => !folders.has(p));
    const created = await inBatches(sp, missing, (b, projectId) =>
      b.web.getList(url).addValidateUpdateItemUsingPath(folderFormValues(moderated), url, false, undefined,
        { leafName: String(projectId), objectType: 1 }) as Promise<FormResult[]>);
    missing.forEach((projectId, i) => folders.set(projectId, { id: addedId(created[i] as FormResult[]), unique: false }));
    changes += missing.length;
    const toShare = [...leaders].filter(([p]) => !folders.get(p)?.unique);
    await inBatches(sp, toShare, async (b, [projectId, leaderId]) => {
      const folder = b.web.getList(url).items.getById((folders.get(projectId) as { id: number }).id);
      // In one $batch, in order: the copy of the list's assignments, then the leader's.
      await Promise.all([folder.breakRoleInheritance(true, false), folder.roleAssignments.add(leaderId, roleId)]);
    });
    changes += toShare.length;
    if (published && moderated) {
      const drafts = rows.filter((r) => r[FILE_SYSTEM_OBJECT_TYPE.property] !== FILE_SYSTEM_OBJECT_TYPE.folder && r[published] !== true
        && r[MODERATION_STATUS.property] !== MODERATION_STATUS.pending);
      await inBatches(sp, drafts, (b, r) => b.web.getList(url).items.getById(r.Id as number)
        .update({ [MODERATION_STATUS.property]: MODERATION_STATUS.pending }));
      changes += drafts.length;
    }
  }
  return changes;
}
