import * as React from 'react';
import { ActionButton, Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import type { PortfolioFilter } from '../../../../model/portfolio';
import type { IPortfolioService } from '../../../../services/PortfolioService';
import type { IPortfolioRiskService } from '../../../../services/PortfolioRiskService';
import { ErrorState, LoadingState, EmptyState } from '../../../../components/States';
import { format } from '../../../../components/text';
import { describeError } from '../../../../components/errors';
import { formatDate } from '../../../../components/format';
import { riskStatusLabel } from '../../../../components/labels';
import { ChartFrame } from '../../shared/ChartFrame';
import { filterPortfolio } from '../../../../model/portfolioFilter';
import { RiskHeatMap, bandLabel } from '../../../risks/components/RiskHeatMap';
import { toggleCell, type CellFilter } from '../../../risks/components/riskModel';
import { useLoad } from '../../planning/useLoad';
import { afterFirstScreen } from '../../../../common/firstScreen';
import { cellRisks, heatMapTable, portfolioRisks } from './portfolioRiskModel';
import { ScrollFrame } from '../../../../components/ScrollFrame';
import { ShowMoreRows, useCollapsedRows } from '../../../../components/ShowMoreRows';

export interface IPortfolioRiskHeatMapProps {
  portfolio: IPortfolioService;
  risks: IPortfolioRiskService;
  filter: PortfolioFilter;
  strings: IPortfolioPlanningWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
}

/** Rows of the risk list drawn at once; the chosen cell narrows it, Export CSV of the map has the counts. */
const LIST_LIMIT = 200;

/** The open risks of every project the page's filter keeps, on one 5×5 map; a cell lists its risks. */
export default function PortfolioRiskHeatMap(props: IPortfolioRiskHeatMapProps): JSX.Element {
  const { strings: s, common: c, locale } = props;
  const theme = useTheme();
  const { data, retry } = useLoad(() => Promise.all([props.portfolio.loadProjects(), props.risks.openRisks()]).then(afterFirstScreen), [props.portfolio, props.risks]);
  const [cell, setCell] = React.useState<CellFilter | undefined>();
  const classes = React.useMemo(() => mergeStyleSets({
    table: {
      borderCollapse: 'collapse', width: '100%', marginTop: 8,
      selectors: {
        'th, td': { borderBottom: `1px solid ${theme.palette.neutralLight}`, padding: '4px 8px', textAlign: 'left', ...theme.fonts.medium },
        th: { fontWeight: 600 },
        caption: { textAlign: 'left', fontWeight: 600, padding: '4px 0', ...theme.fonts.mediumPlus },
        'td.number': { textAlign: 'right' }
      }
    }
  }), [theme]);

  const shaped = React.useMemo(() => {
    if (data.state !== 'ready') return undefined;
    const [projects, risks] = data.value;
    const kept = filterPortfolio(projects, props.filter);
    const open = portfolioRisks(risks, kept);
    return { open, projectCount: new Set(open.map((r) => r.project.id)).size };
  }, [data, props.filter]);
  const rows = useCollapsedRows(Math.min(LIST_LIMIT, shaped?.open.length ?? 0));
  const tableId = React.useRef(`pmo-risks-${Math.random().toString(36).slice(2, 10)}`).current;

  if (data.state === 'loading') return <LoadingState label={c.Loading} />;
  if (data.state === 'error' || !shaped) {
    return <ErrorState heading={s.HeatMapTitle} title={c.ErrorTitle} message={format(s.ErrorLoading, describeError(data.state === 'error' ? data.error : undefined, c))} retryLabel={c.Retry} onRetry={retry} />;
  }
  const band = (b: 'low' | 'medium' | 'high' | 'critical'): string => bandLabel(s, b);
  const listed = cellRisks(shaped.open, cell);
  // A chosen cell lists all its risks; the whole portfolio's list starts collapsed.
  const shown = listed.slice(0, Math.min(LIST_LIMIT, cell ? listed.length : rows.visible));
  return (
    <ChartFrame
      title={s.HeatMapTitle}
      summary={format(s.HeatMapSummary, shaped.open.length, shaped.projectCount)}
      table={heatMapTable(shaped.open, s, band)}
      fileBaseName="risk-heat-map"
      locale={locale}
      common={c}
      interactive={true}
    >
      <RiskHeatMap risks={shaped.open} selected={cell} onSelect={(x) => setCell(toggleCell(cell, x))} strings={s} showHeading={false} />
      <Stack tokens={{ childrenGap: 4 }}>
        {cell && <Stack horizontal><ActionButton iconProps={{ iconName: 'ClearFilter' }} onClick={() => setCell(undefined)}>{s.ShowAllRisks}</ActionButton></Stack>}
        {shaped.open.length === 0 ? <EmptyState message={s.NoProjects} /> : listed.length === 0 ? <Text>{s.NoRisksInCell}</Text> : (
          <ScrollFrame label={cell ? format(s.CellRisksHeading, cell.probability, cell.impact) : s.AllRisksHeading}>
            <table id={tableId} className={classes.table} aria-live="polite">
              <caption>{cell ? format(s.CellRisksHeading, cell.probability, cell.impact) : s.AllRisksHeading}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.ColumnProject}</th><th scope="col">{s.ColumnRisk}</th><th scope="col">{s.ColumnOwner}</th>
                  <th scope="col">{s.ColumnScore}</th><th scope="col">{s.ColumnDue}</th><th scope="col">{s.ColumnRiskStatus}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.id}>
                    <td>{r.project.title}</td>
                    <th scope="row">{r.title}</th>
                    <td>{r.owner?.title ?? ''}</td>
                    <td className="number">{r.score}</td>
                    <td>{formatDate(r.due, locale)}</td>
                    <td>{riskStatusLabel(c, r.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
        )}
        {!cell && <ShowMoreRows total={Math.min(LIST_LIMIT, listed.length)} expanded={rows.expanded} onToggle={rows.toggle} controls={tableId} common={c} />}
        {(cell || rows.expanded) && listed.length > shown.length && <Text variant="small">{format(s.TableTruncated, shown.length, listed.length)}</Text>}
      </Stack>
    </ChartFrame>
  );
}
