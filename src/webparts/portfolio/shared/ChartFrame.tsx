import * as React from 'react';
import { ActionButton, MessageBar, MessageBarType, Stack, mergeStyleSets, useTheme } from '@fluentui/react';
import { exportFileName, type ExportCell, type ExportTable } from '../../../components/exportModel';
import { download, exportTableAs } from '../../../components/exportFiles';
import { formatDate, numberFormat } from '../../../components/format';
import { srOnly } from '../../../components/srOnly';
import { format } from '../../../components/text';
import { describeError } from '../../../components/errors';
import { svgToPng } from '../../../components/chartImage';
import { scrollFrameClass } from '../../../components/ScrollFrame';

export interface IChartFrameProps {
  /** The chart's heading; also the data table's caption. */
  title: string;
  /** One sentence saying what the chart shows, read before the chart (e.g. "30 projects by unit"). */
  summary?: string;
  /** The chart's data: the screen-reader alternative, the visible table on demand, and the CSV export. */
  table: ExportTable;
  /** File name stem of exports, e.g. `status-by-unit` (the date and extension are added). */
  fileBaseName: string;
  locale: string;
  common: IPmoHubCommonStrings;
  /** Controls of the chart itself (grouping, zoom…), shown beside the export commands. */
  actions?: React.ReactNode;
  /** Heading level in the page's outline; web parts sit under the page title (h1). */
  headingLevel?: 2 | 3;
  /** The chart: must render one <svg> (the PNG export draws it). */
  children: React.ReactNode;
  /**
   * The chart has its own keyboard and screen-reader interaction (focusable bars or cells with
   * names): then it is not hidden from assistive technology (focusable content under aria-hidden
   * is unreachable for screen readers and fails axe).
   */
  interactive?: boolean;
  /** At most `rows` table rows on the page, then `note` (e.g. "first 500 of 10,000; Export CSV has all"); all rows when unset. */
  tableRowLimit?: { rows: number; note: string };
}

function cellText(cell: ExportCell, locale: string): string {
  switch (cell.kind) {
    case 'number': return numberFormat(locale, { maximumFractionDigits: 2 }).format(cell.value);
    case 'date': return formatDate(cell.value, locale);
    case 'text': return cell.value;
    default: return '';
  }
}

/**
 * Every portfolio chart in the same frame: a heading, the chart, its data as a real table (always
 * there for screen readers, shown on request for everyone), CSV and PNG export, and nothing but the
 * chart and its heading on paper.
 */
export function ChartFrame(props: IChartFrameProps): JSX.Element {
  const { title, summary, table, fileBaseName, locale, common: c, actions, headingLevel = 2, children, interactive, tableRowLimit } = props;
  const shownRows = tableRowLimit && table.rows.length > tableRowLimit.rows ? table.rows.slice(0, tableRowLimit.rows) : table.rows;
  const theme = useTheme();
  const id = React.useRef(`chart-${Math.random().toString(36).slice(2, 10)}`).current;
  const chartRef = React.useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>();

  const classes = React.useMemo(() => mergeStyleSets({
    frame: { breakInside: 'avoid', pageBreakInside: 'avoid', marginBottom: 16 },
    heading: { ...theme.fonts.xLarge, fontWeight: 600, margin: '0 0 4px' },
    summary: { ...theme.fonts.medium, color: theme.semanticColors.bodySubtext, margin: '0 0 8px' },
    commands: { selectors: { '@media print': { display: 'none' } } },
    table: {
      borderCollapse: 'collapse', marginTop: 8, width: '100%',
      selectors: {
        'th, td': { border: `1px solid ${theme.palette.neutralLight}`, padding: '4px 8px', textAlign: 'left', ...theme.fonts.medium },
        th: { background: theme.palette.neutralLighterAlt, fontWeight: 600 },
        'td.number': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
        caption: { textAlign: 'left', fontWeight: 600, padding: '4px 0' }
      }
    }
  }), [theme]);

  const exportCsv = (): void => {
    setError(undefined);
    exportTableAs('csv', table, locale, exportFileName(fileBaseName, new Date(), 'csv'), title)
      .catch((e: unknown) => setError(format(c.ChartExportFailed, describeError(e, c))));
  };

  const exportPng = (): void => {
    setError(undefined);
    const svg = chartRef.current?.querySelector('svg');
    if (!svg) {
      setError(format(c.ChartExportFailed, c.ChartNothingToDraw));
      return;
    }
    svgToPng(svg)
      .then((png) => download(png, exportFileName(fileBaseName, new Date(), 'png'), 'image/png'))
      .catch((e: unknown) => setError(format(c.ChartExportFailed, describeError(e, c))));
  };

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={classes.frame} aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className={classes.heading}>{title}</Heading>
      {summary && <p id={`${id}-summary`} className={classes.summary}>{summary}</p>}
      <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 4 }} className={classes.commands}>
        {actions}
        <ActionButton
          iconProps={{ iconName: 'Table' }} aria-expanded={showTable} aria-controls={`${id}-table`}
          onClick={() => setShowTable(!showTable)}
        >
          {showTable ? c.ChartHideTable : c.ChartShowTable}
        </ActionButton>
        <ActionButton iconProps={{ iconName: 'ExcelDocument' }} onClick={exportCsv}>{c.ChartExportCsv}</ActionButton>
        <ActionButton iconProps={{ iconName: 'Photo2' }} onClick={exportPng}>{c.ChartExportPng}</ActionButton>
      </Stack>
      {error && <MessageBar messageBarType={MessageBarType.error} onDismiss={() => setError(undefined)} dismissButtonAriaLabel={c.Close}>{error}</MessageBar>}
      {/* The drawing is decoration for screen readers: the table below carries the same data. */}
      <div ref={chartRef} aria-hidden={interactive ? undefined : true}>{children}</div>
      {/* Hidden by a wrapper: a table box ignores the 1px clip of the visually-hidden style and would overlap the page. */}
      <div className={showTable ? scrollFrameClass : srOnly} tabIndex={showTable ? 0 : undefined}>
      <table id={`${id}-table`} className={classes.table}>
        <caption>{title}</caption>
        <thead>
          <tr>{table.headers.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {shownRows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (i === 0
                ? <th key={i} scope="row">{cellText(cell, locale)}</th>
                : <td key={i} className={cell.kind === 'number' ? 'number' : undefined}>{cellText(cell, locale)}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {shownRows.length < table.rows.length && <p className={showTable ? undefined : srOnly}>{tableRowLimit?.note}</p>}
    </section>
  );
}
