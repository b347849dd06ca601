import {
  BUDGET_MANIFEST_ID, HUB_PAGES, PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID, PRIORITISATION_MANIFEST_ID,
  STATUS_CHARTS_MANIFEST_ID, type HubPage, type HubPageKey, type HubWebPart, type PmoProfile
} from './hubPages';
import type { SectionLayout, SectionSpec } from './canvas';
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

/**
 * Lists every profile gets whatever its pages: the site's set-up, and the snapshots the register
 * and the portfolio render from first (schema 13) — every profile has the register.
 */
const SITE_LISTS: readonly ListKey[] = ['hubSettings', 'hubSnapshots'];

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
    lists: ['strategicObjectives', 'keyResults', 'keyResultCheckIns', 'prioritisationCriteria', 'projectPriorities', 'projects', 'statusReports', 'risks', 'methodTemplates', 'templateDownloads',
      'portfolioViews', 'sharedPortfolioViews', 'frontDoor', 'benefits', 'benefitMeasurements']
  },
  {
    // Strategy for the whole organisation: everything PMO Hub has.
    key: 'enterprise',
    lists: schemaLists.map((l) => l.key as ListKey).filter((k) => !SITE_LISTS.includes(k))
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

/** The profile's lists with every list they look up (transitively), and the site's own lists, in schema order. */
export function profileLists(key: PmoProfile): ListSchema[] {
  const wanted = new Set<string>([...profileDefinition(key).lists, ...SITE_LISTS]);
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

/**
 * Multi-column sections where a page gains from them: web parts side by side, by manifest id per
 * column. A web part a profile does not get leaves its column; a section left with one web part
 * becomes a full-width one. Web parts no section names keep a full-width section each.
 */
export const PAGE_SECTIONS: Partial<Record<HubPageKey, ReadonlyArray<{ layout: SectionLayout; columns: ReadonlyArray<readonly string[]> }>>> = {
  // Two charts a portfolio board reads together; the heat map beside the ranking it explains.
  portfolio: [
    { layout: 'twoColumns', columns: [[STATUS_CHARTS_MANIFEST_ID], [BUDGET_MANIFEST_ID]] },
    { layout: 'oneThirdLeft', columns: [[PORTFOLIO_RISK_HEAT_MAP_MANIFEST_ID], [PRIORITISATION_MANIFEST_ID]] }
  ]
  // Community stays one column: the expert directory is where the PMO works through the open
  // requests (a table with an expert picker per row), which a third of the page cannot hold — its
  // "Open requests" tab went into the tabs' overflow menu there.
};

/** A page as a profile has it: its web parts for that profile only, and their sections. */
export interface ProfilePage extends Omit<HubPage, 'webParts'> {
  webParts: HubWebPart[];
  sections?: SectionSpec[];
}

function sectionsFor(key: HubPageKey, webParts: readonly HubWebPart[]): SectionSpec[] | undefined {
  const defs = PAGE_SECTIONS[key];
  if (!defs) return undefined;
  return defs.map((d) => {
    const columns = d.columns.map((ids) => ids.map((id) => webParts.findIndex((w) => w.manifestId === id)).filter((i) => i >= 0));
    return columns.filter((c) => c.length > 0).length > 1 ? { layout: d.layout, columns } : { layout: 'oneColumn' as const, columns: [columns.flat()] };
  });
}

/** The profile's pages in navigation order, each with the web parts the profile gets on it. */
export function profilePages(key: PmoProfile): ProfilePage[] {
  return HUB_PAGES.filter((p) => p.profiles.includes(key))
    .map((p) => {
      const webParts = p.webParts.filter((w) => !w.profiles || w.profiles.includes(key));
      return { ...p, webParts, sections: sectionsFor(p.key, webParts) };
    });
}
