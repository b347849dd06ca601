import * as React from 'react';
import { srOnly } from '../../../components/srOnly';
import { Text, Stack, mergeStyleSets, useTheme, getFocusStyle } from '@fluentui/react';
import type { Risk } from '../../../model/portfolio';
import { heatMap, SCALE, type Band, type CellFilter } from './riskModel';
import { format } from '../../../components/text';

export interface IRiskHeatMapProps {
  risks: readonly Risk[];
  selected?: CellFilter;
  onSelect: (cell: CellFilter) => void;
  strings: IRisksWebPartStrings;
}

export function bandLabel(s: IRisksWebPartStrings, band: Band): string {
  return { low: s.BandLow, medium: s.BandMedium, high: s.BandHigh, critical: s.BandCritical }[band];
}

/**
 * 5×5 heat map of the open risks: probability up, impact across. Each cell is a button (Tab
 * reaches it, Enter/Space filters the list) showing its count and band as text, coloured by band.
 */
export function RiskHeatMap(props: IRiskHeatMapProps): JSX.Element {
  const { strings: s } = props;
  const theme = useTheme();
  const grid = React.useMemo(() => heatMap(props.risks), [props.risks]);
  const bg: Record<Band, string> = {
    low: theme.semanticColors.successBackground,
    medium: theme.semanticColors.warningBackground,
    high: theme.semanticColors.severeWarningBackground,
    critical: theme.semanticColors.errorBackground
  };
  const classes = mergeStyleSets({
    grid: { display: 'grid', gridTemplateColumns: 'auto repeat(5, minmax(48px, 72px))', gap: 4, alignItems: 'stretch' },
    axis: { display: 'flex', alignItems: 'center', justifyContent: 'center', color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize },
    cell: [getFocusStyle(theme, { inset: 1 }), {
      minHeight: 48, border: `1px solid ${theme.palette.neutralTertiaryAlt}`, borderRadius: 2, cursor: 'pointer',
      display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', padding: 2,
      color: theme.semanticColors.bodyText, font: 'inherit',
      selectors: { ':hover': { outline: `2px solid ${theme.palette.neutralSecondary}` } }
    }],
    selectedCell: { outline: `3px solid ${theme.palette.themePrimary}`, fontWeight: 600 },
    empty: { opacity: 0.75 },
    // A string: mergeStyles turns a bare number into px.
    count: { fontSize: theme.fonts.large.fontSize, fontWeight: 600, lineHeight: '1.2' },
    band: { fontSize: theme.fonts.xSmall.fontSize },
    // Classes, not style attributes: the hub's Content-Security-Policy (like a strict tenant's) blocks inline styles.
    frame: { display: 'flex', gap: 4 },
    yAxis: { writingMode: 'vertical-rl', transform: 'rotate(180deg)' },
    xAxis: { gridColumn: '2 / span 5' },
    low: { background: bg.low },
    medium: { background: bg.medium },
    high: { background: bg.high },
    critical: { background: bg.critical }
  });
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <Text variant="mediumPlus" as="h3" id="risk-heatmap-heading">{s.HeatMapHeading}</Text>
      <Text variant="small">{s.HeatMapHint}</Text>
      <div role="group" aria-labelledby="risk-heatmap-heading" className={classes.frame}>
        <div className={`${classes.axis} ${classes.yAxis}`} aria-hidden={true}>{s.Probability} →</div>
        <div className={classes.grid}>
          {grid.map((row) => (
            <React.Fragment key={row[0].probability}>
              <div className={classes.axis} aria-hidden={true}>{row[0].probability}</div>
              {row.map((cell) => {
                const chosen = props.selected?.probability === cell.probability && props.selected?.impact === cell.impact;
                const label = format(cell.count === 1 ? s.HeatCellOne : s.HeatCellMany, cell.probability, cell.impact, cell.count, bandLabel(s, cell.band));
                return (
                  <button
                    key={cell.impact}
                    type="button"
                    className={`${classes.cell} ${classes[cell.band]} ${chosen ? classes.selectedCell : ''} ${cell.count === 0 ? classes.empty : ''}`}
                    aria-pressed={chosen}
                    title={label}
                    data-band={cell.band}
                    onClick={() => props.onSelect({ probability: cell.probability, impact: cell.impact })}
                  >
                    {/* The name is the visible text plus hidden context, so speech users can say what they see (WCAG 2.5.3). */}
                    <span className={classes.count}>{cell.count}</span>{' '}
                    <span className={classes.band}>{bandLabel(s, cell.band)}</span>
                    <span className={srOnly}>{` – ${label}`}</span>
                  </button>
                );
              })}
            </React.Fragment>
          ))}
          <div aria-hidden={true} />
          {SCALE.map((i) => <div key={i} className={classes.axis} aria-hidden={true}>{i}</div>)}
          <div aria-hidden={true} />
          <div className={`${classes.axis} ${classes.xAxis}`} aria-hidden={true}>{s.Impact} →</div>
        </div>
      </div>
    </Stack>
  );
}
