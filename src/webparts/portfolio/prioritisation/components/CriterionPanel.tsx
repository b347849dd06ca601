import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, Stack, TextField, Toggle } from '@fluentui/react';
import type { PrioritisationCriterion } from '../../../../model/portfolio';
import type { NewItem } from '../../../../model/common';
import type { IPrioritisationService } from '../../../../services/PrioritisationService';
import { isConflict, isValidation, describeError } from '../../../../components/errors';
import { format } from '../../../../components/text';
import { formatLocaleNumber, parseLocaleNumber } from '../../../../components/localeNumber';

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

interface Form { title: string; weight: string; scale: string; description: string; active: boolean }
type Errors = Partial<Record<keyof Form, string>>;

/** Field-level checks before any request; what the user typed stays in the form whatever fails. */
export function validateCriterionForm(f: Form, s: IPortfolioPlanningWebPartStrings, locale: string): { errors: Errors; value?: NewItem<PrioritisationCriterion> } {
  const errors: Errors = {};
  if (!f.title.trim()) errors.title = s.Required;
  else if (f.title.trim().length > 255) errors.title = s.TooLong;
  const weight = parseLocaleNumber(f.weight, locale);
  if (weight === undefined || Number.isNaN(weight) || weight < 0 || weight > 100) errors.weight = format(s.NumberRange, 0, 100);
  const scale = parseLocaleNumber(f.scale, locale);
  if (scale === undefined || Number.isNaN(scale) || !Number.isInteger(scale) || scale < 1 || scale > 100) errors.scale = format(s.NumberRange, 1, 100);
  if (Object.keys(errors).length) return { errors };
  return { errors, value: { title: f.title.trim(), weight: Math.round(weight! * 10) / 10, scale: scale!, description: f.description.trim() || undefined, active: f.active } };
}

export function CriterionPanel(props: ICriterionPanelProps): JSX.Element {
  const { strings: s, criterion } = props;
  const [form, setForm] = React.useState<Form>({
    title: criterion?.title ?? '', weight: criterion ? formatLocaleNumber(criterion.weight, props.locale) : formatLocaleNumber(10, props.locale),
    scale: formatLocaleNumber(criterion?.scale ?? 5, props.locale), description: criterion?.description ?? '', active: criterion?.active ?? true
  });
  const [errors, setErrors] = React.useState<Errors>({});
  const [saving, setSaving] = React.useState(false);
  const [failure, setFailure] = React.useState<string | undefined>();
  const [conflict, setConflict] = React.useState<PrioritisationCriterion | undefined>();
  const set = (k: keyof Form): ((_e: unknown, v?: string | boolean) => void) => (_e, v) => setForm({ ...form, [k]: v ?? '' });

  const save = async (overwrite = false): Promise<void> => {
    const checked = validateCriterionForm(form, s, props.locale);
    setErrors(checked.errors);
    if (!checked.value) return;
    setSaving(true); setFailure(undefined);
    try {
      const base = conflict ?? criterion;
      const saved = await props.service.saveCriterion(base ? { ...base, ...checked.value } : checked.value, { overwrite });
      props.onSaved(saved);
    } catch (e) {
      if (isConflict(e)) setConflict(e.theirs as PrioritisationCriterion);
      else if (isValidation(e)) setFailure(format(s.SaveFailed, Object.keys(e.fields).join(', ')));
      else setFailure(format(s.SaveFailed, describeError(e, props.common)));
    } finally {
      setSaving(false);
    }
  };
  const reload = (): void => {
    if (!conflict) return;
    setForm({ title: conflict.title, weight: formatLocaleNumber(conflict.weight, props.locale), scale: formatLocaleNumber(conflict.scale, props.locale), description: conflict.description ?? '', active: conflict.active });
    props.onSaved(conflict);
  };

  return (
    <Panel
      isOpen={true} type={PanelType.smallFixedFar} onDismiss={props.onDismiss} closeButtonAriaLabel={s.Cancel}
      headerText={criterion ? s.EditCriterionHeading : s.NewCriterionHeading}
      onRenderFooterContent={() => (
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <PrimaryButton disabled={saving} onClick={() => { void save(); }}>{saving ? s.Saving : s.Save}</PrimaryButton>
          <DefaultButton onClick={props.onDismiss}>{s.Cancel}</DefaultButton>
        </Stack>
      )}
      isFooterAtBottom={true}
    >
      <Stack tokens={{ childrenGap: 12 }}>
        {conflict && (
          <MessageBar messageBarType={MessageBarType.warning} isMultiline={true} actions={
            <Stack horizontal tokens={{ childrenGap: 8 }}>
              <DefaultButton onClick={reload}>{s.Reload}</DefaultButton>
              <DefaultButton onClick={() => { void save(true); }}>{s.Overwrite}</DefaultButton>
            </Stack>
          }>{s.Conflict}</MessageBar>
        )}
        {failure && <MessageBar messageBarType={MessageBarType.error} role="alert">{failure}</MessageBar>}
        <TextField label={s.FieldTitle} required value={form.title} onChange={set('title')} errorMessage={errors.title} />
        <TextField label={s.FieldWeight} required value={form.weight} onChange={set('weight')} errorMessage={errors.weight} inputMode="decimal" />
        <TextField label={s.FieldScale} required value={form.scale} onChange={set('scale')} errorMessage={errors.scale} inputMode="numeric" />
        <TextField label={s.FieldDescription} multiline rows={3} value={form.description} onChange={set('description')} />
        <Toggle label={s.FieldActive} checked={form.active} onChange={(_e, v) => setForm({ ...form, active: !!v })} onText={s.Yes} offText={s.No} />
      </Stack>
    </Panel>
  );
}
