import * as React from 'react';
import { ChoiceGroup, MessageBar, MessageBarType, Stack, useTheme } from '@fluentui/react';
import type { BarChartOptions, LineChartOptions } from 'chartist';
import type { PortfolioFilter, ProjectPhase } from '../../../../model/portfolio';
import type { Rag } from '../../../../model/common';
import type { IPortfolioService } from '../../../../services/PortfolioService';
import type { IStatusTrendService } from '../../../../services/StatusTrendService';
import type { ExportTable } from '../../../../components/exportModel';
import { ErrorState, LoadingState, EmptyState } from '../../../../components/States';
import { format } from '../../../../components/text';
import { phaseLabel, ragLabels } from '../../../../components/labels';
import { filterPortfolio } from '../../../../model/portfolioFilter';
import {
  statusDistribution, statusTrend, trendStart, type DistributionKey, type TrendRow
} from '../../../../model/portfolioMetrics';
import type { ReportHistory } from '../../../../model/latestStatus';
import { ReadAtNote } from '../../../../components/ReadAtNote';
import { useFirstScreenHold, usePortfolioProjects } from '../../shared/usePortfolioProjects';
import { useLoader, type LoadState } from '../../../../components/useLoader';
import { afterFirstScreen } from '../../../../common/firstScreen';
import { ChartFrame } from '../../shared/ChartFrame';
import { Chart, Legend, ragColours, seriesClassOf, type ChartSeries } from '../../shared/Chart';

export interface IStatusChartsProps {
  service: IPortfolioService;
  trend: IStatusTrendService;
  filter: PortfolioFilter;
  strings: IPortfolioWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** The distribution's grouping when the page opens; people can switch. */
  grouping: DistributionKey;
  /** Show the 12-month trend (the one chart that reads the report history). */
  showTrend: boolean;
  /** For tests: the month the trend ends in. */
  today?: Date;
}

const RAGS: Array<Rag | 'None'> = ['Green', 'Amber', 'Red', 'None'];
const TREND_MONTHS = 12;

/**
 * The report history of the window, read once; the page's filter is applied here, not in SharePoint.
 * Not before `enabled`: undefined until then, so the chart never shows an empty history as data.
 */
function useReportHistory(service: IStatusTrendService, from: string, enabled: boolean): { state: LoadState<ReportHistory | undefined>; reload: () => void } {
  // Asked only after the first screen is painted: 100,000 reports must not hold back the counts and bars.
  return useLoader(() => (enabled ? afterFirstScreen(undefined).then(() => service.loadReportHistory(from)) : Promise.resolve(undefined)), [service, from, enabled]);
}

/** How many projects' cached latest status disagreed with their reports in the read shown (0 until known). */
function useStatusCorrections(service: IPortfolioService, ready: boolean): number {
  const [corrected, setCorrected] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    if (ready) service.statusCorrections?.().then((n) => { if (live) setCorrected(n); }, () => undefined);
    return () => { live = false; };
  }, [service, ready]);
  return corrected;
}

function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** How the portfolio stands (by unit or phase) and how it moved over the last 12 months. */
export default function StatusCharts(props: IStatusChartsProps): JSX.Element {
  const { strings: s, common: c, locale, filter } = props;
  const theme = useTheme();
  const [grouping, setGrouping] = React.useState<DistributionKey>(props.grouping);
  React.useEffect(() => setGrouping(props.grouping), [props.grouping]);
  const today = React.useMemo(() => props.today ?? new Date(), [props.today]);
  const { state, reload, asOf } = usePortfolioProjects(props.service);
  // The history is read after the projects: on one busy server (a local SharePoint, a throttled
  // tenant) the page's first render waits for the projects only, not for 100,000 reports too.
  const trendLoad = useReportHistory(props.trend, trendStart(today, TREND_MONTHS), props.showTrend && state.status === 'ready');
  const history = trendLoad.state.status === 'ready' ? trendLoad.state.value : undefined;
  const points = history?.points;
  // The projects come with the latest status of their published reports (PortfolioService); how many
  // projects' own cached status said otherwise (a leader can write it by hand) is told here.
  const corrected = useStatusCorrections(props.service, state.status === 'ready' && !asOf);
  const projects = React.useMemo(() => (state.status === 'ready' ? filterPortfolio(state.value, filter) : []), [state, filter]);
  // The status bars are the first screen: what is below waits until chartist has drawn them.
  const [barsDrawn, setBarsDrawn] = React.useState(false);
  const onBarsDrawn = React.useCallback(() => setBarsDrawn(true), []);
  useFirstScreenHold(barsDrawn || state.status === 'error' || (state.status === 'ready' && projects.length === 0));
  const rows = React.useMemo(() => statusDistribution(projects, grouping, locale), [projects, grouping, locale]);
  const trend = React.useMemo<TrendRow[]>(() => (points
    ? statusTrend(points, new Set(projects.map((p) => p.id)), today, TREND_MONTHS) : []), [points, projects, today]);
  const labels = ragLabels(c);
  const colours = ragColours(theme);

  const groupLabel = React.useCallback((key: string): string => (grouping === 'phase' ? phaseLabel(c, key as ProjectPhase) : key || s.NoUnit), [grouping, c, s]);
  const distribution = React.useMemo(() => {
    const series: ChartSeries[] = RAGS.map((r) => ({ name: labels[r], className: seriesClassOf(r), data: rows.map((row) => row[r]) }));
    const table: ExportTable = {
      headers: [grouping === 'phase' ? s.ColumnPhase : s.ColumnUnit, ...RAGS.map((r) => labels[r]), s.ColumnTotal],
      rows: rows.map((row) => [
        { kind: 'text' as const, value: groupLabel(row.key) },
        ...RAGS.map((r) => ({ kind: 'number' as const, value: row[r] })),
        { kind: 'number' as const, value: row.total }
      ])
    };
    return { labels: rows.map((r) => groupLabel(r.key)), series, table };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, grouping, groupLabel, c, s]);
  const barOptions = React.useMemo<BarChartOptions>(() => ({
    horizontalBars: true, stackBars: true, height: `${Math.max(120, rows.length * 30 + 40)}px`,
    axisY: { offset: 130, showGrid: false }, axisX: { onlyInteger: true }, chartPadding: { top: 8, right: 24, bottom: 12, left: 8 }
  }), [rows.length]);

  const trendChart = React.useMemo(() => {
    const series: ChartSeries[] = (['Green', 'Amber', 'Red'] as Rag[]).map((r) => ({ name: labels[r], className: seriesClassOf(r), data: trend.map((t) => t[r]) }));
    const table: ExportTable = {
      headers: [s.ColumnMonth, labels.Green, labels.Amber, labels.Red],
      rows: trend.map((t) => [
        { kind: 'text' as const, value: t.month }, { kind: 'number' as const, value: t.Green },
        { kind: 'number' as const, value: t.Amber }, { kind: 'number' as const, value: t.Red }
      ])
    };
    return { labels: trend.map((t) => monthLabel(t.month, locale)), series, table };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [trend, locale, c, s]);
  const lineOptions = React.useMemo<LineChartOptions>(() => ({
    height: '260px', low: 0, axisY: { onlyInteger: true, offset: 48 }, fullWidth: true, chartPadding: { top: 16, right: 32, bottom: 12, left: 8 }
  }), []);

  if (state.status === 'loading') return <LoadingState label={c.Loading} />;
  if (state.status === 'error') {
    return <ErrorState heading={grouping === 'phase' ? s.StatusByPhaseTitle : s.StatusByUnitTitle} title={c.ErrorTitle} error={state.error} common={c} retryLabel={c.Retry} onRetry={reload} />;
  }

  const legend = RAGS.map((r) => ({ label: labels[r], colour: colours[r] }));
  const groupingChoice = (
    <ChoiceGroup
      label={s.GroupBy}
      selectedKey={grouping}
      onChange={(_, o) => { if (o) setGrouping(o.key as DistributionKey); }}
      options={[{ key: 'unit', text: s.ColumnUnit }, { key: 'phase', text: s.ColumnPhase }]}
      styles={{ flexContainer: { display: 'flex', gap: 12 }, root: { display: 'flex', alignItems: 'center', gap: 8 }, label: { padding: 0 } }}
    />
  );

  return (
    <Stack tokens={{ childrenGap: 24 }}>
      <ReadAtNote asOf={asOf} locale={props.locale} common={props.common} />
      {corrected > 0 && (
        <MessageBar messageBarType={MessageBarType.info} isMultiline={true}>{format(s.StatusFromReports, corrected)}</MessageBar>
      )}
      <ChartFrame
        title={grouping === 'phase' ? s.StatusByPhaseTitle : s.StatusByUnitTitle}
        summary={format(s.StatusSummary, projects.length, rows.length)}
        table={distribution.table}
        fileBaseName={grouping === 'phase' ? s.StatusByPhaseFile : s.StatusByUnitFile}
        locale={locale}
        common={c}
        actions={groupingChoice}
      >
        {projects.length === 0 ? <EmptyState message={s.NoProjectsInFilter} /> : (
          <>
            <Chart kind="bar" labels={distribution.labels} series={distribution.series} options={barOptions} onDrawn={onBarsDrawn} />
            <Legend items={legend} />
          </>
        )}
      </ChartFrame>
      {props.showTrend && (
        trendLoad.state.status === 'error'
            ? <ErrorState title={s.TrendTitle} error={trendLoad.state.error} common={c} retryLabel={c.Retry} onRetry={trendLoad.reload} />
            : !points ? <LoadingState label={s.TrendLoading} /> : (
              <ChartFrame
                title={s.TrendTitle}
                summary={s.TrendSummary}
                table={trendChart.table}
                fileBaseName={s.TrendFile}
                locale={locale}
                common={c}
              >
                <Chart kind="line" labels={trendChart.labels} series={trendChart.series} options={lineOptions} />
                <Legend items={[
                  { label: labels.Green, colour: colours.Green },
                  { label: labels.Amber, colour: colours.Amber, dash: '8 4' },
                  { label: labels.Red, colour: colours.Red, dash: '2 3' }
                ]} />
              </ChartFrame>
            )
      )}
    </Stack>
  );
}
