import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/folders';
import '@pnp/sp/batching';
import { getList, lists, MODERATION_STATUS, type ListKey, type ListSchema } from '../schema';
import { toFormValues } from './mapping';
import { httpStatus, settle } from './odata';
import { listUrl } from './ProjectService';
import { spList } from './listItems';

/**
 * Per-project folders (src/schema/groups.ts, README "Permissions"): a list with `projectFolders`
 * holds each project's items in a folder named by the project's ID, whose own permissions give the
 * project's leader the schema's role there. Adding in that folder is checked against the folder,
 * so a leader adds only for the projects they lead. Reads are unaffected: the list's items are
 * queried as before (filtered on the indexed project lookup); folders have no project, so no
 * filter on it returns them.
 */

/** SP.ListItemFormUpdateValue as AddValidateUpdateItemUsingPath answers (the wire has null where this says absent). */
export interface FormResult { FieldName: string; FieldValue?: string; HasException: boolean; ErrorMessage?: string }

/** Lists that keep one folder per project. */
export const projectFolderLists: readonly ListSchema[] = lists.filter((l) => !!l.projectFolders);

export function projectFolderUrl(siteUrl: string, listKey: ListKey, projectId: number): string {
  return `${listUrl(siteUrl, getList(listKey) as ListSchema)}/${projectId}`;
}

/** The new item's ID from an AddValidateUpdateItemUsingPath answer, or the form's refusal as an error. */
export function addedId(results: FormResult[]): number {
  const failed = results.filter((r) => r.HasException);
  if (failed.length) {
    throw Object.assign(new Error(`SharePoint refused: ${failed.map((r) => `${r.FieldName}: ${r.ErrorMessage ?? ''}`).join('; ')}`), { status: 400 });
  }
  const id = Number(results.find((r) => r.FieldName === 'Id')?.FieldValue);
  if (!(id > 0)) throw new Error('SharePoint did not report the new item\'s ID.');
  return id;
}

/** Adds an item in the project's folder; resolves to the answer (see addedId). */
export function addInProjectFolder(sp: SPFI, siteUrl: string, listKey: ListKey, projectId: number, values: Record<string, unknown>,
  extra: Array<{ FieldName: string; FieldValue: string }> = []): Promise<FormResult[]> {
  return spList(sp, siteUrl, listKey).addValidateUpdateItemUsingPath(
    [...toFormValues(listKey, values), ...extra], projectFolderUrl(siteUrl, listKey, projectId)) as Promise<FormResult[]>;
}

/**
 * An add into a folder that does not exist: 404 on the local SharePoint [verify: the status and
 * error SharePoint Online gives for a missing FolderPath].
 */
export function missingFolder(e: unknown): boolean {
  return httpStatus(e) === 404;
}

/**
 * A new folder's form values: approved where the list has content approval (the PMO creates it,
 * an approver), else SharePoint keeps it pending and readers could not open it [verify].
 */
export function folderFormValues(moderated: boolean): Array<{ FieldName: string; FieldValue: string }> {
  return moderated ? [{ FieldName: MODERATION_STATUS.internalName, FieldValue: String(MODERATION_STATUS.approved) }] : [];
}

/**
 * The folder's item ID, creating the folder when it is missing. Needs Add Items on the list (the PMO).
 * The look-up goes in a $batch with the list's settings: one request, and a missing folder is an
 * answer inside it rather than a failed request in the browser.
 */
export async function ensureProjectFolder(sp: SPFI, siteUrl: string, listKey: ListKey, projectId: number): Promise<number> {
  const url = projectFolderUrl(siteUrl, listKey, projectId);
  const [batched, execute] = sp.batched();
  const found = settle<{ Id: number }>(batched.web.getFolderByServerRelativePath(url).listItemAllFields.select('Id')<{ Id: number }>());
  const settings = settle<{ EnableModeration: boolean }>(spList(batched, siteUrl, listKey).select('EnableModeration')<{ EnableModeration: boolean }>());
  await execute();
  const [folder, list] = await Promise.all([found, settings]);
  if (folder.ok) return folder.value.Id;
  if (httpStatus(folder.error) !== 404) throw folder.error;
  if (!list.ok) throw list.error;
  const root = listUrl(siteUrl, getList(listKey) as ListSchema);
  const results = await spList(sp, siteUrl, listKey).addValidateUpdateItemUsingPath(
    folderFormValues(list.value.EnableModeration), root, false, undefined, { leafName: String(projectId), objectType: 1 }) as FormResult[];
  return addedId(results);
}
