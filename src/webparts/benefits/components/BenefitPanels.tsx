import * as React from 'react';
import { DefaultButton, Dropdown, PanelType, PrimaryButton, TextField } from '@fluentui/react';
import type { Benefit, BenefitCategory, BenefitStatus } from '../../../model/benefits';
import type { PersonRef } from '../../../model/common';
import type { BenefitData, IBenefitService, MeasurementSaved } from '../../../services/BenefitService';
import type { IPeopleService } from '../../../services/editing';
import { EditPanel, editFormWords } from '../../../components/EditPanel';
import { DateField } from '../../../components/DateField';
import { PeoplePicker } from '../../../components/PeoplePicker';
import { useEditForm, type FormErrorsOf } from '../../../components/useEditForm';
import { describeError } from '../../../components/errors';
import { formatLocaleAmount } from '../../../components/localeNumber';
import { format } from '../../../components/text';
import {
  CATEGORIES, STATUSES, categoryLabel, formOfBenefit, formOfMeasurement, statusLabel, validateBenefitForm, validateMeasurementForm,
  type BenefitForm, type MeasurementForm
} from './benefitForm';

/** The service's field codes (schema keys) as the form's fields. */
const BENEFIT_FIELD_OF: Record<string, keyof BenefitForm> = {
  title: 'title', description: 'description', project: 'projectId', objective: 'objectiveId', owner: 'owner', category: 'category', unit: 'unit',
  baseline: 'baseline', target: 'target', baselineDate: 'baselineDate', targetDate: 'targetDate', status: 'status', comment: 'comment'
};

function fieldMessage(s: IBenefitsWebPartStrings, code: string): string {
  return code === 'required' ? s.Required : code === 'notANumber' ? s.NotANumber : code === 'endBeforeStart' ? s.TargetDateBeforeBaseline : format(s.SaveFailed, code);
}

export interface IBenefitPanelProps {
  service: IBenefitService;
  people?: IPeopleService;
  data: BenefitData;
  /** The benefit to change; a new one when undefined. */
  benefit?: Benefit;
  /** The project a new benefit belongs to, when the view is one project's. */
  projectId?: number;
  strings: IBenefitsWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  onSaved: (saved: Benefit) => void;
  onDismiss: () => void;
}

/** The PMO's form for a benefit, on the suite's form core: what is typed is what is stored. */
export function BenefitPanel(props: IBenefitPanelProps): JSX.Element {
  const { strings: s, common: c, locale, data } = props;
  const lookups = { projects: data.projects.map((p) => ({ id: p.id, title: p.title })), objectives: data.objectives };
  const edit = useEditForm<BenefitForm, Benefit, 'save'>({
    initial: formOfBenefit(props.benefit, locale, props.projectId),
    base: props.benefit,
    validate: (f) => validateBenefitForm(f, s, locale, lookups).errors,
    submit: async (f, ctx) => {
      // The picked person as a site user (what a person column stores): ensured only on save.
      const picked = f.owner;
      const owner: PersonRef | undefined = !picked ? undefined
        : picked.id !== undefined ? { id: picked.id, title: picked.title, email: picked.email }
          : props.people ? await props.people.ensure(picked.email) : undefined;
      const value = validateBenefitForm(f, s, locale, lookups, owner).value!;
      const base = ctx.base;
      return props.service.saveBenefit(base ? { ...base, ...value, id: base.id, etag: base.etag } : value, { overwrite: ctx.overwrite });
    },
    afterSave: (saved) => { props.onSaved(saved); },
    splitServiceErrors: (fields) => {
      const form: FormErrorsOf<BenefitForm> = {};
      const other: string[] = [];
      for (const [k, code] of Object.entries(fields)) {
        const key = BENEFIT_FIELD_OF[k];
        if (key) form[key] = fieldMessage(s, code);
        else other.push(fieldMessage(s, code));
      }
      return { form, other };
    },
    failureText: (e) => format(s.SaveFailed, describeError(e, c)),
    reload: (theirs) => ({ form: formOfBenefit(theirs as Benefit, locale), base: theirs as Benefit, notice: c.FormReloaded })
  }, props.onDismiss);
  const { form, errors, set } = edit;
  const saving = edit.saving !== undefined;
  const conflictRows = (): Array<{ label: string; mine: string; theirs: string }> => {
    const t = formOfBenefit(edit.conflict?.theirs as Benefit, locale);
    return [
      { label: s.FieldTitle, mine: form.title, theirs: t.title },
      { label: s.FieldTarget, mine: form.target, theirs: t.target },
      { label: s.FieldStatus, mine: statusLabel(s, form.status), theirs: statusLabel(s, t.status) }
    ].filter((r) => r.mine !== r.theirs);
  };
  return (
    <EditPanel
      edit={edit}
      type={PanelType.medium}
      heading={props.benefit ? format(s.EditBenefitFor, props.benefit.title) : s.NewBenefit}
      closeLabel={c.Close}
      savingLabel={s.Saving}
      quietSpinner={true}
      words={editFormWords(c, s.Conflict)}
      conflictRows={conflictRows}
      commands={(
        <>
          <PrimaryButton disabled={saving} onClick={() => { edit.save('save').catch(() => undefined); }}>{saving ? s.Saving : s.Save}</PrimaryButton>
          <DefaultButton disabled={saving} onClick={edit.requestClose}>{s.Cancel}</DefaultButton>
        </>
      )}
    >
      <TextField label={s.FieldTitle} required={true} value={form.title} onChange={(_, v) => set('title', v ?? '')} errorMessage={errors.title} />
      <Dropdown label={s.FieldProject} required={true} selectedKey={form.projectId || null} disabled={!!props.benefit}
        options={data.projects.map((p) => ({ key: String(p.id), text: `${p.code} ${p.title}` }))}
        onChange={(_, o) => set('projectId', o ? String(o.key) : '')} errorMessage={errors.projectId} />
      <Dropdown label={s.FieldObjective} selectedKey={form.objectiveId || ''}
        options={[{ key: '', text: s.FieldNoObjective }, ...data.objectives.map((o) => ({ key: String(o.id), text: o.title }))]}
        onChange={(_, o) => set('objectiveId', o ? String(o.key) : '')} />
      {props.people && (
        <PeoplePicker label={s.FieldOwner} people={props.people} selected={form.owner} onChange={(p) => set('owner', p)}
          suggestionsHeaderText={s.PeopleSuggestions} noResultsFoundText={s.PeopleNoResults} loadingText={c.Loading} removeButtonAriaLabel={s.PeopleRemove} />
      )}
      <Dropdown label={s.FieldCategory} required={true} selectedKey={form.category}
        options={CATEGORIES.map((k) => ({ key: k, text: categoryLabel(s, k) }))} onChange={(_, o) => o && set('category', o.key as BenefitCategory)} />
      <TextField label={s.FieldUnit} required={true} value={form.unit} onChange={(_, v) => set('unit', v ?? '')} errorMessage={errors.unit} />
      <TextField label={s.FieldBaseline} value={form.baseline} onChange={(_, v) => set('baseline', v ?? '')} errorMessage={errors.baseline} inputMode="decimal" />
      <TextField label={s.FieldTarget} required={true} value={form.target} onChange={(_, v) => set('target', v ?? '')} errorMessage={errors.target} inputMode="decimal" />
      <DateField label={s.FieldBaselineDate} value={form.baselineDate} onChange={(v) => set('baselineDate', v)} locale={locale} common={c} errorMessage={errors.baselineDate} />
      <DateField label={s.FieldTargetDate} value={form.targetDate} onChange={(v) => set('targetDate', v)} locale={locale} common={c} errorMessage={errors.targetDate} />
      <Dropdown label={s.FieldStatus} required={true} selectedKey={form.status}
        options={STATUSES.map((k) => ({ key: k, text: statusLabel(s, k) }))} onChange={(_, o) => o && set('status', o.key as BenefitStatus)} />
      <TextField label={s.FieldDescription} multiline={true} rows={3} value={form.description} onChange={(_, v) => set('description', v ?? '')} />
      <TextField label={s.FieldComment} multiline={true} rows={2} value={form.comment} onChange={(_, v) => set('comment', v ?? '')} />
    </EditPanel>
  );
}

export interface IMeasurementPanelProps {
  service: IBenefitService;
  benefit: Benefit;
  today: string;
  strings: IBenefitsWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  onSaved: (saved: MeasurementSaved) => void;
  onDismiss: () => void;
}

const MEASUREMENT_FIELD_OF: Record<string, keyof MeasurementForm> = { measuredOn: 'measuredOn', value: 'value', comment: 'comment' };

/** A measurement of one benefit: its project's leader, a benefit owner or the PMO records it. */
export function MeasurementPanel(props: IMeasurementPanelProps): JSX.Element {
  const { strings: s, common: c, locale, benefit: b } = props;
  const edit = useEditForm<MeasurementForm, MeasurementSaved, 'save'>({
    initial: formOfMeasurement(props.today),
    validate: (f) => validateMeasurementForm(f, b, s, locale).errors,
    submit: (f) => props.service.recordMeasurement(validateMeasurementForm(f, b, s, locale).value!, b),
    afterSave: (saved) => { props.onSaved(saved); },
    splitServiceErrors: (fields) => {
      const form: FormErrorsOf<MeasurementForm> = {};
      const other: string[] = [];
      for (const [k, code] of Object.entries(fields)) {
        const key = MEASUREMENT_FIELD_OF[k];
        if (key) form[key] = fieldMessage(s, code);
        else other.push(fieldMessage(s, code));
      }
      return { form, other };
    },
    failureText: (e) => format(s.SaveFailed, describeError(e, c)),
    // A measurement is always new: only the benefit's update can meet someone else's change, and
    // the measurement is then stored already; closing shows what SharePoint now has.
    reload: () => ({ notice: c.FormReloaded })
  }, props.onDismiss);
  const { form, errors, set } = edit;
  const saving = edit.saving !== undefined;
  return (
    <EditPanel
      edit={edit}
      type={PanelType.smallFixedFar}
      heading={format(s.RecordFor, b.title)}
      closeLabel={c.Close}
      savingLabel={s.Saving}
      quietSpinner={true}
      words={editFormWords(c, s.Conflict)}
      conflictRows={() => []}
      commands={(
        <>
          <PrimaryButton disabled={saving} onClick={() => { edit.save('save').catch(() => undefined); }}>{saving ? s.Saving : s.Save}</PrimaryButton>
          <DefaultButton disabled={saving} onClick={edit.requestClose}>{s.Cancel}</DefaultButton>
        </>
      )}
    >
      <DateField label={s.FieldMeasuredOn} required={true} value={form.measuredOn} onChange={(v) => set('measuredOn', v)} locale={locale} common={c} errorMessage={errors.measuredOn} />
      <TextField label={format(s.FieldValue, b.unit)} required={true} value={form.value} onChange={(_, v) => set('value', v ?? '')} errorMessage={errors.value} inputMode="decimal"
        description={`${s.FieldBaseline}: ${formatLocaleAmount(b.baseline, locale) || '–'} · ${s.FieldTarget}: ${formatLocaleAmount(b.target, locale)}`} />
      <TextField label={s.FieldComment} multiline={true} rows={3} value={form.comment} onChange={(_, v) => set('comment', v ?? '')} />
    </EditPanel>
  );
}
