import * as React from 'react';
import { Icon, getFocusStyle, mergeStyleSets, mergeStyles, useTheme } from '@fluentui/react';
import type { PortfolioFilter, ProjectPhase } from '../../../../model/portfolio';
import type { Rag } from '../../../../model/common';
import type { IPortfolioService } from '../../../../services/PortfolioService';
import { ErrorState, LoadingState } from '../../../../components/States';
import { format } from '../../../../components/text';
import { ragLabels } from '../../../../components/labels';
import { filterPortfolio } from '../../../../model/portfolioFilter';
import { ACTIVE_PHASES, portfolioKpis, share } from '../../../../model/portfolioMetrics';
import { drillDownUrl, type DrillFocus } from '../../shared/drillDown';
import { ReadAtNote } from '../../../../components/ReadAtNote';
import { useFirstScreenHold, usePortfolioProjects } from '../../shared/usePortfolioProjects';
import { ragColours } from '../../shared/Chart';
import { RAG_ICONS } from '../../../../components/ragColours';
import { srOnly } from '../../../../components/srOnly';

export interface IKpiTilesProps {
  service: IPortfolioService;
  filter: PortfolioFilter;
  strings: IPortfolioWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  staleDays: number;
  /** The page with the project register; tiles link there with their filter. */
  registerUrl: string;
  /** For tests: the day against which staleness is judged. */
  today?: Date;
}

interface Tile {
  key: string;
  label: string;
  value: string;
  detail?: string;
  icon: string;
  colour?: string;
  href: string;
}

/** The filter's active phases (all of them when the filter names none). */
function activePhases(f: PortfolioFilter): ProjectPhase[] {
  return f.phases?.length ? f.phases.filter((p) => ACTIVE_PHASES.indexOf(p) >= 0) : [...ACTIVE_PHASES];
}

/** The portfolio's key figures for the page's filter; each tile opens the register filtered to what it counts. */
export default function KpiTiles(props: IKpiTilesProps): JSX.Element {
  const { strings: s, common: c, locale, filter } = props;
  const theme = useTheme();
  const headingId = React.useRef(`pmo-kpi-${Math.random().toString(36).slice(2, 10)}`).current;
  const { state, reload, asOf } = usePortfolioProjects(props.service);
  // The tiles are the first screen: what is below waits until they are in.
  useFirstScreenHold(state.status !== 'loading');
  const today = React.useMemo(() => props.today ?? new Date(), [props.today]);
  const projects = React.useMemo(() => (state.status === 'ready' ? filterPortfolio(state.value, filter) : []), [state, filter]);
  const k = React.useMemo(() => portfolioKpis(projects, props.staleDays, today), [projects, props.staleDays, today]);
  const classes = React.useMemo(() => mergeStyleSets({
    heading: { ...theme.fonts.xLarge, fontWeight: 600, margin: '0 0 8px' },
    grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 12, listStyle: 'none', margin: 0, padding: 0 },
    tile: [getFocusStyle(theme, { inset: 1 }), {
      display: 'flex', flexDirection: 'column', gap: 4, height: '100%', boxSizing: 'border-box', padding: '12px 16px',
      border: `1px solid ${theme.palette.neutralLight}`, borderRadius: theme.effects.roundedCorner4, borderLeftWidth: 4,
      color: theme.semanticColors.bodyText, textDecoration: 'none', background: theme.semanticColors.bodyBackground,
      selectors: {
        ':hover': { background: theme.palette.neutralLighter, textDecoration: 'none', color: theme.semanticColors.bodyText },
        '@media print': { breakInside: 'avoid' }
      }
    }],
    label: { ...theme.fonts.medium, color: theme.semanticColors.bodySubtext, display: 'flex', alignItems: 'center', gap: 6 },
    value: { ...theme.fonts.xxLarge, fontWeight: 600, fontVariantNumeric: 'tabular-nums' },
    detail: { ...theme.fonts.small, color: theme.semanticColors.bodySubtext }
  }), [theme]);

  if (state.status === 'loading') return <LoadingState label={c.Loading} />;
  if (state.status === 'error') {
    return <ErrorState heading={s.KpiTitle} title={c.ErrorTitle} error={state.error} common={c} retryLabel={c.Retry} onRetry={reload} />;
  }

  const n = (v: number): string => new Intl.NumberFormat(locale).format(v);
  const money = (v: number): string => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(v);
  const link = (f: PortfolioFilter, focus?: DrillFocus): string => drillDownUrl(props.registerUrl, f, focus);
  const active: PortfolioFilter = { ...filter, phases: activePhases(filter) };
  const rag = ragColours(theme);
  const labels = ragLabels(c);
  const ragTile = (r: Rag, icon: string): Tile => ({
    key: r, label: format(s.KpiShare, labels[r]), value: `${share(k.overall[r], k.active)} %`,
    detail: format(s.KpiOfActive, n(k.overall[r]), n(k.active)), icon, colour: rag[r],
    href: link({ ...active, overall: [r] })
  });
  const tiles: Tile[] = [
    { key: 'active', label: s.KpiActive, value: n(k.active), icon: 'ProjectCollection', href: link(active) },
    ragTile('Green', RAG_ICONS.Green),
    ragTile('Amber', RAG_ICONS.Amber),
    ragTile('Red', RAG_ICONS.Red),
    {
      key: 'schedule', label: s.KpiOnSchedule, value: `${share(k.onSchedule, k.active)} %`, detail: format(s.KpiOfActive, n(k.onSchedule), n(k.active)),
      icon: 'Calendar', href: link(active)
    },
    {
      key: 'budget', label: s.KpiOnBudget, value: `${share(k.onBudget, k.withBudget)} %`, detail: format(s.KpiOfWithBudget, n(k.onBudget), n(k.withBudget)),
      icon: 'Money', href: link(active)
    },
    {
      key: 'stale', label: s.KpiStale, value: n(k.stale), detail: format(s.KpiStaleDetail, props.staleDays), icon: 'Clock',
      colour: k.stale > 0 ? rag.Red : undefined, href: link(filter, 'stale')
    },
    {
      key: 'money', label: s.KpiTotalBudget, value: money(k.budget), detail: format(s.KpiActualForecast, money(k.actual), money(k.forecast)),
      icon: 'Financial', href: link(filter)
    }
  ];

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className={classes.heading}>{s.KpiTitle}</h2>
      <ReadAtNote asOf={asOf} locale={locale} common={c} />
      <ul className={classes.grid}>
        {tiles.map((t) => (
          <li key={t.key}>
            <a className={mergeStyles(classes.tile, { borderLeftColor: t.colour ?? theme.palette.themePrimary })} href={t.href} data-kpi={t.key}>
              <span className={classes.label}>
                <Icon iconName={t.icon} aria-hidden={true} styles={{ root: { color: t.colour ?? theme.palette.themePrimary } }} />
                {t.label}
              </span>
              <span className={classes.value}>{t.value}</span>
              {t.detail && <span className={classes.detail}>{t.detail}</span>}
              {/* The visible text is the link's name (WCAG 2.5.3); where it goes is said after it. */}
              <span className={srOnly}>{s.KpiOpenInRegister}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
