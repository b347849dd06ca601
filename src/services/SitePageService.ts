import type { SPFI } from '@pnp/sp';
import { SPQueryable } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/clientside-pages';
import type { IClientsidePage } from '@pnp/sp/clientside-pages';
import { _ClientsidePage } from '@pnp/sp/clientside-pages/types.js';
import { connectedFilterSource, writeEditedCanvas, type EditedSection } from '../pages/canvas';
import { PermissionKind } from '@pnp/sp/security';
import '@pnp/sp/security';
import { hasPermission, httpStatus, settle, type PermissionMask } from './odata';

/** A stored modern page as a host renders it: sections of columns of controls, in page order. */
export interface StoredPage {
  id: number;
  fileName: string;
  title: string;
  canEdit: boolean;
  sections: StoredSection[];
}

export interface StoredSection {
  columns: Array<{ factor: number; controls: StoredControl[] }>;
}

export type StoredControl =
  | { kind: 'text'; id: string; html: string }
  | { kind: 'webPart'; id: string; manifestId: string; properties: Record<string, unknown>; filterSource?: string };

/** What the current user may do to the site's pages and navigation: hides commands only, SharePoint decides. */
export interface PageRights {
  addPages: boolean;
  editNavigation: boolean;
}

export class PageNotFoundError extends Error {
  public constructor(fileName: string) {
    super(`There is no page ${fileName} in Site Pages.`);
    this.name = 'PageNotFoundError';
  }
}

/** Modern pages of one site, read through SharePoint's pages API as PnPjs reads them. */
export class SpSitePageService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  private get webPath(): string {
    return new URL(this.siteUrl).pathname.replace(/\/+$/, '');
  }

  /** The page, as the caller may see it: readers get the last published version (SharePoint decides). */
  public async load(fileName: string): Promise<StoredPage> {
    // By path, not by a filter on FileLeafRef: a file's address is safe past the list view threshold.
    let id: number;
    try {
      id = (await this.sp.web.getFileByServerRelativePath(`${this.webPath}/SitePages/${fileName}`).listItemAllFields.select('Id')<{ Id: number }>()).Id;
    } catch (e) {
      if (httpStatus(e) === 404) throw new PageNotFoundError(fileName);
      throw e;
    }
    const { page, data } = await this.pageById(id);
    return toStoredPage(page, data);
  }

  /**
   * Adding a page takes Add Items on Site Pages [verify: SharePoint Online may also ask for Add
   * and Customize Pages]; changing the navigation Manage Lists on the site (see the local
   * SharePoint's store/navigation.ts for why).
   */
  public async rights(): Promise<PageRights> {
    const [batched, execute] = this.sp.batched();
    const pages = settle(batched.web.getList(`${this.webPath}/SitePages`).getCurrentUserEffectivePermissions() as Promise<PermissionMask>);
    const web = settle(batched.web.getCurrentUserEffectivePermissions() as Promise<PermissionMask>);
    await execute();
    const [p, w] = await Promise.all([pages, web]);
    return {
      addPages: p.ok && hasPermission(p.value, PermissionKind.AddListItems),
      editNavigation: w.ok && hasPermission(w.value, PermissionKind.ManageLists)
    };
  }

  /**
   * Creates an empty page as a draft with this title; SharePoint names its file after the title
   * (and numbers a name in use). Returns the file name SharePoint gave it.
   */
  public async createPage(title: string): Promise<string> {
    // PnPjs saves once with its first argument as the title (which names the file), then takes the title.
    const page = await this.sp.web.addClientsidePage(title.trim(), title.trim(), 'Article');
    await page.save(false);
    const id = (page as unknown as { json: { Id: number } }).json.Id;
    const { data } = await this.pageById(id);
    return String(data.FileName);
  }

  private async pageById(id: number): Promise<{ page: IClientsidePage; data: Record<string, unknown> }> {
    const data = await SPQueryable([this.sp.web, this.siteUrl], `_api/sitepages/pages(${id})`)<Record<string, unknown>>();
    return { page: new _ClientsidePage([this.sp.web, this.siteUrl], '', data) as unknown as IClientsidePage, data };
  }

  /**
   * Saves the page's new arrangement and publishes it, through the PnPjs page class provisioning
   * writes with (so it is a SharePoint canvas); SharePoint decides whether the caller may.
   * Returns the page as SharePoint stored it.
   */
  public async saveAndPublish(id: number, sections: readonly EditedSection[]): Promise<StoredPage> {
    const { page } = await this.pageById(id);
    writeEditedCanvas(page, sections);
    await page.save(true);
    const reread = await this.pageById(id);
    return toStoredPage(reread.page, reread.data);
  }
}

export function toStoredPage(page: IClientsidePage, data: Record<string, unknown>): StoredPage {
  return {
    id: Number(data.Id), fileName: String(data.FileName ?? ''), title: page.title ?? '', canEdit: data.DoesUserHaveEditPermission === true,
    sections: page.sections.map((s) => ({
      columns: s.columns.map((c) => ({
        factor: c.factor,
        controls: c.controls.map((ctl): StoredControl => {
          const d = ctl.data as { controlType?: number; id?: string; innerHTML?: string; webPartId?: string; webPartData?: { properties?: Record<string, unknown>; dynamicDataPaths?: Record<string, string> } };
          if (d.controlType === 4) return { kind: 'text', id: String(d.id), html: String(d.innerHTML ?? '') };
          return {
            kind: 'webPart', id: String(d.id), manifestId: String(d.webPartId ?? '').toLowerCase(), properties: { ...(d.webPartData?.properties ?? {}) },
            filterSource: connectedFilterSource(d)
          };
        })
      }))
    }))
  };
}
