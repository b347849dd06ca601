import * as React from 'react';
import { Stack, Text, useTheme, mergeStyleSets } from '@fluentui/react';
import type { StatusReport } from '../../../model/portfolio';
import type { Rag } from '../../../model/common';
import { formatDate } from '../../../components/format';
import { srOnly } from '../../../components/srOnly';
import { ragColours, ragTextOn } from '../../../components/ragColours';
import { trendOf, DIMENSIONS, type Dimension } from './reportModel';
import { format } from '../../../components/text';

/** A glyph per status, so the timeline reads without colour vision and in greyscale print. */
export const RAG_GLYPHS: Record<Rag, string> = { Green: '✓', Amber: '!', Red: '✕' };

export interface IStatusTrendProps {
  history: readonly StatusReport[];
  dimensionLabels: Record<Dimension, string>;
  ragLabels: Record<Rag, string>;
  strings: { TrendHeading: string; TrendCaption: string; TrendLegend: string; ReportDate: string; TrendPoint: string };
  locale: string;
  /** How many published reports the timeline shows. */
  max?: number;
}

const LABEL_W = 96;
const STEP = 34;
const ROW_H = 30;
const R = 10;

/**
 * One row per dimension, one dot per published report (oldest left): colour by status AND a
 * glyph in the dot. The picture is hidden from screen readers, which get the same data as a table.
 */
export function StatusTrend(props: IStatusTrendProps): JSX.Element {
  const theme = useTheme();
  const { rows, reports } = React.useMemo(() => trendOf(props.history, props.max), [props.history, props.max]);
  if (reports.length === 0) return <></>;
  const fill = ragColours(theme);
  const glyph = ragTextOn(theme);
  const width = LABEL_W + reports.length * STEP + 8;
  const height = rows.length * ROW_H + 22;
  const classes = mergeStyleSets({
    svg: { display: 'block', maxWidth: width, width: '100%', height: 'auto', overflow: 'visible' },
    legend: { color: theme.semanticColors.bodySubtext },
    table: { borderCollapse: 'collapse' }
  });
  const x = (i: number): number => LABEL_W + i * STEP + STEP / 2;
  const first = reports[0];
  const last = reports[reports.length - 1];
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <Text variant="mediumPlus" as="h3">{props.strings.TrendHeading}</Text>
      <svg className={classes.svg} viewBox={`0 0 ${width} ${height}`} aria-hidden={true} focusable="false" data-testid="status-trend">
        {rows.map((row, ri) => {
          const y = ri * ROW_H + ROW_H / 2;
          return (
            <g key={row.dimension}>
              <text x={0} y={y + 4} fontSize={12} fill={theme.semanticColors.bodyText}>{props.dimensionLabels[row.dimension]}</text>
              {row.points.length > 1 && (
                <line x1={x(0)} x2={x(row.points.length - 1)} y1={y} y2={y} stroke={theme.palette.neutralTertiaryAlt} strokeWidth={2} />
              )}
              {row.points.map((p, i) => (
                <g key={p.reportId} data-status={p.status}>
                  <title>{format(props.strings.TrendPoint, props.dimensionLabels[row.dimension], formatDate(p.reportDate, props.locale), props.ragLabels[p.status])}</title>
                  <circle cx={x(i)} cy={y} r={R} fill={fill[p.status]} stroke={theme.semanticColors.bodyBackground} strokeWidth={1} />
                  <text x={x(i)} y={y + 4} fontSize={12} fontWeight={700} textAnchor="middle" fill={glyph[p.status]}>{RAG_GLYPHS[p.status]}</text>
                </g>
              ))}
            </g>
          );
        })}
        <text x={x(0)} y={height - 4} fontSize={11} textAnchor="start" fill={theme.semanticColors.bodySubtext}>{formatDate(first.reportDate, props.locale)}</text>
        {reports.length > 1 && (
          <text x={x(reports.length - 1) + R} y={height - 4} fontSize={11} textAnchor="end" fill={theme.semanticColors.bodySubtext}>{formatDate(last.reportDate, props.locale)}</text>
        )}
      </svg>
      <Text variant="small" className={classes.legend} aria-hidden={true}>
        {(['Green', 'Amber', 'Red'] as Rag[]).map((r) => `${RAG_GLYPHS[r]} ${props.ragLabels[r]}`).join('   ')} · {props.strings.TrendLegend}
      </Text>
      {/* A table sizes itself to its content, so the hiding class goes on a wrapper to be clipped. */}
      <div className={srOnly}>
      <table className={classes.table}>
        <caption>{format(props.strings.TrendCaption, reports.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{props.strings.ReportDate}</th>
            {DIMENSIONS.map((d) => <th key={d} scope="col">{props.dimensionLabels[d]}</th>)}
          </tr>
        </thead>
        <tbody>
          {[...reports].reverse().map((r) => (
            <tr key={r.id}>
              <th scope="row">{formatDate(r.reportDate, props.locale)}</th>
              {DIMENSIONS.map((d) => <td key={d}>{props.ragLabels[r[d]]}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </Stack>
  );
}
