import type { FRONT_DOOR_LANGUAGES, FRONT_DOOR_SECTIONS, GOVERNANCE_ROLES, SERVICE_AREAS } from '../schema';
import type { IsoDateTime, ListItemBase, PersonRef } from './common';
import type { CommunityEvent } from './community';

export type FrontDoorSection = (typeof FRONT_DOOR_SECTIONS)[number];
export type ContentLanguage = (typeof FRONT_DOOR_LANGUAGES)[number];
export type ServiceArea = (typeof SERVICE_AREAS)[number];
export type GovernanceRole = (typeof GOVERNANCE_ROLES)[number];

/** One text of the PMO Front Door list. */
export interface FrontDoorText extends ListItemBase {
  title: string;
  section: FrontDoorSection;
  language: ContentLanguage;
  body?: string;
  serviceArea?: ServiceArea;
  governanceRole?: GovernanceRole;
  contact?: PersonRef;
  profiles: string[];
  sortOrder?: number;
}

/** What Home shows about the PMO, in one language. */
export interface FrontDoorContent {
  /** The language the texts are in: the visitor's, or English when the PMO wrote none in theirs. */
  language: ContentLanguage;
  /** True when the visitor's language had no texts and English stands in. */
  fallback: boolean;
  purpose?: FrontDoorText;
  services: FrontDoorText[];
  roles: FrontDoorText[];
  team: FrontDoorText[];
  /** The site's PMO profile (PMO Hub Settings), which chose the texts. */
  profile?: string;
  /** Hub pages this site has, by key: the quick links point only at those. */
  pages: string[];
}

/** Figures computed from the lists; undefined where the site lacks the list (a smaller PMO profile). */
export interface KeyFigures {
  activeProjects?: number;
  /** Share (0–100) of reporting projects whose latest report is at most `staleDays` old. */
  reportsOnTimePct?: number;
  approvedTemplates?: number;
  experts?: number;
}

/** A SharePoint news post: a site page promoted to news (PromotedState 2). */
export interface NewsPost {
  id: number;
  title: string;
  description?: string;
  /** Server-relative URL of the page. */
  url: string;
  firstPublished?: IsoDateTime;
  bannerImageUrl?: string;
  /** The language the post is written in (PMO Hub's column on Site Pages); undefined for an untagged post. */
  language?: ContentLanguage;
}

export type { CommunityEvent };
