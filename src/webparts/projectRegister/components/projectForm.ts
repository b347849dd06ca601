import type { Project, ProjectMethod, ProjectPhase } from '../../../model/portfolio';
import type { LookupRef, NewItem, PersonRef } from '../../../model/common';
import { formatLocaleAmount, formatLocaleNumber, parseLocaleNumber } from '../../../components/localeNumber';
import { formatDate } from '../../../components/format';
import { isIsoDate } from '../../../components/text';
import { methodLabel, phaseLabel } from '../../../components/labels';

/** A person in the form: picked from the directory (no site user id yet) or already stored. */
export interface PickedPerson {
  email: string;
  title: string;
  /** Site user id when known (stored, or after ensure). */
  id?: number;
}

/** What the form edits: text as typed (numbers stay text until saved, so nothing typed is lost). */
export interface ProjectDraft {
  code: string;
  title: string;
  description: string;
  leader?: PickedPerson;
  sponsor?: PickedPerson;
  unit: string;
  programme: string;
  phase: ProjectPhase;
  method: ProjectMethod | '';
  startDate?: string;
  endDate?: string;
  forecastEnd?: string;
  budget: string;
  actualCost: string;
  forecastCost: string;
  strategicObjectives: LookupRef[];
  siteUrl: string;
}

/**
 * The fields the form edits, in form order. The latest-status fields come from publishing reports;
 * the priority score is the PMO's, in Project Priorities (the prioritisation web part scores).
 */
export const EDITABLE_FIELDS = [
  'code', 'title', 'description', 'leader', 'sponsor', 'unit', 'programme', 'phase', 'method', 'startDate', 'endDate',
  'forecastEnd', 'budget', 'actualCost', 'forecastCost', 'strategicObjectives', 'siteUrl'
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export type FieldErrors = Partial<Record<EditableField, string>>;

const MONEY: ReadonlyArray<'budget' | 'actualCost' | 'forecastCost'> = ['budget', 'actualCost', 'forecastCost'];
export const CODE_MAX = 32;
export const TEXT_MAX = 255;
export const SHORT_TEXT_MAX = 100;

export function emptyDraft(phase: ProjectPhase = 'Idea'): ProjectDraft {
  return {
    code: '', title: '', description: '', unit: '', programme: '', phase, method: '', budget: '', actualCost: '', forecastCost: '',
    strategicObjectives: [], siteUrl: ''
  };
}

function person(p: PersonRef | undefined): PickedPerson | undefined {
  return p ? { id: p.id, title: p.title, email: p.email } : undefined;
}

export function toDraft(p: Project, locale: string): ProjectDraft {
  return {
    code: p.code ?? '',
    title: p.title ?? '',
    description: p.description ?? '',
    leader: person(p.leader),
    sponsor: person(p.sponsor),
    unit: p.unit ?? '',
    programme: p.programme ?? '',
    phase: p.phase,
    method: p.method ?? '',
    startDate: p.startDate?.slice(0, 10),
    endDate: p.endDate?.slice(0, 10),
    forecastEnd: p.forecastEnd?.slice(0, 10),
    budget: formatLocaleAmount(p.budget, locale),
    actualCost: formatLocaleAmount(p.actualCost, locale),
    forecastCost: formatLocaleAmount(p.forecastCost, locale),
    strategicObjectives: [...(p.strategicObjectives ?? [])],
    siteUrl: p.siteUrl?.url ?? ''
  };
}

/** Messages of the form, in the user's language. */
export interface FormMessages {
  Required: string;
  TooLong: string;
  EndBeforeStart: string;
  ForecastEndBeforeStart: string;
  NotANumber: string;
  Negative: string;
  InvalidUrl: string;
  InvalidDate: string;
}

export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    return false;
  }
}

/** Field-level problems of a draft, before anything is sent (unique code is checked separately, by the service). */
export function validateDraft(d: ProjectDraft, locale: string, m: FormMessages): FieldErrors {
  const e: FieldErrors = {};
  const tooLong = (n: number): string => m.TooLong.replace('{0}', String(n));
  if (!d.code.trim()) e.code = m.Required;
  else if (d.code.trim().length > CODE_MAX) e.code = tooLong(CODE_MAX);
  if (!d.title.trim()) e.title = m.Required;
  else if (d.title.trim().length > TEXT_MAX) e.title = tooLong(TEXT_MAX);
  if (d.unit.trim().length > SHORT_TEXT_MAX) e.unit = tooLong(SHORT_TEXT_MAX);
  if (d.programme.trim().length > SHORT_TEXT_MAX) e.programme = tooLong(SHORT_TEXT_MAX);
  // A date field holds the typed text when it could not be read: an error, never a dropped value.
  for (const k of ['startDate', 'endDate', 'forecastEnd'] as const) if (d[k] && !isIsoDate(d[k])) e[k] = m.InvalidDate;
  const start = isIsoDate(d.startDate) ? d.startDate : undefined;
  if (start && isIsoDate(d.endDate) && (d.endDate as string) < start) e.endDate = m.EndBeforeStart;
  if (start && isIsoDate(d.forecastEnd) && (d.forecastEnd as string) < start) e.forecastEnd = m.ForecastEndBeforeStart;
  for (const k of MONEY) {
    const v = parseLocaleNumber(d[k], locale);
    if (v === undefined) continue;
    if (Number.isNaN(v)) e[k] = m.NotANumber;
    else if (v < 0) e[k] = m.Negative;
  }
  if (d.siteUrl.trim() && !isHttpUrl(d.siteUrl.trim())) e.siteUrl = m.InvalidUrl;
  return e;
}

/**
 * The project to save: the original (id, ETag) with the draft's values.
 * The latest-status fields are left out: publishing a report owns them, and an overwrite
 * must not put back an older status. People must already be resolved to site users.
 */
export function fromDraft(d: ProjectDraft, locale: string, original: Project | undefined, people: { leader?: PersonRef; sponsor?: PersonRef }): Project | NewItem<Project> {
  const num = (s: string): number | undefined => parseLocaleNumber(s, locale);
  const text = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);
  const values: NewItem<Project> = {
    code: d.code.trim(),
    title: d.title.trim(),
    description: d.description.trim() ? d.description : undefined,
    leader: people.leader,
    sponsor: people.sponsor,
    unit: text(d.unit),
    programme: text(d.programme),
    phase: d.phase,
    method: d.method || undefined,
    startDate: d.startDate,
    endDate: d.endDate,
    forecastEnd: d.forecastEnd,
    budget: num(d.budget),
    actualCost: num(d.actualCost),
    forecastCost: num(d.forecastCost),
    strategicObjectives: d.strategicObjectives.map((o) => ({ id: o.id, title: o.title })),
    siteUrl: text(d.siteUrl) ? { url: d.siteUrl.trim(), description: original?.siteUrl?.description } : undefined
  };
  return original ? { id: original.id, etag: original.etag, ...values } : values;
}

/** A comparable form of a draft: what "has the user changed anything" looks at. */
function fingerprint(d: ProjectDraft): string {
  return JSON.stringify({
    ...d,
    leader: d.leader?.email.toLowerCase() ?? d.leader?.id,
    sponsor: d.sponsor?.email.toLowerCase() ?? d.sponsor?.id,
    strategicObjectives: d.strategicObjectives.map((o) => o.id).sort((a, b) => a - b),
    code: d.code.trim(), title: d.title.trim(), unit: d.unit.trim(), programme: d.programme.trim(), siteUrl: d.siteUrl.trim()
  });
}

export function isDirty(d: ProjectDraft, initial: ProjectDraft): boolean {
  return fingerprint(d) !== fingerprint(initial);
}

/** Field labels of the form, in the user's language. */
export type FieldLabels = Record<EditableField, string>;

/** A field's value as the conflict dialog shows it. */
export function displayValue(p: Partial<Project>, field: EditableField, locale: string, common: IPmoHubCommonStrings): string {
  switch (field) {
    case 'leader':
    case 'sponsor': return p[field]?.title ?? '';
    case 'phase': return p.phase ? phaseLabel(common, p.phase) : '';
    case 'method': return p.method ? methodLabel(common, p.method) : '';
    case 'startDate':
    case 'endDate':
    case 'forecastEnd': return formatDate(p[field], locale);
    case 'budget':
    case 'actualCost':
    case 'forecastCost': return formatLocaleNumber(p[field], locale);
    case 'strategicObjectives': return (p.strategicObjectives ?? []).map((o) => o.title).join(', ');
    case 'siteUrl': return p.siteUrl?.url ?? '';
    default: return (p[field] as string | undefined) ?? '';
  }
}

function comparable(p: Partial<Project>, field: EditableField): string {
  switch (field) {
    case 'leader':
    case 'sponsor': return String(p[field]?.id ?? '');
    case 'strategicObjectives': return (p.strategicObjectives ?? []).map((o) => o.id).sort((a, b) => a - b).join(',');
    case 'siteUrl': return p.siteUrl?.url ?? '';
    case 'startDate':
    case 'endDate':
    case 'forecastEnd': return (p[field] ?? '').slice(0, 10);
    default: {
      const v = p[field];
      return v === undefined || v === null ? '' : String(v);
    }
  }
}

/** The fields on which my version and theirs differ, for the conflict dialog. */
export function conflictRows(mine: Partial<Project>, theirs: Partial<Project>, labels: FieldLabels, locale: string, common: IPmoHubCommonStrings):
  Array<{ field: EditableField; label: string; mine: string; theirs: string }> {
  return EDITABLE_FIELDS
    .filter((f) => comparable(mine, f) !== comparable(theirs, f))
    .map((f) => ({ field: f, label: labels[f], mine: displayValue(mine, f, locale, common), theirs: displayValue(theirs, f, locale, common) }));
}

/** Maps a service's ValidationError keys onto the form's fields; the rest is reported as a general message. */
export function splitServiceErrors(fields: Record<string, string>): { byField: FieldErrors; other: string[] } {
  const byField: FieldErrors = {};
  const other: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if ((EDITABLE_FIELDS as readonly string[]).indexOf(k) >= 0) byField[k as EditableField] = v;
    else other.push(v);
  }
  return { byField, other };
}
