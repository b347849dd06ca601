import * as React from 'react';
import { ActionButton, Dropdown, IconButton, MessageBar, MessageBarType, Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import type { LineChartOptions } from 'chartist';
import type { BenefitData, IBenefitService } from '../../../services/BenefitService';
import type { IPeopleService } from '../../../services/editing';
import {
  benefitProgress, filterBenefits, isOpenBenefit, measurementOverdue, measurementTrend, realisedShare, totalsByUnit,
  type Benefit, type BenefitMeasurement, type BenefitStatus, type UnitTotal
} from '../../../model/benefits';
import { useLoader } from '../../../components/useLoader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { formatLocaleNumber } from '../../../components/localeNumber';
import { formatIsoShort } from '../../../components/dates';
import { format, todayIso } from '../../../components/text';
import { ScrollFrame } from '../../../components/ScrollFrame';
import { ChartFrame } from '../../portfolio/shared/ChartFrame';
import { Chart, Legend } from '../../portfolio/shared/Chart';
import { lazyComponent } from '../../../components/lazyComponent';
import type { IBenefitPanelProps, IMeasurementPanelProps } from './BenefitPanels';
import { STATUSES, categoryLabel, statusLabel } from './benefitForm';

// The forms (people picker, date fields, the edit-form core) are a chunk of their own, loaded when the
// PMO or a leader first opens one: most readers of the Strategy page never do, and statically they made
// it 264 KB gzipped, over the page budget.
const BenefitPanel = lazyComponent<IBenefitPanelProps>(() => import(/* webpackChunkName: 'benefit-forms' */ './BenefitPanels').then((m) => m.BenefitPanel));
const MeasurementPanel = lazyComponent<IMeasurementPanelProps>(() => import(/* webpackChunkName: 'benefit-forms' */ './BenefitPanels').then((m) => m.MeasurementPanel));

export interface IBenefitsProps {
  service: IBenefitService;
  people?: IPeopleService;
  strings: IBenefitsWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** One project's benefits only (the web part's project property); the whole register when undefined. */
  projectId?: number;
  /** For tests: the day measurements start from and overdue is judged on. */
  today?: string;
}

/** Phases in which a project hands its open benefits over to their owners. */
const CLOSING_PHASES: readonly string[] = ['Closing', 'Closed'];

const pct = (p: number | undefined): number | undefined => (p === undefined ? undefined : Math.round(p * 1000) / 10);

/** One benefit's measurements, read when its history is opened: a trend chart and its table. */
function BenefitHistory(props: { service: IBenefitService; benefit: Benefit; strings: IBenefitsWebPartStrings; common: IPmoHubCommonStrings; locale: string; version: number }): JSX.Element {
  const { service, benefit: b, strings: s, common: c, locale } = props;
  const { state, reload } = useLoader<BenefitMeasurement[]>(() => service.measurements(b.id), [service, b.id, props.version], true);
  const theme = useTheme();
  if (state.status === 'loading') return <LoadingState label={s.Loading} />;
  if (state.status === 'error') return <ErrorState heading={format(s.History, b.title)} title={s.LoadFailed} error={state.error} common={c} retryLabel={c.Retry} onRetry={reload} />;
  const trend = measurementTrend(state.value);
  if (!trend.length) return <Text block={true} as="p" variant="small">{s.NoMeasurements}</Text>;
  const n = (v: number | undefined): string => (v === undefined ? '–' : formatLocaleNumber(v, locale, 2));
  const labels = [...(b.baseline !== undefined && b.baselineDate ? [formatIsoShort(b.baselineDate, locale)] : []), ...trend.map((m) => formatIsoShort(m.measuredOn, locale))];
  const values = [...(b.baseline !== undefined && b.baselineDate ? [b.baseline] : []), ...trend.map((m) => m.value)];
  const options: LineChartOptions = {
    height: '200px', fullWidth: true, axisY: { offset: 64, labelInterpolationFnc: (v: number) => formatLocaleNumber(v, locale, 0) },
    low: Math.min(...values, b.target, b.baseline ?? b.target), high: Math.max(...values, b.target, b.baseline ?? b.target),
    chartPadding: { top: 16, right: 56, bottom: 12, left: 8 }
  };
  return (
    <ChartFrame title={format(s.TrendTitle, b.title)} summary={format(s.TrendSummary, trend.length, `${n(b.target)} ${b.unit}`)} fileBaseName={s.TrendFile} locale={locale} common={c} headingLevel={3}
      table={{
        headers: [s.ColumnDate, `${s.ColumnValue} (${b.unit})`, s.ColumnBy, s.ColumnComment],
        rows: trend.map((m) => [{ kind: 'text', value: formatIsoShort(m.measuredOn, locale) }, { kind: 'number', value: m.value },
          { kind: 'text', value: m.author?.title ?? '' }, m.comment ? { kind: 'text', value: m.comment } : { kind: 'empty' }])
      }}>
      <>
        <Chart kind="line" labels={labels} options={options} series={[
          { name: s.ColumnValue, className: 'ct-series-actual', data: values },
          { name: s.ColumnTarget, className: 'ct-series-budget', data: values.map(() => b.target) }
        ]} />
        <Legend items={[{ label: s.ColumnValue, colour: theme.palette.themeTertiary }, { label: s.ColumnTarget, colour: theme.palette.themeDarker }]} />
      </>
    </ChartFrame>
  );
}

/**
 * The benefits register: every benefit with its owner, baseline, target, latest measurement and
 * progress, filtered by project, objective and status; totals per unit; one project's benefits
 * with the handover at closing. Everyone on the site reads; the PMO adds and changes benefits;
 * a project's leader and its benefit owners record measurements — as SharePoint allows them.
 */
export default function Benefits(props: IBenefitsProps): JSX.Element {
  const { service, strings: s, common: c, locale } = props;
  const { state, reload } = useLoader<BenefitData>(() => service.load(), [service], true);
  const [project, setProject] = React.useState<number | undefined>(props.projectId);
  const [objective, setObjective] = React.useState<number | undefined>(undefined);
  const [status, setStatus] = React.useState<BenefitStatus | undefined>(undefined);
  const [editing, setEditing] = React.useState<{ benefit?: Benefit } | undefined>(undefined);
  const [recording, setRecording] = React.useState<Benefit | undefined>(undefined);
  const [notice, setNotice] = React.useState<string | undefined>(undefined);
  const [version, setVersion] = React.useState(0);
  // A benefit's measurements are read when its history is opened, not for every row of the register.
  const [opened, setOpened] = React.useState<ReadonlySet<number>>(new Set());
  React.useEffect(() => { setProject(props.projectId); }, [props.projectId]);
  const theme = useTheme();
  const css = React.useMemo(() => mergeStyleSets({
    table: { borderCollapse: 'collapse', width: '100%', 'th, td': { textAlign: 'start', padding: '4px 8px', borderBottom: `1px solid ${theme.palette.neutralLighter}`, verticalAlign: 'top' } },
    num: { textAlign: 'end !important', whiteSpace: 'nowrap' },
    bar: { display: 'inline-block', width: 80, height: 10, background: theme.palette.neutralLighter, verticalAlign: 'middle', marginInlineEnd: 8 },
    fill: { display: 'block', height: '100%', background: theme.palette.themePrimary },
    overdue: { color: theme.semanticColors.errorText, display: 'block' },
    toggle: { height: 24, width: 24, flexShrink: 0 },
    title: { display: 'flex', alignItems: 'flex-start', gap: 4 },
    // A date or a pair of icon buttons reads badly broken over two lines.
    actions: { whiteSpace: 'nowrap' },
    filters: { display: 'flex', flexWrap: 'wrap', gap: 12, '> *': { minWidth: 200 } }
  }), [theme]);
  const today = props.today ?? todayIso();

  if (state.status === 'loading') return <LoadingState label={s.Loading} />;
  if (state.status === 'error') return <ErrorState heading={s.Title} title={s.LoadFailed} error={state.error} common={c} retryLabel={c.Retry} onRetry={reload} />;
  const data = state.value;
  const projects = new Map(data.projects.map((p) => [p.id, p]));
  const shown = filterBenefits(data.benefits, { project, objective, status })
    .sort((a, b) => (a.project.title.localeCompare(b.project.title, locale) || a.title.localeCompare(b.title, locale)));
  const selected = project !== undefined ? projects.get(project) : undefined;
  // Mirrors what SharePoint allows (the project's folders: its leader and its benefit owners, and the PMO); the server still decides.
  const mayRecord = (b: Benefit): boolean => data.canManage || (data.me !== undefined
    && (projects.get(b.project.id)?.leader?.id === data.me || data.benefits.some((x) => x.project.id === b.project.id && x.owner?.id === data.me)));
  const n = (v: number | undefined, digits: number = 2): string => (v === undefined ? '–' : formatLocaleNumber(v, locale, digits));
  const columns = selected ? 9 : 10;
  const withUnit = (v: number | undefined, unit: string): string => (v === undefined ? '–' : `${n(v)} ${unit}`.trim());

  const totals = (rows: UnitTotal[]): JSX.Element => (<>
    <ScrollFrame label={s.TotalsHeading}>
      <table className={css.table}>
        <caption className="ms-screenReaderOnly">{s.TotalsCaption}</caption>
        <thead><tr>
          <th scope="col">{s.ColumnUnit}</th><th scope="col" className={css.num}>{s.ColumnBenefits}</th><th scope="col" className={css.num}>{s.ColumnPlanned}</th>
          <th scope="col" className={css.num}>{s.ColumnRealised}</th><th scope="col" className={css.num}>{s.ColumnShare}</th>
        </tr></thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.unit}>
              <th scope="row">{t.unit}</th><td className={css.num}>{n(t.benefits, 0)}</td><td className={css.num}>{t.additive ? n(t.planned) : s.NotAdded}</td>
              <td className={css.num}>{t.additive ? n(t.realised) : s.NotAdded}</td><td className={css.num}>{t.share === undefined ? '–' : format(s.ProgressOf, n(pct(t.share), 1))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollFrame>
    {rows.some((t) => !t.additive) && <Text block={true} as="p" variant="small">{s.PercentNote}</Text>}
  </>);

  const projectSection = (): JSX.Element | undefined => {
    if (!selected) return undefined;
    const mine = data.benefits.filter((b) => b.project.id === selected.id);
    const open = mine.filter(isOpenBenefit);
    const share = realisedShare(mine);
    const closing = selected.phase && CLOSING_PHASES.includes(selected.phase);
    const owners = [...new Set(open.map((b) => b.owner?.title ?? s.NoOwner))].join(', ');
    return (
      <section aria-labelledby="benefits-project-heading">
        <Text block={true} as="h3" variant="large" id="benefits-project-heading">{format(s.ProjectHeading, `${selected.code} ${selected.title}`)}</Text>
        {share !== undefined && <Text block={true} as="p">{format(s.ProjectShare, n(pct(share), 1))}</Text>}
        {closing && (
          <MessageBar messageBarType={open.length ? MessageBarType.warning : MessageBarType.success}>
            {open.length ? format(s.ClosingHandover, c[`Phase${selected.phase}` as keyof IPmoHubCommonStrings] as string ?? selected.phase, open.length, owners)
              : format(s.ClosingAllDone, c[`Phase${selected.phase}` as keyof IPmoHubCommonStrings] as string ?? selected.phase)}
          </MessageBar>
        )}
      </section>
    );
  };

  return (
    <Stack tokens={{ childrenGap: 16 }} data-webpart="benefits">
      <Text variant="xLarge" as="h2">{s.Title}</Text>
      {notice && <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setNotice(undefined)} dismissButtonAriaLabel={c.Close}>{notice}</MessageBar>}
      {props.projectId === undefined && (
        <div role="group" aria-label={s.Filters} className={css.filters}>
          <Dropdown label={s.FilterProject} selectedKey={project === undefined ? '' : String(project)}
            options={[{ key: '', text: s.FilterAll }, ...data.projects.filter((p) => data.benefits.some((b) => b.project.id === p.id)).map((p) => ({ key: String(p.id), text: `${p.code} ${p.title}` }))]}
            onChange={(_, o) => setProject(o && o.key !== '' ? Number(o.key) : undefined)} />
          <Dropdown label={s.FilterObjective} selectedKey={objective === undefined ? '' : String(objective)}
            options={[{ key: '', text: s.FilterAll }, ...data.objectives.map((o) => ({ key: String(o.id), text: o.title }))]}
            onChange={(_, o) => setObjective(o && o.key !== '' ? Number(o.key) : undefined)} />
          <Dropdown label={s.FilterStatus} selectedKey={status ?? ''}
            options={[{ key: '', text: s.FilterAll }, ...STATUSES.map((k) => ({ key: k, text: statusLabel(s, k) }))]}
            onChange={(_, o) => setStatus(o && o.key !== '' ? o.key as BenefitStatus : undefined)} />
        </div>
      )}
      {data.canManage && (
        <div><ActionButton iconProps={{ iconName: 'Add' }} onClick={() => setEditing({})}>{s.AddBenefit}</ActionButton></div>
      )}
      {projectSection()}
      {!data.benefits.length ? <EmptyState message={s.NoBenefits} /> : !shown.length ? <EmptyState message={s.NoMatches} /> : (
        <>
          <Text block={true} as="p" variant="small" aria-live="polite">{format(s.Shown, shown.length, data.benefits.length)}</Text>
          <Text block={true} as="h3" variant="large">{s.TotalsHeading}</Text>
          {totals(totalsByUnit(shown))}
          <ScrollFrame label={s.RegisterCaption}>
            <table className={css.table}>
              <caption className="ms-screenReaderOnly">{s.RegisterCaption}</caption>
              <thead><tr>
                <th scope="col">{s.ColumnBenefit}</th>
                {!selected && <th scope="col">{s.ColumnProject}</th>}
                <th scope="col">{s.ColumnOwner}</th>
                <th scope="col" className={css.num}>{s.ColumnBaseline}</th><th scope="col" className={css.num}>{s.ColumnTarget}</th>
                <th scope="col" className={css.num}>{s.ColumnMeasured}</th><th scope="col">{s.ColumnProgress}</th>
                <th scope="col">{s.ColumnTargetDate}</th><th scope="col">{s.ColumnStatus}</th><th scope="col">{s.ColumnActions}</th>
              </tr></thead>
              <tbody>
                {shown.map((b) => {
                  const p = pct(benefitProgress(b));
                  const overdue = measurementOverdue(b, today);
                  const isOpen = opened.has(b.id);
                  const toggle = (): void => setOpened((prev) => { const next = new Set(prev); if (isOpen) next.delete(b.id); else next.add(b.id); return next; });
                  return (
                    <React.Fragment key={b.id}>
                    <tr data-benefit={b.id}>
                      <th scope="row">
                        <span className={css.title}>
                          <IconButton className={css.toggle} iconProps={{ iconName: isOpen ? 'ChevronDown' : 'ChevronRight' }} aria-expanded={isOpen}
                            aria-controls={`benefit-history-${b.id}`} ariaLabel={format(s.History, b.title)} title={format(s.History, b.title)} onClick={toggle} />
                          <span>
                            {b.title}
                            <Text block={true} variant="small">{categoryLabel(s, b.category)}</Text>
                          </span>
                        </span>
                      </th>
                      {!selected && <td>{projects.get(b.project.id)?.code ?? ''} {b.project.title}</td>}
                      <td>{b.owner?.title ?? '–'}{data.me !== undefined && b.owner?.id === data.me ? ` (${s.YourBenefit})` : ''}</td>
                      <td className={css.num}>{withUnit(b.baseline, b.unit)}</td>
                      <td className={css.num}>{withUnit(b.target, b.unit)}</td>
                      <td className={css.num}>
                        {withUnit(b.actual, b.unit)}
                        {b.lastMeasured && <Text block={true} variant="small">{format(s.LastMeasured, formatIsoShort(b.lastMeasured, locale))}</Text>}
                      </td>
                      <td>
                        <span className={css.bar} aria-hidden={true}><span className={css.fill} style={{ width: `${p ?? 0}%` }} /></span>
                        {p === undefined ? s.NotMeasured : format(s.ProgressOf, n(p, 1))}
                      </td>
                      <td className={css.actions}>{b.targetDate ? formatIsoShort(b.targetDate, locale) : '–'}</td>
                      <td>
                        {statusLabel(s, b.status)}
                        {overdue && <span className={css.overdue}>⚠ {s.Overdue}</span>}
                      </td>
                      <td className={css.actions}>
                        {/* Icons with their full names as tooltips: with words, the eleventh column pushed the actions out of a 1366 px page. */}
                        {mayRecord(b) && (
                          <IconButton iconProps={{ iconName: 'AddToShoppingList' }} ariaLabel={format(s.RecordFor, b.title)} title={format(s.RecordFor, b.title)} onClick={() => setRecording(b)} />
                        )}
                        {data.canManage && (
                          <IconButton iconProps={{ iconName: 'Edit' }} ariaLabel={format(s.EditBenefitFor, b.title)} title={format(s.EditBenefitFor, b.title)} onClick={() => setEditing({ benefit: b })} />
                        )}
                      </td>
                    </tr>
                    {isOpen && (
                      <tr id={`benefit-history-${b.id}`} data-history={b.id}>
                        <td colSpan={columns}>
                          <BenefitHistory service={service} benefit={b} strings={s} common={c} locale={locale} version={version} />
                        </td>
                      </tr>
                    )}
                    </React.Fragment>
                  );
                })}
              </tbody>
            </table>
          </ScrollFrame>
        </>
      )}
      {editing && (
        <BenefitPanel service={service} people={props.people} data={data} benefit={editing.benefit} projectId={project} strings={s} common={c} locale={locale}
          onSaved={(saved) => { setEditing(undefined); setNotice(format(s.SavedBenefit, saved.title)); reload(); }}
          onDismiss={() => setEditing(undefined)} />
      )}
      {recording && (
        <MeasurementPanel service={service} benefit={recording} today={today} strings={s} common={c} locale={locale}
          onSaved={(saved) => {
            setRecording(undefined);
            setNotice(format(s.SavedMeasurement, withUnit(saved.benefit.actual, saved.benefit.unit)));
            setVersion((v) => v + 1);
            reload();
          }}
          onDismiss={() => setRecording(undefined)} />
      )}
    </Stack>
  );
}
