import type {
  TEMPLATE_CATEGORIES,
  TEMPLATE_LANGUAGES,
  TEMPLATE_STANDARDS,
  TEMPLATE_STATUSES,
  WORK_PHASES
} from '../schema';
import type { IsoDate, IsoDateTime, ListItemBase, LookupRef, PersonRef } from './common';

/** A phase in which work happens (project phases without Closed). */
export type WorkPhase = (typeof WORK_PHASES)[number];
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];
export type TemplateStandard = (typeof TEMPLATE_STANDARDS)[number];
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export interface MethodTemplate extends ListItemBase {
  /** File name with extension (`PID.docx`). */
  fileName: string;
  /** Server-relative URL of the file, for download links. */
  fileUrl: string;
  title?: string;
  description?: string;
  phase?: WorkPhase;
  category?: TemplateCategory;
  standard?: TemplateStandard;
  language?: TemplateLanguage;
  owner?: PersonRef;
  lastRevised?: IsoDate;
  nextRevision?: IsoDate;
  status: TemplateStatus;
  /** Shared by the language variants of one template (schema v3). */
  templateKey?: string;
}

/** A template with what its file says (not list columns): size, version, change note. */
export interface LibraryTemplate extends MethodTemplate {
  /** Bytes of the current version, when the query read them. */
  size?: number;
  /** The current version's label (`3.0`). */
  versionLabel?: string;
  /** The current version's check-in comment: its change note. */
  changeNote?: string;
}

/** One version of a template's file, newest first in a history. */
export interface TemplateVersion {
  /** `2.0` */
  label: string;
  created: IsoDateTime;
  size: number;
  /** The check-in comment of that version. */
  changeNote: string;
  isCurrent: boolean;
  /** Who saved it, when known. */
  author?: string;
}

export interface TemplateDownload extends ListItemBase {
  /** Filled by the service with the template's name, for classic list views. */
  title?: string;
  template: LookupRef;
  downloadedAt: IsoDateTime;
  /** Who downloaded (SharePoint's Created By); absent before it is saved. */
  author?: PersonRef;
}
