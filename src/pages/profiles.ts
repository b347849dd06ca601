import { HUB_PAGES, type HubPage, type HubWebPart, type PmoProfile } from './hubPages';
import { lists as schemaLists, type ListKey, type ListSchema } from '../schema';

/**
 * The five kinds of PMO and what each site gets. Pages and web parts say which profiles they
 * belong to (hubPages.ts); the lists are here. Adding a page, a web part or a list to a profile
 * is a change of this data, nothing else.
 */
export interface ProfileDefinition {
  key: PmoProfile;
  /** The lists the profile's web parts read and write; lookup targets are added by `profileLists`. */
  lists: readonly ListKey[];
}

export const PMO_PROFILES: readonly ProfileDefinition[] = [
  {
    // Supports project leaders: the register, reporting, risks, templates, sparring and lessons.
    key: 'operational',
    lists: ['projects', 'statusReports', 'risks', 'methodTemplates', 'templateDownloads', 'pmoExperts', 'sparringRequests', 'sparringAssignments', 'lessonsLearned', 'frontDoor']
  },
  {
    // Coordinates a programme or a unit: the operational core plus the portfolio's overview and saved views.
    key: 'tactical',
    lists: ['projects', 'statusReports', 'risks', 'methodTemplates', 'templateDownloads', 'portfolioViews', 'sharedPortfolioViews', 'frontDoor']
  },
  {
    // Prioritises and controls the portfolio: adds the scoring model and strategic objectives with their key results.
    key: 'portfolio',
    lists: ['strategicObjectives', 'keyResults', 'prioritisationCriteria', 'projects', 'statusReports', 'risks', 'methodTemplates', 'templateDownloads',
      'portfolioViews', 'sharedPortfolioViews', 'frontDoor']
  },
  {
    // Strategy for the whole organisation: everything PMO Hub has.
    key: 'enterprise',
    lists: schemaLists.map((l) => l.key as ListKey).filter((k) => k !== 'hubSettings')
  },
  {
    // Methods, training and community: templates, the meeting cycle, experts and lessons.
    key: 'excellence',
    lists: ['projects', 'methodTemplates', 'templateDownloads', 'communityEvents', 'pmoExperts', 'sparringRequests', 'sparringAssignments', 'lessonsLearned', 'frontDoor']
  }
];

export const PROFILE_KEYS: readonly PmoProfile[] = PMO_PROFILES.map((p) => p.key);

/**
 * Every site before profiles got everything, and a site owner who does not choose should miss
 * nothing: the default is the profile with every page and list. Choosing a smaller one is a
 * decision about the PMO, so it is the owner's to make.
 */
export const DEFAULT_PROFILE: PmoProfile = 'enterprise';

export function isProfile(v: unknown): v is PmoProfile {
  return typeof v === 'string' && (PROFILE_KEYS as readonly string[]).includes(v);
}

export function profileDefinition(key: PmoProfile): ProfileDefinition {
  return PMO_PROFILES.find((p) => p.key === key) as ProfileDefinition;
}

/** The profile's lists with every list they look up (transitively), and the settings list, in schema order. */
export function profileLists(key: PmoProfile): ListSchema[] {
  const wanted = new Set<string>([...profileDefinition(key).lists, 'hubSettings']);
  let grew = true;
  while (grew) {
    grew = false;
    for (const list of schemaLists) {
      if (!wanted.has(list.key)) continue;
      for (const f of list.fields) {
        const target = (f as { lookupList?: string }).lookupList;
        if (target && !wanted.has(target)) { wanted.add(target); grew = true; }
      }
    }
  }
  return schemaLists.filter((l) => wanted.has(l.key));
}

/** A page as a profile has it: its web parts for that profile only. */
export interface ProfilePage extends Omit<HubPage, 'webParts'> {
  webParts: HubWebPart[];
}

/** The profile's pages in navigation order, each with the web parts the profile gets on it. */
export function profilePages(key: PmoProfile): ProfilePage[] {
  return HUB_PAGES.filter((p) => p.profiles.includes(key))
    .map((p) => ({ ...p, webParts: p.webParts.filter((w) => !w.profiles || w.profiles.includes(key)) }));
}
