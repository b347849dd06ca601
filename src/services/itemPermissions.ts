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

/** Permission level ids already read, per SPFI: a project save shares up to four items with the same level. */
const knownRoleIds = new WeakMap<SPFI, Map<RoleKey, Promise<number>>>();

/**
 * The id of one of the schema's permission levels on this site: built-ins by type, PMO Hub's own by
 * name. Read once per SPFI (a level's id does not change while it exists); a failed read is not kept.
 */
export function roleDefinitionId(sp: SPFI, key: RoleKey): Promise<number> {
  const def = roleDefinitions.find((r) => r.key === key);
  if (!def) return Promise.reject(new Error(`Unknown permission level '${key}'.`));
  let known = knownRoleIds.get(sp);
  if (!known) knownRoleIds.set(sp, known = new Map());
  const had = known.get(key);
  if (had) return had;
  const found = def.roleTypeKind
    ? sp.web.roleDefinitions.getByType(def.roleTypeKind)
    : sp.web.roleDefinitions.getByName(def.name);
  const id = found.select('Id')<{ Id: number }>().then((r) => r.Id);
  known.set(key, id);
  id.catch(() => { if (known?.get(key) === id) known.delete(key); });
  return id;
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
  type Assignment = { PrincipalId: number; Member: { PrincipalType: number }; RoleDefinitionBindings: Array<{ Id: number }> };
  const item = sp.web.getList(listUrl).items.getById(itemId);
  // Whether the item has its own permissions, and who holds what on it, in one request: an item
  // shared before (every save after a project's first) needs no break, which was a request each.
  // An item that inherits answers with its parent's assignments, which the break then copies.
  const [reads, readAll] = sp.batched();
  const readItem = reads.web.getList(listUrl).items.getById(itemId);
  const unique = readItem.select('HasUniqueRoleAssignments')<{ HasUniqueRoleAssignments: boolean }>();
  const current = readItem.roleAssignments.expand('Member', 'RoleDefinitionBindings')<Assignment[]>();
  await readAll();
  const assignments = await current;
  if (!(await unique).HasUniqueRoleAssignments) await item.breakRoleInheritance(true, false);
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
