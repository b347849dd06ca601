import * as React from 'react';
import { TextField, Toggle } from '@fluentui/react';
import type { PrioritisationCriterion } from '../../../../model/portfolio';
import type { NewItem } from '../../../../model/common';
import type { IPrioritisationService } from '../../../../services/PrioritisationService';
import type { IConflictRow } from '../../../../components/ConflictDialog';
import { useEditForm, type FormErrorsOf } from '../../../../components/useEditForm';
import { describeError } from '../../../../components/errors';
import { SavePanel } from './SavePanel';
import { format } from '../../../../components/text';
import { formatLocaleNumber, parseLocaleNumber } from '../../../../components/localeNumber';
import { getField, type NumberFieldSchema } from '../../../../schema';

export interface ICriterionPanelProps {
  service: IPrioritisationService;
  /** The criterion to edit; undefined = a new one. */
  criterion?: PrioritisationCriterion;
  strings: IPortfolioPlanningWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  onSaved: (c: PrioritisationCriterion) => void;
  onDismiss: () => void;
}

const WEIGHT_DECIMALS = (getField('prioritisationCriteria', 'weight') as NumberFieldSchema).decimals ?? 0;

function hasAtMostDecimals(n: number, decimals: number): boolean {
  const scaled = n * 10 ** decimals;
  // Tolerates the binary error of a decimal fraction (12.3 * 10 = 123.00000000000001).
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

export interface CriterionForm { title: string; weight: string; scale: string; description: string; active: boolean }
type Errors = FormErrorsOf<CriterionForm>;

export function formOfCriterion(c: PrioritisationCriterion | undefined, locale: string): CriterionForm {
  return {
    title: c?.title ?? '', weight: formatLocaleNumber(c ? c.weight : 10, locale), scale: formatLocaleNumber(c?.scale ?? 5, locale),
    description: c?.description ?? '', active: c?.active ?? true
  };
}

/** Field-level checks before any request; what the user typed stays in the form whatever fails. */
export function validateCriterionForm(f: CriterionForm, s: IPortfolioPlanningWebPartStrings, locale: string): { errors: Errors; value?: NewItem<PrioritisationCriterion> } {
  const errors: Errors = {};
  if (!f.title.trim()) errors.title = s.Required;
  else if (f.title.trim().length > 255) errors.title = s.TooLong;
  const weight = parseLocaleNumber(f.weight, locale);
  // The column shows one decimal: more is refused rather than rounded, so what is typed is stored.
  if (weight === undefined || Number.isNaN(weight) || weight < 0 || weight > 100 || !hasAtMostDecimals(weight, WEIGHT_DECIMALS)) errors.weight = format(s.WeightRange, 0, 100);
  const scale = parseLocaleNumber(f.scale, locale);
  if (scale === undefined || Number.isNaN(scale) || !Number.isInteger(scale) || scale < 1 || scale > 100) errors.scale = format(s.NumberRange, 1, 100);
  if (Object.keys(errors).length) return { errors };
  return { errors, value: { title: f.title.trim(), weight: weight!, scale: scale!, description: f.description.trim() || undefined, active: f.active } };
}

const FIELDS: ReadonlyArray<keyof CriterionForm> = ['title', 'weight', 'scale', 'description', 'active'];

/** Add or edit one scoring criterion (the PMO's): numbers in the page's language, a conflict is the user's choice. */
export function CriterionPanel(props: ICriterionPanelProps): JSX.Element {
  const { strings: s, common: c, locale } = props;
  const edit = useEditForm<CriterionForm, PrioritisationCriterion, 'save'>({
    initial: formOfCriterion(props.criterion, locale),
    base: props.criterion,
    validate: (f) => validateCriterionForm(f, s, locale).errors,
    submit: (f, { base, overwrite }) => {
      const value = validateCriterionForm(f, s, locale).value as NewItem<PrioritisationCriterion>;
      return props.service.saveCriterion(base ? { ...base, ...value } : value, { overwrite });
    },
    afterSave: (saved) => { props.onSaved(saved); },
    splitServiceErrors: (fields) => {
      const form: Errors = {};
      const other: string[] = [];
      for (const [k, code] of Object.entries(fields)) {
        if (k === 'weight') form.weight = format(s.WeightRange, 0, 100);
        else if (k === 'scale') form.scale = format(s.NumberRange, 1, 100);
        else if ((FIELDS as readonly string[]).includes(k)) form[k as keyof CriterionForm] = code === 'tooLong' ? s.TooLong : code === 'required' ? s.Required : code;
        else other.push(format(s.SaveFailed, k));
      }
      return { form, other };
    },
    failureText: (e) => format(s.SaveFailed, describeError(e, c)),
    reload: (theirs) => ({ form: formOfCriterion(theirs as PrioritisationCriterion, locale), base: theirs as PrioritisationCriterion, notice: c.FormReloaded })
  }, props.onDismiss);
  const { form, errors, set } = edit;

  const conflictRows = (): IConflictRow[] => {
    const t = formOfCriterion(edit.conflict?.theirs as PrioritisationCriterion, locale);
    const yesNo = (b: boolean): string => (b ? s.Yes : s.No);
    return [
      { label: s.FieldTitle, mine: form.title, theirs: t.title },
      { label: s.FieldWeight, mine: form.weight, theirs: t.weight },
      { label: s.FieldScale, mine: form.scale, theirs: t.scale },
      { label: s.FieldDescription, mine: form.description, theirs: t.description },
      { label: s.FieldActive, mine: yesNo(form.active), theirs: yesNo(t.active) }
    ].filter((r) => r.mine !== r.theirs);
  };

  return (
    <SavePanel edit={edit} heading={props.criterion ? s.EditCriterionHeading : s.NewCriterionHeading} conflictRows={conflictRows} strings={s} common={c}>
      <TextField label={s.FieldTitle} required={true} value={form.title} onChange={(_, v) => set('title', v ?? '')} errorMessage={errors.title} />
      <TextField label={s.FieldWeight} required={true} value={form.weight} onChange={(_, v) => set('weight', v ?? '')} errorMessage={errors.weight} inputMode="decimal" />
      <TextField label={s.FieldScale} required={true} value={form.scale} onChange={(_, v) => set('scale', v ?? '')} errorMessage={errors.scale} inputMode="numeric" />
      <TextField label={s.FieldDescription} multiline={true} rows={3} value={form.description} onChange={(_, v) => set('description', v ?? '')} />
      <Toggle label={s.FieldActive} checked={form.active} onChange={(_e, v) => set('active', !!v)} onText={s.Yes} offText={s.No} />
    </SavePanel>
  );
}
