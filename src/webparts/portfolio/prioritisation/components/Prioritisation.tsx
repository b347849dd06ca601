import * as React from 'react';
import { ActionButton, MessageBar, MessageBarType, Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import { withPriorities, type PortfolioFilter, type PrioritisationCriterion, type Project } from '../../../../model/portfolio';
import type { IPortfolioService } from '../../../../services/PortfolioService';
import type { IPrioritisationService, PrioritisationRights } from '../../../../services/PrioritisationService';
import { parseAxisTitles, prioritisationMatrix, rankProjects, scoringCriteria, weightShares, type RankedProject } from '../../../../services/scoring';
import type { ExportTable } from '../../../../components/exportModel';
import { ErrorState, LoadingState } from '../../../../components/States';
import { format } from '../../../../components/text';
import { numberFormat } from '../../../../components/format';
import { describeError } from '../../../../components/errors';
import { ChartFrame } from '../../shared/ChartFrame';
import { filterPortfolio } from '../../../../model/portfolioFilter';
import { useLoad } from '../../planning/useLoad';
import { afterFirstScreen } from '../../../../common/firstScreen';
import { lazyComponent } from '../../../../components/lazyComponent';

// The criterion and score forms load when first opened, not with the page.
const CriterionPanel = lazyComponent(() => import(/* webpackChunkName: 'prioritisation-forms' */ './CriterionPanel').then((m) => m.CriterionPanel));
const ScorePanel = lazyComponent(() => import(/* webpackChunkName: 'prioritisation-forms' */ './ScorePanel').then((m) => m.ScorePanel));
import { ScrollFrame } from '../../../../components/ScrollFrame';
import { ShowMoreRows, useCollapsedRows } from '../../../../components/ShowMoreRows';

export interface IPrioritisationProps {
  portfolio: IPortfolioService;
  service: IPrioritisationService;
  filter: PortfolioFilter;
  strings: IPortfolioPlanningWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** Titles of the criteria on the ease axis (effort, risk), comma-separated; the others are value. */
  easeCriteria: string;
}

const LIST_LIMIT = 100;
const W = 560;
const H = 400;
const PAD = { left: 56, right: 16, top: 16, bottom: 48 };

export function contributionText(r: RankedProject, s: IPortfolioPlanningWebPartStrings, locale: string): string {
  const n = (v: number): string => numberFormat(locale, { maximumFractionDigits: 2 }).format(v);
  return r.contributions
    .map((c) => (c.score === undefined ? format(s.ContributionMissing, c.criterion.title) : format(s.Contribution, c.criterion.title, n(c.score), c.criterion.scale, n(c.points))))
    .join('; ');
}

export function rankingTable(ranked: readonly RankedProject[], value: Map<number, { value: number; ease: number }>, s: IPortfolioPlanningWebPartStrings, locale: string): ExportTable {
  return {
    headers: [s.ColumnProject, s.ColumnRank, s.ColumnCode, s.ColumnWeightedScore, s.ColumnValue, s.ColumnEase, s.ColumnContributions],
    rows: ranked.map((r) => {
      const v = value.get(r.project.id);
      return [
        { kind: 'text', value: r.project.title },
        r.rank !== undefined ? { kind: 'number', value: r.rank } : { kind: 'empty' },
        { kind: 'text', value: r.project.code },
        r.total !== undefined ? { kind: 'number', value: r.total } : { kind: 'text', value: s.NotScored },
        v ? { kind: 'number', value: v.value } : { kind: 'empty' },
        v ? { kind: 'number', value: v.ease } : { kind: 'empty' },
        { kind: 'text', value: contributionText(r, s, locale) }
      ];
    })
  };
}

/**
 * The PMO's weighted scoring: a value × ease matrix, the ranked list with each criterion's share,
 * and the criteria themselves. Everyone reads; only people with edit rights on the criteria (the
 * PMO) see the commands to change criteria and score projects.
 */
export default function Prioritisation(props: IPrioritisationProps): JSX.Element {
  const { strings: s, common: c, locale } = props;
  const theme = useTheme();
  const { data, retry, set } = useLoad(
    // The scores come from Project Priorities, the PMO's list, never from the project items (schema 9).
    () => Promise.all([props.portfolio.loadProjects(), props.service.load()])
      .then(([projects, own]): [Project[], PrioritisationCriterion[], PrioritisationRights] => [withPriorities(projects, own.priorities), own.criteria, own.rights])
      .then(afterFirstScreen),
    [props.portfolio, props.service]
  );
  const [editing, setEditing] = React.useState<PrioritisationCriterion | 'new' | undefined>();
  const [scoring, setScoring] = React.useState<Project | undefined>();
  const [notice, setNotice] = React.useState<string | undefined>();
  const classes = React.useMemo(() => mergeStyleSets({
    svg: { display: 'block', maxWidth: '100%', height: 'auto' },
    axis: { stroke: theme.palette.neutralSecondary, strokeWidth: 1 },
    mid: { stroke: theme.palette.neutralLight, strokeWidth: 1, strokeDasharray: '4 4' },
    axisText: { fill: theme.semanticColors.bodySubtext, fontSize: 12 },
    quadrant: { fill: theme.palette.neutralTertiary, fontSize: 12, fontStyle: 'italic' },
    point: { fill: theme.palette.themePrimary, fillOpacity: 0.7, stroke: theme.palette.white, strokeWidth: 1 },
    rankText: { fill: theme.semanticColors.bodyText, fontSize: 11, fontWeight: 600 },
    table: {
      borderCollapse: 'collapse', width: '100%', marginTop: 8,
      selectors: {
        'th, td': { borderBottom: `1px solid ${theme.palette.neutralLight}`, padding: '4px 8px', textAlign: 'left', verticalAlign: 'top', ...theme.fonts.medium },
        'thead th': { fontWeight: 600 },
        caption: { textAlign: 'left', fontWeight: 600, padding: '8px 0 4px', ...theme.fonts.large },
        'td.number': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
        '@media print': { selectors: { '.commands': { display: 'none' } } }
      }
    },
    small: { ...theme.fonts.small, color: theme.semanticColors.bodySubtext }
  }), [theme]);

  const shaped = React.useMemo(() => {
    if (data.state !== 'ready') return undefined;
    const [projects, criteria] = data.value;
    const kept = filterPortfolio(projects, props.filter);
    const ranked = rankProjects(kept, criteria);
    const matrix = prioritisationMatrix(ranked, criteria, parseAxisTitles(props.easeCriteria));
    return { ranked, matrix, criteria, counting: scoringCriteria(criteria), shares: weightShares(criteria) };
  }, [data, props.filter, props.easeCriteria]);
  const rows = useCollapsedRows(Math.min(LIST_LIMIT, shaped?.ranked.length ?? 0));
  const rankingId = React.useRef(`pmo-ranking-${Math.random().toString(36).slice(2, 10)}`).current;

  if (data.state === 'loading') return <LoadingState label={c.Loading} />;
  if (data.state === 'error' || !shaped) {
    return <ErrorState heading={s.PrioritisationTitle} title={c.ErrorTitle} message={format(s.ErrorLoading, describeError(data.state === 'error' ? data.error : undefined, c))} retryLabel={c.Retry} onRetry={retry} />;
  }
  const [projects, criteria, rights] = data.value;
  const { ranked, matrix, counting, shares } = shaped;
  const placed = new Map(matrix.points.map((p) => [p.project.id, { value: p.value, ease: p.ease }]));
  const unscored = ranked.filter((r) => r.total === undefined).length;
  const px = (ease: number): number => PAD.left + (ease / 100) * (W - PAD.left - PAD.right);
  const py = (value: number): number => H - PAD.bottom - (value / 100) * (H - PAD.top - PAD.bottom);
  const shown = ranked.slice(0, Math.min(LIST_LIMIT, rows.visible));
  const n = (v: number): string => v.toLocaleString(locale, { maximumFractionDigits: 2 });

  const criterionSaved = (saved: PrioritisationCriterion): void => {
    const exists = criteria.some((x) => x.id === saved.id);
    set([projects, exists ? criteria.map((x) => (x.id === saved.id ? saved : x)) : [...criteria, saved], rights]);
    setEditing(undefined);
    setNotice(s.Saved);
  };
  const projectSaved = (saved: Project): void => {
    props.portfolio.invalidate();
    set([projects.map((p) => (p.id === saved.id ? { ...p, ...saved } : p)), criteria, rights]);
    setScoring(undefined);
    setNotice(s.Saved);
  };

  return (
    <Stack tokens={{ childrenGap: 8 }} data-webpart="prioritisation">
      {notice && <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setNotice(undefined)} dismissButtonAriaLabel={c.Close} role="status">{notice}</MessageBar>}
      {counting.length === 0 && <MessageBar messageBarType={MessageBarType.warning} isMultiline={true}>{s.NoCountingCriteria}</MessageBar>}
      <ChartFrame
        title={s.PrioritisationTitle}
        summary={format(s.MatrixSummary, matrix.points.length, matrix.unplaced.length, unscored)}
        table={rankingTable(ranked, placed, s, locale)}
        tableRowLimit={{ rows: LIST_LIMIT, note: format(s.RankingTruncated, Math.min(LIST_LIMIT, ranked.length), ranked.length) }}
        fileBaseName="prioritisation" locale={locale} common={c}
      >
        <svg className={classes.svg} width={W} height={H} viewBox={`0 0 ${W} ${H}`}>
          <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className={classes.axis} />
          <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} className={classes.axis} />
          <line x1={px(50)} x2={px(50)} y1={PAD.top} y2={H - PAD.bottom} className={classes.mid} />
          <line x1={PAD.left} x2={W - PAD.right} y1={py(50)} y2={py(50)} className={classes.mid} />
          <text x={px(75)} y={py(95)} textAnchor="middle" className={classes.quadrant}>{s.QuadrantQuickWins}</text>
          <text x={px(25)} y={py(95)} textAnchor="middle" className={classes.quadrant}>{s.QuadrantStrategic}</text>
          <text x={px(75)} y={py(3)} textAnchor="middle" className={classes.quadrant}>{s.QuadrantFillIns}</text>
          <text x={px(25)} y={py(3)} textAnchor="middle" className={classes.quadrant}>{s.QuadrantReconsider}</text>
          {[0, 25, 50, 75, 100].map((t) => (
            <React.Fragment key={t}>
              <text x={px(t)} y={H - PAD.bottom + 14} textAnchor="middle" className={classes.axisText}>{t}</text>
              <text x={PAD.left - 6} y={py(t) + 4} textAnchor="end" className={classes.axisText}>{t}</text>
            </React.Fragment>
          ))}
          <text x={(PAD.left + W - PAD.right) / 2} y={H - 8} textAnchor="middle" className={classes.axisText}>{s.AxisEase}</text>
          <text transform={`translate(14 ${(PAD.top + H - PAD.bottom) / 2}) rotate(-90)`} textAnchor="middle" className={classes.axisText}>{s.AxisValue}</text>
          {matrix.points.map((p) => <circle key={p.project.id} cx={px(p.ease)} cy={py(p.value)} r={6} className={classes.point}><title>{`${p.rank ?? ''}. ${p.project.code} ${p.project.title}`}</title></circle>)}
          {matrix.points.filter((p) => p.rank !== undefined && p.rank <= 10).map((p) => (
            <text key={p.project.id} x={px(p.ease) + 8} y={py(p.value) - 6} className={classes.rankText}>{p.rank}</text>
          ))}
        </svg>
      </ChartFrame>

      <ScrollFrame label={s.RankingHeading}>
        <table id={rankingId} className={classes.table}>
          <caption>{s.RankingHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{s.ColumnRank}</th><th scope="col">{s.ColumnProject}</th><th scope="col">{s.ColumnWeightedScore}</th>
              <th scope="col">{s.ColumnContributions}</th>{rights.scoreProjects && <th scope="col">{s.ColumnActions}</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.project.id} data-project={r.project.code}>
                <td className="number">{r.rank ?? '–'}</td>
                <th scope="row">{r.project.code} {r.project.title}</th>
                <td className="number">{r.total !== undefined ? n(r.total) : s.NotScored}</td>
                <td className={classes.small}>{contributionText(r, s, locale)}</td>
                {rights.scoreProjects && (
                  <td><ActionButton iconProps={{ iconName: 'Edit' }} onClick={() => setScoring(r.project)} disabled={counting.length === 0}>{format(s.ScoreProject, r.project.code)}</ActionButton></td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
      <ShowMoreRows total={Math.min(LIST_LIMIT, ranked.length)} expanded={rows.expanded} onToggle={rows.toggle} controls={rankingId} common={c} />
      {rows.expanded && ranked.length > shown.length && <Text variant="small">{format(s.RankingTruncated, shown.length, ranked.length)}</Text>}

      <ScrollFrame label={s.CriteriaHeading}>
        <table className={classes.table}>
          <caption>{s.CriteriaHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{s.ColumnCriterion}</th><th scope="col">{s.ColumnWeight}</th><th scope="col">{s.ColumnShare}</th>
              <th scope="col">{s.ColumnScale}</th><th scope="col">{s.ColumnActive}</th>{rights.editCriteria && <th scope="col">{s.ColumnActions}</th>}
            </tr>
          </thead>
          <tbody>
            {criteria.map((x) => (
              <tr key={x.id}>
                <th scope="row">{x.title}</th>
                <td className="number">{n(x.weight)}</td>
                <td className="number">{`${n(shares.get(x.id) ?? 0)} %`}</td>
                <td className="number">{`0–${x.scale}`}</td>
                <td>{x.active ? s.Yes : s.No}</td>
                {rights.editCriteria && <td><ActionButton iconProps={{ iconName: 'Edit' }} onClick={() => setEditing(x)}>{format(s.EditCriterion, x.title)}</ActionButton></td>}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
      {rights.editCriteria && <Stack horizontal><ActionButton iconProps={{ iconName: 'Add' }} onClick={() => setEditing('new')}>{s.AddCriterion}</ActionButton></Stack>}

      {editing && (
        <CriterionPanel
          service={props.service} criterion={editing === 'new' ? undefined : editing} strings={s} common={c} locale={locale}
          onSaved={criterionSaved} onDismiss={() => setEditing(undefined)}
        />
      )}
      {scoring && (
        <ScorePanel
          service={props.service} project={scoring} criteria={criteria.filter((x) => x.active)} strings={s} common={c} locale={locale}
          onSaved={projectSaved} onDismiss={() => setScoring(undefined)}
        />
      )}
    </Stack>
  );
}
