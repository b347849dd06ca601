import * as React from 'react';
import { DefaultButton, PrimaryButton, Text, TextField } from '@fluentui/react';
import type { FrontDoorText } from '../../../model/frontDoor';
import type { IFrontDoorService } from '../../../services/FrontDoorService';
import type { IConflictRow } from '../../../components/ConflictDialog';
import { EditPanel, editFormWords } from '../../../components/EditPanel';
import { useEditForm, type FormErrorsOf } from '../../../components/useEditForm';
import { describeError } from '../../../components/errors';
import { format } from '../../../components/text';
import { formatLocaleNumber, parseLocaleNumber } from '../../../components/localeNumber';

/** The text as its form holds it: the order as typed, in the page's number format. */
export interface FrontDoorTextForm {
  title: string;
  body: string;
  sortOrder: string;
}

export function formOfText(t: FrontDoorText, locale: string): FrontDoorTextForm {
  return { title: t.title, body: t.body ?? '', sortOrder: t.sortOrder === undefined || t.sortOrder === null ? '' : formatLocaleNumber(t.sortOrder, locale, 0) };
}

export function validateTextForm(f: FrontDoorTextForm, s: IFrontDoorWebPartStrings, c: IPmoHubCommonStrings, locale: string): FormErrorsOf<FrontDoorTextForm> {
  const errors: FormErrorsOf<FrontDoorTextForm> = {};
  if (!f.title.trim()) errors.title = s.ErrorRequired;
  else if (f.title.length > 255) errors.title = s.ErrorTooLong;
  if (f.sortOrder.trim()) {
    const n = parseLocaleNumber(f.sortOrder, locale);
    if (n === undefined || !Number.isInteger(n) || n < 0) errors.sortOrder = format(c.NumberInvalid, formatLocaleNumber(10, locale, 0));
  }
  return errors;
}

export function textFromForm(f: FrontDoorTextForm, base: FrontDoorText, locale: string): FrontDoorText {
  return { ...base, title: f.title, body: f.body, sortOrder: f.sortOrder.trim() ? parseLocaleNumber(f.sortOrder, locale) : undefined };
}

function fieldError(s: IFrontDoorWebPartStrings, code: string): string {
  return code === 'required' ? s.ErrorRequired : code === 'tooLong' ? s.ErrorTooLong : s.ErrorInvalid;
}

export interface IFrontDoorTextPanelProps {
  text: FrontDoorText;
  service: IFrontDoorService;
  strings: IFrontDoorWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  onClose: () => void;
  onSaved: (saved: FrontDoorText) => void;
}

/**
 * The PMO's edit of one front-door text on Home: heading, text and order, saved with the item's
 * ETag through the shared edit-form core. The rest of the item (section, language, profiles,
 * contact) is the list's to change: the panel links there.
 */
export function FrontDoorTextPanel(props: IFrontDoorTextPanelProps): JSX.Element {
  const { strings: s, common: c, locale } = props;
  const edit = useEditForm<FrontDoorTextForm, FrontDoorText, 'save'>({
    initial: formOfText(props.text, locale),
    base: props.text,
    validate: (f) => validateTextForm(f, s, c, locale),
    submit: (f, { base, overwrite }) => props.service.saveText(textFromForm(f, base ?? props.text, locale), { overwrite }),
    afterSave: (saved) => { props.onSaved(saved); },
    splitServiceErrors: (fields) => {
      const form: FormErrorsOf<FrontDoorTextForm> = {};
      const other: string[] = [];
      for (const [k, code] of Object.entries(fields)) {
        if (k === 'title' || k === 'body' || k === 'sortOrder') form[k] = fieldError(s, code);
        else other.push(`${k}: ${fieldError(s, code)}`);
      }
      return { form, other };
    },
    failureText: (e) => describeError(e, c),
    reload: (theirs) => ({ form: formOfText(theirs as FrontDoorText, locale), base: theirs as FrontDoorText, notice: c.FormReloaded })
  }, props.onClose);
  const { form, errors, set } = edit;
  const busy = edit.saving !== undefined;

  const conflictRows = (): IConflictRow[] => {
    const theirs = edit.conflict?.theirs as FrontDoorText;
    const rows: IConflictRow[] = [
      { label: s.FieldHeading, mine: form.title, theirs: theirs.title },
      { label: s.FieldBody, mine: form.body, theirs: theirs.body ?? '' },
      { label: s.FieldOrder, mine: form.sortOrder, theirs: formOfText(theirs, locale).sortOrder }
    ];
    return rows.filter((r) => r.mine !== r.theirs);
  };

  return (
    <EditPanel
      edit={edit}
      heading={s.EditPanelHeading}
      closeLabel={c.Close}
      savingLabel={c.FormSaving}
      words={editFormWords(c)}
      conflictRows={conflictRows}
      commands={(
        <>
          <PrimaryButton onClick={() => { edit.save('save').catch(() => undefined); }} disabled={busy}>{s.Save}</PrimaryButton>
          <DefaultButton onClick={edit.requestClose} disabled={busy}>{s.Cancel}</DefaultButton>
        </>
      )}
    >
      <TextField label={s.FieldHeading} required={true} value={form.title} onChange={(_, v) => set('title', v ?? '')} errorMessage={errors.title} />
      <TextField label={s.FieldBody} multiline={true} rows={6} value={form.body} onChange={(_, v) => set('body', v ?? '')} errorMessage={errors.body} />
      <TextField label={s.FieldOrder} inputMode="numeric" value={form.sortOrder} onChange={(_, v) => set('sortOrder', v ?? '')} errorMessage={errors.sortOrder} />
      <Text variant="small">{s.EditPanelNote}</Text>
    </EditPanel>
  );
}
