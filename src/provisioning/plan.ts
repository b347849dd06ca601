import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/views';
import '@pnp/sp/site-groups';
import '@pnp/sp/security';
import '@pnp/sp/batching';
import {
  groups as schemaGroups, lists as allLists, roleDefinitions, rolesAt, SCHEMA_VERSION,
  internalName, type FieldSchema, type GroupSchema, type ListKey, type ListSchema, type RoleDefinitionSchema, type RoleKey, type ViewSchema
} from '../schema';
import { readAll } from '../services/listItems';

/**
 * Provisioning = read the site once, diff it against the schema, then apply the
 * difference. Everything here is additive: nothing the site has is deleted or
 * changed in a way that loses data, so a run interrupted half-way simply completes
 * when run again, and a run on an up-to-date site makes no writes.
 */

export interface SiteField {
  id: string;
  internalName: string;
  typeAsString: string;
  indexed: boolean;
  choices: string[];
}

export interface SiteList {
  id: string;
  title: string;
  url: string;
  readSecurity: number;
  writeSecurity: number;
  enableVersioning: boolean;
  enableModeration?: boolean;
  draftVersionVisibility?: number;
  hasUniqueRoleAssignments: boolean;
  fields: SiteField[];
  views: string[];
  /** principal id → role definition ids */
  roles: Map<number, number[]>;
  /** Lists with per-item permissions: items that have a person but still inherit (id → person id). */
  itemsToShare: Map<number, number>;
}

export interface SiteState {
  webPath: string;
  lists: Map<string, SiteList>;   // by schema list key
  groups: Map<string, number>;     // title (lower case) → principal id
  visitorGroupId?: number;
  webRoles: Map<number, number[]>;
  roleDefIds: Map<RoleKey, number>;
}

export type Step =
  | { kind: 'createGroup'; group: GroupSchema }
  | { kind: 'createRoleDefinition'; role: RoleDefinitionSchema }
  | { kind: 'removeListRole'; list: ListSchema; group: GroupSchema; roleDefId: number }
  | { kind: 'shareItem'; list: ListSchema; itemId: number; personId: number }
  | { kind: 'addWebRole'; group: GroupSchema }
  | { kind: 'createList'; list: ListSchema }
  | { kind: 'updateList'; list: ListSchema; changes: Record<string, unknown> }
  | { kind: 'createField'; list: ListSchema; field: FieldSchema }
  | { kind: 'updateField'; list: ListSchema; field: FieldSchema; changes: Record<string, unknown> }
  | { kind: 'createView'; list: ListSchema; view: ViewSchema }
  | { kind: 'breakInheritance'; list: ListSchema }
  | { kind: 'addListRole'; list: ListSchema; group: GroupSchema; role: RoleKey };

export interface Conflict {
  list: string;
  field: string;
  message: string;
}

export interface Plan {
  schemaVersion: number;
  steps: Step[];
  conflicts: Conflict[];
}

const ROLE_BY_TYPE: Record<number, RoleKey> = { 5: 'fullControl', 4: 'design', 6: 'edit', 3: 'contribute', 2: 'read' };

export function describeStep(s: Step): string {
  switch (s.kind) {
    case 'createGroup': return `create group '${s.group.title}'`;
    case 'createRoleDefinition': return `create permission level '${s.role.name}'`;
    case 'removeListRole': return `take permission level ${s.roleDefId} of '${s.group.title}' on '${s.list.title}' away`;
    case 'shareItem': return `give item ${s.itemId} of '${s.list.title}' its own permissions for person ${s.personId}`;
    case 'addWebRole': return `give '${s.group.title}' ${s.group.siteRole} on the site`;
    case 'createList': return `create ${s.list.template === 101 ? 'library' : 'list'} '${s.list.title}' (${s.list.url})`;
    case 'updateList': return `update '${s.list.title}' settings: ${Object.keys(s.changes).join(', ')}`;
    case 'createField': return `add column ${s.field.internalName} (${s.field.type}) to '${s.list.title}'`;
    case 'updateField': return `update column ${s.field.internalName} of '${s.list.title}': ${Object.keys(s.changes).join(', ')}`;
    case 'createView': return `add view '${s.view.title}' to '${s.list.title}'`;
    case 'breakInheritance': return `give '${s.list.title}' its own permissions (copying the site's)`;
    case 'addListRole': return `give '${s.group.title}' ${s.role} on '${s.list.title}'`;
  }
}

/** How many REST writes a step makes; the plan's cost and the apply's count agree. */
export function writesOf(s: Step): number {
  switch (s.kind) {
    case 'createList': return 2;   // add under the URL name, then set the display title
    case 'createView': return 2;   // add, then set its fields and query
    case 'shareItem': return 2;    // break inheritance, then the person's role
    default: return 1;
  }
}

/** The site-relative URL of a list's root folder, as the schema declares it. */
export function listServerUrl(webPath: string, list: ListSchema): string {
  return `${webPath.replace(/\/$/, '')}/${list.url}`;
}

/** Reads what the plan needs in a handful of requests: one for the web and lists, one batch for the rest. */
export async function readSite(sp: SPFI): Promise<SiteState> {
  const web = await sp.web.select('ServerRelativeUrl')<{ ServerRelativeUrl: string }>();
  const webPath = web.ServerRelativeUrl;
  const rawLists = await sp.web.lists.select('Id', 'Title', 'ReadSecurity', 'WriteSecurity', 'EnableVersioning', 'EnableModeration', 'DraftVersionVisibility',
    'HasUniqueRoleAssignments', 'RootFolder/ServerRelativeUrl')
    .expand('RootFolder')<Array<{
      Id: string; Title: string; ReadSecurity: number; WriteSecurity: number; EnableVersioning: boolean; EnableModeration: boolean;
      DraftVersionVisibility: number; HasUniqueRoleAssignments: boolean; RootFolder: { ServerRelativeUrl: string };
    }>>();
  const state: SiteState = { webPath, lists: new Map(), groups: new Map(), webRoles: new Map(), roleDefIds: new Map() };

  const [batched, execute] = sp.batched();
  const pending: Array<Promise<void>> = [];
  for (const schema of allLists) {
    const raw = rawLists.find((l) => l.RootFolder.ServerRelativeUrl.toLowerCase() === listServerUrl(webPath, schema).toLowerCase());
    if (!raw) continue;
    const entry: SiteList = {
      id: raw.Id, title: raw.Title, url: raw.RootFolder.ServerRelativeUrl, readSecurity: raw.ReadSecurity, writeSecurity: raw.WriteSecurity,
      enableVersioning: raw.EnableVersioning, enableModeration: raw.EnableModeration, draftVersionVisibility: raw.DraftVersionVisibility,
      hasUniqueRoleAssignments: raw.HasUniqueRoleAssignments, fields: [], views: [], roles: new Map(), itemsToShare: new Map()
    };
    state.lists.set(schema.key, entry);
    const list = batched.web.lists.getById(raw.Id);
    // No $select: Choices exists only on choice fields, and selecting it from the whole collection fails.
    pending.push(list.fields<Array<{ Id: string; InternalName: string; TypeAsString: string; Indexed: boolean; Choices?: string[] }>>()
      .then((fs) => { entry.fields = fs.map((f) => ({ id: f.Id, internalName: f.InternalName, typeAsString: f.TypeAsString, indexed: f.Indexed, choices: f.Choices ?? [] })); }));
    pending.push(list.views.select('Title')<Array<{ Title: string }>>().then((vs) => { entry.views = vs.map((v) => v.Title); }));
    if (raw.HasUniqueRoleAssignments) {
      pending.push(list.roleAssignments.expand('RoleDefinitionBindings')<Array<{ PrincipalId: number; RoleDefinitionBindings: Array<{ Id: number }> }>>()
        .then((ras) => { for (const ra of ras) entry.roles.set(ra.PrincipalId, ra.RoleDefinitionBindings.map((r) => r.Id)); }));
    }
  }
  pending.push(batched.web.siteGroups.select('Id', 'Title')<Array<{ Id: number; Title: string }>>()
    .then((gs) => { for (const g of gs) state.groups.set(g.Title.toLowerCase(), g.Id); }));
  pending.push(batched.web.associatedVisitorGroup.select('Id')<{ Id: number }>()
    .then((g) => { state.visitorGroupId = g.Id; }, () => undefined));
  pending.push(batched.web.roleAssignments.expand('RoleDefinitionBindings')<Array<{ PrincipalId: number; RoleDefinitionBindings: Array<{ Id: number }> }>>()
    .then((ras) => { for (const ra of ras) state.webRoles.set(ra.PrincipalId, ra.RoleDefinitionBindings.map((r) => r.Id)); }));
  pending.push(batched.web.roleDefinitions.select('Id', 'RoleTypeKind', 'Name')<Array<{ Id: number; RoleTypeKind: number; Name: string }>>()
    .then((defs) => {
      for (const d of defs) {
        const key = ROLE_BY_TYPE[d.RoleTypeKind] ?? roleDefinitions.find((r) => !r.roleTypeKind && r.name.toLowerCase() === d.Name.toLowerCase())?.key;
        if (key) state.roleDefIds.set(key, d.Id);
      }
    }));
  // Handlers are attached before the batch runs, so a failing part cannot go unobserved.
  const all = Promise.all(pending);
  await execute();
  await all;
  // Items of lists with per-item permissions that still inherit: paged by ID (safe past 5,000).
  for (const schema of allLists) {
    const entry = state.lists.get(schema.key);
    if (!schema.itemPermissions || !entry) continue;
    const personField = internalName(schema.key as ListKey, schema.itemPermissions.personField as never);
    if (!entry.fields.some((f) => f.internalName === personField)) continue;
    const person = `${personField}Id`;
    const rows = await readAll(sp.web.lists.getById(entry.id).items.select('Id', 'HasUniqueRoleAssignments', person));
    for (const r of rows) {
      if (!r.HasUniqueRoleAssignments && typeof r[person] === 'number') entry.itemsToShare.set(r.Id as number, r[person] as number);
    }
  }
  return state;
}

export function groupPrincipalId(state: SiteState, group: GroupSchema): number | undefined {
  if (group.associatedGroup === 'visitors') return state.visitorGroupId;
  return state.groups.get(group.title.toLowerCase());
}

/**
 * Compares the site with the schema as of `version` (default: the current one; an older
 * version is what an older release of PMO Hub provisioned, for upgrade tests), for the lists
 * in `only` (a PMO profile's; default: all). Pure: the same state always gives the same plan.
 */
export function computePlan(state: SiteState, version: number = SCHEMA_VERSION, only?: ReadonlySet<string>): Plan {
  const steps: Step[] = [];
  const conflicts: Conflict[] = [];
  // A profile's lists (`only`) are created; lists the site already has are kept up to date whatever
  // the profile, so changing to a smaller profile never leaves a list behind the schema.
  const schemaLists = allLists
    .filter((l) => l.since <= version && (!only || only.has(l.key) || state.lists.has(l.key)))
    .map((l) => ({ ...l, fields: l.fields.filter((f) => f.since <= version), views: l.views.filter((v) => v.since <= version) }));
  for (const role of roleDefinitions) {
    if (!role.roleTypeKind && (role.since ?? 1) <= version && !state.roleDefIds.has(role.key)) steps.push({ kind: 'createRoleDefinition', role });
  }
  for (const group of schemaGroups.filter((g) => g.since <= version)) {
    const id = groupPrincipalId(state, group);
    if (id === undefined && !group.associatedGroup) steps.push({ kind: 'createGroup', group });
    const roleId = state.roleDefIds.get(group.siteRole);
    if (id === undefined || roleId === undefined || !(state.webRoles.get(id) ?? []).includes(roleId)) {
      if (!group.associatedGroup || id !== undefined) steps.push({ kind: 'addWebRole', group });
    }
  }
  for (const list of schemaLists) {
    const site = state.lists.get(list.key);
    if (!site) {
      steps.push({ kind: 'createList', list });
      for (const field of list.fields) {
        if (field.builtIn && !field.indexed) continue;
        steps.push(field.builtIn ? { kind: 'updateField', list, field, changes: { Indexed: true } } : { kind: 'createField', list, field });
      }
      for (const view of list.views) steps.push({ kind: 'createView', list, view });
      steps.push({ kind: 'breakInheritance', list });
      const wantedNew = rolesAt(list.roles, version);
      for (const r of wantedNew) steps.push({ kind: 'addListRole', list, group: groupOf(r.group), role: r.role });
      // Breaking inheritance copies the site's roles; a group keeps on the list only what the schema gives it.
      for (const group of schemaGroups.filter((g) => g.since <= version)) {
        const pid = groupPrincipalId(state, group);
        const copied = [...(pid === undefined ? [] : state.webRoles.get(pid) ?? []), state.roleDefIds.get(group.siteRole)];
        steps.push(...superseded(state, list, group, wantedNew, copied));
      }
      continue;
    }
    const changes: Record<string, unknown> = {};
    if (site.readSecurity !== list.readSecurity) changes.ReadSecurity = list.readSecurity;
    if (site.writeSecurity !== list.writeSecurity) changes.WriteSecurity = list.writeSecurity;
    if (list.versioning.enabled && !site.enableVersioning) changes.EnableVersioning = true;
    const moderation = moderationAt(list, version);
    if (moderation && (!site.enableModeration || site.draftVersionVisibility !== moderation.draftVisibility)) {
      changes.EnableModeration = true;
      changes.DraftVersionVisibility = moderation.draftVisibility;
    }
    if (Object.keys(changes).length) steps.push({ kind: 'updateList', list, changes });
    for (const field of list.fields) {
      const existing = site.fields.find((f) => f.internalName === field.internalName);
      if (!existing) {
        if (field.builtIn) continue;
        steps.push({ kind: 'createField', list, field });
        continue;
      }
      if (!sameType(existing.typeAsString, field.type)) {
        conflicts.push({ list: list.title, field: field.internalName, message: `column ${field.internalName} of '${list.title}' is ${existing.typeAsString} on the site but ${field.type} in the schema; it was left as it is` });
        continue;
      }
      const fieldChanges: Record<string, unknown> = {};
      if (field.indexed && !existing.indexed) fieldChanges.Indexed = true;
      if ((field.type === 'Choice' || field.type === 'MultiChoice')) {
        const missing = field.choices.filter((c) => !existing.choices.includes(c));
        // Additive: the PMO's own extra choices stay.
        if (missing.length) fieldChanges.Choices = [...existing.choices, ...missing];
      }
      if (Object.keys(fieldChanges).length) steps.push({ kind: 'updateField', list, field, changes: fieldChanges });
    }
    for (const view of list.views) {
      if (!site.views.some((v) => v.toLowerCase() === view.title.toLowerCase())) steps.push({ kind: 'createView', list, view });
    }
    if (!site.hasUniqueRoleAssignments) steps.push({ kind: 'breakInheritance', list });
    const wanted = rolesAt(list.roles, version);
    for (const r of wanted) {
      const group = groupOf(r.group);
      const pid = groupPrincipalId(state, group);
      const rid = state.roleDefIds.get(r.role);
      if (!site.hasUniqueRoleAssignments || pid === undefined || rid === undefined || !(site.roles.get(pid) ?? []).includes(rid)) {
        steps.push({ kind: 'addListRole', list, group, role: r.role });
      }
    }
    // Tightening: a schema group loses the levels the schema no longer gives it here. Only the
    // levels the schema knows are touched; whatever else the site's owners gave stays.
    for (const group of schemaGroups.filter((g) => g.since <= version)) {
      const pid = groupPrincipalId(state, group);
      if (pid === undefined) continue;
      const current = site.hasUniqueRoleAssignments ? site.roles.get(pid) ?? [] : [...(state.webRoles.get(pid) ?? []), state.roleDefIds.get(group.siteRole)];
      steps.push(...superseded(state, list, group, wanted, current));
    }
    if (list.itemPermissions && list.itemPermissions.since <= version) {
      for (const [itemId, personId] of site.itemsToShare) steps.push({ kind: 'shareItem', list, itemId, personId });
    }
  }
  return { schemaVersion: version, steps, conflicts };
}

/** Content approval as the schema has it at `version`, if at all. */
export function moderationAt(list: ListSchema, version: number): ListSchema['moderation'] {
  return list.moderation && list.moderation.since <= version ? list.moderation : undefined;
}

/** The schema's levels a group holds on a list that the schema no longer gives it there. Others' levels stay. */
function superseded(state: SiteState, list: ListSchema, group: GroupSchema, wanted: readonly { group: string; role: RoleKey }[],
  current: ReadonlyArray<number | undefined>): Step[] {
  const known = [...state.roleDefIds.values()];
  const keep = wanted.filter((r) => r.group === group.key).map((r) => state.roleDefIds.get(r.role));
  const out: Step[] = [];
  for (const rid of current) {
    if (rid === undefined || keep.indexOf(rid) >= 0 || known.indexOf(rid) < 0) continue;
    if (!out.some((s) => s.kind === 'removeListRole' && s.roleDefId === rid)) out.push({ kind: 'removeListRole', list, group, roleDefId: rid });
  }
  return out;
}

function groupOf(key: string): GroupSchema {
  const g = schemaGroups.find((x) => x.key === key);
  if (!g) throw new Error(`The schema names an unknown group '${key}'.`);
  return g;
}

function sameType(site: string, schema: string): boolean {
  return site === schema || (site === 'Text' && schema === 'Text');
}

export { roleDefinitions };
