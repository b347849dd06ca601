import * as React from 'react';
import {
  DatePicker, DefaultButton, Dropdown, DropdownMenuItemType, MessageBar, MessageBarType, Stack, Text, mergeStyleSets, useTheme,
  type IDropdownOption
} from '@fluentui/react';
import type { PortfolioFilter, PortfolioView, ProjectPhase } from '../../../../model/portfolio';
import type { Rag } from '../../../../model/common';
import type { IPortfolioService } from '../../../../services/PortfolioService';
import type { IPortfolioViewService, PortfolioViews } from '../../../../services/PortfolioViewService';
import { ValidationError } from '../../../../services/errors';
import { PROJECT_PHASES, RAG_VALUES } from '../../../../schema';
import { ErrorState, LoadingState } from '../../../../components/States';
import { format } from '../../../../components/text';
import { describeError } from '../../../../components/errors';
import { phaseLabel, ragLabels } from '../../../../components/labels';
import { datePickerStrings, dateToIso, firstDayOfWeek, formatShortDate, isoToDate, parseShortDate } from '../../../../components/dates';
import { EMPTY_PORTFOLIO_FILTER, filterPortfolio, isFilterActive, parsePortfolioFilter } from '../../../../model/portfolioFilter';
import { usePortfolioProjects } from '../../shared/usePortfolioProjects';
import { srOnly } from '../../../../components/srOnly';
import { lazyComponent } from '../../../../components/lazyComponent';
import type { SaveViewDraft } from './SaveViewDialog';

// Saving a view is a click away: its dialog (Fluent's Modal, TextField) is not part of the page's first render.
const SaveViewDialog = lazyComponent(() => import(/* webpackChunkName: 'save-view-dialog' */ './SaveViewDialog').then((m) => m.SaveViewDialog));

export interface IPortfolioFiltersProps {
  service: IPortfolioService;
  /** Saved views; without it the web part filters only. */
  views?: IPortfolioViewService;
  filter: PortfolioFilter;
  /** Publishes the filter to the page's other portfolio web parts. */
  onChange: (filter: PortfolioFilter) => void;
  strings: IPortfolioWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
}

type ViewsLoad = { status: 'loading' } | { status: 'error'; error: Error } | { status: 'ready'; data: PortfolioViews } | { status: 'off' };

function toggled<T>(values: readonly T[] | undefined, value: T, on: boolean | undefined): T[] {
  const rest = (values ?? []).filter((v) => v !== value);
  return on ? [...rest, value] : rest;
}

/** Drops empty criteria, so an unfiltered page publishes `{ version: 1 }` and views compare equal. */
function clean(f: PortfolioFilter): PortfolioFilter {
  return parsePortfolioFilter(f);
}

function sameFilter(a: PortfolioFilter, b: PortfolioFilter): boolean {
  const norm = (f: PortfolioFilter): string => JSON.stringify(clean(f), Object.keys(clean(f)).sort());
  return norm(a) === norm(b);
}

/** The page's filter bar: what every portfolio web part on the page shows, and saved views of it. */
export default function PortfolioFilters(props: IPortfolioFiltersProps): JSX.Element {
  const { strings: s, common: c, locale, filter, onChange } = props;
  const theme = useTheme();
  const { state, reload } = usePortfolioProjects(props.service);
  const [views, setViews] = React.useState<ViewsLoad>(props.views ? { status: 'loading' } : { status: 'off' });
  const [viewsAttempt, setViewsAttempt] = React.useState(0);
  const [saving, setSaving] = React.useState<SaveViewDraft | undefined>(undefined);
  const [announcement, setAnnouncement] = React.useState('');
  const [viewError, setViewError] = React.useState<string | undefined>(undefined);
  React.useEffect(() => {
    const service = props.views;
    if (!service) { setViews({ status: 'off' }); return undefined; }
    let live = true;
    setViews({ status: 'loading' });
    service.load().then((data) => { if (live) setViews({ status: 'ready', data }); }, (error: Error) => { if (live) setViews({ status: 'error', error }); });
    return () => { live = false; };
  }, [props.views, viewsAttempt]);

  const classes = React.useMemo(() => mergeStyleSets({
    heading: { ...theme.fonts.xLarge, fontWeight: 600, margin: 0 },
    field: { minWidth: 150, maxWidth: 220, flex: '1 1 150px' },
    date: { width: 150 },
    // On paper the chosen filters stay (they say what the page shows); commands and saved views go.
    noPrint: { selectors: { '@media print': { display: 'none' } } }
  }), [theme]);

  const projects = React.useMemo(() => (state.status === 'ready' ? state.value : []), [state]);
  const facets = React.useMemo(() => {
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    const units = new Set<string>(); const programmes = new Set<string>();
    const leaders = new Map<number, string>(); const objectives = new Map<number, string>();
    for (const p of projects) {
      if (p.unit) units.add(p.unit);
      if (p.programme) programmes.add(p.programme);
      if (p.leader) leaders.set(p.leader.id, p.leader.title);
      for (const o of p.strategicObjectives) objectives.set(o.id, o.title);
    }
    const byName = (m: Map<number, string>): Array<[number, string]> => [...m.entries()].sort((a, b) => collator.compare(a[1], b[1]));
    return { units: [...units].sort(collator.compare), programmes: [...programmes].sort(collator.compare), leaders: byName(leaders), objectives: byName(objectives) };
  }, [projects, locale]);
  const shown = React.useMemo(() => filterPortfolio(projects, filter).length, [projects, filter]);

  if (state.status === 'loading') return <LoadingState label={c.Loading} />;
  if (state.status === 'error') {
    return <ErrorState heading={s.FiltersTitle} title={c.ErrorTitle} error={state.error} common={c} retryLabel={c.Retry} onRetry={reload} />;
  }

  const set = (patch: Partial<PortfolioFilter>): void => onChange(clean({ ...filter, ...patch }));
  const labels = ragLabels(c);
  const multi = (label: string, options: IDropdownOption[], selected: string[], onToggle: (key: string, on: boolean | undefined) => void): JSX.Element => (
    <Dropdown
      className={classes.field}
      label={label}
      multiSelect={true}
      options={options}
      selectedKeys={selected}
      placeholder={s.FilterAll}
      onChange={(_, o) => { if (o) onToggle(String(o.key), o.selected); }}
    />
  );
  const calendar = datePickerStrings(locale, {
    goToToday: s.GoToToday, prevMonthAriaLabel: s.PreviousMonth, nextMonthAriaLabel: s.NextMonth, prevYearAriaLabel: s.PreviousYear,
    nextYearAriaLabel: s.NextYear, closeButtonAriaLabel: c.Close, invalidInputErrorMessage: s.InvalidDate
  });
  const dateField = (label: string, value: string | undefined, onSelect: (iso: string | undefined) => void): JSX.Element => (
    <DatePicker
      className={classes.date}
      label={label}
      value={isoToDate(value)}
      allowTextInput={true}
      strings={calendar}
      firstDayOfWeek={firstDayOfWeek(locale)}
      formatDate={(d) => formatShortDate(d, locale)}
      parseDateFromString={(t) => parseShortDate(t, locale) ?? null as unknown as Date}
      onSelectDate={(d) => onSelect(dateToIso(d ?? undefined))}
      placeholder={s.FilterAll}
    />
  );
  const period = filter.period ?? {};
  const setPeriod = (from: string | undefined, to: string | undefined): void => set({ period: from || to ? { ...(from ? { from } : {}), ...(to ? { to } : {}) } : undefined });

  // Saved views.
  const data = views.status === 'ready' ? views.data : undefined;
  const current = data?.views.find((v) => sameFilter(v.filterDefinition, filter));
  const viewOptions: IDropdownOption[] = [];
  if (data) {
    const sharedViews = data.views.filter((v) => v.shared);
    const mine = data.views.filter((v) => !v.shared);
    if (sharedViews.length) {
      viewOptions.push({ key: 'h-shared', text: s.SharedViews, itemType: DropdownMenuItemType.Header });
      sharedViews.forEach((v) => viewOptions.push({ key: String(v.id), text: v.title }));
    }
    if (mine.length) {
      viewOptions.push({ key: 'h-mine', text: s.MyViews, itemType: DropdownMenuItemType.Header });
      mine.forEach((v) => viewOptions.push({ key: String(v.id), text: v.title }));
    }
  }
  const canDelete = (v: PortfolioView | undefined): boolean => !!v && !!data && (v.shared ? data.canSaveShared : v.owner?.id === data.me.id);
  const applyView = (id: string): void => {
    const v = data?.views.find((x) => String(x.id) === id);
    if (!v) return;
    onChange(clean(v.filterDefinition));
    setAnnouncement(format(s.ViewApplied, v.title));
  };
  const save = async (): Promise<void> => {
    if (!saving || !props.views) return;
    setSaving({ ...saving, busy: true, error: undefined });
    try {
      const saved = await props.views.save({ title: saving.title, filter, shared: saving.shared && !!data?.canSaveShared });
      setViews((old) => (old.status === 'ready'
        ? { status: 'ready', data: { ...old.data, views: [...old.data.views.filter((v) => v.id !== saved.id), saved] } } : old));
      setSaving(undefined);
      setAnnouncement(format(s.ViewSaved, saved.title));
    } catch (e) {
      const message = e instanceof ValidationError ? (e.fields.title === 'tooLong' ? s.ViewTitleTooLong : s.ViewTitleRequired) : format(s.ViewSaveFailed, describeError(e as Error, c));
      setSaving((old) => (old ? { ...old, busy: false, error: message } : old));
    }
  };
  const remove = async (v: PortfolioView): Promise<void> => {
    if (!props.views) return;
    setViewError(undefined);
    try {
      await props.views.remove(v.id);
      setViews((old) => (old.status === 'ready' ? { status: 'ready', data: { ...old.data, views: old.data.views.filter((x) => x.id !== v.id) } } : old));
      setAnnouncement(format(s.ViewDeleted, v.title));
    } catch (e) {
      setViewError(format(s.ViewDeleteFailed, describeError(e as Error, c)));
    }
  };

  return (
    <section aria-label={s.FiltersTitle}>
      <Stack tokens={{ childrenGap: 8 }}>
        <Stack horizontal={true} horizontalAlign="space-between" verticalAlign="baseline" wrap={true} tokens={{ childrenGap: 8 }}>
          <h2 className={classes.heading}>{s.FiltersTitle}</h2>
          <Text aria-live="polite">{format(s.FilterCount, shown, projects.length)}</Text>
        </Stack>
        <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 12 }} verticalAlign="end">
          {multi(s.FilterUnit, facets.units.map((u) => ({ key: u, text: u })), filter.units ?? [], (k, on) => set({ units: toggled(filter.units, k, on) }))}
          {multi(s.FilterProgramme, facets.programmes.map((u) => ({ key: u, text: u })), filter.programmes ?? [], (k, on) => set({ programmes: toggled(filter.programmes, k, on) }))}
          {multi(s.FilterPhase, PROJECT_PHASES.map((p) => ({ key: p, text: phaseLabel(c, p) })), filter.phases ?? [],
            (k, on) => set({ phases: toggled(filter.phases, k as ProjectPhase, on) }))}
          {multi(s.FilterLeader, facets.leaders.map(([id, t]) => ({ key: String(id), text: t })), (filter.leaderIds ?? []).map(String),
            (k, on) => set({ leaderIds: toggled(filter.leaderIds, Number(k), on) }))}
          {multi(s.FilterObjective, facets.objectives.map(([id, t]) => ({ key: String(id), text: t })), (filter.strategicObjectiveIds ?? []).map(String),
            (k, on) => set({ strategicObjectiveIds: toggled(filter.strategicObjectiveIds, Number(k), on) }))}
          {multi(s.FilterStatus, RAG_VALUES.map((r) => ({ key: r, text: labels[r] })), filter.overall ?? [],
            (k, on) => set({ overall: toggled(filter.overall, k as Rag, on) }))}
          {dateField(s.FilterFrom, period.from, (from) => setPeriod(from, period.to))}
          {dateField(s.FilterTo, period.to, (to) => setPeriod(period.from, to))}
          <DefaultButton className={classes.noPrint} onClick={() => { onChange({ ...EMPTY_PORTFOLIO_FILTER }); setAnnouncement(s.FiltersCleared); }} disabled={!isFilterActive(filter)}>
            {s.ClearFilters}
          </DefaultButton>
        </Stack>
        {views.status === 'error' && (
          <MessageBar messageBarType={MessageBarType.warning} actions={<DefaultButton onClick={() => setViewsAttempt((n) => n + 1)}>{c.Retry}</DefaultButton>}>
            {format(s.ViewsLoadFailed, describeError(views.error, c))}
          </MessageBar>
        )}
        {data && (
          <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 12 }} verticalAlign="end" className={classes.noPrint}>
            <Dropdown
              className={classes.field}
              label={s.SavedViews}
              options={viewOptions}
              selectedKey={current ? String(current.id) : null}
              placeholder={viewOptions.length ? s.ChooseView : s.NoViews}
              disabled={!viewOptions.length}
              onChange={(_, o) => { if (o) applyView(String(o.key)); }}
            />
            {data.canSavePersonal && (
              <DefaultButton iconProps={{ iconName: 'Save' }} disabled={!isFilterActive(filter)} onClick={() => setSaving({ title: '', shared: false, busy: false })}>
                {s.SaveView}
              </DefaultButton>
            )}
            {current && canDelete(current) && (
              <DefaultButton iconProps={{ iconName: 'Delete' }} onClick={() => { void remove(current); }}>{format(s.DeleteView, current.title)}</DefaultButton>
            )}
          </Stack>
        )}
        {viewError && <MessageBar messageBarType={MessageBarType.error} onDismiss={() => setViewError(undefined)} dismissButtonAriaLabel={c.Close}>{viewError}</MessageBar>}
        <div aria-live="polite" className={srOnly}>{announcement}</div>
      </Stack>
      {saving && (
        <SaveViewDialog
          strings={s}
          draft={saving}
          canShare={!!data?.canSaveShared}
          onChange={setSaving}
          onSave={() => { void save(); }}
          onDismiss={() => setSaving(undefined)}
        />
      )}
    </section>
  );
}
