import * as React from 'react';
import { Text } from '@fluentui/react';
import type { BarChartOptions } from 'chartist';
import type { IBenefitTotalsReader } from '../../../../services/BenefitService';
import { totalsByUnit } from '../../../../model/benefits';
import type { ExportCell, ExportTable } from '../../../../components/exportModel';
import { useLoader } from '../../../../components/useLoader';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/States';
import { format } from '../../../../components/text';
import { ChartFrame } from '../../shared/ChartFrame';
import { Chart } from '../../shared/Chart';

export interface IBenefitTotalsProps {
  /** The benefits reader, built on first use (its code is not part of the page's first load). */
  reader: () => Promise<IBenefitTotalsReader>;
  /** The projects in the portfolio filter. */
  projectIds: ReadonlySet<number>;
  strings: IPortfolioWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
}

/**
 * Planned and realised benefits of the projects in the filter, per unit: SEK, hours and percentages
 * are never added up. The chart shows each unit's share realised (one scale for all); the table
 * the amounts.
 */
export default function BenefitTotals(props: IBenefitTotalsProps): JSX.Element {
  const { strings: s, common: c, locale } = props;
  const { state, reload } = useLoader(() => props.reader().then((r) => r.portfolioBenefits()), [props.reader], true);
  const rows = React.useMemo(() => (state.status === 'ready' ? totalsByUnit(state.value.filter((b) => props.projectIds.has(b.project.id))) : []), [state, props.projectIds]);
  const number = React.useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), [locale]);
  if (state.status === 'loading') return <LoadingState label={c.Loading} />;
  if (state.status === 'error') return <ErrorState heading={s.BenefitsTitle} title={c.ErrorTitle} error={state.error} common={c} retryLabel={c.Retry} onRetry={reload} />;
  // No benefits anywhere (a site without the list, or none recorded yet): nothing to total.
  if (!state.value.length) return <></>;
  const share = (v: number | undefined): number | undefined => (v === undefined ? undefined : Math.round(v * 1000) / 10);
  const table: ExportTable = {
    headers: [s.BenefitColumnUnit, s.BenefitColumnCount, s.BenefitColumnPlanned, s.BenefitColumnRealised, s.BenefitColumnShare],
    rows: rows.map((r): ExportCell[] => [
      { kind: 'text', value: r.unit }, { kind: 'number', value: r.benefits },
      // Percentages are counted, not added up: the cell says so rather than show a sum that means nothing.
      r.planned === undefined ? { kind: 'text', value: s.BenefitNotAdded } : { kind: 'number', value: r.planned },
      r.realised === undefined ? { kind: 'text', value: s.BenefitNotAdded } : { kind: 'number', value: r.realised },
      r.share === undefined ? { kind: 'empty' } : { kind: 'number', value: share(r.share) as number }
    ])
  };
  const options: BarChartOptions = {
    horizontalBars: true, low: 0, high: 100, height: `${Math.max(120, rows.length * 34 + 40)}px`,
    axisY: { offset: 120, showGrid: false }, axisX: { onlyInteger: true }, chartPadding: { top: 8, right: 24, bottom: 12, left: 8 }
  };
  // chartist draws horizontal bars from the bottom up: reversed, the first unit is on top, as in the table.
  const shown = [...rows].reverse();
  return (
    <ChartFrame title={s.BenefitsTitle} summary={format(s.BenefitsSummary, number.format(rows.reduce((a, r) => a + r.benefits, 0)), rows.length)}
      table={table} fileBaseName={s.BenefitsFile} locale={locale} common={c}>
      {rows.length === 0 ? <EmptyState message={s.BenefitsNone} /> : (
        <>
          <Chart kind="bar" labels={shown.map((r) => r.unit)} series={[{ name: s.BenefitColumnShare, className: 'ct-series-actual', data: shown.map((r) => share(r.share) ?? 0) }]} options={options} />
          {rows.some((r) => !r.additive) && <Text block={true} as="p" variant="small">{s.BenefitPercentNote}</Text>}
        </>
      )}
    </ChartFrame>
  );
}
