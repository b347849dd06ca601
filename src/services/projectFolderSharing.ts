import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { internalName, type FieldKey, type ListKey, type ListSchema } from '../schema';
import { httpStatus } from './odata';
import { listUrl } from './ProjectService';
import { roleDefinitionId, shareItemWithPeople, shareItemWithPerson } from './itemPermissions';
import { lookupIdFilter, readAll, spList } from './listItems';
import { ensureProjectFolder, projectFolderLists } from './projectFolders';

// The PMO's part of saving a project or a benefit: giving people their roles on the project's item and
// folders (projectFolders.ts). A module of its own, loaded when such a save first happens: readers and
// leaders, who never share anything, do not load it with the page.
export { roleDefinitionId, shareItemWithPerson };

/**
 * The people a list's folder rule names besides the leader (schema `projectFolders.people`): the
 * person in that field of each item of the project in that list — one read on the indexed project
 * lookup, so safe past 5,000 items. Folders have no project, so they are not among them.
 */
export async function folderPeople(sp: SPFI, siteUrl: string, list: ListSchema, projectId: number): Promise<number[]> {
  const from = list.projectFolders?.people;
  if (!from) return [];
  const key = from.list as ListKey;
  const field = `${internalName(key, from.field as FieldKey<ListKey>)}Id`;
  const rows = await readAll(spList(sp, siteUrl, key).items.select('Id', field).filter(lookupIdFilter(key, 'project' as FieldKey<ListKey>, projectId)));
  return [...new Set(rows.map((r) => r[field]).filter((id): id is number => typeof id === 'number' && id > 0))];
}

/**
 * The project's folders in every such list (or only `only`), with the leader's role there — and
 * the rule's other people's (benefit owners) — a previous leader's or owner's taken away. The
 * PMO's part of saving a project or a benefit; idempotent.
 */
export async function shareProjectFolders(sp: SPFI, siteUrl: string, projectId: number, leaderId: number | undefined,
  only?: readonly ListKey[]): Promise<void> {
  for (const list of projectFolderLists) {
    if (only && !only.includes(list.key as ListKey)) continue;
    const rule = list.projectFolders as NonNullable<ListSchema['projectFolders']>;
    const people = [...(leaderId !== undefined && leaderId > 0 ? [leaderId] : []), ...await folderPeople(sp, siteUrl, list, projectId).catch((e: unknown) => {
      if (httpStatus(e) === 404) return [];
      throw e;
    })];
    // No leader and nobody else: the folder inherits the list (leaders read there), as a leaderless project's.
    if (!people.length) continue;
    const folderId = await ensureProjectFolder(sp, siteUrl, list.key as ListKey, projectId).catch((e: unknown) => {
      // A list the site does not have (its profile leaves the benefits out): no folder to share.
      if (httpStatus(e) === 404) return undefined;
      throw e;
    });
    if (folderId === undefined) continue;
    await shareItemWithPeople(sp, listUrl(siteUrl, list), folderId, people, await roleDefinitionId(sp, rule.role));
  }
}
