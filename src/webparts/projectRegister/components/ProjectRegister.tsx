import * as React from 'react';
import {
  DetailsList, DetailsListLayoutMode, SelectionMode, ConstrainMode, type IColumn, type IGroup,
  SearchBox, Dropdown, type IDropdownOption, Toggle, DefaultButton, IconButton, Stack, Text, Link, TooltipHost,
  Icon, mergeStyleSets, useTheme, CommandBar, MessageBar, MessageBarType, type ICommandBarItemProps
} from '@fluentui/react';
import type { IProjectRegisterProps } from './IProjectRegisterProps';
import { withPriorities, type Project, type ProjectPhase } from '../../../model/portfolio';
import type { Rag } from '../../../model/common';
import type { EditRights } from '../../../services/editing';
import { PROJECT_PHASES, RAG_VALUES } from '../../../schema';
import { StatusPill } from '../../../components/StatusPill';
import { srOnly } from '../../../components/srOnly';
import { LoadingState, ErrorState, EmptyState } from '../../../components/States';
import { formatDate } from '../../../components/format';
import { phaseLabel, ragLabels } from '../../../components/labels';
import { useProjects } from './useProjects';
import {
  EMPTY_FILTER, facetsOf, filterProjects, groupProjects, isStale, registerFilterOf, sortProjects,
  type GroupKey, type RegisterFilter, type Sort, type SortKey
} from './registerModel';
import { format } from '../../../components/text';
import { describeError } from '../../../components/errors';
import { announceProjectChanged, useProjectChanges } from '../../../components/projectChanges';
import { withShownStatus } from '../../../model/latestStatus';
import { ScrollFrame } from '../../../components/ScrollFrame';
import { ReadAtNote } from '../../../components/ReadAtNote';

/** The form (date pickers, people picker, dialogs) loads only when someone creates or edits: visitors never pay for it. */
const ControlLoopPanels = React.lazy(() => import(/* webpackChunkName: 'project-control-loop' */ './ControlLoopPanels'));
const ProjectEditPanel = React.lazy(() => import(/* webpackChunkName: 'project-edit' */ './ProjectEditPanel').then((m) => ({ default: m.ProjectEditPanel })));
/**
 * A project's details open on a click: the panel, and Fluent's Panel with it, is a chunk of its own,
 * outside the first render of the pages that hold the register (Projects, Home). Once opened it
 * stays mounted, so it closes with the Panel's own animation and focus return.
 */
const ProjectDetailsPanel = React.lazy(() => import(/* webpackChunkName: 'project-details' */ './ProjectDetailsPanel').then((m) => ({ default: m.ProjectDetailsPanel })));

const GROUP_KEYS: GroupKey[] = ['none', 'phase', 'unit', 'programme', 'latestOverall', 'leader'];

function toggled<T>(values: T[], value: T, on: boolean | undefined): T[] {
  const rest = values.filter((v) => v !== value);
  return on ? [...rest, value] : rest;
}

/** The project register: search, filter, sort, group and page through every project, and open one. */
export default function ProjectRegister(props: IProjectRegisterProps): JSX.Element {
  const { strings: s, common: c, locale } = props;
  const theme = useTheme();
  const { state, reload, upsert } = useProjects(props.service);
  // A status report published in another web part on this page shows here at once.
  useProjectChanges(upsert);
  const [loopTarget, setLoopTarget] = React.useState<{ kind: 'statusReports' | 'risks'; id: number } | undefined>(undefined);
  const { editing, people } = props;
  const [rights, setRights] = React.useState<EditRights | undefined>(undefined);
  const [editTarget, setEditTarget] = React.useState<{ id?: number } | undefined>(undefined);
  const [announcement, setAnnouncement] = React.useState('');
  const [exportError, setExportError] = React.useState<string | undefined>(undefined);
  const [exporting, setExporting] = React.useState(false);
  React.useEffect(() => {
    let live = true;
    setRights(undefined);
    // Effective permissions from SharePoint; if they cannot be read, nobody gets edit commands.
    editing?.rights().then((r) => { if (live) setRights(r); }, () => { if (live) setRights(undefined); });
    return () => { live = false; };
  }, [editing]);
  // A drill-down from the portfolio overview wins over the configured default phase.
  const drill = React.useMemo(() => (props.drillDown ? registerFilterOf(props.drillDown) : undefined), [props.drillDown]);
  const [fromPortfolio, setFromPortfolio] = React.useState<boolean>(!!drill);
  const [filter, setFilter] = React.useState<RegisterFilter>(drill?.filter ?? { ...EMPTY_FILTER, phases: props.defaultPhase ? [props.defaultPhase] : [] });
  const [sort, setSort] = React.useState<Sort>({ key: 'code', descending: false });
  const [groupBy, setGroupBy] = React.useState<GroupKey>('none');
  const [page, setPage] = React.useState(0);
  const [openId, setOpenId] = React.useState<number | undefined>(undefined);
  // The open project's priority score: the PMO's list, read when the details open (one indexed read).
  const [openPriority, setOpenPriority] = React.useState<{ id: number; score?: number } | undefined>(undefined);
  React.useEffect(() => {
    if (openId === undefined || !props.priorities) return undefined;
    let current = true;
    // Without the score the details still show everything else: a failed read hides one row only.
    props.priorities.priorityOf(openId).then((p) => { if (current) setOpenPriority({ id: openId, score: p?.priorityScore }); }, () => undefined);
    return () => { current = false; };
  }, [openId, props.priorities]);
  const today = React.useMemo(() => props.today ?? new Date(), [props.today]);
  const labels = ragLabels(c);
  const classes = mergeStyleSets({
    root: { color: theme.semanticColors.bodyText },
    toolbar: { flexWrap: 'wrap' },
    filter: { minWidth: 160, maxWidth: 220 },
    stale: { color: theme.semanticColors.errorText, display: 'inline-flex', alignItems: 'center', gap: 4 },
    code: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }
  });

  const projects = state.status === 'ready' ? state.projects : [];
  const me = state.status === 'ready' ? state.me : undefined;
  const facets = React.useMemo(() => facetsOf(projects, locale), [projects, locale]);
  const visible = React.useMemo(
    () => sortProjects(filterProjects(projects, filter, me?.id, (p) => isStale(p, props.staleDays, today)), sort, locale),
    [projects, filter, me, sort, locale, props.staleDays, today]
  );
  const grouped = React.useMemo(() => groupProjects(visible, groupBy, locale), [visible, groupBy, locale]);
  const pageCount = Math.max(1, Math.ceil(grouped.items.length / props.pageSize));
  const currentPage = Math.min(page, pageCount - 1);
  const start = currentPage * props.pageSize;
  const pageItems = grouped.items.slice(start, start + props.pageSize);
  const found = openId === undefined ? undefined : projects.find((p) => p.id === openId);
  // Only Project Priorities says a project's score; nothing on the project item does.
  const open = found && { ...found, priorityScore: openPriority?.id === found.id ? openPriority.score : undefined };
  const [detailsOpened, setDetailsOpened] = React.useState(false);
  if (open && !detailsOpened) setDetailsOpened(true);
  const loopProject = loopTarget ? projects.find((p) => p.id === loopTarget.id) : undefined;
  const canAdd = !!(editing && people && rights?.projects.add);
  const canEdit = !!(editing && people && rights?.projects.edit);
  // Leaders edit the projects they lead (their item permissions), nothing else: mirror that.
  const ledBy = editing && people ? rights?.projects.editLedBy : undefined;
  const mayEdit = (p: Project | undefined): boolean => canEdit || (ledBy !== undefined && !!p && p.leader?.id === ledBy);
  const editing_ = editTarget ? (editTarget.id === undefined ? undefined : projects.find((p) => p.id === editTarget.id)) : undefined;

  const runExport = async (kind: 'csv' | 'xlsx'): Promise<void> => {
    setExportError(undefined);
    setExporting(true);
    try {
      // The current view: every filtered project in the shown order (all pages, not just this one).
      const rows = props.priorities ? withPriorities(grouped.items, await props.priorities.priorities()) : grouped.items;
      // The export's code (CSV writer, table model, the XLSX writer behind it) loads on the click, not with every register.
      const [{ exportTable }, { exportFileName }, { exportTableAs }] = await Promise.all([
        import(/* webpackChunkName: 'register-export' */ './registerExport'),
        import(/* webpackChunkName: 'register-export' */ '../../../components/exportModel'),
        import(/* webpackChunkName: 'register-export' */ '../../../components/exportFiles')
      ]);
      await exportTableAs(kind, exportTable(rows, s, c), locale, exportFileName(s.ExportFileName, new Date(), kind), s.Title);
    } catch (e) {
      setExportError(format(s.ExportFailed, describeError(e, c)));
    } finally {
      setExporting(false);
    }
  };
  const commands: ICommandBarItemProps[] = [];
  if (canAdd) commands.push({ key: 'new', text: s.NewProject, iconProps: { iconName: 'Add' }, onClick: () => { setAnnouncement(''); setEditTarget({}); } });
  if (state.status === 'ready' && visible.length > 0) {
    commands.push({
      key: 'export', text: s.Export, iconProps: { iconName: 'Download' }, disabled: exporting,
      subMenuProps: {
        items: [
          { key: 'csv', text: s.ExportCsv, iconProps: { iconName: 'TextDocument' }, onClick: () => { void runExport('csv'); } },
          { key: 'xlsx', text: s.ExportExcel, iconProps: { iconName: 'ExcelDocument' }, onClick: () => { void runExport('xlsx'); } }
        ]
      }
    });
  }

  const setF = (patch: Partial<RegisterFilter>): void => { setFilter((f) => ({ ...f, ...patch })); setPage(0); };
  const clearAll = (): void => {
    setF(EMPTY_FILTER);
    if (fromPortfolio) { setFromPortfolio(false); props.onClearDrillDown?.(); }
  };

  const groupName = (value: string): string => {
    if (groupBy === 'phase') return phaseLabel(c, value as ProjectPhase);
    if (groupBy === 'latestOverall') return labels[value as Rag | 'None'];
    if (value === '') return groupBy === 'unit' ? s.NoUnit : groupBy === 'programme' ? s.NoProgramme : s.NoLeader;
    return value;
  };
  const groups: IGroup[] | undefined = groupBy === 'none' ? undefined : grouped.groups
    .map((g) => {
      const from = Math.max(g.startIndex, start);
      const to = Math.min(g.startIndex + g.count, start + props.pageSize);
      return { key: g.key, name: `${groupName(g.value)} (${g.count})`, startIndex: from - start, count: to - from, level: 0 };
    })
    .filter((g) => g.count > 0);

  const column = (key: SortKey, name: string, min: number, max: number, render: (p: Project) => React.ReactNode): IColumn => ({
    key, name, fieldName: key, minWidth: min, maxWidth: max, isResizable: true,
    isSorted: sort.key === key, isSortedDescending: sort.key === key && sort.descending,
    sortAscendingAriaLabel: s.SortAscending, sortDescendingAriaLabel: s.SortDescending,
    onRender: (p?: Project) => (p ? render(p) : null),
    onColumnClick: () => setSort((old) => ({ key, descending: old.key === key ? !old.descending : false }))
  });
  const columns: IColumn[] = [
    column('latestOverall', s.ColumnStatus, 90, 120, (p) => <StatusPill status={p.latestOverall} labels={labels} />),
    column('code', s.ColumnCode, 90, 120, (p) => <span className={classes.code}>{p.code}</span>),
    column('title', s.ColumnTitle, 180, 360, (p) => (
      <Link onClick={() => setOpenId(p.id)} aria-label={format(s.OpenDetails, p.title)}>{p.title}</Link>
    )),
    column('phase', s.ColumnPhase, 80, 120, (p) => phaseLabel(c, p.phase)),
    column('unit', s.ColumnUnit, 90, 160, (p) => p.unit ?? ''),
    column('programme', s.ColumnProgramme, 100, 180, (p) => p.programme ?? ''),
    column('leader', s.ColumnLeader, 110, 180, (p) => p.leader?.title ?? ''),
    column('endDate', s.ColumnEnd, 90, 120, (p) => formatDate(p.endDate, locale)),
    column('latestReportDate', s.ColumnLastReport, 110, 170, (p) => (
      isStale(p, props.staleDays, today) ? (
        <TooltipHost content={format(s.StaleTooltip, props.staleDays)}>
          <span className={classes.stale}>
            <Icon iconName="Clock" aria-hidden={true} />
            {p.latestReportDate ? formatDate(p.latestReportDate, locale) : s.Stale}
            <span className={srOnly}>{` (${s.Stale})`}</span>
          </span>
        </TooltipHost>
      ) : formatDate(p.latestReportDate, locale)
    ))
  ];

  const multi = (label: string, options: IDropdownOption[], selected: string[], onChange: (key: string, on: boolean | undefined) => void): JSX.Element => (
    <Dropdown
      className={classes.filter}
      label={label}
      multiSelect={true}
      options={options}
      selectedKeys={selected}
      onChange={(_, o) => { if (o) onChange(String(o.key), o.selected); }}
    />
  );

  let body: JSX.Element;
  if (state.status === 'loading') {
    body = <LoadingState label={state.loaded ? format(s.LoadingProgress, state.loaded) : c.Loading} />;
  } else if (state.status === 'error') {
    body = <ErrorState title={c.ErrorTitle} error={state.error} common={c} retryLabel={c.Retry} onRetry={reload} />;
  } else if (projects.length === 0) {
    body = <EmptyState icon="ProjectCollection" message={s.EmptyNoProjects} />;
  } else if (visible.length === 0) {
    body = <EmptyState message={s.EmptyNoMatch} action={<DefaultButton onClick={clearAll}>{s.ClearFilters}</DefaultButton>} />;
  } else {
    body = (
      <>
        <ScrollFrame label={s.Title}>
          <DetailsList
            items={pageItems}
            columns={columns}
            groups={groups}
            groupProps={{ showEmptyGroups: false, headerProps: { expandButtonProps: { 'aria-label': s.GroupBy } } }}
            selectionMode={SelectionMode.none}
            layoutMode={DetailsListLayoutMode.justified}
            constrainMode={ConstrainMode.unconstrained}
            getKey={(p: Project) => String(p.id)}
            setKey="register"
            ariaLabelForGrid={s.Title}
            compact={true}
          />
        </ScrollFrame>
        {pageCount > 1 && (
          <Stack horizontal={true} verticalAlign="center" horizontalAlign="center" tokens={{ childrenGap: 8 }} role="navigation" aria-label={format(s.PageOf, currentPage + 1, pageCount)}>
            <IconButton iconProps={{ iconName: 'ChevronLeft' }} title={s.PagePrevious} ariaLabel={s.PagePrevious} disabled={currentPage === 0} onClick={() => setPage(currentPage - 1)} />
            <Text aria-live="polite">{format(s.PageOf, currentPage + 1, pageCount)}</Text>
            <IconButton iconProps={{ iconName: 'ChevronRight' }} title={s.PageNext} ariaLabel={s.PageNext} disabled={currentPage >= pageCount - 1} onClick={() => setPage(currentPage + 1)} />
          </Stack>
        )}
      </>
    );
  }

  return (
    <section className={classes.root} aria-label={s.Title}>
      <Stack tokens={{ childrenGap: 12 }}>
        <Stack horizontal={true} horizontalAlign="space-between" verticalAlign="baseline" wrap={true}>
          <Text variant="xLarge" as="h2">{s.Title}</Text>
          {state.status === 'ready' && <Text aria-live="polite">{format(s.ProjectsCount, visible.length, projects.length)}</Text>}
        </Stack>
        {commands.length > 0 && <CommandBar items={commands} ariaLabel={s.CommandsLabel} styles={{ root: { padding: 0 } }} />}
        {exportError && <MessageBar messageBarType={MessageBarType.error} role="alert" onDismiss={() => setExportError(undefined)} dismissButtonAriaLabel={c.Close}>{exportError}</MessageBar>}
        <div aria-live="polite" className={srOnly}>{announcement}</div>
        {state.status === 'ready' && projects.length > 0 && (
          <Stack horizontal={true} tokens={{ childrenGap: 12 }} verticalAlign="end" className={classes.toolbar} wrap={true}>
            <SearchBox
              placeholder={s.SearchPlaceholder}
              ariaLabel={s.SearchLabel}
              value={filter.search}
              onChange={(_, v) => setF({ search: v ?? '' })}
              styles={{ root: { minWidth: 240 } }}
            />
            {multi(s.FilterPhase, PROJECT_PHASES.map((p) => ({ key: p, text: phaseLabel(c, p) })), filter.phases,
              (k, on) => setF({ phases: toggled(filter.phases, k as ProjectPhase, on) }))}
            {multi(s.FilterUnit, facets.units.map((u) => ({ key: u, text: u })), filter.units, (k, on) => setF({ units: toggled(filter.units, k, on) }))}
            {multi(s.FilterProgramme, facets.programmes.map((u) => ({ key: u, text: u })), filter.programmes, (k, on) => setF({ programmes: toggled(filter.programmes, k, on) }))}
            {multi(s.FilterStatus, [...RAG_VALUES, 'None' as const].map((r) => ({ key: r, text: labels[r] })), filter.statuses,
              (k, on) => setF({ statuses: toggled(filter.statuses, k as Rag | 'None', on) }))}
            {multi(s.FilterLeader, facets.leaders.map((l) => ({ key: String(l.id), text: l.title })), filter.leaderIds.map(String),
              (k, on) => setF({ leaderIds: toggled(filter.leaderIds, Number(k), on) }))}
            <Toggle label={s.MyProjects} checked={filter.mine} onChange={(_, v) => setF({ mine: !!v })} disabled={!me} />
            <Dropdown
              className={classes.filter}
              label={s.GroupBy}
              options={GROUP_KEYS.map((g) => ({ key: g, text: g === 'none' ? s.GroupNone : g === 'latestOverall' ? s.FilterStatus : g === 'leader' ? s.FilterLeader : g === 'phase' ? s.FilterPhase : g === 'unit' ? s.FilterUnit : s.FilterProgramme }))}
              selectedKey={groupBy}
              onChange={(_, o) => { if (o) { setGroupBy(o.key as GroupKey); setPage(0); } }}
            />
            <DefaultButton onClick={clearAll} disabled={JSON.stringify(filter) === JSON.stringify(EMPTY_FILTER)}>{s.ClearFilters}</DefaultButton>
          </Stack>
        )}
        {fromPortfolio && (
          <MessageBar
            messageBarType={MessageBarType.info}
            isMultiline={true}
            actions={<DefaultButton onClick={clearAll}>{s.PortfolioFilterClear}</DefaultButton>}
          >
            {s.PortfolioFilterApplied}
            {filter.staleOnly && <div>{format(s.PortfolioFilterStaleOnly, props.staleDays)}</div>}
            {drill?.ignored && <div>{s.PortfolioFilterPartly}</div>}
          </MessageBar>
        )}
        {state.status === 'ready' && <ReadAtNote asOf={state.asOf} locale={locale} common={c} />}
        {body}
      </Stack>
      {detailsOpened && (
        <React.Suspense fallback={<LoadingState label={c.Loading} />}>
          <ProjectDetailsPanel
            project={editTarget || loopTarget ? undefined : open}
            onEdit={mayEdit(open) ? (p) => { setAnnouncement(''); setEditTarget({ id: p.id }); } : undefined}
            onStatusReports={props.controlLoop ? (p) => setLoopTarget({ kind: 'statusReports', id: p.id }) : undefined}
            onRisks={props.controlLoop ? (p) => setLoopTarget({ kind: 'risks', id: p.id }) : undefined}
            benefits={props.benefits}
            strings={s}
            common={c}
            locale={locale}
            stale={open ? isStale(open, props.staleDays, today) : false}
            staleDays={props.staleDays}
            onDismiss={() => setOpenId(undefined)}
          />
        </React.Suspense>
      )}
      {loopTarget && props.controlLoop && loopProject && (
        <React.Suspense fallback={<LoadingState label={c.Loading} />}>
          <ControlLoopPanels
            loop={props.controlLoop}
            project={loopProject}
            kind={loopTarget.kind}
            common={c}
            locale={locale}
            onProjectChanged={upsert}
            onDismiss={() => setLoopTarget(undefined)}
          />
        </React.Suspense>
      )}
      {editTarget && editing && people && (editTarget.id === undefined || editing_) && (
        <React.Suspense fallback={<LoadingState label={c.Loading} />}>
          <ProjectEditPanel
            key={editTarget.id ?? 'new'}
            project={editing_}
            editing={editing}
            people={people}
            strings={s}
            common={c}
            locale={locale}
            defaultPhase={props.defaultPhase || undefined}
            units={facets.units}
            programmes={facets.programmes}
            codeCheckDelay={props.codeCheckDelay}
            onSaved={(stored) => {
              // What SharePoint hands back holds the item's own status cache: keep the reports' status shown.
              const saved = withShownStatus(stored, editing_);
              upsert(saved);
              announceProjectChanged(saved);
              setEditTarget(undefined);
              setOpenId(saved.id);
              setAnnouncement(format(s.Saved, saved.title));
            }}
            onDismiss={() => setEditTarget(undefined)}
          />
        </React.Suspense>
      )}
    </section>
  );
}

