import * as React from 'react';
import {
  DefaultButton, DetailsList, DetailsListLayoutMode, Dropdown, MessageBar, MessageBarType, Persona, PersonaSize,
  Pivot, PivotItem, PrimaryButton, SearchBox, SelectionMode, Stack, Text, mergeStyleSets, useTheme, type IColumn, type IDropdownOption
} from '@fluentui/react';
import { CERTIFICATIONS, COMPETENCIES } from '../../../../schema';
import type { Certification, Competency, PmoExpert } from '../../../../model/community';
import type { PersonRef } from '../../../../model/common';
import { filterExperts, type ExpertProfiles, type IExpertService } from '../../../../services/ExpertService';
import { waitedDays, type ISparringRequestService, type SparringRequestView } from '../../../../services/SparringRequestService';
import type { SiteTimeZone } from '../../../../services/siteTimeZone';
import { lazyComponent } from '../../../../components/lazyComponent';

// The sparring forms load when one is first opened, not with the page.
const RequestPanel = lazyComponent(() => import(/* webpackChunkName: 'sparring-forms' */ './SparringPanels').then((m) => m.RequestPanel));
const SchedulePanel = lazyComponent(() => import(/* webpackChunkName: 'sparring-forms' */ './SparringPanels').then((m) => m.SchedulePanel));
import { ErrorState, EmptyState, LoadingState } from '../../../../components/States';
import { isConflict, describeError } from '../../../../components/errors';
import { format } from '../../../../components/text';
import { availabilityLabel, competencyLabel, formatDateTime, formatDay, statusLabel } from '../../shared/communityText';
import { ScrollFrame } from '../../../../components/ScrollFrame';

export interface IExpertDirectoryProps {
  experts: IExpertService;
  sparring: ISparringRequestService;
  strings: ICommunityWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  now?: Date;
}

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; experts: PmoExpert[]; canManage: boolean; mine: SparringRequestView[]; open: SparringRequestView[]; timeZone: SiteTimeZone };

/** The expert directory with sparring requests: find an expert, ask, follow; the PMO assigns and moves requests on. */
export default function ExpertDirectory(props: IExpertDirectoryProps): JSX.Element {
  const { strings: s, locale } = props;
  const theme = useTheme();
  const classes = mergeStyleSets({
    root: { color: theme.semanticColors.bodyText },
    grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: 12, listStyle: 'none', padding: 0, margin: 0 },
    card: { border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: 12 },
    bio: { whiteSpace: 'pre-wrap', margin: 0 },
    meta: { color: theme.semanticColors.bodySubtext },
    tag: { display: 'inline-block', padding: '0 6px', marginRight: 4, marginBottom: 4, borderRadius: 2, background: theme.palette.neutralLighter, color: theme.palette.neutralPrimary }
  });
  const [load, setLoad] = React.useState<Load>({ kind: 'loading' });
  const [profiles, setProfiles] = React.useState<ExpertProfiles>({ byEmail: {}, failed: false });
  const [competency, setCompetency] = React.useState<Competency | ''>('');
  const [certification, setCertification] = React.useState<Certification | ''>('');
  const [text, setText] = React.useState('');
  const [tab, setTab] = React.useState<'experts' | 'mine' | 'open'>('experts');
  const [asking, setAsking] = React.useState<{ expert?: PmoExpert } | undefined>();
  const [notice, setNotice] = React.useState<{ ok: boolean; text: string } | undefined>();

  const reload = React.useCallback(async (): Promise<void> => {
    try {
      const [experts, canManage, mine, timeZone] = await Promise.all([props.experts.list(), props.sparring.canManage(), props.sparring.mine(), props.sparring.timeZone()]);
      const open = canManage ? await props.sparring.open() : [];
      setLoad({ kind: 'ready', experts, canManage, mine, open, timeZone });
      // Photos and titles arrive after the cards: Graph never holds the directory up.
      props.experts.profiles(experts.map((e) => e.person?.email ?? '')).then(setProfiles, () => setProfiles({ byEmail: {}, failed: true }));
    } catch (e) {
      setLoad({ kind: 'error', message: describeError(e, props.common) });
    }
  }, [props.experts, props.sparring, props.common]);
  React.useEffect(() => { reload().catch(() => undefined); }, [reload]);

  if (load.kind === 'loading') return <LoadingState label={props.common.Loading} />;
  if (load.kind === 'error') return <ErrorState heading={s.ExpertsTitle} title={s.LoadError} message={load.message} retryLabel={props.common.Retry} onRetry={() => { setLoad({ kind: 'loading' }); reload().catch(() => undefined); }} />;

  const shown = filterExperts(load.experts, { competency: competency || undefined, certification: certification || undefined, text }, profiles.byEmail);
  const competencyOptions: IDropdownOption[] = [{ key: '', text: s.AllCompetencies }, ...COMPETENCIES.map((c) => ({ key: c, text: competencyLabel(s, c) }))];
  const certificationOptions: IDropdownOption[] = [{ key: '', text: s.AllCertifications }, ...CERTIFICATIONS.map((c) => ({ key: c, text: c }))];

  return (
    <section className={classes.root} aria-label={s.ExpertsTitle}>
      <Stack tokens={{ childrenGap: 12 }}>
        <Stack horizontal horizontalAlign="space-between" verticalAlign="center" wrap tokens={{ childrenGap: 8 }}>
          <Text variant="xLarge" as="h2">{s.ExpertsTitle}</Text>
          <PrimaryButton iconProps={{ iconName: 'ChatInviteFriend' }} onClick={() => setAsking({})}>{s.AskForSparring}</PrimaryButton>
        </Stack>
        {notice && <MessageBar messageBarType={notice.ok ? MessageBarType.success : MessageBarType.error} onDismiss={() => setNotice(undefined)} dismissButtonAriaLabel={props.common.Close}>{notice.text}</MessageBar>}
        <Pivot selectedKey={tab} onLinkClick={(i) => setTab((i?.props.itemKey as typeof tab) ?? 'experts')} aria-label={s.ExpertsTitle} overflowBehavior="menu" overflowAriaLabel={s.TabsMore}>
          <PivotItem itemKey="experts" headerText={`${s.TabExperts} (${load.experts.length})`} />
          <PivotItem itemKey="mine" headerText={`${s.TabMyRequests} (${load.mine.length})`} />
          {load.canManage && <PivotItem itemKey="open" headerText={`${s.TabOpenRequests} (${load.open.length})`} />}
        </Pivot>
        {tab === 'experts' && (
          <>
            <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 12 }}>
              <SearchBox placeholder={s.SearchExperts} ariaLabel={s.SearchExperts} value={text} onChange={(_, v) => setText(v ?? '')} styles={{ root: { minWidth: 240 } }} />
              <Dropdown label={s.FilterCompetency} options={competencyOptions} selectedKey={competency} onChange={(_, o) => setCompetency((o?.key as Competency | '') ?? '')} styles={{ root: { minWidth: 200 } }} />
              <Dropdown label={s.FilterCertification} options={certificationOptions} selectedKey={certification} onChange={(_, o) => setCertification((o?.key as Certification | '') ?? '')} styles={{ root: { minWidth: 160 } }} />
            </Stack>
            {profiles.failed && <MessageBar messageBarType={MessageBarType.warning}>{s.GraphUnavailable}</MessageBar>}
            <Text role="status" aria-live="polite">{format(s.ExpertsShown, shown.length, load.experts.length)}</Text>
            {shown.length === 0 && <EmptyState icon="People" message={s.NoExperts} />}
            <ul className={classes.grid}>
              {shown.map((e) => {
                const p = profiles.byEmail[(e.person?.email ?? '').toLowerCase()] ?? {};
                return (
                  <li key={e.id} className={classes.card} aria-labelledby={`expert-${e.id}`}>
                    <Stack tokens={{ childrenGap: 6 }}>
                      <Persona
                        imageUrl={p.photoUrl} text={e.person?.title || e.title} secondaryText={p.jobTitle} tertiaryText={p.department}
                        size={PersonaSize.size56} imageAlt="" onRenderPrimaryText={() => <Text variant="large" as="h3" id={`expert-${e.id}`}>{e.person?.title || e.title}</Text>}
                        showSecondaryText={true}
                      />
                      <Text className={classes.meta}>
                        {e.external ? s.External : s.Internal} · {e.availability ? availabilityLabel(s, e.availability) : ''}{e.availabilityNote ? ` (${e.availabilityNote})` : ''}
                      </Text>
                      <div aria-label={s.Competencies} role="group">
                        {e.competencies.map((c) => <span key={c} className={classes.tag}>{competencyLabel(s, c)}</span>)}
                      </div>
                      {e.certifications.length > 0 && <Text>{format(s.CertifiedIn, e.certifications.join(', '))}</Text>}
                      {/* The bio is text: HTML someone typed into the list is shown, never run. */}
                      {e.bio && <p className={classes.bio}>{e.bio}</p>}
                      <DefaultButton onClick={() => setAsking({ expert: e })} disabled={e.availability === 'Unavailable'} ariaLabel={format(s.AskExpertButton, e.person?.title || e.title)}>{s.AskForSparring}</DefaultButton>
                    </Stack>
                  </li>
                );
              })}
            </ul>
          </>
        )}
        {tab === 'mine' && <RequestTable requests={load.mine} strings={s} locale={locale} timeZone={load.timeZone} now={props.now} empty={s.NoRequestsYet} />}
        {tab === 'open' && load.canManage && (
          <OpenRequests requests={load.open} experts={load.experts} sparring={props.sparring} strings={s} common={props.common} locale={locale} timeZone={load.timeZone} now={props.now}
            onChanged={(text) => { setNotice({ ok: true, text }); reload().catch(() => undefined); }} onFailed={(text) => setNotice({ ok: false, text })} />
        )}
      </Stack>
      {asking && (
        <RequestPanel
          expert={asking.expert} sparring={props.sparring} strings={s} common={props.common} locale={locale}
          onClose={() => setAsking(undefined)}
          onSaved={(r) => { setAsking(undefined); setNotice({ ok: true, text: format(s.RequestSent, r.title) }); setTab('mine'); reload().catch(() => undefined); }}
        />
      )}
    </section>
  );
}

function RequestTable(props: { requests: SparringRequestView[]; strings: ICommunityWebPartStrings; locale: string; timeZone: SiteTimeZone; now?: Date; empty: string; extra?: IColumn[] }): JSX.Element {
  const { strings: s } = props;
  if (!props.requests.length) return <EmptyState icon="ChatInviteFriend" message={props.empty} />;
  const now = props.now ?? new Date();
  const columns: IColumn[] = [
    { key: 'title', name: s.FieldTopic, minWidth: 140, maxWidth: 260, isMultiline: true, onRender: (r: SparringRequestView) => <Text>{r.title}</Text> },
    { key: 'requester', name: s.Requester, minWidth: 100, maxWidth: 140, onRender: (r: SparringRequestView) => <Text>{r.requester?.title}</Text> },
    { key: 'competency', name: s.FieldCompetency, minWidth: 100, maxWidth: 150, isMultiline: true, onRender: (r: SparringRequestView) => <Text>{r.competency ? competencyLabel(s, r.competency) : ''}</Text> },
    { key: 'status', name: s.Status, minWidth: 70, maxWidth: 90, onRender: (r: SparringRequestView) => <Text>{statusLabel(s, r.status)}</Text> },
    {
      key: 'expert', name: s.AssignedExpert, minWidth: 90, maxWidth: 140, isMultiline: true,
      onRender: (r: SparringRequestView) => <Text>{r.assignedExpert?.title ?? (r.requestedExpert ? format(s.RequestedExpert, r.requestedExpert.title) : '')}</Text>
    },
    {
      key: 'message', name: s.FieldMessage, minWidth: 140, maxWidth: 280, isMultiline: true,
      onRender: (r: SparringRequestView) => <Text styles={{ root: { whiteSpace: 'pre-wrap' } }}>{r.description ?? ''}</Text>
    },
    {
      key: 'when', name: s.When, minWidth: 110, maxWidth: 150, isMultiline: true,
      onRender: (r: SparringRequestView) => <Text>{r.scheduledAt ? formatDateTime(r.scheduledAt, props.locale, props.timeZone.iana) : r.preferredDate ? format(s.Preferred, formatDay(r.preferredDate, props.locale)) : ''}</Text>
    },
    {
      key: 'waited', name: s.Waited, minWidth: 50, maxWidth: 70,
      onRender: (r: SparringRequestView) => { const d = waitedDays(r.created, now); return <Text>{d === undefined ? '' : format(s.WaitedDays, d)}</Text>; }
    },
    ...(props.extra ?? [])
  ];
  return <ScrollFrame label={s.RequestsTable}><DetailsList items={props.requests} columns={columns} selectionMode={SelectionMode.none} layoutMode={DetailsListLayoutMode.justified} getKey={(r: SparringRequestView) => String(r.id)} ariaLabelForGrid={s.RequestsTable} /></ScrollFrame>;
}

interface IOpenRequestsProps {
  requests: SparringRequestView[];
  experts: PmoExpert[];
  sparring: ISparringRequestService;
  strings: ICommunityWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  timeZone: SiteTimeZone;
  now?: Date;
  onChanged: (text: string) => void;
  onFailed: (text: string) => void;
}

/** The PMO's view: every open request, oldest first, with how long it has waited and the next step. */
function OpenRequests(props: IOpenRequestsProps): JSX.Element {
  const { strings: s } = props;
  const [busy, setBusy] = React.useState<number | undefined>();
  const [scheduling, setScheduling] = React.useState<SparringRequestView | undefined>();
  const [chosen, setChosen] = React.useState<Record<number, number>>({});
  const run = async (r: SparringRequestView, step: () => Promise<SparringRequestView>): Promise<void> => {
    setBusy(r.id);
    try {
      const saved = await step();
      props.onChanged(format(s.RequestMoved, saved.title, statusLabel(s, saved.status)));
    } catch (e) {
      props.onFailed(isConflict(e) ? s.RequestChanged : describeError(e, props.common));
    } finally {
      setBusy(undefined);
    }
  };
  const expertOptions: IDropdownOption[] = props.experts.filter((e) => e.person).map((e) => ({ key: e.person.id, text: e.person.title || e.title }));
  const action: IColumn = {
    key: 'action', name: s.NextStep, minWidth: 300, maxWidth: 360,
    onRender: (r: SparringRequestView) => {
      if (r.status === 'New' || r.status === 'Assigned') {
        const picked = chosen[r.id] ?? r.assignedExpert?.id ?? r.requestedExpert?.id;
        const expert = props.experts.find((e) => e.person?.id === picked)?.person;
        return (
          <Stack horizontal wrap tokens={{ childrenGap: 4 }} verticalAlign="end">
            <Dropdown ariaLabel={format(s.ChooseExpertFor, r.title)} placeholder={s.ChooseExpert} options={expertOptions} selectedKey={picked ?? null}
              onChange={(_, o) => o && setChosen({ ...chosen, [r.id]: Number(o.key) })} styles={{ root: { width: 150 } }} />
            <DefaultButton disabled={!expert || busy === r.id || (r.status === 'Assigned' && expert.id === r.assignedExpert?.id)} onClick={() => { run(r, () => props.sparring.assign(r, expert as PersonRef)).catch(() => undefined); }} ariaLabel={format(s.AssignFor, r.title)}>{s.Assign}</DefaultButton>
            {r.status === 'Assigned' && <DefaultButton disabled={busy === r.id} onClick={() => setScheduling(r)} ariaLabel={format(s.ScheduleFor, r.title)}>{s.Schedule}</DefaultButton>}
          </Stack>
        );
      }
      return <DefaultButton disabled={busy === r.id} onClick={() => { run(r, () => props.sparring.complete(r)).catch(() => undefined); }} ariaLabel={format(s.MarkDoneFor, r.title)}>{s.MarkDone}</DefaultButton>;
    }
  };
  return (
    <>
      <RequestTable requests={props.requests} strings={s} locale={props.locale} timeZone={props.timeZone} now={props.now} empty={s.NoOpenRequests} extra={[action]} />
      {scheduling && (
        <SchedulePanel
          request={scheduling} sparring={props.sparring} strings={s} common={props.common} locale={props.locale} timeZone={props.timeZone}
          onClose={() => setScheduling(undefined)}
          onSaved={(saved) => { setScheduling(undefined); props.onChanged(format(s.RequestMoved, saved.title, statusLabel(s, saved.status))); }}
        />
      )}
    </>
  );
}
