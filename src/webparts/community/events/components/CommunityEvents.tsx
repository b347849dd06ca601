import * as React from 'react';
import {
  ActionButton, DefaultButton, Dropdown, Link, MessageBar, MessageBarType, Pivot, PivotItem,
  PrimaryButton, Stack, Text, mergeStyleSets, useTheme, type IDropdownOption
} from '@fluentui/react';
import { EVENT_TYPES } from '../../../../schema';
import type { CommunityEvent, EventType, LessonLearned } from '../../../../model/community';
import type { NewItem } from '../../../../model/common';
import { icsFileName, previousOfType, splitByTime, toIcs, type DueTemplate, type ICommunityEventService } from '../../../../services/CommunityEventService';
import type { ILessonService } from '../../../../services/LessonService';
import { ErrorState, EmptyState, LoadingState } from '../../../../components/States';
import { describeError } from '../../../../components/errors';
import type { SiteTimeZone } from '../../../../services/siteTimeZone';
import { lazyComponent } from '../../../../components/lazyComponent';

// The form (date and time pickers) loads when it is first opened, not with the page.
const EventPanel = lazyComponent(() => import(/* webpackChunkName: 'event-form' */ './EventPanel').then((m) => m.EventPanel));
import { format } from '../../../../components/text';
import { download } from '../../../../components/exportFiles';
import { audienceLabel, eventTypeLabel, formatDateTime, formatDay, lessonCategoryLabel } from '../../shared/communityText';

export interface ICommunityEventsProps {
  events: ICommunityEventService;
  lessons: Pick<ILessonService, 'since'>;
  strings: ICommunityWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** Makes .ics UIDs unique per tenant (the site's host name). */
  uidDomain: string;
  /** For tests: the moment that divides upcoming from past. */
  now?: Date;
  /**
   * Offer "Add to my calendar" through Microsoft Graph (needs Calendars.ReadWrite, which the
   * package does not request: a tenant admin grants it on purpose). Off: the .ics download only.
   */
  calendarViaGraph?: boolean;
}

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; events: CommunityEvent[]; canManage: boolean; timeZone: SiteTimeZone };

const YEAR = 365 * 86_400_000;

/** The PMO meeting cycle: upcoming and past events by type, add to calendar, and the PMO's editing. */
export default function CommunityEvents(props: ICommunityEventsProps): JSX.Element {
  const { strings: s, locale } = props;
  const theme = useTheme();
  const classes = mergeStyleSets({
    root: { color: theme.semanticColors.bodyText },
    card: { border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: 12, background: theme.semanticColors.bodyBackground },
    agenda: { whiteSpace: 'pre-wrap', margin: 0 },
    meta: { color: theme.semanticColors.bodySubtext }
  });
  const [load, setLoad] = React.useState<Load>({ kind: 'loading' });
  const [tab, setTab] = React.useState<'upcoming' | 'past'>('upcoming');
  const [type, setType] = React.useState<EventType | ''>('');
  const [editing, setEditing] = React.useState<CommunityEvent | NewItem<CommunityEvent> | undefined>();
  const [notice, setNotice] = React.useState<{ ok: boolean; text: string } | undefined>();
  const now = React.useMemo(() => props.now ?? new Date(), [props.now]);

  const reload = React.useCallback(async (): Promise<void> => {
    setLoad({ kind: 'loading' });
    try {
      const [events, canManage, timeZone] = await Promise.all([
        props.events.list({ from: new Date(now.getTime() - YEAR).toISOString() }),
        props.events.canManage(),
        props.events.timeZone()
      ]);
      setLoad({ kind: 'ready', events, canManage, timeZone });
    } catch (e) {
      setLoad({ kind: 'error', message: describeError(e, props.common) });
    }
  }, [props.events, props.common, now]);
  React.useEffect(() => { reload().catch(() => undefined); }, [reload]);

  if (load.kind === 'loading') return <LoadingState label={props.common.Loading} />;
  if (load.kind === 'error') return <ErrorState heading={s.EventsTitle} title={s.LoadError} message={load.message} retryLabel={props.common.Retry} onRetry={() => { reload().catch(() => undefined); }} />;

  const { upcoming, past } = splitByTime(load.events, now);
  const shown = (tab === 'upcoming' ? upcoming : past).filter((e) => !type || e.eventType === type);
  const nextQuarterly = upcoming.find((e) => e.eventType === 'QuarterlyChallenge');
  const typeOptions: IDropdownOption[] = [{ key: '', text: s.AllTypes }, ...EVENT_TYPES.map((t) => ({ key: t, text: eventTypeLabel(s, t) }))];

  const addToCalendar = async (e: CommunityEvent): Promise<void> => {
    setNotice(undefined);
    try {
      await props.events.addToCalendar(e);
      setNotice({ ok: true, text: format(s.AddedToCalendar, e.title) });
    } catch (err) {
      setNotice({ ok: false, text: format(s.CalendarFailed, describeError(err, props.common)) });
    }
  };
  const downloadIcs = (e: CommunityEvent): void => {
    // An event written by hand through REST can still be unusable: say so instead of throwing.
    try {
      download(toIcs(e, props.uidDomain), icsFileName(e), 'text/calendar;charset=utf-8');
    } catch (err) {
      setNotice({ ok: false, text: format(s.CalendarFailed, describeError(err, props.common)) });
    }
  };

  return (
    <section className={classes.root} aria-label={s.EventsTitle}>
      <Stack tokens={{ childrenGap: 12 }}>
        <Stack horizontal horizontalAlign="space-between" verticalAlign="center" wrap tokens={{ childrenGap: 8 }}>
          <Text variant="xLarge" as="h2">{s.EventsTitle}</Text>
          {load.canManage && (
            <PrimaryButton iconProps={{ iconName: 'Add' }} onClick={() => setEditing({ title: '', eventType: 'QuarterlyChallenge', startDate: '', audience: ['ProjectLeaders', 'PmoMembers'] })}>{s.NewEvent}</PrimaryButton>
          )}
        </Stack>
        <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 16 }}>
          <Pivot selectedKey={tab} onLinkClick={(item) => setTab(item?.props.itemKey === 'past' ? 'past' : 'upcoming')} aria-label={s.EventsTitle} overflowBehavior="menu" overflowAriaLabel={s.TabsMore}>
            <PivotItem itemKey="upcoming" headerText={`${s.Upcoming} (${upcoming.length})`} />
            <PivotItem itemKey="past" headerText={`${s.Past} (${past.length})`} />
          </Pivot>
          <Dropdown label={s.EventTypeLabel} options={typeOptions} selectedKey={type} onChange={(_, o) => setType((o?.key as EventType | '') ?? '')} styles={{ root: { minWidth: 220 } }} />
        </Stack>
        {notice && (
          <MessageBar messageBarType={notice.ok ? MessageBarType.success : MessageBarType.error} onDismiss={() => setNotice(undefined)} dismissButtonAriaLabel={props.common.Close}>{notice.text}</MessageBar>
        )}
        {shown.length === 0 && <EmptyState icon="Calendar" message={tab === 'upcoming' ? s.NoUpcoming : s.NoPast} />}
        <Stack as="ul" tokens={{ childrenGap: 12 }} styles={{ root: { listStyle: 'none', padding: 0, margin: 0 } }}>
          {shown.map((e) => (
            <li key={e.id} className={classes.card} aria-labelledby={`event-${e.id}`}>
              <Stack tokens={{ childrenGap: 6 }}>
                <Text variant="large" as="h3" id={`event-${e.id}`}>{e.title}</Text>
                <Text className={classes.meta}>
                  {eventTypeLabel(s, e.eventType)} · {formatDateTime(e.startDate, locale, load.timeZone.iana)}{e.endDate ? ` – ${formatDateTime(e.endDate, locale, load.timeZone.iana)}` : ''}
                </Text>
                {e.location && <Text>{format(s.Where, e.location)}</Text>}
                {e.onlineLink && <Link href={e.onlineLink.url} target="_blank" rel="noopener noreferrer">{s.JoinOnline}</Link>}
                {e.audience.length > 0 && <Text className={classes.meta}>{format(s.ForAudience, e.audience.map((a) => audienceLabel(s, a)).join(', '))}</Text>}
                {/* Agenda text from the list is shown as text: markup in it stays inert. */}
                {e.description && <p className={classes.agenda}>{e.description}</p>}
                <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
                  {tab === 'upcoming' && props.calendarViaGraph === true && (
                    <DefaultButton iconProps={{ iconName: 'CalendarReply' }} onClick={() => { addToCalendar(e).catch(() => undefined); }} ariaLabel={format(s.AddToCalendarFor, e.title)}>{s.AddToCalendar}</DefaultButton>
                  )}
                  <DefaultButton iconProps={{ iconName: 'Download' }} onClick={() => downloadIcs(e)} ariaLabel={format(s.DownloadIcsFor, e.title)}>{s.DownloadIcs}</DefaultButton>
                  {load.canManage && <ActionButton iconProps={{ iconName: 'Edit' }} onClick={() => setEditing(e)} ariaLabel={format(s.EditEventFor, e.title)}>{s.EditEvent}</ActionButton>}
                </Stack>
                {nextQuarterly && e.id === nextQuarterly.id && (
                  <LessonsSinceLastMeeting lessons={props.lessons} strings={s} common={props.common} locale={locale} since={previousOfType(load.events, 'QuarterlyChallenge', e.startDate)} />
                )}
                {e.eventType === 'AnnualMethodRevision' && <TemplatesDue events={props.events} event={e} strings={s} common={props.common} locale={locale} />}
              </Stack>
            </li>
          ))}
        </Stack>
      </Stack>
      {editing && (
        <EventPanel
          event={editing} strings={s} common={props.common} service={props.events} locale={locale} timeZone={load.timeZone}
          onClose={() => setEditing(undefined)}
          onSaved={() => { setEditing(undefined); reload().catch(() => undefined); }}
        />
      )}
    </section>
  );
}

function LessonsSinceLastMeeting(props: { lessons: Pick<ILessonService, 'since'>; strings: ICommunityWebPartStrings; common: IPmoHubCommonStrings; locale: string; since?: CommunityEvent }): JSX.Element {
  const { strings: s } = props;
  const [state, setState] = React.useState<{ lessons?: LessonLearned[]; error?: string }>({});
  const from = props.since?.startDate ?? new Date(Date.now() - 91 * 86_400_000).toISOString();
  React.useEffect(() => {
    let live = true;
    props.lessons.since(from).then((lessons) => { if (live) setState({ lessons }); }, (e: unknown) => { if (live) setState({ error: describeError(e, props.common) }); });
    return () => { live = false; };
  }, [props.lessons, props.common, from]);
  const heading = props.since ? format(s.LessonsSinceLast, formatDay(props.since.startDate, props.locale)) : s.LessonsSinceLastUnknown;
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <Text variant="mediumPlus" as="h4">{heading}</Text>
      {state.error && <MessageBar messageBarType={MessageBarType.error}>{state.error}</MessageBar>}
      {state.lessons && state.lessons.length === 0 && <Text>{s.NoLessonsSince}</Text>}
      {state.lessons && state.lessons.length > 0 && (
        <ul>
          {state.lessons.slice(0, 20).map((l) => (
            <li key={l.id}><Text>{l.title}{l.category ? ` (${lessonCategoryLabel(s, l.category)})` : ''}</Text></li>
          ))}
        </ul>
      )}
      {state.lessons && state.lessons.length > 20 && <Text>{format(s.MoreLessons, state.lessons.length - 20)}</Text>}
    </Stack>
  );
}

function TemplatesDue(props: { events: ICommunityEventService; event: CommunityEvent; strings: ICommunityWebPartStrings; common: IPmoHubCommonStrings; locale: string }): JSX.Element {
  const { strings: s } = props;
  const [state, setState] = React.useState<{ templates?: DueTemplate[]; error?: string; loading?: boolean }>({});
  const show = (): void => {
    setState({ loading: true });
    props.events.templatesDueBy((props.event.endDate ?? props.event.startDate).slice(0, 10))
      .then((templates) => setState({ templates }), (e: unknown) => setState({ error: describeError(e, props.common) }));
  };
  if (!state.templates && !state.error) {
    return <ActionButton iconProps={{ iconName: 'DocumentSet' }} onClick={show} disabled={state.loading}>{s.ShowTemplatesDue}</ActionButton>;
  }
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <Text variant="mediumPlus" as="h4">{s.TemplatesDue}</Text>
      {state.error && <MessageBar messageBarType={MessageBarType.error}>{state.error}</MessageBar>}
      {state.templates && state.templates.length === 0 && <Text>{s.NoTemplatesDue}</Text>}
      {state.templates && state.templates.length > 0 && (
        <ul>
          {state.templates.map((t) => (
            <li key={t.id}><Link href={t.fileUrl}>{t.title || t.fileName}</Link> <Text>{format(s.RevisionDueOn, formatDay(t.nextRevision, props.locale))}</Text></li>
          ))}
        </ul>
      )}
    </Stack>
  );
}
