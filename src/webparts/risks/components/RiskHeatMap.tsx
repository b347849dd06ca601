import * as React from 'react';
import { Text, Stack, mergeStyleSets, useTheme, getId } from '@fluentui/react';
import type { Risk } from '../../../model/portfolio';
import { heatMap, SCALE, type Band, type CellFilter } from './riskModel';
import { format } from '../../../components/text';

/** The strings the heat map needs: the risks web part's and the portfolio heat map's strings both have them. */
export type HeatMapStrings = Pick<IRisksWebPartStrings,
  'HeatMapHeading' | 'HeatMapHint' | 'Probability' | 'Impact' | 'HeatCellOne' | 'HeatCellMany' | 'BandLow' | 'BandMedium' | 'BandHigh' | 'BandCritical'>;

export interface IRiskHeatMapProps {
  risks: readonly Risk[];
  selected?: CellFilter;
  onSelect: (cell: CellFilter) => void;
  strings: HeatMapStrings;
  /** False where a frame around the map already gives it a heading (the portfolio heat map's ChartFrame). */
  showHeading?: boolean;
}

export function bandLabel(s: HeatMapStrings, band: Band): string {
  return { low: s.BandLow, medium: s.BandMedium, high: s.BandHigh, critical: s.BandCritical }[band];
}

const CELL = 64;
const GAP = 4;
const LEFT = 44;
const BOTTOM = 40;

/**
 * 5×5 heat map of the open risks: probability up, impact across. Drawn as SVG (so a chart frame
 * can export it as PNG); each cell is a button (Tab reaches it, Enter/Space chooses it) named by
 * its count and band in words, coloured by band.
 */
export function RiskHeatMap(props: IRiskHeatMapProps): JSX.Element {
  const { strings: s, showHeading = true } = props;
  const theme = useTheme();
  const headingId = React.useRef(getId('risk-heatmap-heading')).current;
  const grid = React.useMemo(() => heatMap(props.risks), [props.risks]);
  const classes = React.useMemo(() => mergeStyleSets({
    svg: { display: 'block', maxWidth: '100%', height: 'auto' },
    axis: { fill: theme.semanticColors.bodySubtext, fontSize: 12 },
    cell: {
      cursor: 'pointer', outline: 'none',
      selectors: {
        ':focus rect, :hover rect': { stroke: theme.palette.neutralPrimary, strokeWidth: 3 }
      }
    },
    rect: { stroke: theme.palette.neutralTertiaryAlt, strokeWidth: 1 },
    selected: { stroke: theme.palette.themePrimary, strokeWidth: 4 },
    count: { fill: theme.semanticColors.bodyText, fontSize: 20, fontWeight: 600 },
    band: { fill: theme.semanticColors.bodyText, fontSize: 11 },
    empty: { opacity: 0.75 },
    low: { fill: theme.semanticColors.successBackground },
    medium: { fill: theme.semanticColors.warningBackground },
    high: { fill: theme.semanticColors.severeWarningBackground },
    critical: { fill: theme.semanticColors.errorBackground }
  }), [theme]);
  const width = LEFT + 5 * (CELL + GAP);
  const height = 5 * (CELL + GAP) + BOTTOM;
  const choose = (cell: CellFilter): ((e: React.KeyboardEvent<SVGGElement>) => void) => (e) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); props.onSelect(cell); }
  };
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      {showHeading && <Text variant="mediumPlus" as="h3" id={headingId}>{s.HeatMapHeading}</Text>}
      <Text variant="small">{s.HeatMapHint}</Text>
      <svg
        role="group" aria-labelledby={showHeading ? headingId : undefined} aria-label={showHeading ? undefined : s.HeatMapHeading}
        className={classes.svg} width={width} height={height} viewBox={`0 0 ${width} ${height}`}
      >
        <text className={classes.axis} transform={`translate(12 ${(5 * (CELL + GAP)) / 2}) rotate(-90)`} textAnchor="middle" aria-hidden={true}>{s.Probability} →</text>
        {grid.map((row, r) => (
          <React.Fragment key={row[0].probability}>
            <text className={classes.axis} x={LEFT - 10} y={r * (CELL + GAP) + CELL / 2 + 4} textAnchor="end" aria-hidden={true}>{row[0].probability}</text>
            {row.map((cell, c) => {
              const chosen = props.selected?.probability === cell.probability && props.selected?.impact === cell.impact;
              const label = format(cell.count === 1 ? s.HeatCellOne : s.HeatCellMany, cell.probability, cell.impact, cell.count, bandLabel(s, cell.band));
              const x = LEFT + c * (CELL + GAP);
              const y = r * (CELL + GAP);
              const target = { probability: cell.probability, impact: cell.impact };
              return (
                <g
                  // The name starts with the visible text, so speech users can say what they see (WCAG 2.5.3).
                  key={cell.impact} role="button" tabIndex={0} aria-pressed={chosen} aria-label={`${cell.count} ${bandLabel(s, cell.band)} – ${label}`} data-band={cell.band}
                  className={`${classes.cell} ${cell.count === 0 ? classes.empty : ''}`}
                  onClick={() => props.onSelect(target)} onKeyDown={choose(target)}
                >
                  <rect x={x} y={y} width={CELL} height={CELL} rx={2} className={`${classes.rect} ${classes[cell.band]} ${chosen ? classes.selected : ''}`} />
                  {/* One text, with a space: its visible text reads "4 High", as the name begins. */}
                  <text x={x + CELL / 2} y={y + CELL / 2 + 2} textAnchor="middle" className={classes.count}>
                    {cell.count}<tspan x={x + CELL / 2} y={y + CELL - 8} className={classes.band}>{` ${bandLabel(s, cell.band)}`}</tspan>
                  </text>
                </g>
              );
            })}
          </React.Fragment>
        ))}
        {SCALE.map((i) => (
          <text key={i} className={classes.axis} x={LEFT + (i - 1) * (CELL + GAP) + CELL / 2} y={5 * (CELL + GAP) + 14} textAnchor="middle" aria-hidden={true}>{i}</text>
        ))}
        <text className={classes.axis} x={LEFT + (5 * (CELL + GAP)) / 2} y={5 * (CELL + GAP) + 32} textAnchor="middle" aria-hidden={true}>{s.Impact} →</text>
      </svg>
    </Stack>
  );
}
