import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/clientside-pages';
import { SPQueryable } from '@pnp/sp';
import type { IClientsidePage } from '@pnp/sp/clientside-pages';
import { _ClientsidePage } from '@pnp/sp/clientside-pages/types.js';
import { buildCanvas, canvasContent, canvasOf, pageFingerprint, type CanvasSpec } from '../pages/canvas';
import { profilePages, type ProfilePage } from '../pages/profiles';
import type { PmoProfile } from '../pages/hubPages';
import { SpHubSettingsService, type HubSetting } from '../services/HubSettingsService';
import { readAll } from '../services/listItems';

/**
 * The hub's pages, provisioned through SharePoint's pages API (`sitepages/pages`, as PnPjs's
 * clientside-pages speaks it), the same on a tenant and on the local SharePoint.
 *
 * A page is PMO Hub's to change only while it is as provisioning last wrote it. After every
 * write, the page's fingerprint (title, and each control's place, component, properties and
 * connections: `pageFingerprint`) is kept in PMO Hub Settings as `page:<file>`. On a later run:
 * - no page, no record: create it;
 * - no page, a record: the owner deleted it; it stays deleted;
 * - a page, no record: someone else's page of that name (SharePoint's own Home.aspx on a new
 *   site, or one made by hand); it is left alone;
 * - a page whose fingerprint is the record: untouched since; rewritten if PMO Hub's definition
 *   changed, otherwise nothing is written;
 * - a page whose fingerprint differs: the owner edited it; it is kept as it is.
 * Why a fingerprint of what was written rather than the page's version or editor: provisioning
 * may run as the same person who later edits in the browser, and SharePoint bumps versions for
 * reasons that change nothing on the page (check-out, metadata); the fingerprint changes only
 * when the content does.
 */

export type PageStepKind = 'createPage' | 'updatePage' | 'keepEdited' | 'keepDeleted' | 'keepForeign';

export interface PageStep {
  kind: PageStepKind;
  fileName: string;
  title: string;
  spec: CanvasSpec;
  /** The page's item id, for pages that exist. */
  id?: number;
  record?: HubSetting;
}

export interface PageTexts {
  /** The page's title and intro in the site's language, by page. */
  title: (page: ProfilePage) => string;
  intro: (page: ProfilePage) => string | undefined;
}

export interface PagesState {
  webUrl: string;
  webPath: string;
  /** Site Pages items by lower-case file name. */
  existing: Map<string, { id: number; fileName: string }>;
  settings: Map<string, HubSetting>;
}

export const PAGE_RECORD_PREFIX = 'page:';
export const PROFILE_SETTING = 'profile';

export function describePageStep(s: PageStep): string {
  switch (s.kind) {
    case 'createPage': return `create page ${s.fileName} ('${s.title}', ${s.spec.webParts.length} web parts)`;
    case 'updatePage': return `upgrade page ${s.fileName} to PMO Hub's current layout (${s.spec.webParts.length} web parts)`;
    case 'keepEdited': return `keep page ${s.fileName}: edited on the site since PMO Hub wrote it`;
    case 'keepDeleted': return `leave page ${s.fileName} deleted: removed on the site after PMO Hub wrote it`;
    case 'keepForeign': return `leave page ${s.fileName} as it is: PMO Hub did not write it`;
  }
}

/** Whether a step writes (the keep-steps are reported, not applied). */
export function pageStepWrites(s: PageStep): boolean {
  return s.kind === 'createPage' || s.kind === 'updatePage';
}

/** Reads the Site Pages items and PMO Hub's records; GET requests only. */
export async function readPages(sp: SPFI): Promise<PagesState> {
  const web = await sp.web.select('ServerRelativeUrl', 'Url')<{ ServerRelativeUrl: string; Url: string }>();
  const webPath = web.ServerRelativeUrl.replace(/\/+$/, '');
  const existing = new Map<string, { id: number; fileName: string }>();
  try {
    // Paged by ID: a busy site's news and pages may pass the list view threshold.
    const rows = await readAll(sp.web.getList(`${webPath}/SitePages`).items.select('Id', 'FileLeafRef'));
    for (const r of rows) existing.set(String(r.FileLeafRef).toLowerCase(), { id: r.Id as number, fileName: String(r.FileLeafRef) });
  } catch (e) {
    // A site whose Site Pages library was never created has no pages yet.
    if ((e as { status?: number }).status !== 404) throw e;
  }
  const settings = await new SpHubSettingsService(sp, webPath).readAll();
  return { webUrl: web.Url, webPath, existing, settings };
}

/** A page as the pages API returns it, as a PnPjs page object that can be saved. */
async function loadPage(sp: SPFI, state: PagesState, id: number): Promise<IClientsidePage> {
  const data = await SPQueryable([sp.web, state.webUrl], `_api/sitepages/pages(${id})`)<Record<string, unknown>>();
  return new _ClientsidePage([sp.web, state.webUrl], '', data) as unknown as IClientsidePage;
}

/** Compares the site's pages with the profile's; reads each existing hub page once. */
export async function planPages(sp: SPFI, state: PagesState, profile: PmoProfile, texts: PageTexts): Promise<PageStep[]> {
  const steps: PageStep[] = [];
  for (const page of profilePages(profile)) {
    const title = texts.title(page);
    const spec: CanvasSpec = { fileName: page.fileName, intro: texts.intro(page), webParts: page.webParts, sections: page.sections };
    const record = state.settings.get(`${PAGE_RECORD_PREFIX}${page.fileName}`);
    const found = state.existing.get(page.fileName.toLowerCase());
    const base = { fileName: page.fileName, title, spec, record };
    if (!found) {
      steps.push({ ...base, kind: record ? 'keepDeleted' : 'createPage' });
      continue;
    }
    if (!record) {
      steps.push({ ...base, kind: 'keepForeign', id: found.id });
      continue;
    }
    const current = await loadPage(sp, state, found.id);
    const now = pageFingerprint(current.title, canvasOf(current));
    if (now !== record.value) {
      steps.push({ ...base, kind: 'keepEdited', id: found.id });
      continue;
    }
    if (pageFingerprint(title, canvasContent(spec)) !== record.value) steps.push({ ...base, kind: 'updatePage', id: found.id });
  }
  return steps;
}

/**
 * Writes the create and upgrade steps, each published, and records each page's fingerprint
 * as SharePoint stored it (read back after the save). Returns the number of pages written.
 */
export async function applyPages(sp: SPFI, state: PagesState, steps: PageStep[], onStep?: (line: string) => void): Promise<number> {
  const settings = new SpHubSettingsService(sp, state.webPath);
  let written = 0;
  for (const s of steps.filter(pageStepWrites)) {
    onStep?.(describePageStep(s));
    let page: IClientsidePage;
    if (s.kind === 'createPage') {
      // PnPjs names the file after its first title (the file name), then takes the real title.
      page = await sp.web.addClientsidePage(s.fileName, s.title, 'Article');
    } else {
      page = await loadPage(sp, state, s.id as number);
      page.title = s.title;
    }
    buildCanvas(page, s.spec);
    await page.save(true);
    // save() reloads the page: this is what SharePoint stored.
    await settings.write(`${PAGE_RECORD_PREFIX}${s.fileName}`, pageFingerprint(page.title, canvasOf(page)), s.record);
    written++;
  }
  return written;
}

/** The profile the site was provisioned for, if it says. */
export function storedProfile(state: PagesState): string | undefined {
  return state.settings.get(PROFILE_SETTING)?.value || undefined;
}
