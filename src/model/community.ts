import type {
  CERTIFICATIONS,
  COMPETENCIES,
  EVENT_AUDIENCES,
  EVENT_TYPES,
  EXPERT_AVAILABILITIES,
  LESSON_CATEGORIES,
  SPARRING_STATUSES
} from '../schema';
import type { Hyperlink, IsoDate, IsoDateTime, ListItemBase, LookupRef, PersonRef } from './common';
import type { WorkPhase } from './methods';

export type EventType = (typeof EVENT_TYPES)[number];
export type EventAudience = (typeof EVENT_AUDIENCES)[number];
export type Competency = (typeof COMPETENCIES)[number];
export type Certification = (typeof CERTIFICATIONS)[number];
export type ExpertAvailability = (typeof EXPERT_AVAILABILITIES)[number];
export type SparringStatus = (typeof SPARRING_STATUSES)[number];
export type LessonCategory = (typeof LESSON_CATEGORIES)[number];

export interface CommunityEvent extends ListItemBase {
  title: string;
  eventType: EventType;
  startDate: IsoDateTime;
  endDate?: IsoDateTime;
  location?: string;
  onlineLink?: Hyperlink;
  audience: EventAudience[];
  description?: string;
}

export interface PmoExpert extends ListItemBase {
  title: string;
  person: PersonRef;
  competencies: Competency[];
  certifications: Certification[];
  external: boolean;
  bio?: string;
  availability?: ExpertAvailability;
  availabilityNote?: string;
}

export interface SparringRequest extends ListItemBase {
  /** The topic. */
  title: string;
  description?: string;
  requester: PersonRef;
  /** Who created the item (SharePoint sets it): the requester. */
  author?: PersonRef;
  competency?: Competency;
  project?: LookupRef;
  preferredDate?: IsoDate;
  status: SparringStatus;
  /** The expert the requester asked for; the PMO assigns. */
  requestedExpert?: PersonRef;
  assignedExpert?: PersonRef;
  scheduledAt?: IsoDateTime;
}

export interface LessonLearned extends ListItemBase {
  title: string;
  project?: LookupRef;
  phase?: WorkPhase;
  category?: LessonCategory;
  whatHappened: string;
  recommendation?: string;
  /** Split from the semicolon-separated column. */
  tags: string[];
  /** Who logged it (SharePoint's Created By); absent before it is saved. */
  author?: PersonRef;
  /** When it was logged (SharePoint's Created); absent before it is saved. */
  created?: IsoDateTime;
  /** Projects that applied the lesson (schema 11), as the PMO recorded them. */
  reusedIn?: LookupRef[];
}
