import type { NewItem, PersonRef } from '../../../model/common';
import type { Benefit, BenefitCategory, BenefitMeasurement, BenefitStatus } from '../../../model/benefits';
import { BENEFIT_CATEGORIES, BENEFIT_STATUSES } from '../../../schema';
import type { FormErrorsOf } from '../../../components/useEditForm';
import { formatLocaleAmount, parseLocaleNumber } from '../../../components/localeNumber';
import { formatIsoShort } from '../../../components/dates';
import { format, isIsoDate } from '../../../components/text';

/** Unit is free text in the list; its schema length is the form's limit too. */
export const UNIT_MAX = 30;
export const TITLE_MAX = 255;

export const CATEGORIES: readonly BenefitCategory[] = BENEFIT_CATEGORIES;
export const STATUSES: readonly BenefitStatus[] = BENEFIT_STATUSES;

export function statusLabel(s: IBenefitsWebPartStrings, status: BenefitStatus): string {
  return s[`Status${status}` as keyof IBenefitsWebPartStrings];
}

export function categoryLabel(s: IBenefitsWebPartStrings, category: BenefitCategory): string {
  return s[`Category${category}` as keyof IBenefitsWebPartStrings];
}

/** A person as the form holds them: e-mail is the key; the site user id once known. */
export interface FormPerson { email: string; title: string; id?: number }

/** The benefit form as typed: numbers and dates in the page's language (README "Forms"). */
export interface BenefitForm {
  title: string;
  description: string;
  projectId: string;
  objectiveId: string;
  owner: FormPerson | undefined;
  category: BenefitCategory;
  unit: string;
  baseline: string;
  target: string;
  baselineDate: string | undefined;
  targetDate: string | undefined;
  status: BenefitStatus;
  comment: string;
}

export function formOfBenefit(b: Benefit | undefined, locale: string, projectId?: number): BenefitForm {
  return {
    title: b?.title ?? '',
    description: b?.description ?? '',
    projectId: b ? String(b.project.id) : projectId !== undefined ? String(projectId) : '',
    objectiveId: b?.objective ? String(b.objective.id) : '',
    owner: b?.owner ? { email: b.owner.email, title: b.owner.title, id: b.owner.id } : undefined,
    category: b?.category ?? 'Financial',
    unit: b?.unit ?? '',
    baseline: formatLocaleAmount(b?.baseline, locale),
    target: formatLocaleAmount(b?.target, locale),
    baselineDate: b?.baselineDate,
    targetDate: b?.targetDate,
    status: b?.status ?? 'Planned',
    comment: b?.comment ?? ''
  };
}

function number(text: string, locale: string): number | undefined | 'invalid' {
  if (!text.trim()) return undefined;
  const n = parseLocaleNumber(text, locale);
  return n === undefined || Number.isNaN(n) ? 'invalid' : n;
}

/**
 * Field messages before anything is sent, and the benefit when there are none; what was typed is
 * never changed. `owner` is the picked person as SharePoint knows them (resolved by the caller).
 */
export function validateBenefitForm(f: BenefitForm, s: IBenefitsWebPartStrings, locale: string, lookups: {
  projects: ReadonlyArray<{ id: number; title: string }>; objectives: ReadonlyArray<{ id: number; title: string }>;
}, owner?: PersonRef): { errors: FormErrorsOf<BenefitForm>; value?: NewItem<Benefit> } {
  const errors: FormErrorsOf<BenefitForm> = {};
  if (!f.title.trim()) errors.title = s.Required;
  else if (f.title.length > TITLE_MAX) errors.title = format(s.TooLong, TITLE_MAX);
  const project = lookups.projects.find((p) => String(p.id) === f.projectId);
  if (!project) errors.projectId = s.Required;
  if (!f.unit.trim()) errors.unit = s.Required;
  else if (f.unit.trim().length > UNIT_MAX) errors.unit = format(s.TooLong, UNIT_MAX);
  const baseline = number(f.baseline, locale);
  if (baseline === 'invalid') errors.baseline = s.NotANumber;
  const target = number(f.target, locale);
  if (target === undefined) errors.target = s.Required;
  else if (target === 'invalid') errors.target = s.NotANumber;
  const example = format(s.InvalidDate, formatIsoShort('2027-01-15', locale));
  if (f.baselineDate && !isIsoDate(f.baselineDate)) errors.baselineDate = example;
  if (f.targetDate && !isIsoDate(f.targetDate)) errors.targetDate = example;
  if (!errors.baselineDate && !errors.targetDate && f.baselineDate && f.targetDate && f.targetDate < f.baselineDate) errors.targetDate = s.TargetDateBeforeBaseline;
  if (Object.keys(errors).length) return { errors };
  const objective = lookups.objectives.find((o) => String(o.id) === f.objectiveId);
  return {
    errors,
    value: {
      title: f.title.trim(), description: f.description.trim() || undefined, project: { id: (project as { id: number }).id, title: (project as { title: string }).title },
      objective: objective ? { id: objective.id, title: objective.title } : undefined, owner,
      category: f.category, unit: f.unit.trim(), baseline: baseline as number | undefined, target: target as number,
      baselineDate: f.baselineDate || undefined, targetDate: f.targetDate || undefined, status: f.status, comment: f.comment.trim() || undefined
    }
  };
}

/** The measurement form as typed. */
export interface MeasurementForm { measuredOn: string | undefined; value: string; comment: string }

export function formOfMeasurement(today: string): MeasurementForm {
  return { measuredOn: today, value: '', comment: '' };
}

export function validateMeasurementForm(f: MeasurementForm, b: Benefit, s: IBenefitsWebPartStrings, locale: string): { errors: FormErrorsOf<MeasurementForm>; value?: NewItem<BenefitMeasurement> } {
  const errors: FormErrorsOf<MeasurementForm> = {};
  if (!f.measuredOn) errors.measuredOn = s.Required;
  else if (!isIsoDate(f.measuredOn)) errors.measuredOn = format(s.InvalidDate, formatIsoShort('2027-01-15', locale));
  const value = number(f.value, locale);
  if (value === undefined) errors.value = s.Required;
  else if (value === 'invalid') errors.value = s.NotANumber;
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    value: {
      benefit: { id: b.id, title: b.title }, project: b.project, measuredOn: f.measuredOn as string, value: value as number, comment: f.comment.trim() || undefined
    }
  };
}
