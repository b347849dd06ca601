import * as React from 'react';
import { DefaultButton, Dropdown, MessageBar, MessageBarType, PrimaryButton, Text, TextField } from '@fluentui/react';
import { EVENT_AUDIENCES, EVENT_TYPES } from '../../../../schema';
import type { CommunityEvent, EventAudience, EventType } from '../../../../model/community';
import type { NewItem } from '../../../../model/common';
import type { ICommunityEventService } from '../../../../services/CommunityEventService';
import type { SiteTimeZone } from '../../../../services/siteTimeZone';
import type { IConflictRow } from '../../../../components/ConflictDialog';
import { EditPanel, editFormWords } from '../../../../components/EditPanel';
import { useEditForm, type FormErrorsOf } from '../../../../components/useEditForm';
import { DateTimeField, timeError } from '../../../../components/DateTimeField';
import { formatLocaleTime, parseLocaleTime, utcToZoned, zonedToUtc } from '../../../../components/dateTime';
import { formatShortDate } from '../../../../components/dates';
import { describeError } from '../../../../components/errors';
import { format, isIsoDate } from '../../../../components/text';
import { audienceLabel, eventTypeLabel, fieldError, formatDateTime } from '../../shared/communityText';

/** The event as its form holds it: the moment split into the site's date and time, as typed. */
export interface EventForm {
  title: string;
  eventType: EventType;
  startDate: string | undefined;
  startTime: string;
  endDate: string | undefined;
  endTime: string;
  location: string;
  onlineLink: string;
  audience: EventAudience[];
  description: string;
}

export function formOfEvent(e: CommunityEvent | NewItem<CommunityEvent>, timeZone: string, locale: string): EventForm {
  const start = utcToZoned(e.startDate, timeZone);
  const end = utcToZoned(e.endDate, timeZone);
  return {
    title: e.title, eventType: e.eventType,
    startDate: start?.date, startTime: start ? formatLocaleTime(start.time, locale) : '',
    endDate: end?.date, endTime: end ? formatLocaleTime(end.time, locale) : '',
    location: e.location ?? '', onlineLink: e.onlineLink?.url ?? '', audience: [...e.audience], description: e.description ?? ''
  };
}

/** The UTC instant of a date and time typed in the site's zone; undefined when either part is not readable. */
function moment(date: string | undefined, time: string, timeZone: string, locale: string): string | undefined {
  const t = parseLocaleTime(time, locale);
  return date && isIsoDate(date) && t ? zonedToUtc(date, t, timeZone) : undefined;
}

export function validateEventForm(f: EventForm, s: ICommunityWebPartStrings, c: IPmoHubCommonStrings, locale: string, timeZone: string): FormErrorsOf<EventForm> {
  const errors: FormErrorsOf<EventForm> = {};
  const badDate = format(c.DateInvalid, formatShortDate(new Date(2027, 0, 15), locale));
  if (!f.title.trim()) errors.title = s.ErrorRequired;
  else if (f.title.length > 255) errors.title = s.ErrorTooLong;
  if (!f.startDate) errors.startDate = s.ErrorRequired;
  else if (!isIsoDate(f.startDate)) errors.startDate = badDate;
  errors.startTime = f.startTime.trim() ? timeError(f.startTime, locale, c) : s.ErrorRequired;
  const hasEnd = !!f.endDate || !!f.endTime.trim();
  if (hasEnd) {
    if (!f.endDate) errors.endDate = s.ErrorRequired;
    else if (!isIsoDate(f.endDate)) errors.endDate = badDate;
    errors.endTime = f.endTime.trim() ? timeError(f.endTime, locale, c) : s.ErrorRequired;
  }
  const start = moment(f.startDate, f.startTime, timeZone, locale);
  const end = hasEnd ? moment(f.endDate, f.endTime, timeZone, locale) : undefined;
  if (start && end && Date.parse(end) < Date.parse(start)) errors.endDate = s.ErrorEndBeforeStart;
  if (f.location.length > 255) errors.location = s.ErrorTooLong;
  if (f.onlineLink.trim() && !/^https?:\/\/[^/\s]+/i.test(f.onlineLink.trim())) errors.onlineLink = s.ErrorInvalidUrl;
  for (const k of Object.keys(errors) as Array<keyof EventForm>) if (!errors[k]) delete errors[k];
  return errors;
}

export function eventFromForm(f: EventForm, base: CommunityEvent | undefined, timeZone: string, locale: string): CommunityEvent | NewItem<CommunityEvent> {
  const values: NewItem<CommunityEvent> = {
    title: f.title, eventType: f.eventType,
    startDate: moment(f.startDate, f.startTime, timeZone, locale) as string,
    endDate: f.endDate ? moment(f.endDate, f.endTime, timeZone, locale) : undefined,
    location: f.location, onlineLink: f.onlineLink.trim() ? { url: f.onlineLink.trim() } : undefined,
    audience: f.audience, description: f.description
  };
  return base ? { ...base, ...values } : values;
}

const FIELDS: ReadonlyArray<keyof EventForm> = ['title', 'eventType', 'startDate', 'endDate', 'location', 'onlineLink', 'audience', 'description'];

export interface IEventPanelProps {
  event: CommunityEvent | NewItem<CommunityEvent>;
  strings: ICommunityWebPartStrings;
  common: IPmoHubCommonStrings;
  service: ICommunityEventService;
  locale: string;
  timeZone: SiteTimeZone;
  onClose: () => void;
  onSaved: () => void;
}

/** The PMO's event form: a moment typed in the site's time zone, stored in UTC; nothing typed is lost. */
export function EventPanel(props: IEventPanelProps): JSX.Element {
  const { strings: s, common: c, locale } = props;
  const zone = props.timeZone.iana;
  const stored = 'id' in props.event ? props.event as CommunityEvent : undefined;
  const [removeError, setRemoveError] = React.useState<string | undefined>();
  const [removing, setRemoving] = React.useState(false);

  const edit = useEditForm<EventForm, CommunityEvent, 'save'>({
    initial: formOfEvent(props.event, zone, locale),
    base: stored,
    isDirty: (f, i) => JSON.stringify(f) !== JSON.stringify(i),
    validate: (f) => validateEventForm(f, s, c, locale, zone),
    submit: (f, { base, overwrite }) => props.service.save(eventFromForm(f, base, zone, locale), { overwrite }),
    afterSave: () => { props.onSaved(); },
    splitServiceErrors: (fields) => {
      const form: FormErrorsOf<EventForm> = {};
      const other: string[] = [];
      for (const [k, code] of Object.entries(fields)) {
        if ((FIELDS as readonly string[]).includes(k)) form[k as keyof EventForm] = fieldError(s, code);
        else other.push(`${k}: ${fieldError(s, code) ?? code}`);
      }
      return { form, other };
    },
    failureText: (e) => describeError(e, c),
    reload: (theirs) => ({ form: formOfEvent(theirs as CommunityEvent, zone, locale), base: theirs as CommunityEvent, notice: c.FormReloaded })
  }, props.onClose);
  const { form, errors, set } = edit;
  const busy = edit.saving !== undefined || removing;

  const remove = async (): Promise<void> => {
    if (!edit.base) return;
    setRemoving(true);
    setRemoveError(undefined);
    try {
      await props.service.remove(edit.base);
      props.onSaved();
    } catch (e) {
      setRemoveError(describeError(e, c));
      setRemoving(false);
    }
  };

  const conflictRows = (): IConflictRow[] => {
    const theirs = edit.conflict?.theirs as CommunityEvent;
    const mine = eventFromForm(form, edit.base, zone, locale);
    const rows: IConflictRow[] = [
      { label: s.FieldTitle, mine: mine.title, theirs: theirs.title },
      { label: s.EventTypeLabel, mine: eventTypeLabel(s, mine.eventType), theirs: eventTypeLabel(s, theirs.eventType) },
      { label: s.FieldStart, mine: formatDateTime(mine.startDate, locale, zone), theirs: formatDateTime(theirs.startDate, locale, zone) },
      { label: s.FieldEnd, mine: formatDateTime(mine.endDate, locale, zone), theirs: formatDateTime(theirs.endDate, locale, zone) },
      { label: s.FieldLocation, mine: mine.location ?? '', theirs: theirs.location ?? '' },
      { label: s.FieldOnlineLink, mine: mine.onlineLink?.url ?? '', theirs: theirs.onlineLink?.url ?? '' },
      { label: s.FieldAudience, mine: mine.audience.map((a) => audienceLabel(s, a)).join(', '), theirs: theirs.audience.map((a) => audienceLabel(s, a)).join(', ') },
      { label: s.FieldAgenda, mine: mine.description ?? '', theirs: theirs.description ?? '' }
    ];
    return rows.filter((r) => r.mine !== r.theirs);
  };

  return (
    <EditPanel
      edit={edit}
      heading={stored ? s.EditEvent : s.NewEvent}
      closeLabel={c.Close}
      savingLabel={c.FormSaving}
      words={editFormWords(c)}
      conflictRows={conflictRows}
      commands={(
        <>
          <PrimaryButton onClick={() => { edit.save('save').catch(() => undefined); }} disabled={busy}>{s.Save}</PrimaryButton>
          <DefaultButton onClick={edit.requestClose} disabled={busy}>{s.Cancel}</DefaultButton>
          {stored && <DefaultButton onClick={() => { remove().catch(() => undefined); }} disabled={busy}>{s.DeleteEvent}</DefaultButton>}
        </>
      )}
    >
      {removeError && <MessageBar messageBarType={MessageBarType.error} role="alert" isMultiline={true}>{removeError}</MessageBar>}
      <TextField label={s.FieldTitle} required={true} value={form.title} onChange={(_, v) => set('title', v ?? '')} errorMessage={errors.title} />
      <Dropdown
        label={s.EventTypeLabel} required={true} options={EVENT_TYPES.map((t) => ({ key: t, text: eventTypeLabel(s, t) }))}
        selectedKey={form.eventType} onChange={(_, o) => { if (o) set('eventType', o.key as EventType); }} errorMessage={errors.eventType}
      />
      <Text variant="small">{format(c.TimeZoneNote, props.timeZone.description)}</Text>
      <DateTimeField
        label={s.FieldStart} required={true} date={form.startDate} time={form.startTime} locale={locale} common={c}
        onDateChange={(v) => set('startDate', v)} onTimeChange={(v) => set('startTime', v)} dateError={errors.startDate} timeError={errors.startTime}
      />
      <DateTimeField
        label={s.FieldEnd} date={form.endDate} time={form.endTime} locale={locale} common={c}
        onDateChange={(v) => set('endDate', v)} onTimeChange={(v) => set('endTime', v)} dateError={errors.endDate} timeError={errors.endTime}
      />
      <TextField label={s.FieldLocation} value={form.location} onChange={(_, v) => set('location', v ?? '')} errorMessage={errors.location} />
      <TextField label={s.FieldOnlineLink} type="url" value={form.onlineLink} onChange={(_, v) => set('onlineLink', v ?? '')} errorMessage={errors.onlineLink} />
      <Dropdown
        label={s.FieldAudience} multiSelect={true} options={EVENT_AUDIENCES.map((a) => ({ key: a, text: audienceLabel(s, a) }))} selectedKeys={form.audience}
        onChange={(_, o) => { if (o) set('audience', o.selected ? [...form.audience, o.key as EventAudience] : form.audience.filter((a) => a !== o.key)); }}
      />
      <TextField label={s.FieldAgenda} multiline={true} rows={6} value={form.description} onChange={(_, v) => set('description', v ?? '')} errorMessage={errors.description} />
    </EditPanel>
  );
}
