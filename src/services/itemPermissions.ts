import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security';
import '@pnp/sp/batching';
import { roleDefinitions, type RoleKey } from '../schema';
import { settle } from './odata';

/** SP.PrincipalType.User: the person assignments this module manages (groups are the list's). */
const USER = 1;

/** The id of one of the schema's permission levels on this site: built-ins by type, PMO Hub's own by name. */
export async function roleDefinitionId(sp: SPFI, key: RoleKey): Promise<number> {
  const def = roleDefinitions.find((r) => r.key === key);
  if (!def) throw new Error(`Unknown permission level '${key}'.`);
  const found = def.roleTypeKind
    ? sp.web.roleDefinitions.getByType(def.roleTypeKind)
    : sp.web.roleDefinitions.getByName(def.name);
  return (await found.select('Id')<{ Id: number }>()).Id;
}

/**
 * Gives one item its own permissions — the list's, copied, so the groups keep theirs — and
 * `roleId` to exactly one person: another person holding that level on the item loses it (a
 * project's previous leader). Needs Manage Permissions (the PMO). Idempotent: a run after a
 * failure half-way ends the same way.
 */
export function shareItemWithPerson(sp: SPFI, listUrl: string, itemId: number, personId: number, roleId: number): Promise<void> {
  return shareItemWithPeople(sp, listUrl, itemId, [personId], roleId);
}

/**
 * The same for a set of people (a project's leader and its benefit owners): exactly they hold
 * `roleId` on the item afterwards, whoever held it before.
 */
export async function shareItemWithPeople(sp: SPFI, listUrl: string, itemId: number, personIds: readonly number[], roleId: number): Promise<void> {
  const item = sp.web.getList(listUrl).items.getById(itemId);
  await item.breakRoleInheritance(true, false);
  const assignments = await item.roleAssignments.expand('Member', 'RoleDefinitionBindings')<Array<{
    PrincipalId: number; Member: { PrincipalType: number }; RoleDefinitionBindings: Array<{ Id: number }>;
  }>>();
  const [batched, execute] = sp.batched();
  const target = batched.web.getList(listUrl).items.getById(itemId);
  const pending: Array<Promise<unknown>> = [];
  for (const ra of assignments) {
    if (personIds.includes(ra.PrincipalId) || ra.Member.PrincipalType !== USER) continue;
    if (ra.RoleDefinitionBindings.some((b) => b.Id === roleId)) pending.push(settle(target.roleAssignments.remove(ra.PrincipalId, roleId)));
  }
  for (const personId of new Set(personIds)) {
    if (!assignments.some((ra) => ra.PrincipalId === personId && ra.RoleDefinitionBindings.some((b) => b.Id === roleId))) {
      pending.push(settle(target.roleAssignments.add(personId, roleId)));
    }
  }
  if (!pending.length) return;
  await execute();
  const failed = (await Promise.all(pending) as Array<{ ok: boolean; error?: unknown }>).find((r) => !r.ok);
  if (failed) throw failed.error;
}
