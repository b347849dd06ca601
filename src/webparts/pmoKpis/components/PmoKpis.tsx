import * as React from 'react';
import { MessageBar, MessageBarType, Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import type { LineChartOptions } from 'chartist';
import type { IPmoKpiService, PmoKpiData } from '../../../services/PmoKpiService';
import type { PmoKpiKey, PmoKpiSeries } from '../../../model/pmoKpis';
import { useLoader } from '../../../components/useLoader';
import { ErrorState, LoadingState } from '../../../components/States';
import { formatLocaleNumber } from '../../../components/localeNumber';
import { format, todayIso } from '../../../components/text';
import type { ExportTable } from '../../../components/exportModel';
import { ChartFrame } from '../../portfolio/shared/ChartFrame';
import { Chart } from '../../portfolio/shared/Chart';

export interface IPmoKpisProps {
  service: IPmoKpiService;
  strings: IPmoKpisWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** For tests: the day whose quarter is "this quarter". */
  today?: string;
}

type Named = 'DeliveredOnTime' | 'DeliveredOnBudget' | 'ReportsOnTime' | 'TemplateDownloads' | 'SparringRequests' | 'SparringWaitDays' | 'LessonsLogged' | 'LessonsReused';
const suffix = (k: PmoKpiKey): Named => (k.charAt(0).toUpperCase() + k.slice(1)) as Named;
export const kpiName = (s: IPmoKpisWebPartStrings, k: PmoKpiKey): string => s[`Name${suffix(k)}`];
export const kpiDefinition = (s: IPmoKpisWebPartStrings, k: PmoKpiKey): string => s[`Def${suffix(k)}`];

/** Shares as percent (one decimal), days with one decimal, counts as they are. */
const shown = (series: PmoKpiSeries, v: number | undefined): number | undefined => {
  if (v === undefined) return undefined;
  return series.unit === 'share' ? Math.round(v * 1000) / 10 : Math.round(v * 10) / 10;
};

/**
 * The PMO measured by itself: each KPI's value this quarter, its trend over the last quarters as
 * a chart (with its table for screen readers) and its definition in words.
 */
export default function PmoKpis(props: IPmoKpisProps): JSX.Element {
  const { service, strings: s, common: c, locale } = props;
  const today = props.today ?? todayIso();
  const { state, reload } = useLoader<PmoKpiData>(() => service.load(today), [service, today], true);
  const theme = useTheme();
  const css = React.useMemo(() => mergeStyleSets({
    kpi: { borderTop: `1px solid ${theme.palette.neutralLight}`, paddingTop: 12 },
    value: { fontSize: 28, fontWeight: 600, color: theme.palette.neutralPrimary }
  }), [theme]);

  if (state.status === 'loading') return <LoadingState label={s.Loading} />;
  if (state.status === 'error') return <ErrorState heading={s.Title} title={s.LoadFailed} error={state.error} common={c} retryLabel={c.Retry} onRetry={reload} />;
  const { quarters, series, sparringKnown } = state.value;
  const current = quarters[quarters.length - 1];
  const text = (k: PmoKpiSeries, v: number | undefined): string => {
    const n = shown(k, v);
    if (n === undefined) return s.NoValue;
    const unit = k.unit === 'share' ? s.UnitShare : k.unit === 'days' ? s.UnitDays : s.UnitCount;
    return format(unit, formatLocaleNumber(n, locale, 1));
  };
  const options: LineChartOptions = { height: '180px', low: 0, axisY: { onlyInteger: true, offset: 40 }, fullWidth: true, chartPadding: { top: 16, right: 56, bottom: 12, left: 8 } }; // room for the last quarter's label ("2026-Q4") at the axis' end

  const kpi = (k: PmoKpiSeries): JSX.Element => {
    const name = kpiName(s, k.key);
    const hidden = (k.key === 'sparringWaitDays' || k.key === 'sparringRequests') && !sparringKnown;
    const table: ExportTable = {
      headers: [s.ColumnQuarter, name],
      rows: quarters.map((q) => {
        const v = shown(k, k.byQuarter[q]);
        return [{ kind: 'text', value: q }, v === undefined ? { kind: 'empty' } : { kind: 'number', value: v }];
      })
    };
    // chartist leaves a gap for null: a quarter with nothing to measure is not a zero.
    const data = quarters.map((q) => shown(k, k.byQuarter[q]) ?? (null as unknown as number));
    return (
      <section key={k.key} className={css.kpi} aria-labelledby={`pmo-kpi-${k.key}`} data-kpi={k.key}>
        <Text block={true} as="h3" variant="large" id={`pmo-kpi-${k.key}`}>{name}</Text>
        <Text block={true} as="p" variant="small">{format(s.CurrentQuarter, current)}</Text>
        <Text block={true} as="p" className={css.value} data-kpi-value={k.key}>{hidden ? '–' : text(k, k.byQuarter[current])}</Text>
        {hidden && <MessageBar messageBarType={MessageBarType.info}>{s.SparringUnknown}</MessageBar>}
        <Text block={true} as="p"><strong>{s.Definition}:</strong> {kpiDefinition(s, k.key)}</Text>
        {!hidden && (
          <ChartFrame title={format(s.TrendTitle, name)} summary={format(s.TrendSummary, name, quarters.length)} table={table}
            fileBaseName={`pmo-kpi-${k.key}`} locale={locale} common={c} headingLevel={3}>
            <Chart kind="line" labels={quarters} series={[{ name, className: 'ct-series-actual', data }]} options={options} />
          </ChartFrame>
        )}
      </section>
    );
  };

  return (
    <Stack tokens={{ childrenGap: 12 }} data-webpart="pmo-kpis">
      <Text variant="xLarge" as="h2">{s.Title}</Text>
      <Text block={true} as="p">{s.Intro}</Text>
      {series.map(kpi)}
    </Stack>
  );
}
