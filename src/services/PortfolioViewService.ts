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
import { hasPermission, httpStatus, settle, type PermissionMask } from './odata';
import { ifMatch, readAll, spList, type RawItem } from './listItems';
import { parsePortfolioFilter } from '../webparts/portfolio/shared/portfolioFilter';

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
  return { ...v, filterDefinition: parsePortfolioFilter(v.filterDefinition ?? '') };
}

export class SpPortfolioViewService implements IPortfolioViewService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  /**
   * Two requests: one `$batch` with the current user and the list's effective permissions, then
   * "owner = me OR shared" — both columns indexed, so the read stays under the list view threshold
   * however many personal views other people keep.
   */
  public async load(): Promise<PortfolioViews> {
    const [batched, execute] = this.sp.batched();
    const user = settle(batched.web.currentUser.select('Id', 'Title', 'Email')<{ Id: number; Title: string; Email: string }>());
    const perms = settle(spList(batched, this.siteUrl, 'portfolioViews').getCurrentUserEffectivePermissions() as Promise<PermissionMask>);
    await execute();
    const u = await user;
    if (!u.ok) throw u.error;
    const p = await perms;
    if (!p.ok && httpStatus(p.error) !== 403 && httpStatus(p.error) !== 404) throw p.error;
    const mask = p.ok ? p.value : undefined;
    const me: PersonRef = { id: u.value.Id, title: u.value.Title, email: u.value.Email };
    const { select, expand } = selectFields('portfolioViews', ['id', 'title', 'filterDefinition', 'owner', 'shared']);
    const owner = `${internalName('portfolioViews', 'owner')}Id`;
    const shared = internalName('portfolioViews', 'shared');
    const raws = await readAll(spList(this.sp, this.siteUrl, 'portfolioViews').items
      .select(...select).expand(...expand).filter(`${owner} eq ${me.id} or ${shared} eq 1`));
    const views = raws.map(mapView).sort((a, b) => Number(b.shared) - Number(a.shared) || a.title.localeCompare(b.title));
    return {
      views, me,
      canSaveShared: hasPermission(mask, PermissionKind.ManageLists),
      canSavePersonal: hasPermission(mask, PermissionKind.AddListItems)
    };
  }

  public async save(view: PortfolioViewDraft): Promise<PortfolioView> {
    const title = view.title.trim();
    if (!title) throw new ValidationError({ title: 'required' });
    if (title.length > TITLE_MAX) throw new ValidationError({ title: 'tooLong' });
    const list = spList(this.sp, this.siteUrl, 'portfolioViews');
    const me = view.id === undefined ? await this.sp.web.currentUser.select('Id')<{ Id: number }>() : undefined;
    // The owner is whoever created the view; a PMO member editing a shared view does not take it over.
    const payload = toPayload('portfolioViews', {
      title, filterDefinition: JSON.stringify(parsePortfolioFilter(view.filter)), shared: view.shared,
      ...(view.id === undefined ? { owner: me?.Id } : {})
    });
    const { select, expand } = selectFields('portfolioViews', ['id', 'title', 'filterDefinition', 'owner', 'shared']);
    let id = view.id;
    if (id === undefined) {
      const added = await list.items.add(payload) as { Id?: number; ID?: number };
      id = added.Id ?? added.ID;
      if (typeof id !== 'number') throw new Error('SharePoint did not return the new view\'s ID.');
    } else {
      await list.items.getById(id).update(payload, ifMatch(view.etag, false));
    }
    return mapView(await list.items.getById(id).select(...select).expand(...expand)<RawItem>());
  }

  public async remove(id: number): Promise<void> {
    await spList(this.sp, this.siteUrl, 'portfolioViews').items.getById(id).delete();
  }
}
