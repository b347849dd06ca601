import * as React from 'react';
import { DefaultButton, PanelType, PrimaryButton, TextField } from '@fluentui/react';
import type { KeyResult } from '../../../model/portfolio';
import type { CheckInSaved, IOkrService } from '../../../services/OkrService';
import { EditPanel, editFormWords } from '../../../components/EditPanel';
import { DateField } from '../../../components/DateField';
import { useEditForm, type FormErrorsOf } from '../../../components/useEditForm';
import { describeError } from '../../../components/errors';
import { format } from '../../../components/text';
import { formOfCheckIn, validateCheckInForm, type CheckInForm } from './checkInForm';

export interface ICheckInPanelProps {
  service: IOkrService;
  keyResult: KeyResult;
  today: string;
  strings: IOkrWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  onSaved: (saved: CheckInSaved) => void;
  onDismiss: () => void;
}

const FIELDS: ReadonlyArray<keyof CheckInForm> = ['date', 'value', 'confidence', 'comment'];
const FIELD_OF: Record<string, keyof CheckInForm> = { checkInDate: 'date', value: 'value', confidence: 'confidence', comment: 'comment' };

/** The PMO's check-in of one key result, on the suite's form core: what is typed is what is stored. */
export function CheckInPanel(props: ICheckInPanelProps): JSX.Element {
  const { strings: s, common: c, locale, keyResult: kr } = props;
  const edit = useEditForm<CheckInForm, CheckInSaved, 'save'>({
    initial: formOfCheckIn(kr, props.today, locale),
    validate: (f) => validateCheckInForm(f, kr, s, locale).errors,
    submit: (f) => props.service.addCheckIn(validateCheckInForm(f, kr, s, locale).value!, kr),
    afterSave: (saved) => { props.onSaved(saved); },
    splitServiceErrors: (fields) => {
      const form: FormErrorsOf<CheckInForm> = {};
      const other: string[] = [];
      for (const [k, code] of Object.entries(fields)) {
        const key = FIELD_OF[k];
        if (key && FIELDS.includes(key)) form[key] = code === 'required' ? s.Required : key === 'confidence' ? format(s.NumberRange, 0, 100) : s.NotANumber;
        else other.push(format(s.SaveFailed, k));
      }
      return { form, other };
    },
    failureText: (e) => format(s.SaveFailed, describeError(e, c)),
    // A check-in is always new: only the key result's update can meet someone else's change, and
    // the check-in is then stored already; closing shows what SharePoint now has.
    reload: () => ({ notice: c.FormReloaded })
  }, props.onDismiss);
  const { form, errors, set } = edit;
  const saving = edit.saving !== undefined;
  return (
    <EditPanel
      edit={edit}
      type={PanelType.smallFixedFar}
      heading={format(s.CheckInFor, kr.title)}
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
      <DateField label={s.FieldDate} required={true} value={form.date} onChange={(v) => set('date', v)} locale={locale} common={c} errorMessage={errors.date} />
      <TextField label={format(s.FieldValue, kr.unit ?? '')} required={true} value={form.value} onChange={(_, v) => set('value', v ?? '')} errorMessage={errors.value} inputMode="decimal" />
      <TextField label={s.FieldConfidence} value={form.confidence} onChange={(_, v) => set('confidence', v ?? '')} errorMessage={errors.confidence} inputMode="numeric" />
      <TextField label={s.FieldComment} multiline={true} rows={3} value={form.comment} onChange={(_, v) => set('comment', v ?? '')} />
    </EditPanel>
  );
}
