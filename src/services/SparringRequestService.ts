import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security';
import '@pnp/sp/batching';
import { PermissionKind } from '@pnp/sp/security';
import { internalName } from '../schema';
import type { SparringRequest, SparringStatus } from '../model/community';
import type { NewItem, PersonRef } from '../model/common';
import { ValidationError } from './errors';
import { fromItem, toPayload } from './mapping';
import { lookupIdFilter, readAll, saveItem, selection, spList, type RawItem } from './listItems';
import { hasPermission, httpStatus, odataString, settle, type PermissionMask } from './odata';
import { validateFields, type FieldErrors } from './validation';

/** A request as the UI shows it: with when it was asked (SharePoint's Created). */
export interface SparringRequestView extends SparringRequest {
  created?: string;
}

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

export interface ISparringRequestService {
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
  schedule(request: SparringRequestView, at: string): Promise<SparringRequestView>;
  complete(request: SparringRequestView): Promise<SparringRequestView>;
}

/** Role definitions of people who manage the list anyway (Full Control, Design, Edit): they keep access to a shared item. */
const MANAGING_ROLE_TYPES = [4, 5, 6];
const READER = 2;
const CONTRIBUTOR = 3;

export class SpSparringRequestService implements ISparringRequestService {
  private me: Promise<PersonRef> | undefined;

  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  private currentUser(): Promise<PersonRef> {
    if (!this.me) {
      this.me = this.sp.web.currentUser.select('Id', 'Title', 'Email')<{ Id: number; Title: string; Email: string }>()
        .then((u) => ({ id: u.Id, title: u.Title, email: u.Email }));
      this.me.catch(() => { this.me = undefined; });
    }
    return this.me;
  }

  private map(raw: RawItem): SparringRequestView {
    const r = fromItem<SparringRequestView>('sparringRequests', raw);
    const created = raw[internalName('sparringRequests', 'created')];
    if (typeof created === 'string') r.created = created;
    return r;
  }

  private async query(filter: string, ascending: boolean): Promise<SparringRequestView[]> {
    const { select, expand } = selection('sparringRequests', ['created']);
    const rows = await readAll(spList(this.sp, this.siteUrl, 'sparringRequests').items
      .select(...select).expand(...expand).filter(filter).orderBy(internalName('sparringRequests', 'id'), ascending));
    return rows.map((r) => this.map(r));
  }

  public async mine(): Promise<SparringRequestView[]> {
    const me = await this.currentUser();
    return this.query(lookupIdFilter('sparringRequests', 'requester', me.id), false);
  }

  public async assignedToMe(): Promise<SparringRequestView[]> {
    const me = await this.currentUser();
    return this.query(lookupIdFilter('sparringRequests', 'assignedExpert', me.id), false);
  }

  public async open(): Promise<SparringRequestView[]> {
    const status = internalName('sparringRequests', 'status');
    return this.query(OPEN_SPARRING_STATUSES.map((s) => `${status} eq ${odataString(s)}`).join(' or '), true);
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
      project: draft.project, preferredDate: draft.preferredDate, requestedExpert: draft.requestedExpert, requester: me, status: 'New'
    };
    return saveItem<'sparringRequests', SparringRequestView>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'sparringRequests', mine: { ...draft, requester: me, status: 'New' } as NewItem<SparringRequestView>,
      payload: toPayload('sparringRequests', values),
      findNew: (items) => items.filter(lookupIdFilter('sparringRequests', 'requester', me.id)),
      extraSelect: ['created'],
      map: (r) => this.map(r)
    });
  }

  private async update(request: SparringRequestView, to: SparringStatus, values: Record<string, unknown>): Promise<SparringRequestView> {
    // The requester may edit their own item (WriteSecurity), so SharePoint alone would let them move it on.
    if (!(await this.canManage())) throw new SparringNotAllowedError();
    return saveItem<'sparringRequests', SparringRequestView>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'sparringRequests', mine: request,
      id: request.id, etag: request.etag,
      payload: toPayload('sparringRequests', { ...values, status: to }),
      findNew: (items) => items,
      extraSelect: ['created'],
      map: (r) => this.map(r)
    });
  }

  /**
   * New → Assigned (or a new expert while Assigned), then the item is shared: its own
   * permissions keep only those who manage the list, plus the requester (Contribute) and
   * the expert (Read). The list's ReadSecurity keeps everybody else out.
   */
  public async assign(request: SparringRequestView, expert: PersonRef): Promise<SparringRequestView> {
    if (request.status !== 'Assigned' && !canTransition(request.status, 'Assigned')) throw new TransitionError(request.status, 'Assigned');
    if (!expert || !(expert.id > 0)) throw new ValidationError({ assignedExpert: 'required' });
    const saved = await this.update(request, 'Assigned', { assignedExpert: expert });
    await this.share(saved.id, saved.requester, expert);
    return saved;
  }

  public async schedule(request: SparringRequestView, at: string): Promise<SparringRequestView> {
    if (!canTransition(request.status, 'Scheduled')) throw new TransitionError(request.status, 'Scheduled');
    const errors = validateFields('sparringRequests', { scheduledAt: at }, ['scheduledAt']);
    if (!at) errors.scheduledAt = 'required';
    if (Object.keys(errors).length) throw new ValidationError(errors);
    return this.update(request, 'Scheduled', { scheduledAt: new Date(Date.parse(at)).toISOString() });
  }

  public async complete(request: SparringRequestView): Promise<SparringRequestView> {
    if (!canTransition(request.status, 'Done')) throw new TransitionError(request.status, 'Done');
    return this.update(request, 'Done', {});
  }

  /** Idempotent: run again after a failure half-way and the item ends up shared the same way. */
  public async share(itemId: number, requester: PersonRef | undefined, expert: PersonRef): Promise<void> {
    const item = spList(this.sp, this.siteUrl, 'sparringRequests').items.getById(itemId);
    // Copy first: the PMO keeps the Manage Permissions it needs for the next calls.
    await item.breakRoleInheritance(true, false);
    const [assignments, reader, contributor] = await Promise.all([
      item.roleAssignments.expand('RoleDefinitionBindings')<Array<{ PrincipalId: number; RoleDefinitionBindings: Array<{ Id: number; RoleTypeKind: number }> }>>(),
      this.sp.web.roleDefinitions.getByType(READER).select('Id')<{ Id: number }>(),
      this.sp.web.roleDefinitions.getByType(CONTRIBUTOR).select('Id')<{ Id: number }>()
    ]);
    const [batched, execute] = this.sp.batched();
    const target = spList(batched, this.siteUrl, 'sparringRequests').items.getById(itemId);
    const pending: Array<Promise<unknown>> = [];
    for (const ra of assignments) {
      if (ra.RoleDefinitionBindings.some((b) => MANAGING_ROLE_TYPES.indexOf(b.RoleTypeKind) >= 0)) continue;
      for (const b of ra.RoleDefinitionBindings) pending.push(settle(target.roleAssignments.remove(ra.PrincipalId, b.Id)));
    }
    if (requester) pending.push(settle(target.roleAssignments.add(requester.id, contributor.Id)));
    if (!requester || expert.id !== requester.id) pending.push(settle(target.roleAssignments.add(expert.id, reader.Id)));
    await execute();
    const failed = (await Promise.all(pending) as Array<{ ok: boolean; error?: unknown }>).find((r) => !r.ok);
    if (failed) throw failed.error;
  }
}
