import type { Project, StatusReport } from '../../../model/portfolio';
import type { NewItem, Rag } from '../../../model/common';
import { RAG_VALUES } from '../../../schema';
import { isIsoDate, todayIso } from '../../../components/text';
import { formatLocaleAmount, formatLocaleNumber, parseLocaleNumber } from '../../../components/localeNumber';

/** The five judgements of a report, in the order a PMO reads them. */
export const DIMENSIONS = ['overall', 'schedule', 'cost', 'scope', 'risk'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Each judgement's "why", e.g. `scheduleComment`. */
export function commentKey(d: Dimension): `${Dimension}Comment` {
  return `${d}Comment`;
}

/**
 * What the form holds: numbers stay text while typed, so nothing the user typed is lost to
 * parsing and a failed save shows exactly what was entered. '' = no RAG chosen yet.
 */
export interface ReportForm {
  reportDate: string;
  overall: Rag | '';
  schedule: Rag | '';
  cost: Rag | '';
  scope: Rag | '';
  risk: Rag | '';
  overallComment: string;
  scheduleComment: string;
  costComment: string;
  scopeComment: string;
  riskComment: string;
  summary: string;
  nextSteps: string;
  percentComplete: string;
  forecastCost: string;
  forecastEnd: string;
}

export type ReportFormKey = keyof ReportForm;
export type FormErrors = Partial<Record<ReportFormKey, string>>;

/** The stored report being edited: absent for a new report; a draft keeps its id and ETag. */
export type ReportBase = StatusReport | undefined;

export interface ReportValidationMessages {
  Required: string;
  ChooseStatus: string;
  InvalidDate: string;
  PercentRange: string;
  NotNegative: string;
  NotANumber: string;
}

export const EMPTY_FORM: ReportForm = {
  reportDate: '', overall: '', schedule: '', cost: '', scope: '', risk: '',
  overallComment: '', scheduleComment: '', costComment: '', scopeComment: '', riskComment: '',
  summary: '', nextSteps: '', percentComplete: '', forecastCost: '', forecastEnd: ''
};

/** The form showing a stored report as it is, numbers written the way the language types them. */
export function formOf(r: StatusReport, locale: string): ReportForm {
  return {
    reportDate: r.reportDate?.slice(0, 10) ?? '',
    overall: r.overall ?? '', schedule: r.schedule ?? '', cost: r.cost ?? '', scope: r.scope ?? '', risk: r.risk ?? '',
    overallComment: r.overallComment ?? '', scheduleComment: r.scheduleComment ?? '', costComment: r.costComment ?? '',
    scopeComment: r.scopeComment ?? '', riskComment: r.riskComment ?? '',
    summary: r.summary ?? '', nextSteps: r.nextSteps ?? '',
    percentComplete: formatLocaleNumber(r.percentComplete, locale), forecastCost: formatLocaleAmount(r.forecastCost, locale),
    forecastEnd: r.forecastEnd?.slice(0, 10) ?? ''
  };
}

/**
 * Where the next report starts. An unpublished draft is continued (same item, its ETag);
 * otherwise a new report dated today, pre-filled from the previous one, or — for a project's
 * first report — from the project's own forecasts.
 */
export function startReport(latest: StatusReport | undefined, project: Project, locale: string, today: Date = new Date()): { base: ReportBase; form: ReportForm } {
  if (latest && !latest.published) return { base: latest, form: formOf(latest, locale) };
  if (latest) return { base: undefined, form: { ...formOf(latest, locale), reportDate: todayIso(today) } };
  return {
    base: undefined,
    form: {
      ...EMPTY_FORM,
      reportDate: todayIso(today),
      percentComplete: formatLocaleNumber(project.latestPercentComplete, locale),
      forecastCost: formatLocaleAmount(project.forecastCost, locale),
      forecastEnd: project.forecastEnd?.slice(0, 10) ?? ''
    }
  };
}

function isRag(v: string): v is Rag {
  return (RAG_VALUES as readonly string[]).indexOf(v) >= 0;
}

/** Field-level messages; empty when the form can be saved. The same rules for a draft and a published report (the list requires them). */
export function validateReport(form: ReportForm, m: ReportValidationMessages, locale: string): FormErrors {
  const errors: FormErrors = {};
  if (!form.reportDate.trim()) errors.reportDate = m.Required;
  else if (!isIsoDate(form.reportDate)) errors.reportDate = m.InvalidDate;
  for (const d of DIMENSIONS) if (!isRag(form[d])) errors[d] = m.ChooseStatus;
  if (!form.summary.trim()) errors.summary = m.Required;
  const pct = parseLocaleNumber(form.percentComplete, locale);
  if (pct !== undefined && (Number.isNaN(pct) || pct < 0 || pct > 100 || Math.round(pct) !== pct)) errors.percentComplete = m.PercentRange;
  const cost = parseLocaleNumber(form.forecastCost, locale);
  if (cost !== undefined && Number.isNaN(cost)) errors.forecastCost = m.NotANumber;
  else if (cost !== undefined && cost < 0) errors.forecastCost = m.NotNegative;
  if (form.forecastEnd.trim() && !isIsoDate(form.forecastEnd)) errors.forecastEnd = m.InvalidDate;
  return errors;
}

/** The report to save from a valid form; a continued draft keeps its id and ETag. */
export function reportFromForm(form: ReportForm, base: ReportBase, project: Project, locale: string): StatusReport | NewItem<StatusReport> {
  const values: NewItem<StatusReport> = {
    project: { id: project.id, title: project.title },
    reportDate: form.reportDate,
    overall: form.overall as Rag,
    schedule: form.schedule as Rag,
    cost: form.cost as Rag,
    scope: form.scope as Rag,
    risk: form.risk as Rag,
    overallComment: form.overallComment.trim() || undefined,
    scheduleComment: form.scheduleComment.trim() || undefined,
    costComment: form.costComment.trim() || undefined,
    scopeComment: form.scopeComment.trim() || undefined,
    riskComment: form.riskComment.trim() || undefined,
    summary: form.summary.trim(),
    nextSteps: form.nextSteps.trim() || undefined,
    percentComplete: parseLocaleNumber(form.percentComplete, locale),
    forecastCost: parseLocaleNumber(form.forecastCost, locale),
    forecastEnd: form.forecastEnd || undefined,
    published: base?.published ?? false
  };
  return base ? { ...base, ...values } : values;
}

export function isDirty(form: ReportForm, initial: ReportForm): boolean {
  return (Object.keys(form) as ReportFormKey[]).some((k) => form[k] !== initial[k]);
}

/** A ValidationError's keys are domain keys; those of the form map 1:1, the rest are general. */
export function splitServiceErrors(fields: Record<string, string>): { form: FormErrors; other: string[] } {
  const form: FormErrors = {};
  const other: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (k in EMPTY_FORM) form[k as ReportFormKey] = v;
    else other.push(v);
  }
  return { form, other };
}

export interface TrendPoint {
  reportId: number;
  reportDate: string;
  status: Rag;
}

export interface TrendRow {
  dimension: Dimension;
  points: TrendPoint[];
}

/**
 * The trend of each dimension over the newest `max` PUBLISHED reports, oldest first (time runs
 * left to right). Drafts are work in progress, not a judgement the PMO has seen.
 */
export function trendOf(history: readonly StatusReport[], max: number = 12): { rows: TrendRow[]; reports: StatusReport[] } {
  const published = history
    .filter((r) => r.published)
    .sort((a, b) => (a.reportDate < b.reportDate ? 1 : a.reportDate > b.reportDate ? -1 : b.id - a.id))
    .slice(0, max)
    .reverse();
  return {
    reports: published,
    rows: DIMENSIONS.map((dimension) => ({
      dimension,
      points: published.map((r) => ({ reportId: r.id, reportDate: r.reportDate, status: r[dimension] }))
    }))
  };
}

/** Newest first, whatever order the service answered in: by report date, then by ID. */
export function newestFirst(history: readonly StatusReport[]): StatusReport[] {
  return [...history].sort((a, b) => (a.reportDate < b.reportDate ? 1 : a.reportDate > b.reportDate ? -1 : b.id - a.id));
}

/** Which kind of item a ConflictError carries: the report, or the project whose latest-status fields publishing writes. */
export function conflictKind(theirs: unknown): 'report' | 'project' {
  return theirs && typeof theirs === 'object' && 'code' in theirs && !('reportDate' in theirs) ? 'project' : 'report';
}

export function dimensionLabels(s: IStatusReportsWebPartStrings): Record<Dimension, string> {
  return { overall: s.Overall, schedule: s.Schedule, cost: s.Cost, scope: s.Scope, risk: s.Risk };
}
