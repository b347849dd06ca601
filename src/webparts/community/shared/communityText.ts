import { formatZonedDateTime } from '../../../components/dateTime';
import type { CommunityEvent, Competency, Certification, EventAudience, EventType, ExpertAvailability, LessonCategory, SparringStatus } from '../../../model/community';
import { dateFormat } from '../../../components/format';

/**
 * Choice keys are stable English identifiers stored in SharePoint; what people read comes
 * from the community strings of their language.
 */
export function eventTypeLabel(s: ICommunityWebPartStrings, t: EventType): string {
  return (s as unknown as Record<string, string>)[`EventType${t}`] ?? t;
}

export function audienceLabel(s: ICommunityWebPartStrings, a: EventAudience): string {
  return (s as unknown as Record<string, string>)[`Audience${a}`] ?? a;
}

export function competencyLabel(s: ICommunityWebPartStrings, c: Competency): string {
  return (s as unknown as Record<string, string>)[`Competency${c}`] ?? c;
}

/** Certification names are brands (PMI, PRINCE2, ITIL, IPMA): the same in every language. */
export function certificationLabel(c: Certification): string {
  return c;
}

export function availabilityLabel(s: ICommunityWebPartStrings, a: ExpertAvailability): string {
  return (s as unknown as Record<string, string>)[`Availability${a}`] ?? a;
}

export function statusLabel(s: ICommunityWebPartStrings, st: SparringStatus): string {
  return (s as unknown as Record<string, string>)[`Status${st}`] ?? st;
}

export function lessonCategoryLabel(s: ICommunityWebPartStrings, c: LessonCategory): string {
  return (s as unknown as Record<string, string>)[`Category${c}`] ?? c;
}

/** A validation code from the services as a sentence. */
export function fieldError(s: ICommunityWebPartStrings, code: string | undefined): string | undefined {
  if (!code) return undefined;
  switch (code) {
    case 'required': return s.ErrorRequired;
    case 'tooLong': return s.ErrorTooLong;
    case 'invalidDate': return s.ErrorInvalidDate;
    case 'endBeforeStart': return s.ErrorEndBeforeStart;
    case 'invalidUrl': return s.ErrorInvalidUrl;
    default: return s.ErrorInvalid;
  }
}

/** A stored UTC moment on the wall clocks of the site's time zone, in the page's language. */
export function formatDateTime(iso: string | undefined, locale: string, timeZone: string): string {
  return formatZonedDateTime(iso, locale, timeZone);
}

export function formatDay(iso: string | undefined, locale: string): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (isNaN(d.getTime())) return '';
  return dateFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(d);
}

/** Where an event happens, for one line on its card. */
export function eventPlace(e: CommunityEvent): string {
  return e.location ?? '';
}
