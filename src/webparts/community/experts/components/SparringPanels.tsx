import * as React from 'react';
import { DefaultButton, Dropdown, PrimaryButton, PanelType, Text, TextField } from '@fluentui/react';
import { COMPETENCIES } from '../../../../schema';
import type { Competency, PmoExpert } from '../../../../model/community';
import type { ISparringRequestService, SparringRequestView } from '../../../../services/SparringRequestService';
import type { SiteTimeZone } from '../../../../services/siteTimeZone';
import type { IConflictRow } from '../../../../components/ConflictDialog';
import { EditPanel, editFormWords } from '../../../../components/EditPanel';
import { useEditForm, type FormErrorsOf } from '../../../../components/useEditForm';
import { DateField } from '../../../../components/DateField';
import { DateTimeField, timeError } from '../../../../components/DateTimeField';
import { formatLocaleTime, parseLocaleTime, utcToZoned, zonedToUtc } from '../../../../components/dateTime';
import { formatShortDate } from '../../../../components/dates';
import { describeError } from '../../../../components/errors';
import { format, isIsoDate } from '../../../../components/text';
import { competencyLabel, fieldError, formatDateTime, statusLabel } from '../../shared/communityText';

/** Service field errors under the form's fields of the same name, the rest as general messages. */
function splitBy<F>(fields: readonly string[], s: ICommunityWebPartStrings, rename: Record<string, keyof F> = {}): (e: Record<string, string>) => { form: FormErrorsOf<F>; other: string[] } {
  return (errors) => {
    const form: FormErrorsOf<F> = {};
    const other: string[] = [];
    for (const [k, code] of Object.entries(errors)) {
      const key = rename[k] ?? (fields.includes(k) ? k as keyof F : undefined);
      if (key) form[key] = fieldError(s, code);
      else other.push(fieldError(s, code) ?? code);
    }
    return { form, other };
  };
}

export interface RequestForm {
  title: string;
  competency: Competency | undefined;
  preferredDate: string | undefined;
  description: string;
}

export function validateRequestForm(f: RequestForm, s: ICommunityWebPartStrings, c: IPmoHubCommonStrings, locale: string): FormErrorsOf<RequestForm> {
  const errors: FormErrorsOf<RequestForm> = {};
  if (!f.title.trim()) errors.title = s.ErrorRequired;
  else if (f.title.length > 255) errors.title = s.ErrorTooLong;
  if (f.preferredDate && !isIsoDate(f.preferredDate)) errors.preferredDate = format(c.DateInvalid, formatShortDate(new Date(2027, 0, 15), locale));
  return errors;
}

export interface IRequestPanelProps {
  expert?: PmoExpert;
  locale: string;
  sparring: ISparringRequestService;
  strings: ICommunityWebPartStrings;
  common: IPmoHubCommonStrings;
  onClose: () => void;
  onSaved: (r: SparringRequestView) => void;
}

/** Ask for sparring: topic (required), competency, preferred date, message; the expert asked for is stored. */
export function RequestPanel(props: IRequestPanelProps): JSX.Element {
  const { strings: s, common: c, locale } = props;
  const edit = useEditForm<RequestForm, SparringRequestView, 'save'>({
    initial: { title: '', competency: props.expert?.competencies[0], preferredDate: undefined, description: '' },
    validate: (f) => validateRequestForm(f, s, c, locale),
    // The expert asked for is a field of the request (the PMO's table shows it and offers them
    // first); the message stays exactly as typed.
    submit: (f) => props.sparring.create({
      title: f.title, competency: f.competency, preferredDate: f.preferredDate, description: f.description, requestedExpert: props.expert?.person
    }),
    afterSave: (saved) => { props.onSaved(saved); },
    splitServiceErrors: splitBy<RequestForm>(['title', 'competency', 'preferredDate', 'description'], s),
    failureText: (e) => describeError(e, c),
    // A new request has no stored version to meet: nothing to reload.
    reload: () => ({})
  }, props.onClose);
  const { form, errors, set } = edit;
  const competencies = props.expert?.competencies.length ? props.expert.competencies : COMPETENCIES;
  const saving = edit.saving !== undefined;
  return (
    <EditPanel
      edit={edit}
      heading={props.expert ? format(s.AskExpert, props.expert.person?.title || props.expert.title) : s.AskForSparring}
      closeLabel={c.Close}
      savingLabel={c.FormSaving}
      words={editFormWords(c)}
      conflictRows={() => []}
      commands={(
        <>
          <PrimaryButton onClick={() => { edit.save('save').catch(() => undefined); }} disabled={saving}>{s.SendRequest}</PrimaryButton>
          <DefaultButton onClick={edit.requestClose} disabled={saving}>{s.Cancel}</DefaultButton>
        </>
      )}
    >
      <Text>{s.PrivacyNote}</Text>
      <TextField label={s.FieldTopic} required={true} value={form.title} onChange={(_, v) => set('title', v ?? '')} errorMessage={errors.title} />
      <Dropdown
        label={s.FieldCompetency} options={competencies.map((x) => ({ key: x, text: competencyLabel(s, x) }))} selectedKey={form.competency ?? null}
        onChange={(_, o) => { if (o) set('competency', o.key as Competency); }} errorMessage={errors.competency}
      />
      <DateField label={s.FieldPreferredDate} value={form.preferredDate} onChange={(v) => set('preferredDate', v)} locale={locale} common={c} errorMessage={errors.preferredDate} />
      <TextField label={s.FieldMessage} multiline={true} rows={5} value={form.description} onChange={(_, v) => set('description', v ?? '')} errorMessage={errors.description} />
    </EditPanel>
  );
}

export interface ScheduleForm {
  date: string | undefined;
  time: string;
}

export function formOfSchedule(r: SparringRequestView, timeZone: string, locale: string): ScheduleForm {
  const at = utcToZoned(r.scheduledAt, timeZone);
  return { date: at?.date, time: at ? formatLocaleTime(at.time, locale) : '' };
}

export function validateScheduleForm(f: ScheduleForm, s: ICommunityWebPartStrings, c: IPmoHubCommonStrings, locale: string): FormErrorsOf<ScheduleForm> {
  const errors: FormErrorsOf<ScheduleForm> = {};
  if (!f.date) errors.date = s.ErrorRequired;
  else if (!isIsoDate(f.date)) errors.date = format(c.DateInvalid, formatShortDate(new Date(2027, 0, 15), locale));
  const t = f.time.trim() ? timeError(f.time, locale, c) : s.ErrorRequired;
  if (t) errors.time = t;
  return errors;
}

export interface ISchedulePanelProps {
  request: SparringRequestView;
  sparring: ISparringRequestService;
  strings: ICommunityWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  timeZone: SiteTimeZone;
  onClose: () => void;
  onSaved: (r: SparringRequestView) => void;
}

/** The PMO books the session: a date and time in the site's time zone, stored in UTC. */
export function SchedulePanel(props: ISchedulePanelProps): JSX.Element {
  const { strings: s, common: c, locale } = props;
  const zone = props.timeZone.iana;
  const edit = useEditForm<ScheduleForm, SparringRequestView, 'save'>({
    initial: formOfSchedule(props.request, zone, locale),
    base: props.request,
    validate: (f) => validateScheduleForm(f, s, c, locale),
    submit: (f, { base, overwrite }) => props.sparring.schedule(base ?? props.request, zonedToUtc(f.date as string, parseLocaleTime(f.time, locale) as string, zone), { overwrite }),
    afterSave: (saved) => { props.onSaved(saved); },
    splitServiceErrors: splitBy<ScheduleForm>([], s, { scheduledAt: 'date' }),
    failureText: (e) => describeError(e, c),
    reload: (theirs) => ({ form: formOfSchedule(theirs as SparringRequestView, zone, locale), base: theirs as SparringRequestView, notice: s.RequestChanged })
  }, props.onClose);
  const { form, errors, set } = edit;
  const saving = edit.saving !== undefined;
  const conflictRows = (): IConflictRow[] => {
    const theirs = edit.conflict?.theirs as SparringRequestView;
    const p = parseLocaleTime(form.time, locale);
    const mine = form.date && isIsoDate(form.date) && p ? zonedToUtc(form.date, p, zone) : undefined;
    return [
      { label: s.Status, mine: statusLabel(s, 'Scheduled'), theirs: statusLabel(s, theirs.status) },
      { label: s.FieldScheduledAt, mine: formatDateTime(mine, locale, zone), theirs: formatDateTime(theirs.scheduledAt, locale, zone) }
    ].filter((r) => r.mine !== r.theirs);
  };
  return (
    <EditPanel
      edit={edit}
      heading={format(s.ScheduleFor, props.request.title)}
      closeLabel={c.Close}
      savingLabel={c.FormSaving}
      type={PanelType.medium}
      words={editFormWords(c)}
      conflictRows={conflictRows}
      commands={(
        <>
          <PrimaryButton onClick={() => { edit.save('save').catch(() => undefined); }} disabled={saving}>{s.Schedule}</PrimaryButton>
          <DefaultButton onClick={edit.requestClose} disabled={saving}>{s.Cancel}</DefaultButton>
        </>
      )}
    >
      <Text variant="small">{format(c.TimeZoneNote, props.timeZone.description)}</Text>
      <DateTimeField
        label={s.FieldScheduledAt} required={true} date={form.date} time={form.time} locale={locale} common={c}
        onDateChange={(v) => set('date', v)} onTimeChange={(v) => set('time', v)} dateError={errors.date} timeError={errors.time}
      />
    </EditPanel>
  );
}
