import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security';
import '@pnp/sp/batching';
import { PermissionKind } from '@pnp/sp/security';
import type { IItems } from '@pnp/sp/items';
import { internalName, selectFields } from '../schema';
import type { SparringRequest, SparringStatus } from '../model/community';
import type { NewItem, PersonRef } from '../model/common';
import { ConflictError, ValidationError } from './errors';
import { fromItem, toPayload } from './mapping';
import { lookupIdFilter, readAll, saveItem, selection, spList, type RawItem } from './listItems';
import { PAGE_SIZE } from './ProjectService';
import { hasPermission, httpStatus, settle, type PermissionMask } from './odata';
import { validateFields, type FieldErrors } from './validation';
import { SpSiteTimeZoneService, type ISiteTimeZoneService, type SiteTimeZone } from './siteTimeZone';
import { onceUntilFailure } from '../common/once';

/** A request as the UI shows it: with when it was asked (SharePoint's Created). */
export interface SparringRequestView extends SparringRequest {
  created?: string;
}

/** What only the PMO decides about a request, read from its assignment. */
type PmoState = Pick<SparringRequestView, 'status' | 'assignedExpert' | 'scheduledAt'>;

/** What the requester fills in. */
export type SparringDraft = Pick<NewItem<SparringRequest>, 'title' | 'description' | 'competency' | 'project' | 'preferredDate' | 'requestedExpert'>;

/** New → Assigned → Scheduled → Done; the PMO moves a request on, one step at a time. */
export const SPARRING_TRANSITIONS: Readonly<Record<SparringStatus, readonly SparringStatus[]>> = {
  New: ['Assigned'],
  Assigned: ['Scheduled'],
  Scheduled: ['Done'],
  Done: []
};

export const OPEN_SPARRING_STATUSES: readonly SparringStatus[] = ['New', 'Assigned', 'Scheduled'];

export function canTransition(from: SparringStatus, to: SparringStatus): boolean {
  return SPARRING_TRANSITIONS[from].indexOf(to) >= 0;
}

/** Whole days between the request and `now` (0 on the day it was asked). */
export function waitedDays(created: string | undefined, now: Date): number | undefined {
  if (!created) return undefined;
  const t = Date.parse(created);
  if (isNaN(t)) return undefined;
  return Math.max(0, Math.floor((now.getTime() - t) / 86_400_000));
}

/** The requester's form: a topic is required; the rest is checked against the schema. */
export function validateSparringDraft(draft: Partial<SparringDraft>): FieldErrors {
  return validateFields('sparringRequests', draft as Record<string, unknown>, ['title', 'description', 'competency', 'project', 'preferredDate', 'requestedExpert']);
}

/** The request cannot make this step (stale status or a skipped step). */
export class TransitionError extends Error {
  public constructor(public readonly from: SparringStatus, public readonly to: SparringStatus) {
    super(`A sparring request cannot move from ${from} to ${to}.`);
    this.name = 'TransitionError';
    Object.setPrototypeOf(this, TransitionError.prototype);
  }
}

/** Only the PMO assigns and moves requests on (the requester could otherwise assign their own). */
export class SparringNotAllowedError extends Error {
  public readonly status: number = 403;
  public constructor() {
    super('Only the PMO assigns sparring requests and moves them on.');
    this.name = 'SparringNotAllowedError';
    Object.setPrototypeOf(this, SparringNotAllowedError.prototype);
  }
}

export interface ISparringRequestService extends ISiteTimeZoneService {
  /** Requests the current user asked for. */
  mine(): Promise<SparringRequestView[]>;
  /** Requests assigned to the current user as expert. */
  assignedToMe(): Promise<SparringRequestView[]>;
  /** Every open request, oldest first (the PMO's view). */
  open(): Promise<SparringRequestView[]>;
  /** May the current user assign requests (the PMO: Manage Permissions on the list, needed to share an item)? */
  canManage(): Promise<boolean>;
  create(draft: SparringDraft): Promise<SparringRequestView>;
  assign(request: SparringRequestView, expert: PersonRef): Promise<SparringRequestView>;
  /** Saves with the request's ETag; `overwrite` after the PMO chose to overwrite someone else's change. */
  schedule(request: SparringRequestView, at: string, options?: { overwrite?: boolean }): Promise<SparringRequestView>;
  complete(request: SparringRequestView): Promise<SparringRequestView>;
}

/** Role definitions of people who manage the list anyway (Full Control, Design, Edit): they keep access to a shared item. */
const MANAGING_ROLE_TYPES = [4, 5, 6];
const READER = 2;

export class SpSparringRequestService implements ISparringRequestService {
  private readonly zone: SpSiteTimeZoneService;
  /** Read once per service; a failed read is tried again. */
  private readonly currentUser: () => Promise<PersonRef>;

  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {
    this.zone = new SpSiteTimeZoneService(sp);
    this.currentUser = onceUntilFailure(() => sp.web.currentUser.select('Id', 'Title', 'Email')<{ Id: number; Title: string; Email: string }>()
      .then((u) => ({ id: u.Id, title: u.Title, email: u.Email })));
  }

  /** A session is scheduled in the site's time zone (its regional settings). */
  public timeZone(): Promise<SiteTimeZone> {
    return this.zone.timeZone();
  }

  /**
   * A request as its requester wrote it. Status, expert and time are left to the assignment:
   * the request's own columns can be set by whoever adds it by REST (SharePoint has no
   * column-level security), so they are never trusted — an unassigned request is New.
   */
  private map(raw: RawItem): SparringRequestView {
    const r = fromItem<SparringRequestView>('sparringRequests', raw);
    // The requester is whoever created the item (Author, set by SharePoint); the writable
    // requester column of schema v1-3 is not trusted: anyone could name someone else there.
    if (r.author) r.requester = r.author;
    const created = raw[internalName('sparringRequests', 'created')];
    if (typeof created === 'string') r.created = created;
    r.status = 'New';
    delete r.assignedExpert;
    delete r.scheduledAt;
    return r;
  }

  private requestItems(sp: SPFI, filter: string | undefined, ascending: boolean): IItems {
    const { select, expand } = selection('sparringRequests', ['created']);
    const items = spList(sp, this.siteUrl, 'sparringRequests').items.select(...select).expand(...expand);
    return (filter ? items.filter(filter) : items).orderBy(internalName('sparringRequests', 'id'), ascending);
  }

  private assignmentItems(sp: SPFI, filter?: string): IItems {
    const { select, expand } = selectFields('sparringAssignments', ['request', 'status', 'assignedExpert', 'scheduledAt']);
    const items = spList(sp, this.siteUrl, 'sparringAssignments').items.select(...select).expand(...expand);
    return (filter ? items.filter(filter) : items).orderBy(internalName('sparringAssignments', 'id'), true);
  }

  /** What the PMO wrote about requests, by request ID: Sparring Assignments, where only the PMO adds and edits. */
  private static states(rows: RawItem[]): Map<number, PmoState> {
    const out = new Map<number, PmoState>();
    for (const raw of rows) {
      const a = fromItem<PmoState & { request: number }>('sparringAssignments', raw);
      out.set(a.request, { status: a.status, assignedExpert: a.assignedExpert, scheduledAt: a.scheduledAt });
    }
    return out;
  }

  /** Someone with no assignment shared with them cannot open Sparring Assignments: none. */
  private static noneIfRefused(e: unknown): RawItem[] {
    if (httpStatus(e) === 403 || httpStatus(e) === 404) return [];
    throw e;
  }

  private async assignments(filter?: string): Promise<Map<number, PmoState>> {
    const rows = await readAll(this.assignmentItems(this.sp, filter)).catch(SpSparringRequestService.noneIfRefused);
    return SpSparringRequestService.states(rows);
  }

  private static withState(request: SparringRequestView, state: PmoState | undefined): SparringRequestView {
    return state ? { ...request, ...state } : request;
  }

  private join(requests: RawItem[], states: Map<number, PmoState>): SparringRequestView[] {
    return requests.map((r) => SpSparringRequestService.withState(this.map(r), states.get(r.Id as number)));
  }

  /**
   * Newest first. ReadSecurity 2 already limits a requester to what they created; the filter
   * is for the PMO. Both filters are on indexed columns (Author, the assignment's requester).
   * One `$batch`: a requester with nothing assigned is refused Sparring Assignments, and a
   * refusal inside a batch is an answer, not a failed request in the browser's console.
   */
  public async mine(): Promise<SparringRequestView[]> {
    const me = await this.currentUser();
    const byAuthor = lookupIdFilter('sparringRequests', 'author', me.id);
    const byRequester = lookupIdFilter('sparringAssignments', 'requester', me.id);
    const [batched, execute] = this.sp.batched();
    const requests = settle(this.requestItems(batched, byAuthor, false).top(PAGE_SIZE)<RawItem[]>());
    const assigned = settle(this.assignmentItems(batched, byRequester).top(PAGE_SIZE)<RawItem[]>());
    await execute();
    const [r, a] = await Promise.all([requests, assigned]);
    if (!r.ok) throw r.error;
    const assignmentRows = a.ok ? a.value : SpSparringRequestService.noneIfRefused(a.error);
    // A full first page: the rest in pages (rare; a person with over 5,000 requests).
    const [allRequests, allAssigned] = await Promise.all([
      r.value.length < PAGE_SIZE ? r.value : readAll(this.requestItems(this.sp, byAuthor, false)),
      assignmentRows.length < PAGE_SIZE ? assignmentRows : readAll(this.assignmentItems(this.sp, byRequester))
    ]);
    return this.join(allRequests, SpSparringRequestService.states(allAssigned));
  }

  /**
   * From Sparring Assignments, the copy the PMO shares with the expert: the request itself is
   * under ReadSecurity 2 and only its author and the PMO can read it. `id` is the request's.
   */
  public async assignedToMe(): Promise<SparringRequestView[]> {
    const me = await this.currentUser();
    const { select, expand } = selection('sparringAssignments', ['created']);
    let rows: RawItem[];
    try {
      rows = await readAll(spList(this.sp, this.siteUrl, 'sparringAssignments').items
        .select(...select).expand(...expand).filter(lookupIdFilter('sparringAssignments', 'assignedExpert', me.id))
        .orderBy(internalName('sparringAssignments', 'id'), false));
    } catch (e) {
      // Someone with no assignment shared with them cannot even open the list: nothing assigned.
      if (httpStatus(e) === 403 || httpStatus(e) === 404) return [];
      throw e;
    }
    return rows.map((raw) => {
      const a = fromItem<SparringRequestView & { request: number }>('sparringAssignments', raw);
      const { request, ...rest } = a;
      return { ...rest, id: request };
    });
  }

  /**
   * Every request and every assignment, joined: whether a request is still open is the
   * assignment's to say, and no column of the request can be trusted to filter on. Both
   * are read in pages by ID, which the list view threshold always allows.
   */
  public async open(): Promise<SparringRequestView[]> {
    const [requests, states] = await Promise.all([readAll(this.requestItems(this.sp, undefined, true)), this.assignments()]);
    return this.join(requests, states).filter((r) => OPEN_SPARRING_STATUSES.indexOf(r.status) >= 0);
  }

  public async canManage(): Promise<boolean> {
    try {
      const mask = await spList(this.sp, this.siteUrl, 'sparringRequests').getCurrentUserEffectivePermissions() as unknown as PermissionMask;
      return hasPermission(mask, PermissionKind.ManagePermissions) && hasPermission(mask, PermissionKind.EditListItems);
    } catch (e) {
      if (httpStatus(e) === 403 || httpStatus(e) === 404) return false;
      throw e;
    }
  }

  /** Asked by the current user, who becomes the requester (and, as author, the only non-PMO reader). */
  public async create(draft: SparringDraft): Promise<SparringRequestView> {
    const errors = validateSparringDraft(draft);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const me = await this.currentUser();
    const values: Record<string, unknown> = {
      title: draft.title.trim(), description: draft.description ?? '', competency: draft.competency ?? null,
      project: draft.project, preferredDate: draft.preferredDate, requestedExpert: draft.requestedExpert, status: 'New'
    };
    return saveItem<'sparringRequests', SparringRequestView>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'sparringRequests', mine: { ...draft, requester: me, status: 'New' } as NewItem<SparringRequestView>,
      payload: toPayload('sparringRequests', values),
      findNew: (items) => items.filter(lookupIdFilter('sparringRequests', 'author', me.id)),
      extraSelect: ['created'],
      map: (r) => this.map(r)
    });
  }

  private async update(request: SparringRequestView, to: SparringStatus, values: { assignedExpert?: PersonRef; scheduledAt?: string }, overwrite?: boolean): Promise<SparringRequestView> {
    // SharePoint lets only the PMO edit a request (staff add but never edit); asking first
    // gives the requester a clear refusal instead of a 403 half-way.
    if (!(await this.canManage())) throw new SparringNotAllowedError();
    const state: PmoState = { status: to, assignedExpert: values.assignedExpert ?? request.assignedExpert, scheduledAt: values.scheduledAt ?? request.scheduledAt };
    // The PMO mirrors its state on the request: the request's ETag makes a stale copy a
    // conflict, and the list's own SharePoint views show it. PMO Hub reads the assignment.
    try {
      const saved = await saveItem<'sparringRequests', SparringRequestView>({
        sp: this.sp, siteUrl: this.siteUrl, listKey: 'sparringRequests', mine: request,
        id: request.id, etag: request.etag, overwrite,
        payload: toPayload('sparringRequests', { ...values, status: to }),
        findNew: (items) => items,
        extraSelect: ['created'],
        map: (r) => this.map(r)
      });
      return SpSparringRequestService.withState(saved, state);
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      const states = await this.assignments(`${internalName('sparringAssignments', 'request')} eq ${request.id}`);
      throw new ConflictError<SparringRequestView>(request, SpSparringRequestService.withState(e.theirs as SparringRequestView, states.get(request.id)));
    }
  }

  /**
   * New → Assigned (or a new expert while Assigned), then shared: the PMO writes the request's
   * assignment, readable by the requester and the expert only (see `share`).
   */
  public async assign(request: SparringRequestView, expert: PersonRef): Promise<SparringRequestView> {
    if (request.status !== 'Assigned' && !canTransition(request.status, 'Assigned')) throw new TransitionError(request.status, 'Assigned');
    if (!expert || !(expert.id > 0)) throw new ValidationError({ assignedExpert: 'required' });
    const saved = await this.update(request, 'Assigned', { assignedExpert: expert });
    await this.share(saved.id, saved.requester, expert);
    return saved;
  }

  public async schedule(request: SparringRequestView, at: string, options: { overwrite?: boolean } = {}): Promise<SparringRequestView> {
    if (!canTransition(request.status, 'Scheduled')) throw new TransitionError(request.status, 'Scheduled');
    const errors = validateFields('sparringRequests', { scheduledAt: at }, ['scheduledAt']);
    if (!at) errors.scheduledAt = 'required';
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const saved = await this.update(request, 'Scheduled', { scheduledAt: new Date(Date.parse(at)).toISOString() }, options.overwrite);
    await this.writeAssignment(saved);
    return saved;
  }

  public async complete(request: SparringRequestView): Promise<SparringRequestView> {
    if (!canTransition(request.status, 'Done')) throw new TransitionError(request.status, 'Done');
    const saved = await this.update(request, 'Done', {});
    await this.writeAssignment(saved);
    return saved;
  }

  /** The item id of a request's assignment, for the PMO (who reads Sparring Assignments). */
  public async assignmentId(requestId: number): Promise<number | undefined> {
    const rows = await spList(this.sp, this.siteUrl, 'sparringAssignments').items.select('Id')
      .filter(`${internalName('sparringAssignments', 'request')} eq ${requestId}`).top(1)<RawItem[]>();
    return rows.length ? rows[0].Id as number : undefined;
  }

  /** Adds or updates the request's assignment (found by the request's ID); returns its item id. */
  private async writeAssignment(request: SparringRequestView): Promise<number | undefined> {
    if (!request.assignedExpert || !request.requester) return undefined;
    const list = spList(this.sp, this.siteUrl, 'sparringAssignments');
    const existingId = await this.assignmentId(request.id);
    const payload = toPayload('sparringAssignments', {
      title: request.title, request: request.id, description: request.description ?? '', requester: request.requester,
      competency: request.competency ?? null, preferredDate: request.preferredDate, status: request.status,
      assignedExpert: request.assignedExpert, scheduledAt: request.scheduledAt ?? null
    });
    if (existingId !== undefined) {
      await list.items.getById(existingId).update(payload);
      return existingId;
    }
    const added = await list.items.add(payload) as RawItem;
    return (added.Id ?? added.ID) as number;
  }

  /**
   * `state` is what the PMO decided (Assigned unless told otherwise: the seed, an upgrade).
   * Idempotent: run again after a failure half-way and it ends up shared the same way. The
   * request's assignment gets its own permissions: those who manage the list keep theirs, the
   * requester and the expert read it, nobody else (a previous expert loses it).
   */
  public async share(itemId: number, requester: PersonRef | undefined, expert: PersonRef, state: Pick<PmoState, 'status' | 'scheduledAt'> = { status: 'Assigned' }): Promise<void> {
    const { select, expand } = selection('sparringRequests', ['created']);
    const request = await spList(this.sp, this.siteUrl, 'sparringRequests').items.getById(itemId)
      .select(...select).expand(...expand)<RawItem>()
      .then((raw) => this.map(raw));
    const assignmentId = await this.writeAssignment({
      ...request, requester: requester && requester.id > 0 ? requester : request.requester, assignedExpert: expert, status: state.status, scheduledAt: state.scheduledAt
    });
    if (assignmentId === undefined) return;
    const item = spList(this.sp, this.siteUrl, 'sparringAssignments').items.getById(assignmentId);
    // Copy first: the PMO keeps the Manage Permissions it needs for the next calls.
    await item.breakRoleInheritance(true, false);
    const [assignments, reader] = await Promise.all([
      item.roleAssignments.expand('RoleDefinitionBindings')<Array<{ PrincipalId: number; RoleDefinitionBindings: Array<{ Id: number; RoleTypeKind: number }> }>>(),
      this.sp.web.roleDefinitions.getByType(READER).select('Id')<{ Id: number }>()
    ]);
    const who = request.requester;
    const [batched, execute] = this.sp.batched();
    const target = spList(batched, this.siteUrl, 'sparringAssignments').items.getById(assignmentId);
    const pending: Array<Promise<unknown>> = [];
    for (const ra of assignments) {
      if (ra.RoleDefinitionBindings.some((b) => MANAGING_ROLE_TYPES.indexOf(b.RoleTypeKind) >= 0)) continue;
      if (ra.PrincipalId === expert.id || (who && ra.PrincipalId === who.id)) continue;
      for (const b of ra.RoleDefinitionBindings) pending.push(settle(target.roleAssignments.remove(ra.PrincipalId, b.Id)));
    }
    const has = (id: number): boolean => assignments.some((ra) => ra.PrincipalId === id && ra.RoleDefinitionBindings.some((b) => b.Id === reader.Id));
    if (who && !has(who.id)) pending.push(settle(target.roleAssignments.add(who.id, reader.Id)));
    if ((!who || expert.id !== who.id) && !has(expert.id)) pending.push(settle(target.roleAssignments.add(expert.id, reader.Id)));
    if (!pending.length) return;
    await execute();
    const failed = (await Promise.all(pending) as Array<{ ok: boolean; error?: unknown }>).find((r) => !r.ok);
    if (failed) throw failed.error;
  }
}
