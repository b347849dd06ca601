import type { SPFI } from '@pnp/sp';
import {
  fieldXml, getList, internalName, NEWS_LANGUAGE_FIELD, SCHEMA_VERSION, SITE_PAGES, SITE_PAGES_INDEXED, SPARRING_STATUSES, viewFieldNames, viewQueryXml, xmlEscape, type ListSchema, type RoleDefinitionSchema, type ViewSchema
} from '../schema';
import { readAll } from '../services/listItems';
import { httpStatus } from '../services/odata';
import { toPayload } from '../services/mapping';
import { SpSparringRequestService } from '../services/SparringRequestService';
import { SpHubSettingsService } from '../services/HubSettingsService';
import { DEFAULT_PROFILE, isProfile, profileLists } from '../pages/profiles';
import type { PmoProfile } from '../pages/hubPages';
import { applyPages, planPages, readPages, PROFILE_SETTING, type PageStep, type PageTexts, type PagesState } from './pages';
import { applyNavigation, planNavigation, type NavStep } from './navigation';
import {
  computePlan, describeStep, groupPrincipalId, listServerUrl as listServerUrlOf, moderationAt, readSite, writesOf, type Plan, type SiteState, type Step
} from './plan';
import { applyProjectModel, PROJECT_MODEL_SINCE } from './projectModel';
import { copyProjectPriorities, PROJECT_PRIORITIES_SINCE } from './projectPriorities';

export interface ApplyOptions {
  /** Called once per step, before it runs. */
  onStep?: (description: string, index: number, total: number) => void;
  /** Stops (throws) after this many writes: how tests interrupt a run half-way. */
  maxWrites?: number;
  /** Provision the schema as of an older version (upgrade tests). */
  version?: number;
}

export interface ApplyResult {
  plan: Plan;
  /** List, group and setting writes (pages are counted in pagesWritten). */
  writes: number;
  upToDate: boolean;
  profile?: PmoProfile;
  /** What was planned for the profile's pages, including the pages kept as the owner left them. */
  pageSteps?: PageStep[];
  pagesWritten?: number;
  /** What was planned for the Quick Launch, and how many links were added. */
  navSteps?: NavStep[];
  linksAdded?: number;
  /** Assigned sparring requests that got their assignment (an upgrade to schema 4). */
  migrated?: number;
}

export class WriteLimitReached extends Error {
  public constructor(public readonly writes: number) {
    super(`Stopped after ${writes} writes (write limit reached).`);
    this.name = 'WriteLimitReached';
  }
}

/**
 * Applies a plan in phases. Independent writes go in one `$batch` (groups; the fields,
 * views and roles of a list); lists are created one by one because their fields
 * need their ids.
 */
export async function applyPlan(sp: SPFI, state: SiteState, plan: Plan, options: ApplyOptions = {}): Promise<number> {
  let writes = 0;
  let done = 0;
  const total = plan.steps.length;
  const count = (s: Step): void => {
    if (options.maxWrites !== undefined && writes + writesOf(s) > options.maxWrites) throw new WriteLimitReached(writes);
    options.onStep?.(describeStep(s), done++, total);
    writes += writesOf(s);
  };
  const of = <K extends Step['kind']>(kind: K): Array<Extract<Step, { kind: K }>> =>
    plan.steps.filter((s): s is Extract<Step, { kind: K }> => s.kind === kind);

  // 1. Groups, then their site roles (a new group's id is needed for its role).
  for (const s of of('createGroup')) {
    count(s);
    const g = await sp.web.siteGroups.add({ Title: s.group.title, Description: s.group.description });
    state.groups.set(s.group.title.toLowerCase(), (g as unknown as { Id: number }).Id);
  }
  await inBatch(sp, of('addWebRole'), (b, s) => {
    const pid = groupPrincipalId(state, s.group);
    const rid = state.roleDefIds.get(s.group.siteRole);
    if (pid === undefined || rid === undefined) return undefined;
    count(s);
    return b.web.roleAssignments.add(pid, rid);
  });

  // PMO Hub's own permission levels, before any list role names them.
  for (const s of of('createRoleDefinition')) {
    count(s);
    const created = await sp.web.roleDefinitions.add(s.role.name, s.role.description ?? '', 1000, maskOf(s.role));
    state.roleDefIds.set(s.role.key, (created.data as { Id: number }).Id);
  }

  // 2. Lists. SharePoint derives a list's URL from its first title, so create it under
  //    the URL name and then give it its display title.
  for (const s of of('createList')) {
    count(s);
    const urlName = s.list.url.split('/').pop() as string;
    const moderation = moderationAt(s.list, plan.schemaVersion);
    const created = await sp.web.lists.add(urlName, s.list.description, s.list.template, false, {
      ReadSecurity: s.list.readSecurity, WriteSecurity: s.list.writeSecurity, EnableVersioning: s.list.versioning.enabled,
      ...(s.list.versioning.majorVersionLimit ? { MajorVersionLimit: s.list.versioning.majorVersionLimit } : {}),
      ...(moderation ? { EnableModeration: true, DraftVersionVisibility: moderation.draftVisibility } : {})
    }) as unknown as { Id: string };
    await sp.web.lists.getById(created.Id).update({ Title: s.list.title });
    state.lists.set(s.list.key, {
      id: created.Id, title: s.list.title, url: listServerUrlOf(state.webPath, s.list), readSecurity: s.list.readSecurity,
      writeSecurity: s.list.writeSecurity, enableVersioning: s.list.versioning.enabled, hasUniqueRoleAssignments: false,
      enableModeration: !!moderation, draftVersionVisibility: moderation?.draftVisibility ?? 0,
      fields: [], views: [], roles: new Map(), itemsToShare: new Map()
    });
  }
  await inBatch(sp, of('updateList'), (b, s) => {
    count(s);
    return b.web.lists.getById(listId(state, s.list)).update(s.changes);
  });

  // 3. Columns, list by list in schema order, so lookup targets exist first.
  for (const list of distinctLists(plan.steps)) {
    await inBatch(sp, plan.steps.filter((s): s is Extract<Step, { kind: 'createField' | 'updateField' }> =>
      (s.kind === 'createField' || s.kind === 'updateField') && s.list.key === list.key), (b, s) => {
      count(s);
      const fields = b.web.lists.getById(listId(state, s.list)).fields;
      if (s.kind === 'updateField') return fields.getByInternalNameOrTitle(s.field.internalName).update(s.changes, fieldClass(s.field.type));
      const lookupList = s.field.type === 'Lookup' || s.field.type === 'LookupMulti'
        ? `{${listId(state, listByKey(plan, s.field.lookupList))}}` : undefined;
      // AddFieldInternalNameHint (8): keep the schema's internal name.
      return fields.createFieldAsXml({ SchemaXml: fieldXml(s.field, { lookupList }), Options: 8 });
    });
  }

  // 4. Views: add, then set fields and query in one SetViewXml.
  for (const s of of('createView')) {
    count(s);
    const views = sp.web.lists.getById(listId(state, s.list)).views;
    const created = await views.add(s.view.title, false, { RowLimit: s.view.rowLimit, Paged: s.view.paged, ...(s.view.isDefault ? { DefaultView: true } : {}) }) as unknown as { Id: string };
    await views.getById(created.Id).setViewXml(viewXml(s.list, s.view));
  }

  // 5. Permissions: own permissions per list (copying the site's, so nobody loses access), then the schema's roles.
  await inBatch(sp, of('breakInheritance'), (b, s) => {
    count(s);
    return b.web.lists.getById(listId(state, s.list)).breakRoleInheritance(true, false);
  });
  await inBatch(sp, of('addListRole'), (b, s) => {
    const pid = groupPrincipalId(state, s.group);
    const rid = state.roleDefIds.get(s.role);
    if (pid === undefined || rid === undefined) throw new Error(`Cannot give '${s.group.title}' the role ${s.role}: the group or role definition is missing on the site.`);
    count(s);
    return b.web.lists.getById(listId(state, s.list)).roleAssignments.add(pid, rid);
  });
  // Only after the new levels are in: nobody is left without access in between.
  await inBatch(sp, of('removeListRole'), (b, s) => {
    const pid = groupPrincipalId(state, s.group);
    if (pid === undefined) return undefined;
    count(s);
    return b.web.lists.getById(listId(state, s.list)).roleAssignments.remove(pid, s.roleDefId);
  });

  // 6. Per-item permissions of items that exist already (an upgraded site): copy the list's
  //    permissions onto each, then the person's level — two batches, in that order.
  const shares = of('shareItem');
  await inBatch(sp, shares, (b, s) => {
    count(s);
    return b.web.lists.getById(listId(state, s.list)).items.getById(s.itemId).breakRoleInheritance(true, false);
  });
  await inBatch(sp, shares, (b, s) => {
    const role = s.list.itemPermissions?.role;
    const rid = role ? state.roleDefIds.get(role) : undefined;
    if (rid === undefined) throw new Error(`The permission level for items of '${s.list.title}' is missing on the site.`);
    return b.web.lists.getById(listId(state, s.list)).items.getById(s.itemId).roleAssignments.add(s.personId, rid);
  });
  return writes;
}

/**
 * Only the per-item permissions of the model (a project's leader on their project), for items
 * added since provisioning ran without the services' save — the demo seed's bulk adds.
 */
export async function applyItemPermissions(sp: SPFI): Promise<number> {
  const state = await readSite(sp);
  const plan = computePlan(state);
  // A site not yet upgraded to the model has no level to give: provisioning does it when it upgrades.
  const ready = (s: Step): boolean => s.kind === 'shareItem' && !!s.list.itemPermissions && state.roleDefIds.has(s.list.itemPermissions.role);
  return applyPlan(sp, state, { ...plan, steps: plan.steps.filter(ready) });
}

export interface ProvisionOptions extends ApplyOptions {
  /** The PMO profile to provision for; default: the one the site has stored, else DEFAULT_PROFILE. */
  profile?: PmoProfile;
  /** Page titles and texts in the site's language; without them no pages are written (schema-only runs). */
  texts?: PageTexts;
  /** Called once per page written. */
  onPage?: (line: string) => void;
}

/** What provisioning would do to a site: lists and groups, the profile setting, pages. Reads only. */
export interface FullPlan {
  state: SiteState;
  plan: Plan;
  profile: PmoProfile;
  /** The profile the site had stored (undefined on a new site). */
  storedProfile?: string;
  pages?: { state: PagesState; steps: PageStep[]; nav: NavStep[] };
}

/** The profile a run uses: the one asked for, else the site's, else the default. */
export function chooseProfile(asked: PmoProfile | undefined, stored: string | undefined): PmoProfile {
  return asked ?? (isProfile(stored) ? stored : DEFAULT_PROFILE);
}

/**
 * Reads the site and plans everything. Pages are planned only when the site already has the
 * settings list (schema 5); on a newer site they are planned after the lists are made, in `provision`.
 */
export async function planSite(sp: SPFI, options: ProvisionOptions = {}): Promise<FullPlan> {
  const state = await readSite(sp);
  // A run interrupted before the settings list got its columns has no settings to read yet.
  const settingsList = state.lists.get('hubSettings');
  const ready = !!settingsList && settingsList.fields.some((f) => f.internalName === internalName('hubSettings', 'value'));
  const settings = ready ? await new SpHubSettingsService(sp, state.webPath).readAll() : new Map<string, { value: string }>();
  const stored = settings.get(PROFILE_SETTING)?.value || undefined;
  const profile = chooseProfile(options.profile, stored);
  const plan = computePlan(state, options.version, new Set(profileLists(profile).map((l) => l.key)));
  const full: FullPlan = { state, plan, profile, storedProfile: stored };
  if (options.texts && (options.version ?? SCHEMA_VERSION) >= 5) {
    const pagesState = await readPages(sp);
    const steps = await planPages(sp, pagesState, profile, options.texts);
    full.pages = { state: pagesState, steps, nav: await planNavigation(sp, pagesState, profile, options.texts, steps) };
  }
  return full;
}

/** Reads the site, plans and applies. A second run on the same site makes no writes. */
export async function provision(sp: SPFI, options: ProvisionOptions = {}): Promise<ApplyResult> {
  const full = await planSite(sp, { ...options, texts: undefined });
  const { state, plan, profile } = full;
  const writes = await applyPlan(sp, state, plan, options);
  const version = options.version ?? SCHEMA_VERSION;
  const has = (k: string): boolean => state.lists.has(k);
  // After applyPlan: lists this run created count as there.
  const hasNow = (k: string): boolean => has(k) || plan.steps.some((s) => s.kind === 'createList' && s.list.key === k);
  const migrated = (version >= 4
    ? (has('sparringRequests') && has('sparringAssignments') ? await shareAssignedRequests(sp, state.webPath) : 0)
      + (has('portfolioViews') && has('sharedPortfolioViews') ? await moveSharedViews(sp, state.webPath) : 0) : 0)
    + (version >= PROJECT_MODEL_SINCE ? await applyProjectModel(sp, state.webPath) : 0)
    + (version >= PROJECT_PRIORITIES_SINCE && hasNow('projectPriorities') && hasNow('hubSettings') ? await copyProjectPriorities(sp, state.webPath) : 0);
  const newsWrites = version >= NEWS_LANGUAGE_FIELD.since ? await ensureNewsColumns(sp, state.webPath, version) : 0;
  let settingWrites = 0;
  let pageSteps: PageStep[] = [];
  let pagesWritten = 0;
  let navSteps: NavStep[] = [];
  let linksAdded = 0;
  if (version >= 5) {
    if (full.storedProfile !== profile) {
      const settings = new SpHubSettingsService(sp, state.webPath);
      await settings.write(PROFILE_SETTING, profile, (await settings.readAll()).get(PROFILE_SETTING));
      settingWrites++;
    }
    if (options.texts) {
      const pagesState = await readPages(sp);
      pageSteps = await planPages(sp, pagesState, profile, options.texts);
      pagesWritten = await applyPages(sp, pagesState, pageSteps, options.onPage);
      // Planned after the pages are written: a link must lead to a page that exists.
      const after = await readPages(sp);
      navSteps = await planNavigation(sp, after, profile, options.texts, pageSteps);
      linksAdded = await applyNavigation(sp, after, navSteps, options.onPage);
    }
  }
  return {
    plan, writes: writes + settingWrites + newsWrites, upToDate: plan.steps.length === 0 && migrated === 0 && settingWrites === 0 && newsWrites === 0 && pagesWritten === 0 && linksAdded === 0,
    profile, pageSteps, pagesWritten, navSteps, linksAdded, ...(migrated ? { migrated } : {})
  };
}

/**
 * PMO Hub's changes to SharePoint's own Site Pages library (schema/sitePages.ts): its one column,
 * the language of a news post, added when missing; and, from schema 12, indexes on the columns the
 * news read filters and sorts by. Nothing else of the library is touched; a site without Site
 * Pages (no modern pages) is left alone. Returns the writes made.
 */
export async function ensureNewsColumns(sp: SPFI, webPath: string, version: number = SCHEMA_VERSION): Promise<number> {
  const fields = sp.web.getList(`${webPath.replace(/\/+$/, '')}/${SITE_PAGES.url}`).fields;
  const toIndex = version >= SITE_PAGES_INDEXED.since ? SITE_PAGES_INDEXED.fields : [];
  let found: Array<{ InternalName: string; Indexed: boolean; TypeAsString: string }>;
  try {
    found = await fields.filter([NEWS_LANGUAGE_FIELD.internalName, ...toIndex].map((n) => `InternalName eq '${n}'`).join(' or '))
      .select('InternalName', 'Indexed', 'TypeAsString')<Array<{ InternalName: string; Indexed: boolean; TypeAsString: string }>>();
  } catch (e) {
    if (httpStatus(e) === 404) return 0;
    throw e;
  }
  let writes = 0;
  if (!found.some((f) => f.InternalName === NEWS_LANGUAGE_FIELD.internalName)) {
    // AddFieldInternalNameHint (8): keep the schema's internal name.
    await fields.createFieldAsXml({ SchemaXml: fieldXml(NEWS_LANGUAGE_FIELD), Options: 8 });
    writes++;
  }
  for (const f of found) {
    if (!toIndex.includes(f.InternalName) || f.Indexed) continue;
    await fields.getByInternalNameOrTitle(f.InternalName).update({ Indexed: true }, fieldClass(f.TypeAsString));
    writes++;
  }
  return writes;
}

/**
 * Data, not schema: views flagged `shared` in Portfolio Views (schema 1-3) are copied to Shared
 * Portfolio Views, where only the PMO writes; the originals stay, private to their authors now
 * (ReadSecurity 2). Idempotent: a view already copied (same title and owner) is left alone.
 */
export async function moveSharedViews(sp: SPFI, webPath: string): Promise<number> {
  const f = (k: 'title' | 'filterDefinition' | 'owner' | 'shared'): string => internalName('portfolioViews', k);
  const old = await readAll(sp.web.getList(listServerUrlOf(webPath, getList('portfolioViews') as ListSchema)).items
    .select('Id', f('title'), f('filterDefinition'), `${f('owner')}Id`).filter(`${f('shared')} eq 1`));
  if (!old.length) return 0;
  const target = sp.web.getList(listServerUrlOf(webPath, getList('sharedPortfolioViews') as ListSchema));
  const t = (k: 'title' | 'owner'): string => internalName('sharedPortfolioViews', k);
  const copied = new Set((await readAll(target.items.select(t('title'), `${t('owner')}Id`))).map((r) => `${String(r[t('title')])}|${String(r[`${t('owner')}Id`])}`));
  let count = 0;
  for (const v of old) {
    if (copied.has(`${String(v[f('title')])}|${String(v[`${f('owner')}Id`])}`)) continue;
    await target.items.add(toPayload('sharedPortfolioViews', { title: v[f('title')], filterDefinition: v[f('filterDefinition')], owner: v[`${f('owner')}Id`] }));
    count++;
  }
  return count;
}

/**
 * Data, not schema: every assigned sparring request of an older site gets its assignment (the
 * copy its expert can read, schema 4), with the status and time the PMO had set on it.
 * Idempotent: requests that have one are left alone. Only a request last changed by someone
 * other than its author is copied: on schema 1-3 only the author and the PMO could change it,
 * and a requester could have set the columns themselves (as anyone can when adding by REST).
 */
export async function shareAssignedRequests(sp: SPFI, webPath: string): Promise<number> {
  const name = (k: 'assignedExpert' | 'status' | 'scheduledAt' | 'author' | 'editor'): string => internalName('sparringRequests', k);
  const requests = await readAll(sp.web.getList(listServerUrlOf(webPath, getList('sparringRequests') as ListSchema)).items
    .select('Id', `${name('assignedExpert')}Id`, name('status'), name('scheduledAt'), `${name('author')}Id`, `${name('editor')}Id`));
  const assigned = requests.filter((r) => typeof r[`${name('assignedExpert')}Id`] === 'number' && r[`${name('editor')}Id`] !== r[`${name('author')}Id`]);
  if (!assigned.length) return 0;
  const requestField = internalName('sparringAssignments', 'request');
  const done = new Set((await readAll(sp.web.getList(listServerUrlOf(webPath, getList('sparringAssignments') as ListSchema)).items.select(requestField)))
    .map((r) => r[requestField] as number));
  const service = new SpSparringRequestService(sp, webPath);
  let count = 0;
  for (const r of assigned) {
    if (done.has(r.Id as number)) continue;
    const status = SPARRING_STATUSES.find((s) => s !== 'New' && s === r[name('status')]) ?? 'Assigned';
    const scheduledAt = typeof r[name('scheduledAt')] === 'string' ? r[name('scheduledAt')] as string : undefined;
    await service.share(r.Id as number, undefined, { id: r[`${name('assignedExpert')}Id`] as number, title: '', email: '' }, { status, scheduledAt });
    count++;
  }
  return count;
}

async function inBatch<S>(sp: SPFI, steps: S[], run: (batched: SPFI, step: S) => Promise<unknown> | undefined): Promise<void> {
  if (!steps.length) return;
  // SharePoint Online takes at most 1,000 operations per $batch; 100 keeps each one short.
  const [batched, execute] = sp.batched({ maxRequests: 100 });
  const results: Array<Promise<unknown>> = [];
  for (const s of steps) {
    const p = run(batched, s);
    if (p) results.push(p);
  }
  const settling = Promise.allSettled(results);
  await execute();
  const settled = await settling;
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** A `{High, Low}` mask of SP.PermissionKind numbers (bit n-1), as roleDefinitions.add wants it. */
function maskOf(role: RoleDefinitionSchema): { High: number; Low: number } {
  let low = 0;
  let high = 0;
  for (const k of role.basePermissions ?? []) {
    if (k <= 32) low = (low | (1 << (k - 1))) >>> 0;
    else high = (high | (1 << (k - 33))) >>> 0;
  }
  return { High: high, Low: low };
}

function distinctLists(steps: Step[]): ListSchema[] {
  const out: ListSchema[] = [];
  for (const s of steps) {
    if ((s.kind === 'createField' || s.kind === 'updateField') && !out.includes(s.list)) out.push(s.list);
  }
  return out;
}

function listId(state: SiteState, list: ListSchema): string {
  const site = state.lists.get(list.key);
  if (!site) throw new Error(`The list '${list.title}' should exist by now but does not.`);
  return site.id;
}

function listByKey(plan: Plan, key: string): ListSchema {
  for (const s of plan.steps) if ('list' in s && s.list.key === key) return s.list;
  // The target existed before this run.
  return { key } as ListSchema;
}

function fieldClass(type: string): string {
  return ({ Text: 'SP.FieldText', Note: 'SP.FieldMultiLineText', Number: 'SP.FieldNumber', Currency: 'SP.FieldCurrency', DateTime: 'SP.FieldDateTime',
    Boolean: 'SP.Field', Choice: 'SP.FieldChoice', MultiChoice: 'SP.FieldMultiChoice', User: 'SP.FieldUser', UserMulti: 'SP.FieldUser',
    Lookup: 'SP.FieldLookup', LookupMulti: 'SP.FieldLookup', URL: 'SP.FieldUrl' } as Record<string, string>)[type] ?? 'SP.Field';
}

function viewXml(list: ListSchema, view: ViewSchema): string {
  const fields = viewFieldNames(list, view).map((f) => `<FieldRef Name="${xmlEscape(f)}" />`).join('');
  return `<View><Query>${viewQueryXml(list, view)}</Query><ViewFields>${fields}</ViewFields><RowLimit Paged="${view.paged ? 'TRUE' : 'FALSE'}">${view.rowLimit}</RowLimit></View>`;
}
