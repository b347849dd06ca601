import type { PageLinks } from './components/FrontDoor';
import { sitePath } from '../../services/ProjectService';
import { HUB_PAGES, hubPagePath } from '../../pages/hubPages';
import { isProfile, profilePages, DEFAULT_PROFILE } from '../../pages/profiles';

/** The pages of the site's profile (the default profile's when none is stored), as quick links' targets. */
export function profilePageKeys(profile: string | undefined): string[] {
  return profilePages(isProfile(profile) ? profile : DEFAULT_PROFILE).map((p) => p.key);
}

/** URLs of the hub's pages on a site, for the pages the site's profile has. */
export function pageLinks(siteUrl: string, pages: readonly string[]): PageLinks {
  const out: PageLinks = {};
  for (const p of HUB_PAGES) {
    if (pages.indexOf(p.key) < 0 || p.key === 'home') continue;
    out[p.key as keyof PageLinks] = hubPagePath(sitePath(siteUrl), p);
  }
  return out;
}
