import * as React from 'react';
import { ChoiceGroup, Icon, mergeStyleSets, useTheme } from '@fluentui/react';
import type { BarChartOptions } from 'chartist';
import type { PortfolioFilter } from '../../../../model/portfolio';
import type { IPortfolioService } from '../../../../services/PortfolioService';
import type { ExportTable } from '../../../../components/exportModel';
import { ErrorState, LoadingState, EmptyState } from '../../../../components/States';
import { format } from '../../../../components/text';
import { filterPortfolio } from '../../../../model/portfolioFilter';
import { budgetRows, isOverrun, type BudgetKey } from '../../../../model/portfolioMetrics';
import { ReadAtNote } from '../../../../components/ReadAtNote';
import { usePortfolioProjects } from '../../shared/usePortfolioProjects';
import { ChartFrame } from '../../shared/ChartFrame';
import { Chart, Legend, ragColours, type ChartSeries } from '../../shared/Chart';
import { lazyComponent } from '../../../../components/lazyComponent';
import type { IBenefitTotalsReader } from '../../../../services/BenefitService';

// Below the budget: its code loads when it first renders, so the Portfolio page's first load stays within its weight.
const BenefitTotals = lazyComponent(() => import(/* webpackChunkName: 'benefit-totals' */ './BenefitTotals').then((m) => m.default));

export interface IBudgetOverviewProps {
  service: IPortfolioService;
  filter: PortfolioFilter;
  strings: IPortfolioWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** The grouping when the page opens; people can switch. */
  grouping: BudgetKey;
  /** Forecast above budget by more than this percentage is highlighted. */
  tolerancePct: number;
  /** Projects shown per project: the largest overruns. */
  projectLimit: number;
  /** The benefits of the filtered projects, planned and realised per unit; absent where the site has no benefits. */
  benefits?: () => Promise<IBenefitTotalsReader>;
}

/** Budget, actual cost and forecast per unit or per project, overruns highlighted. */
export default function BudgetOverview(props: IBudgetOverviewProps): JSX.Element {
  const { strings: s, common: c, locale, filter } = props;
  const theme = useTheme();
  const [grouping, setGrouping] = React.useState<BudgetKey>(props.grouping);
  React.useEffect(() => setGrouping(props.grouping), [props.grouping]);
  // Below the status chart: rendered after the first screen is painted.
  const { state, reload, asOf } = usePortfolioProjects(props.service, true);
  const projects = React.useMemo(() => (state.status === 'ready' ? filterPortfolio(state.value, filter) : []), [state, filter]);
  const rows = React.useMemo(() => budgetRows(projects, grouping, locale, props.projectLimit), [projects, grouping, locale, props.projectLimit]);
  const projectIds = React.useMemo(() => new Set(projects.map((p) => p.id)), [projects]);
  const over = React.useMemo(() => rows.map((r) => isOverrun(r, props.tolerancePct)), [rows, props.tolerancePct]);
  const red = ragColours(theme).Red;
  const classes = React.useMemo(() => mergeStyleSets({
    variances: { listStyle: 'none', margin: '8px 0 0', padding: 0, display: 'flex', flexWrap: 'wrap', gap: '4px 16px', ...theme.fonts.small },
    overrun: { color: theme.semanticColors.errorText, fontWeight: 600, display: 'inline-flex', alignItems: 'center', gap: 4 }
  }), [theme]);

  const money = React.useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }), [locale]);
  const compact = React.useMemo(() => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }), [locale]);
  const label = React.useCallback((key: string, text: string): string => (grouping === 'unit' ? key || s.NoUnit : text), [grouping, s]);

  const chart = React.useMemo(() => {
    const series: ChartSeries[] = [
      { name: s.Budget, className: 'ct-series-budget', data: rows.map((r) => r.budget) },
      { name: s.Actual, className: 'ct-series-actual', data: rows.map((r) => r.actual) },
      { name: s.Forecast, className: 'ct-series-forecast', data: rows.map((r) => r.forecast) }
    ];
    const table: ExportTable = {
      headers: [grouping === 'unit' ? s.ColumnUnit : s.ColumnProject, s.Budget, s.Actual, s.Forecast, s.Variance, s.VariancePct, s.ColumnOverrun],
      rows: rows.map((r, i) => [
        { kind: 'text' as const, value: label(r.key, r.label) },
        { kind: 'number' as const, value: r.budget }, { kind: 'number' as const, value: r.actual }, { kind: 'number' as const, value: r.forecast },
        { kind: 'number' as const, value: r.variance },
        r.variancePct === undefined ? { kind: 'empty' as const } : { kind: 'number' as const, value: r.variancePct },
        // The overrun as words, not only as a colour.
        { kind: 'text' as const, value: over[i] ? s.OverrunYes : s.OverrunNo }
      ])
    };
    return { labels: rows.map((r) => (grouping === 'unit' ? r.key || s.NoUnit : r.key)), series, table };
  }, [rows, over, grouping, label, s]);
  const options = React.useMemo<BarChartOptions>(() => ({
    height: '300px', seriesBarDistance: 14, axisY: { offset: 56, labelInterpolationFnc: (v: unknown) => compact.format(Number(v)) },
    chartPadding: { top: 28, right: 16, bottom: 12, left: 8 }
  }), [compact]);
  // The forecast bar of an overrun is drawn red.
  const classify = React.useCallback((seriesIndex: number, index: number): string | undefined => (seriesIndex === 2 && over[index] ? 'ct-overrun' : undefined), [over]);

  if (state.status === 'loading') return <LoadingState label={c.Loading} />;
  if (state.status === 'error') {
    return <ErrorState heading={grouping === 'unit' ? s.BudgetByUnitTitle : s.BudgetByProjectTitle} title={c.ErrorTitle} error={state.error} common={c} retryLabel={c.Retry} onRetry={reload} />;
  }

  const overruns = rows.filter((_, i) => over[i]);
  const groupingChoice = (
    <ChoiceGroup
      label={s.GroupBy}
      selectedKey={grouping}
      onChange={(_, o) => { if (o) setGrouping(o.key as BudgetKey); }}
      options={[{ key: 'unit', text: s.ColumnUnit }, { key: 'project', text: format(s.LargestOverruns, props.projectLimit) }]}
      styles={{ flexContainer: { display: 'flex', gap: 12 }, root: { display: 'flex', alignItems: 'center', gap: 8 }, label: { padding: 0 } }}
    />
  );
  return (
    <>
      <ReadAtNote asOf={asOf} locale={props.locale} common={props.common} />
      <ChartFrame
        title={grouping === 'unit' ? s.BudgetByUnitTitle : s.BudgetByProjectTitle}
        summary={format(s.BudgetSummary, money.format(rows.reduce((a, r) => a + r.budget, 0)), money.format(rows.reduce((a, r) => a + r.forecast, 0)), overruns.length)}
        table={chart.table}
        fileBaseName={grouping === 'unit' ? s.BudgetByUnitFile : s.BudgetByProjectFile}
        locale={locale}
        common={c}
        actions={groupingChoice}
      >
        {rows.length === 0 ? <EmptyState message={s.NoBudgetInFilter} /> : (
          <>
            <Chart kind="bar" labels={chart.labels} series={chart.series} options={options} classify={classify} />
            <Legend items={[
              { label: s.Budget, colour: theme.palette.themeDarker },
              { label: s.Actual, colour: theme.palette.themeTertiary },
              { label: s.Forecast, colour: theme.palette.neutralSecondary },
              { label: format(s.OverrunLegend, props.tolerancePct), colour: red }
            ]} />
            {overruns.length > 0 && (
              <ul className={classes.variances}>
                {overruns.map((r) => (
                  <li key={r.key} className={classes.overrun}>
                    <Icon iconName="TriangleSolidUp12" aria-hidden={true} />
                    {format(s.OverrunItem, label(r.key, r.label), money.format(r.variance), r.variancePct ?? '')}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </ChartFrame>
      {props.benefits && <BenefitTotals reader={props.benefits} projectIds={projectIds} strings={s} common={c} locale={locale} />}
    </>
  );
}
