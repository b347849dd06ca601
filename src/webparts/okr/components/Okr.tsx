import * as React from 'react';
import { ActionButton, Link, MessageBar, MessageBarType, Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import type { BarChartOptions, LineChartOptions } from 'chartist';
import type { IOkrService, OkrData } from '../../../services/OkrService';
import type { KeyResult } from '../../../model/portfolio';
import { buildOkrOverview, type ObjectiveView, type OkrOverview } from '../../../model/okr';
import { useLoader } from '../../../components/useLoader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { formatLocaleNumber } from '../../../components/localeNumber';
import { formatIsoShort } from '../../../components/dates';
import { format, todayIso } from '../../../components/text';
import type { ExportTable } from '../../../components/exportModel';
import { ChartFrame } from '../../portfolio/shared/ChartFrame';
import { ScrollFrame } from '../../../components/ScrollFrame';
import { Chart, Legend } from '../../portfolio/shared/Chart';
import { CheckInPanel } from './CheckInPanel';

export interface IOkrProps {
  service: IOkrService;
  strings: IOkrWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** For tests: the day a new check-in starts from. */
  today?: string;
}

const pct = (p: number | undefined): number | undefined => (p === undefined ? undefined : Math.round(p * 1000) / 10);

/** The progress per objective as a bar chart's data and its table. */
function progressChart(o: OkrOverview, s: IOkrWebPartStrings): { labels: string[]; data: number[]; table: ExportTable } {
  // chartist draws horizontal bars from the bottom up: reversed, the first objective is on top, as in the list below.
  const shown = [...o.objectives].reverse();
  return {
    labels: shown.map((v) => v.objective.title),
    data: shown.map((v) => pct(v.progress) ?? 0),
    table: {
      headers: [s.ColumnObjective, s.ColumnProgress],
      rows: o.objectives.map((v) => [{ kind: 'text', value: v.objective.title }, v.progress === undefined ? { kind: 'empty' } : { kind: 'number', value: pct(v.progress) as number }])
    }
  };
}

/** The roll-up per quarter: the mean of the objectives measured by then, and each objective in the table. */
function quarterChart(o: OkrOverview, s: IOkrWebPartStrings): { labels: string[]; data: number[]; table: ExportTable } {
  const mean = (q: OkrOverview['quarters'][number]): number => {
    const known = Object.values(q.byObjective).filter((v): v is number => v !== undefined);
    return known.length ? pct(known.reduce((a, b) => a + b, 0) / known.length) as number : 0;
  };
  return {
    labels: o.quarters.map((q) => q.quarter),
    data: o.quarters.map(mean),
    table: {
      headers: [s.ColumnQuarter, ...o.objectives.map((v) => v.objective.title)],
      rows: o.quarters.map((q) => [{ kind: 'text', value: q.quarter }, ...o.objectives.map((v) => {
        const p = q.byObjective[v.objective.id];
        return p === undefined ? { kind: 'empty' as const } : { kind: 'number' as const, value: pct(p) as number };
      })])
    }
  };
}

/**
 * Objectives → key results → check-ins, the projects serving each objective, and progress as
 * charts. Everyone on the site reads; the PMO (who SharePoint lets add check-ins) checks in.
 */
export default function Okr(props: IOkrProps): JSX.Element {
  const { service, strings: s, common: c, locale } = props;
  const { state, reload } = useLoader<OkrData>(() => service.load(), [service], true);
  const [checkingIn, setCheckingIn] = React.useState<KeyResult | undefined>(undefined);
  const [notice, setNotice] = React.useState<string | undefined>(undefined);
  const theme = useTheme();
  const css = React.useMemo(() => mergeStyleSets({
    objective: { borderTop: `1px solid ${theme.palette.neutralLight}`, paddingTop: 12 },
    table: { borderCollapse: 'collapse', width: '100%', 'th, td': { textAlign: 'start', padding: '4px 8px', borderBottom: `1px solid ${theme.palette.neutralLighter}` } },
    bar: { display: 'inline-block', width: 120, height: 10, background: theme.palette.neutralLighter, verticalAlign: 'middle', marginInlineEnd: 8 },
    fill: { display: 'block', height: '100%', background: theme.palette.themePrimary },
    list: { margin: '4px 0', paddingInlineStart: 20 }
  }), [theme]);
  const overview = React.useMemo(() => (state.status === 'ready'
    ? buildOkrOverview(state.value.objectives, state.value.keyResults, state.value.checkIns, state.value.projects) : undefined), [state]);

  if (state.status === 'loading') return <LoadingState label={s.Loading} />;
  if (state.status === 'error') return <ErrorState heading={s.Title} title={s.LoadFailed} error={state.error} common={c} retryLabel={c.Retry} onRetry={reload} />;
  const data = state.value;
  const o = overview as OkrOverview;
  if (!o.objectives.length) return <Stack><Text variant="xLarge" as="h2">{s.Title}</Text><EmptyState message={s.NoObjectives} /></Stack>;

  const n = (v: number | undefined, digits: number = 2): string => (v === undefined ? '–' : formatLocaleNumber(v, locale, digits));
  const withUnit = (v: number | undefined, unit: string | undefined): string => (v === undefined ? '–' : `${n(v, 4)} ${unit ?? ''}`.trim());
  const progressText = (p: number | undefined): string => (p === undefined ? s.NotMeasured : format(s.ObjectiveProgress, n(pct(p), 1)));
  const mine = o.objectives.filter((v) => data.me !== undefined && v.projects.some((p) => p.leader?.id === data.me));
  const bars = progressChart(o, s);
  const quarters = quarterChart(o, s);
  const barOptions: BarChartOptions = {
    horizontalBars: true, high: 100, low: 0, height: `${Math.max(120, o.objectives.length * 34 + 40)}px`,
    axisY: { offset: 180, showGrid: false }, axisX: { onlyInteger: true }, chartPadding: { top: 8, right: 24, bottom: 12, left: 8 }
  };
  const lineOptions: LineChartOptions = { height: '220px', low: 0, high: 100, axisY: { onlyInteger: true, offset: 40 }, fullWidth: true, chartPadding: { top: 16, right: 56, bottom: 12, left: 8 } }; // room for the last quarter's label ("2026-Q4") at the axis' end

  const objective = (v: ObjectiveView): JSX.Element => (
    <section key={v.objective.id} className={css.objective} aria-labelledby={`okr-objective-${v.objective.id}`}>
      <Text block={true} as="h3" variant="large" id={`okr-objective-${v.objective.id}`}>{v.objective.title}</Text>
      <Text block={true} as="p" variant="small">
        {[format(s.Period, v.objective.period), v.objective.owner ? format(s.Owner, v.objective.owner.title) : ''].filter(Boolean).join(' · ')}
        {' · '}{progressText(v.progress)}
      </Text>
      {v.objective.description && <Text block={true} as="p">{v.objective.description}</Text>}
      <ScrollFrame label={v.objective.title}>
      <table className={css.table}>
        <thead>
          <tr>
            <th scope="col">{s.ColumnKeyResult}</th><th scope="col">{s.ColumnStart}</th><th scope="col">{s.ColumnTarget}</th>
            <th scope="col">{s.ColumnCurrent}</th><th scope="col">{s.ColumnConfidence}</th><th scope="col">{s.ColumnProgress}</th>
            {data.canCheckIn && <th scope="col">{s.ColumnActions}</th>}
          </tr>
        </thead>
        <tbody>
          {v.keyResults.map((k) => (
            <tr key={k.keyResult.id}>
              <th scope="row">
                {k.keyResult.title}
                <details>
                  <summary>{format(s.CheckInsOf, k.keyResult.title)}</summary>
                  {k.checkIns.length === 0 ? <Text block={true} as="p" variant="small">{s.NoCheckInsYet}</Text> : (
                    <ul className={css.list}>
                      {k.checkIns.map((ci) => (
                        <li key={ci.id}>
                          {format(s.CheckInLine, formatIsoShort(ci.checkInDate, locale), ci.author?.title ?? '', withUnit(ci.value, k.keyResult.unit),
                            ci.confidence === undefined ? '–' : `${n(ci.confidence, 0)} %`)}
                          {ci.comment ? ` – ${ci.comment}` : ''}
                        </li>
                      ))}
                    </ul>
                  )}
                </details>
              </th>
              <td>{withUnit(k.keyResult.baseline, k.keyResult.unit)}</td>
              <td>{withUnit(k.keyResult.target, k.keyResult.unit)}</td>
              <td>{withUnit(k.keyResult.current, k.keyResult.unit)}</td>
              <td>{k.keyResult.confidence === undefined ? '–' : `${n(k.keyResult.confidence, 0)} %`}</td>
              <td>
                <span className={css.bar} aria-hidden={true}><span className={css.fill} style={{ width: `${pct(k.progress) ?? 0}%` }} /></span>
                {k.progress === undefined ? '–' : `${n(pct(k.progress), 1)} %`}
              </td>
              {data.canCheckIn && (
                <td>
                  <ActionButton iconProps={{ iconName: 'CheckMark' }} ariaLabel={format(s.CheckInFor, k.keyResult.title)} onClick={() => setCheckingIn(k.keyResult)}>{s.CheckIn}</ActionButton>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollFrame>
      <Text block={true} as="h4" variant="mediumPlus">{format(s.ServingProjects, v.projects.length)}</Text>
      {v.projects.length === 0 ? <Text block={true} as="p" variant="small">{s.NoServingProjects}</Text> : (
        <ul className={css.list}>
          {v.projects.map((p) => <li key={p.id}>{p.code} {p.title}{data.me !== undefined && p.leader?.id === data.me ? ` (${s.YourProject})` : ''}</li>)}
        </ul>
      )}
    </section>
  );

  return (
    <Stack tokens={{ childrenGap: 16 }} data-webpart="okr">
      <Text variant="xLarge" as="h2">{s.Title}</Text>
      {data.canCheckIn && data.listUrls && (
        <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 16 }}>
          <Link href={data.listUrls.objectives}>{s.EditObjectivesInList}</Link>
          <Link href={data.listUrls.keyResults}>{s.EditKeyResultsInList}</Link>
        </Stack>
      )}
      {mine.length > 0 && <MessageBar messageBarType={MessageBarType.info}>{format(s.MyProjectsServe, mine.length, o.objectives.length)}</MessageBar>}
      {notice && <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setNotice(undefined)} dismissButtonAriaLabel={c.Close}>{notice}</MessageBar>}
      <ChartFrame title={s.ProgressChartTitle} summary={format(s.ProgressChartSummary, o.objectives.length)} table={bars.table} fileBaseName={s.ProgressChartFile} locale={locale} common={c} headingLevel={3}>
        <Chart kind="bar" labels={bars.labels} series={[{ name: s.ColumnProgress, className: 'ct-series-actual', data: bars.data }]} options={barOptions} />
      </ChartFrame>
      <ChartFrame title={s.QuarterChartTitle} summary={s.QuarterChartSummary} table={quarters.table} fileBaseName={s.QuarterChartFile} locale={locale} common={c} headingLevel={3}>
        {o.quarters.length === 0 ? <EmptyState message={s.NoCheckInsYet} /> : (
          <>
            <Chart kind="line" labels={quarters.labels} series={[{ name: s.ColumnProgress, className: 'ct-series-actual', data: quarters.data }]} options={lineOptions} />
            <Legend items={[{ label: s.ColumnProgress, colour: theme.palette.themeTertiary }]} />
          </>
        )}
      </ChartFrame>
      {o.objectives.map(objective)}
      {checkingIn && (
        <CheckInPanel
          service={service} keyResult={checkingIn} today={props.today ?? todayIso()} strings={s} common={c} locale={locale}
          onSaved={(saved) => {
            setCheckingIn(undefined);
            setNotice(format(s.Saved, withUnit(saved.keyResult.current, saved.keyResult.unit)));
            reload();
          }}
          onDismiss={() => setCheckingIn(undefined)}
        />
      )}
    </Stack>
  );
}
