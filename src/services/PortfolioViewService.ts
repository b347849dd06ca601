import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/site-users/web';
import { PermissionKind } from '@pnp/sp/security';
import { internalName, selectFields } from '../schema';
import type { PortfolioFilter, PortfolioView } from '../model/portfolio';
import type { PersonRef } from '../model/common';
import { ValidationError } from './errors';
import { fromItem, toPayload } from './mapping';
import { hasPermission, httpStatus, settle, type PermissionMask, type Settled } from './odata';
import { ifMatch, readAll, spList, type RawItem } from './listItems';
import { parsePortfolioFilter } from '../model/portfolioFilter';

/** The saved views a user sees, and what they may save. */
export interface PortfolioViews {
  /** PMO-wide views first, then the user's own, each by title. */
  views: PortfolioView[];
  me: PersonRef;
  /** PMO staff (who manage the list) save views for everyone. */
  canSaveShared: boolean;
  /** Everyone who may add to the list saves personal views. */
  canSavePersonal: boolean;
}

export interface PortfolioViewDraft {
  id?: number;
  etag?: string;
  title: string;
  filter: PortfolioFilter;
  shared: boolean;
}

export interface IPortfolioViewService {
  load(): Promise<PortfolioViews>;
  /** Adds or updates the user's view; throws ValidationError (field `title`) for a missing or too long title. */
  save(view: PortfolioViewDraft): Promise<PortfolioView>;
  remove(id: number): Promise<void>;
}

const TITLE_MAX = 255;

function mapView(raw: RawItem): PortfolioView {
  const v = fromItem<PortfolioView>('portfolioViews', raw);
  // Hand-edited or older JSON: whatever is usable is kept, the rest dropped (never a broken web part).
  // A personal view is personal wherever its old `shared` column points (schema 4).
  return { ...v, shared: false, filterDefinition: parsePortfolioFilter(v.filterDefinition ?? '') };
}

/**
 * A view the PMO shares lives in its own list (schema 4); its id is the item's id negated, so
 * one number names a view whichever list holds it.
 */
function mapShared(raw: RawItem): PortfolioView {
  const v = fromItem<PortfolioView>('sharedPortfolioViews', raw);
  return { ...v, id: -v.id, shared: true, filterDefinition: parsePortfolioFilter(v.filterDefinition ?? '') };
}

export class SpPortfolioViewService implements IPortfolioViewService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  /**
   * Two steps: one `$batch` with the current user and both lists' effective permissions, then
   * "owner = me" on Portfolio Views (indexed; ReadSecurity 2 shows nobody else's anyway) and the
   * PMO's shared views.
   */
  public async load(): Promise<PortfolioViews> {
    const [batched, execute] = this.sp.batched();
    const user = settle(batched.web.currentUser.select('Id', 'Title', 'Email')<{ Id: number; Title: string; Email: string }>());
    const perms = settle(spList(batched, this.siteUrl, 'portfolioViews').getCurrentUserEffectivePermissions() as Promise<PermissionMask>);
    const sharedPerms = settle(spList(batched, this.siteUrl, 'sharedPortfolioViews').getCurrentUserEffectivePermissions() as Promise<PermissionMask>);
    await execute();
    const u = await user;
    if (!u.ok) throw u.error;
    const maskOf = async (p: Promise<Settled<PermissionMask>>): Promise<PermissionMask | undefined> => {
      const r = await p;
      if (!r.ok && httpStatus(r.error) !== 403 && httpStatus(r.error) !== 404) throw r.error;
      return r.ok ? r.value : undefined;
    };
    const [mask, sharedMask] = await Promise.all([maskOf(perms), maskOf(sharedPerms)]);
    const me: PersonRef = { id: u.value.Id, title: u.value.Title, email: u.value.Email };
    const { select, expand } = selectFields('portfolioViews', ['id', 'title', 'filterDefinition', 'owner']);
    const owner = `${internalName('portfolioViews', 'owner')}Id`;
    const shared = selectFields('sharedPortfolioViews', ['id', 'title', 'filterDefinition', 'owner']);
    const [personal, pmo] = await Promise.all([
      mask ? readAll(spList(this.sp, this.siteUrl, 'portfolioViews').items.select(...select).expand(...expand).filter(`${owner} eq ${me.id}`)) : Promise.resolve([]),
      sharedMask ? readAll(spList(this.sp, this.siteUrl, 'sharedPortfolioViews').items.select(...shared.select).expand(...shared.expand)) : Promise.resolve([])
    ]);
    const views = [...pmo.map(mapShared), ...personal.map(mapView)]
      .sort((a, b) => Number(b.shared) - Number(a.shared) || a.title.localeCompare(b.title));
    return {
      views, me,
      canSaveShared: hasPermission(sharedMask, PermissionKind.AddListItems),
      canSavePersonal: hasPermission(mask, PermissionKind.AddListItems)
    };
  }

  public async save(view: PortfolioViewDraft): Promise<PortfolioView> {
    const title = view.title.trim();
    if (!title) throw new ValidationError({ title: 'required' });
    if (title.length > TITLE_MAX) throw new ValidationError({ title: 'tooLong' });
    const key = view.shared ? 'sharedPortfolioViews' : 'portfolioViews';
    const list = spList(this.sp, this.siteUrl, key);
    const me = view.id === undefined ? await this.sp.web.currentUser.select('Id')<{ Id: number }>() : undefined;
    // The owner is whoever created the view; a PMO member editing a shared view does not take it over.
    const payload = toPayload(key, {
      title, filterDefinition: JSON.stringify(parsePortfolioFilter(view.filter)),
      ...(view.id === undefined ? { owner: me?.Id } : {})
    });
    const { select, expand } = selectFields(key, ['id', 'title', 'filterDefinition', 'owner']);
    let id = view.id === undefined ? undefined : Math.abs(view.id);
    if (id === undefined) {
      const added = await list.items.add(payload) as { Id?: number; ID?: number };
      id = added.Id ?? added.ID;
      if (typeof id !== 'number') throw new Error('SharePoint did not return the new view\'s ID.');
    } else {
      await list.items.getById(id).update(payload, ifMatch(view.etag, false));
    }
    const raw = await list.items.getById(id).select(...select).expand(...expand)<RawItem>();
    return view.shared ? mapShared(raw) : mapView(raw);
  }

  public async remove(id: number): Promise<void> {
    await spList(this.sp, this.siteUrl, id < 0 ? 'sharedPortfolioViews' : 'portfolioViews').items.getById(Math.abs(id)).delete();
  }
}
