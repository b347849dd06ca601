import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/navigation';
import { profilePages } from '../pages/profiles';
import type { PmoProfile } from '../pages/hubPages';
import { SpHubSettingsService } from '../services/HubSettingsService';
import type { PageStep, PageTexts, PagesState } from './pages';

/**
 * The profile's pages in the site's Quick Launch (`web/navigation/QuickLaunch`), added to what
 * the site has, never taking anything away: a link to the page already there (the owner's or
 * PMO Hub's, whatever its title) is left as it is; a link PMO Hub added and the owner removed
 * stays removed (PMO Hub keeps `nav:<file>` in its settings when it adds one); a page the owner
 * deleted gets no link. A second run writes nothing.
 */

export type NavStepKind = 'addLink' | 'keepRemoved';

export interface NavStep {
  kind: NavStepKind;
  fileName: string;
  title: string;
  url: string;
}

export const NAV_RECORD_PREFIX = 'nav:';

export interface QuickLaunchNode { Id: number; Title: string; Url: string }

export function describeNavStep(s: NavStep): string {
  return s.kind === 'addLink'
    ? `add '${s.title}' (${s.fileName}) to the Quick Launch`
    : `leave ${s.fileName} out of the Quick Launch: its link was removed on the site after PMO Hub added it`;
}

export async function readQuickLaunch(sp: SPFI): Promise<QuickLaunchNode[]> {
  return sp.web.navigation.quicklaunch.select('Id', 'Title', 'Url')<QuickLaunchNode[]>();
}

/** Whether a node's URL leads to the page (server-relative or absolute; the site's own URL is its Home.aspx). */
export function linksTo(nodeUrl: string, webPath: string, fileName: string): boolean {
  let path = nodeUrl.trim();
  try { path = decodeURIComponent(/^https?:\/\//i.test(path) ? new URL(path).pathname : path.split(/[?#]/)[0]); } catch { /* keep it as written */ }
  const p = path.replace(/\/+$/, '').toLowerCase();
  const web = webPath.replace(/\/+$/, '').toLowerCase();
  if (p === `${web}/sitepages/${fileName.toLowerCase()}`) return true;
  return fileName.toLowerCase() === 'home.aspx' && p === web;
}

/** Plans the Quick Launch from the page steps (pages being created count as there). GET requests only. */
export async function planNavigation(sp: SPFI, state: PagesState, profile: PmoProfile, texts: PageTexts, pageSteps: readonly PageStep[]): Promise<NavStep[]> {
  const nodes = await readQuickLaunch(sp);
  const steps: NavStep[] = [];
  for (const page of profilePages(profile)) {
    const step = pageSteps.find((s) => s.fileName === page.fileName);
    const exists = state.existing.has(page.fileName.toLowerCase()) || step?.kind === 'createPage';
    if (!exists || step?.kind === 'keepDeleted') continue;
    if (nodes.some((n) => linksTo(n.Url, state.webPath, page.fileName))) continue;
    const url = `${state.webPath}/SitePages/${page.fileName}`;
    const record = state.settings.get(`${NAV_RECORD_PREFIX}${page.fileName}`);
    steps.push({ kind: record ? 'keepRemoved' : 'addLink', fileName: page.fileName, title: texts.title(page), url });
  }
  return steps;
}

/** Adds the planned links, in the profile's page order after the site's own; returns how many were added. */
export async function applyNavigation(sp: SPFI, state: PagesState, steps: readonly NavStep[], onStep?: (line: string) => void): Promise<number> {
  const settings = new SpHubSettingsService(sp, state.webPath);
  let added = 0;
  for (const s of steps.filter((x) => x.kind === 'addLink')) {
    onStep?.(describeNavStep(s));
    await sp.web.navigation.quicklaunch.add(s.title, s.url, true);
    await settings.write(`${NAV_RECORD_PREFIX}${s.fileName}`, s.url, state.settings.get(`${NAV_RECORD_PREFIX}${s.fileName}`));
    added++;
  }
  return added;
}
