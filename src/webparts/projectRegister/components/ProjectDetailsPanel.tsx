import * as React from 'react';
import { Panel, PanelType, Stack, Text, Link, DefaultButton, mergeStyleSets, useTheme } from '@fluentui/react';
import type { Project } from '../../../model/portfolio';
import { StatusPill } from '../../../components/StatusPill';
import { formatAmount, formatDate } from '../../../components/format';
import { format } from '../../../components/text';
import { phaseLabel, methodLabel, ragLabels } from '../../../components/labels';
import { lazyComponent } from '../../../components/lazyComponent';
import type { IProjectBenefitsReader } from './ProjectBenefits';

// The benefits section loads its code when a project's details first show it.
const ProjectBenefits = lazyComponent(() => import(/* webpackChunkName: 'project-benefits' */ './ProjectBenefits').then((m) => m.default));

export interface IProjectDetailsPanelProps {
  project?: Project;
  strings: IProjectRegisterWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  stale: boolean;
  staleDays: number;
  onDismiss: () => void;
  /** Shown only to users who may edit projects. */
  onEdit?: (project: Project) => void;
  onStatusReports?: (project: Project) => void;
  onRisks?: (project: Project) => void;
  /** The project's benefits (and, at closing, those still to be realised); absent where the site has none. */
  benefits?: () => Promise<IProjectBenefitsReader>;
}

/** Every field of a project, its latest status and a link to its site. All text is rendered as text, never HTML. */
export function ProjectDetailsPanel(props: IProjectDetailsPanelProps): JSX.Element {
  const { project: p, strings: s, common: c, locale } = props;
  const theme = useTheme();
  const classes = mergeStyleSets({
    grid: { display: 'grid', gridTemplateColumns: 'minmax(120px, 40%) 1fr', columnGap: 12, rowGap: 6, margin: 0 },
    dt: { color: theme.semanticColors.bodySubtext, margin: 0 },
    dd: { margin: 0, overflowWrap: 'anywhere' },
    description: { whiteSpace: 'pre-wrap' },
    stale: { color: theme.semanticColors.errorText }
  });
  const row = (label: string, value: React.ReactNode): JSX.Element | null =>
    value === undefined || value === '' || value === null ? null : (
      <React.Fragment key={label}>
        <dt className={classes.dt}>{label}</dt>
        <dd className={classes.dd}>{value}</dd>
      </React.Fragment>
    );
  const labels = ragLabels(c);
  return (
    <Panel
      isOpen={!!p}
      type={PanelType.medium}
      onDismiss={props.onDismiss}
      headerText={p ? `${p.code} · ${p.title}` : ''}
      closeButtonAriaLabel={c.Close}
      isLightDismiss={true}
    >
      {p && (
        <Stack tokens={{ childrenGap: 16 }}>
          {(props.onEdit || props.onStatusReports || props.onRisks) && (
            <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 8 }}>
              {props.onEdit && <DefaultButton iconProps={{ iconName: 'Edit' }} onClick={() => props.onEdit?.(p)}>{s.EditProject}</DefaultButton>}
              {props.onStatusReports && <DefaultButton iconProps={{ iconName: 'ReportDocument' }} onClick={() => props.onStatusReports?.(p)}>{s.OpenStatusReports}</DefaultButton>}
              {props.onRisks && <DefaultButton iconProps={{ iconName: 'Warning' }} onClick={() => props.onRisks?.(p)}>{s.OpenRisks}</DefaultButton>}
            </Stack>
          )}
          {p.description && <Text className={classes.description}>{p.description}</Text>}
          <dl className={classes.grid}>
            {row(s.FilterPhase, phaseLabel(c, p.phase))}
            {row(s.Method, p.method ? methodLabel(c, p.method) : undefined)}
            {row(s.ColumnUnit, p.unit)}
            {row(s.ColumnProgramme, p.programme)}
            {row(s.FilterLeader, p.leader ? <Link href={`mailto:${p.leader.email}`}>{p.leader.title}</Link> : undefined)}
            {row(s.Sponsor, p.sponsor?.title)}
            {row(s.Start, formatDate(p.startDate, locale))}
            {row(s.End, formatDate(p.endDate, locale))}
            {row(s.ForecastEnd, formatDate(p.forecastEnd, locale))}
            {row(s.Budget, formatAmount(p.budget, locale))}
            {row(s.ActualCost, formatAmount(p.actualCost, locale))}
            {row(s.ForecastCost, formatAmount(p.forecastCost, locale))}
            {row(s.PriorityScore, p.priorityScore !== undefined ? p.priorityScore.toLocaleString(locale) : undefined)}
            {row(s.StrategicObjectives, p.strategicObjectives.length ? p.strategicObjectives.map((o) => o.title).join(', ') : undefined)}
          </dl>
          <Stack tokens={{ childrenGap: 8 }}>
            <Text variant="large" as="h2">{s.LatestStatus}</Text>
            {p.latestReportDate ? (
              <dl className={classes.grid}>
                {row(s.ReportDate, formatDate(p.latestReportDate, locale))}
                {row(s.Overall, <StatusPill status={p.latestOverall} labels={labels} />)}
                {row(s.Schedule, <StatusPill status={p.latestSchedule} labels={labels} />)}
                {row(s.Cost, <StatusPill status={p.latestCost} labels={labels} />)}
                {row(s.Scope, <StatusPill status={p.latestScope} labels={labels} />)}
                {row(s.Risk, <StatusPill status={p.latestRisk} labels={labels} />)}
                {row(s.PercentComplete, p.latestPercentComplete !== undefined ? `${p.latestPercentComplete} %` : undefined)}
              </dl>
            ) : <Text>{s.NoReportYet}</Text>}
            {props.stale && <Text className={classes.stale}>{format(s.StaleTooltip, props.staleDays)}</Text>}
          </Stack>
          {props.benefits && <ProjectBenefits reader={props.benefits} project={p} strings={s} common={c} locale={locale} />}
          {p.siteUrl && /^https?:\/\//i.test(p.siteUrl.url) && (
            <Link href={p.siteUrl.url} target="_blank" rel="noopener noreferrer">{s.OpenProjectSite}</Link>
          )}
        </Stack>
      )}
    </Panel>
  );
}
