import * as React from 'react';
import { ActionButton, Dropdown, Panel, PanelType, Stack, Text, mergeStyleSets, useTheme, type IDropdownOption } from '@fluentui/react';
import type { PortfolioFilter, Project } from '../../../../model/portfolio';
import type { Rag } from '../../../../model/common';
import type { IPortfolioService } from '../../../../services/PortfolioService';
import type { ExportTable } from '../../../../components/exportModel';
import { ErrorState, LoadingState, EmptyState } from '../../../../components/States';
import { format, todayIso } from '../../../../components/text';
import { describeError } from '../../../../components/errors';
import { formatDate } from '../../../../components/format';
import { phaseLabel, ragLabels } from '../../../../components/labels';
import { ChartFrame } from '../../shared/ChartFrame';
import { ragColours } from '../../shared/Chart';
import { filterPortfolio } from '../../../../model/portfolioFilter';
import { useLoad } from '../../planning/useLoad';
import { afterFirstScreen } from '../../../../common/firstScreen';
import {
  ROW_HEIGHT, TIMELINE_ZOOMS, buildTimeline, dayNumber, isoOfDay, nextRow, ticks, timeScale, timelineRows, visibleRange,
  type TimelineBar, type TimelineGrouping, type TimelineRow, type TimelineZoom
} from './timelineModel';

export interface ITimelineProps {
  portfolio: IPortfolioService;
  filter: PortfolioFilter;
  strings: IPortfolioPlanningWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** From the property pane; people can switch on the page. */
  grouping: TimelineGrouping;
  zoom: TimelineZoom;
  /** Pixel height of the scrolling roadmap. */
  height?: number;
  /** Today, for the today line (a prop so tests and screenshots are stable). */
  today?: string;
}

const LABEL_WIDTH = 280;
const AXIS_HEIGHT = 28;
const TABLE_LIMIT = 500;

/** Status shapes beside each bar: the status reads without colour (circle, triangle, square, ring). */
function StatusMark({ status, x, y, className }: { status: Rag | 'None'; x: number; y: number; className: string }): JSX.Element {
  switch (status) {
    case 'Green': return <circle cx={x} cy={y} r={5} className={className} />;
    case 'Amber': return <polygon points={`${x},${y - 6} ${x + 6},${y + 5} ${x - 6},${y + 5}`} className={className} />;
    case 'Red': return <rect x={x - 5} y={y - 5} width={10} height={10} className={className} />;
    default: return <circle cx={x} cy={y} r={4} className={className} />;
  }
}

export function timelineTable(bars: readonly TimelineBar[], s: IPortfolioPlanningWebPartStrings, c: IPmoHubCommonStrings, groupLabel: (b: TimelineBar) => string): ExportTable {
  const rag = ragLabels(c);
  return {
    headers: [s.ColumnProject, s.ColumnCode, s.ColumnGroup, s.ColumnStart, s.ColumnEnd, s.ColumnForecastEnd, s.ColumnStatus, s.ColumnPhase],
    rows: bars.map((b) => [
      { kind: 'text', value: b.project.title }, { kind: 'text', value: b.project.code }, { kind: 'text', value: groupLabel(b) },
      { kind: 'date', value: isoOfDay(b.start) }, { kind: 'date', value: isoOfDay(b.end) },
      b.forecastEnd !== undefined ? { kind: 'date', value: isoOfDay(b.forecastEnd) } : { kind: 'empty' },
      { kind: 'text', value: rag[b.status] }, { kind: 'text', value: phaseLabel(c, b.project.phase) }
    ])
  };
}

/**
 * The portfolio as a roadmap: one bar per project from start to end (a dashed tail to the forecast
 * end), grouped by programme or unit, a today line. Only the rows in view are drawn, so 10,000
 * projects scroll as smoothly as 30; groups collapse. Keyboard: Tab enters, arrows move, Enter acts.
 */
export default function Timeline(props: ITimelineProps): JSX.Element {
  const { strings: s, common: c, locale } = props;
  const theme = useTheme();
  const viewport = props.height ?? 480;
  const { data, retry } = useLoad(() => props.portfolio.loadProjects().then(afterFirstScreen), [props.portfolio]);
  const [grouping, setGrouping] = React.useState<TimelineGrouping>(props.grouping);
  const [zoom, setZoom] = React.useState<TimelineZoom>(props.zoom);
  const [collapsed, setCollapsed] = React.useState<ReadonlySet<string>>(new Set());
  const [scrollTop, setScrollTop] = React.useState(0);
  const [scrollLeft, setScrollLeft] = React.useState(0);
  const scrolledToToday = React.useRef(false);
  const [active, setActive] = React.useState(0);
  const [open, setOpen] = React.useState<Project | undefined>();
  const [focusInside, setFocusInside] = React.useState(false);
  const scroller = React.useRef<HTMLDivElement>(null);
  const rowRefs = React.useRef(new Map<number, SVGGElement>());
  const wantFocus = React.useRef(false);
  React.useEffect(() => setGrouping(props.grouping), [props.grouping]);
  React.useEffect(() => setZoom(props.zoom), [props.zoom]);

  const ragColour = ragColours(theme);
  const classes = React.useMemo(() => mergeStyleSets({
    scroller: { height: viewport, overflow: 'auto', border: `1px solid ${theme.palette.neutralLight}`, selectors: { '@media print': { height: 'auto', overflow: 'visible' } } },
    svg: { display: 'block' },
    tick: { stroke: theme.palette.neutralLight, strokeWidth: 1 },
    tickText: { fill: theme.semanticColors.bodySubtext, fontSize: 11 },
    today: { stroke: theme.palette.themePrimary, strokeWidth: 2 },
    todayText: { fill: theme.palette.themePrimary, fontSize: 11, fontWeight: 600 },
    row: { outline: 'none', cursor: 'pointer', selectors: { ':focus .rowBg, :hover .rowBg': { fill: theme.palette.neutralLighter } } },
    rowBg: { fill: 'transparent' },
    focusRing: { fill: 'none', stroke: theme.palette.themePrimary, strokeWidth: 2 },
    group: { fill: theme.semanticColors.bodyText, fontSize: 13, fontWeight: 600 },
    label: { fill: theme.semanticColors.bodyText, fontSize: 12 },
    labelPane: { fill: theme.semanticColors.bodyBackground },
    labelEdge: { stroke: theme.palette.neutralLight, strokeWidth: 1 },
    // The portfolio's fixed RAG colours: Fluent's warningIcon is grey, which made Amber read as "no status".
    Green: { fill: ragColour.Green },
    Amber: { fill: ragColour.Amber },
    Red: { fill: ragColour.Red },
    None: { fill: theme.palette.neutralTertiary },
    barGreen: { fill: theme.semanticColors.successBackground, stroke: ragColour.Green, strokeWidth: 1 },
    barAmber: { fill: theme.semanticColors.warningBackground, stroke: ragColour.Amber, strokeWidth: 1 },
    barRed: { fill: theme.semanticColors.errorBackground, stroke: ragColour.Red, strokeWidth: 1 },
    barNone: { fill: theme.palette.neutralLighter, stroke: theme.palette.neutralTertiary, strokeWidth: 1 },
    forecast: { stroke: theme.semanticColors.bodyText, strokeWidth: 2, strokeDasharray: '4 3' },
    legend: { ...theme.fonts.small },
    dl: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', selectors: { dt: { fontWeight: 600 }, dd: { margin: 0 } } }
  }), [theme, viewport]);

  const shaped = React.useMemo(() => {
    if (data.state !== 'ready') return undefined;
    const kept = filterPortfolio(data.value, props.filter);
    return { kept, timeline: buildTimeline(kept, grouping) };
  }, [data, props.filter, grouping]);
  const rows = React.useMemo<TimelineRow[]>(() => (shaped ? timelineRows(shaped.timeline.groups, collapsed) : []), [shaped, collapsed]);
  const today = dayNumber(props.today ?? todayIso()) ?? 0;

  React.useEffect(() => {
    if (active >= rows.length && rows.length > 0) setActive(rows.length - 1);
  }, [rows.length, active]);
  // Open on today rather than on the oldest project: what is running now is what people look for.
  React.useEffect(() => {
    const el = scroller.current;
    if (scrolledToToday.current || !el || !shaped || shaped.timeline.min === undefined) return;
    scrolledToToday.current = true;
    const sc = timeScale(shaped.timeline.min, shaped.timeline.max!, dayNumber(props.today ?? todayIso()) ?? 0, zoom);
    el.scrollLeft = Math.max(0, sc.x(dayNumber(props.today ?? todayIso()) ?? 0) - (el.clientWidth - LABEL_WIDTH) / 3);
    setScrollLeft(el.scrollLeft);
  });
  React.useEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    rowRefs.current.get(active)?.focus();
  });

  if (data.state === 'loading') return <LoadingState label={c.Loading} />;
  if (data.state === 'error' || !shaped) {
    return <ErrorState heading={s.TimelineTitle} title={c.ErrorTitle} message={format(s.ErrorLoading, describeError(data.state === 'error' ? data.error : undefined, c))} retryLabel={c.Retry} onRetry={retry} />;
  }
  const { timeline } = shaped;
  const groupName = (label: string): string => label || (grouping === 'programme' ? s.NoProgramme : s.NoUnit);
  const bars = timeline.groups.flatMap((g) => g.bars);
  const rag = ragLabels(c);
  const table = timelineTable(bars, s, c, (b) => groupName((grouping === 'programme' ? b.project.programme : b.project.unit)?.trim() ?? ''));

  const actions = (
    <>
      <Dropdown
        label={s.GroupBy} selectedKey={grouping} styles={{ root: { minWidth: 140 } }}
        options={[{ key: 'programme', text: s.GroupByProgramme }, { key: 'unit', text: s.GroupByUnit }]}
        onChange={(_e, o?: IDropdownOption) => { if (o) { setGrouping(o.key as TimelineGrouping); setCollapsed(new Set()); setActive(0); } }}
      />
      <Dropdown
        label={s.Zoom} selectedKey={zoom} styles={{ root: { minWidth: 140 } }}
        options={TIMELINE_ZOOMS.map((z) => ({ key: z, text: { quarters: s.ZoomQuarters, halfYears: s.ZoomHalfYears, years: s.ZoomYears }[z] }))}
        onChange={(_e, o?: IDropdownOption) => { if (o) setZoom(o.key as TimelineZoom); }}
      />
      <ActionButton iconProps={{ iconName: 'CollapseContentSingle' }} onClick={() => { setCollapsed(new Set(timeline.groups.map((g) => g.key))); setActive(0); }}>{s.CollapseAll}</ActionButton>
      <ActionButton iconProps={{ iconName: 'ExploreContentSingle' }} onClick={() => setCollapsed(new Set())}>{s.ExpandAll}</ActionButton>
    </>
  );
  const summary = format(s.TimelineSummary, bars.length, timeline.groups.length, timeline.undated.length);
  if (bars.length === 0) {
    return (
      <ChartFrame title={s.TimelineTitle} summary={summary} table={table} fileBaseName="roadmap" locale={locale} common={c} actions={actions}>
        <EmptyState message={s.NoProjects} />
      </ChartFrame>
    );
  }

  const scale = timeScale(timeline.min!, timeline.max!, today, zoom);
  const width = LABEL_WIDTH + scale.width;
  const height = AXIS_HEIGHT + rows.length * ROW_HEIGHT;
  const range = visibleRange(Math.max(0, scrollTop - AXIS_HEIGHT), viewport, rows.length);
  const drawn: number[] = [];
  for (let i = range.first; i < range.last; i++) drawn.push(i);
  // The row holding keyboard focus stays drawn even when scrolled away, so Tab always finds the roadmap.
  if (active < rows.length && (active < range.first || active >= range.last)) drawn.push(active);
  const tickList = ticks(scale, zoom);
  const x = (day: number): number => LABEL_WIDTH + scale.x(day);

  const toggle = (key: string): void => {
    const next = new Set(collapsed);
    if (next.has(key)) next.delete(key); else next.add(key);
    setCollapsed(next);
  };
  const act = (row: TimelineRow): void => {
    if (row.kind === 'group') toggle(row.group.key);
    else setOpen(row.bar.project);
  };
  const onKeyDown = (index: number, row: TimelineRow): ((e: React.KeyboardEvent<SVGGElement>) => void) => (e) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); act(row); return; }
    const to = nextRow(index, e.key, rows.length, Math.floor(viewport / ROW_HEIGHT) - 1);
    if (to === undefined) return;
    e.preventDefault();
    const el = scroller.current;
    if (el) {
      const top = AXIS_HEIGHT + to * ROW_HEIGHT;
      if (top < el.scrollTop + AXIS_HEIGHT) el.scrollTop = top - AXIS_HEIGHT;
      else if (top + ROW_HEIGHT > el.scrollTop + viewport - 16) el.scrollTop = top + ROW_HEIGHT - viewport + 16;
      setScrollTop(el.scrollTop);
    }
    wantFocus.current = true;
    setActive(to);
  };
  const rowLabel = (row: TimelineRow): string => {
    if (row.kind === 'group') return format(collapsed.has(row.group.key) ? s.GroupRowCollapsed : s.GroupRowExpanded, groupName(row.group.label), row.group.bars.length);
    const b = row.bar;
    const base = format(s.BarLabel, b.project.code, b.project.title, formatDate(isoOfDay(b.start), locale), formatDate(isoOfDay(b.end), locale), rag[b.status]);
    return b.forecastEnd !== undefined ? format(s.BarForecast, base, formatDate(isoOfDay(b.forecastEnd), locale)) : base;
  };

  return (
    <>
      <ChartFrame
        title={s.TimelineTitle} summary={summary} table={table} fileBaseName="roadmap" locale={locale} common={c} actions={actions}
        interactive={true} tableRowLimit={{ rows: TABLE_LIMIT, note: format(s.TableTruncated, Math.min(TABLE_LIMIT, bars.length), bars.length) }}
      >
        <Text variant="small" block={true}>{s.TimelineHint}</Text>
        <Stack horizontal wrap tokens={{ childrenGap: 16 }} className={classes.legend} aria-hidden={true}>
          {(['Green', 'Amber', 'Red', 'None'] as const).map((k) => (
            <span key={k}><svg width={14} height={14}><StatusMark status={k} x={7} y={7} className={classes[k]} /></svg> {rag[k]}</span>
          ))}
          <span><svg width={24} height={14}><line x1={0} x2={24} y1={7} y2={7} className={classes.forecast} /></svg> {s.LegendForecast}</span>
        </Stack>
        <div ref={scroller} className={classes.scroller} onScroll={(e) => { setScrollTop(e.currentTarget.scrollTop); setScrollLeft(e.currentTarget.scrollLeft); }}>
          <svg
            className={classes.svg} width={width} height={height} role="group" aria-label={`${s.TimelineTitle}. ${s.TimelineHint}`}
            onFocus={() => setFocusInside(true)} onBlur={() => setFocusInside(false)}
          >
            {tickList.map((t) => (
              <g key={t.day} aria-hidden={true}>
                <line x1={LABEL_WIDTH + t.x} x2={LABEL_WIDTH + t.x} y1={0} y2={height} className={classes.tick} />
                <text x={LABEL_WIDTH + t.x + 4} y={18} className={classes.tickText}>{t.label}</text>
              </g>
            ))}
            <g aria-hidden={true}>
              <line x1={x(today)} x2={x(today)} y1={0} y2={height} className={classes.today} />
              <text x={x(today) + 4} y={AXIS_HEIGHT - 2} className={classes.todayText}>{s.Today}</text>
            </g>
            {drawn.map((i) => {
              const row = rows[i];
              const y = AXIS_HEIGHT + i * ROW_HEIGHT;
              const key = row.kind === 'group' ? `g:${row.group.key}` : `p:${row.bar.project.id}`;
              const common = {
                role: 'button',
                'data-row': i,
                tabIndex: i === active ? 0 : -1,
                'aria-label': rowLabel(row),
                className: classes.row,
                ref: (el: SVGGElement | null) => { if (el) rowRefs.current.set(i, el); else rowRefs.current.delete(i); },
                onClick: () => { setActive(i); act(row); },
                onKeyDown: onKeyDown(i, row),
                onFocus: () => { if (active !== i) setActive(i); }
              };
              if (row.kind === 'group') {
                return (
                  <g key={key} {...common} aria-expanded={!collapsed.has(row.group.key)}>
                    <rect x={0} y={y} width={width} height={ROW_HEIGHT} className={`rowBg ${classes.rowBg}`} />
                  </g>
                );
              }
              const b = row.bar;
              const x1 = x(b.start);
              const x2 = Math.max(x1 + 2, x(b.end + 1));
              return (
                <g key={key} {...common} aria-haspopup="dialog">
                  <rect x={0} y={y} width={width} height={ROW_HEIGHT} className={`rowBg ${classes.rowBg}`} />
                  <rect x={x1} y={y + 6} width={x2 - x1} height={ROW_HEIGHT - 12} rx={3} className={classes[`bar${b.status}`]} />
                  {b.forecastEnd !== undefined && b.forecastEnd > b.end && (
                    <line x1={x2} x2={x(b.forecastEnd + 1)} y1={y + ROW_HEIGHT / 2} y2={y + ROW_HEIGHT / 2} className={classes.forecast} />
                  )}
                </g>
              );
            })}
            {/* The names stay in view when the bars scroll sideways: a layer moved by the horizontal scroll. */}
            <g transform={`translate(${scrollLeft} 0)`} aria-hidden={true} pointerEvents="none">
              <rect x={0} y={0} width={LABEL_WIDTH} height={height} className={classes.labelPane} />
              <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={height} className={classes.labelEdge} />
              {drawn.map((i) => {
                const row = rows[i];
                const y = AXIS_HEIGHT + i * ROW_HEIGHT;
                if (row.kind === 'group') {
                  return <text key={`lg:${row.group.key}`} x={8} y={y + 18} className={classes.group}>{collapsed.has(row.group.key) ? '▸' : '▾'} {groupName(row.group.label)} ({row.group.bars.length})</text>;
                }
                const b = row.bar;
                return (
                  <g key={`lp:${b.project.id}`}>
                    <StatusMark status={b.status} x={16} y={y + ROW_HEIGHT / 2} className={classes[b.status]} />
                    <text x={28} y={y + 18} className={classes.label}>{`${b.project.code} ${b.project.title}`.slice(0, 40)}</text>
                  </g>
                );
              })}
            </g>
            {/* The keyboard's place, drawn on top of both layers so it shows across the whole row. */}
            {focusInside && active < rows.length && (
              <rect x={scrollLeft + 1} y={AXIS_HEIGHT + active * ROW_HEIGHT + 1} width={Math.min(width, (scroller.current?.clientWidth ?? width)) - 2} height={ROW_HEIGHT - 2} className={classes.focusRing} pointerEvents="none" aria-hidden={true} />
            )}
          </svg>
        </div>
      </ChartFrame>
      <Panel
        isOpen={!!open} onDismiss={() => setOpen(undefined)} type={PanelType.medium} isLightDismiss={true}
        headerText={open ? format(s.DetailsHeading, open.code, open.title) : ''} closeButtonAriaLabel={c.Close}
      >
        {open && (
          <dl className={classes.dl}>
            <dt>{s.DetailsProgramme}</dt><dd>{open.programme ?? c.NotSet}</dd>
            <dt>{s.DetailsUnit}</dt><dd>{open.unit ?? c.NotSet}</dd>
            <dt>{s.DetailsLeader}</dt><dd>{open.leader?.title ?? c.NotSet}</dd>
            <dt>{s.ColumnPhase}</dt><dd>{phaseLabel(c, open.phase)}</dd>
            <dt>{s.ColumnStatus}</dt><dd>{rag[open.latestOverall ?? 'None']}</dd>
            <dt>{s.ColumnStart}</dt><dd>{formatDate(open.startDate, locale) || c.NotSet}</dd>
            <dt>{s.ColumnEnd}</dt><dd>{formatDate(open.endDate, locale) || c.NotSet}</dd>
            <dt>{s.ColumnForecastEnd}</dt><dd>{formatDate(open.forecastEnd, locale) || c.NotSet}</dd>
            <dt>{s.DetailsComplete}</dt><dd>{open.latestPercentComplete !== undefined ? `${open.latestPercentComplete} %` : c.NotSet}</dd>
            <dt>{s.DetailsLastReport}</dt><dd>{formatDate(open.latestReportDate, locale) || c.NotSet}</dd>
          </dl>
        )}
      </Panel>
    </>
  );
}
