import * as React from 'react';
import { BarChart, LineChart, Svg, type BarChartOptions, type Label, type LineChartOptions } from 'chartist';
import { mergeStyles, useTheme, type Theme } from '@fluentui/react';
import type { Rag } from '../../../model/common';
import { ragColours } from '../../../components/ragColours';

/**
 * chartist writes a few `style` attributes (the SVG's size, its labels' overflow). A strict
 * Content-Security-Policy (style-src without 'unsafe-inline', as the local hub sends) blocks style
 * attributes but not the CSSOM, so those go through `element.style` instead; everything else is
 * chartist's own code. Patched once per bundle, idempotently.
 */
type SvgAttr = (this: Svg, attributes: Record<string, unknown> | string, ns?: string) => unknown;
const svgProto = Svg.prototype as unknown as { attr: SvgAttr; __pmoCspSafe?: boolean; getNode(): Element };
if (!svgProto.__pmoCspSafe) {
  const attr = svgProto.attr;
  svgProto.attr = function (this: Svg, attributes: Record<string, unknown> | string, ns?: string): unknown {
    if (attributes && typeof attributes === 'object' && typeof attributes.style === 'string') {
      const { style, ...rest } = attributes;
      ((this as unknown as { getNode(): ElementCSSInlineStyle }).getNode()).style.cssText = style as string;
      return attr.call(this, rest, ns);
    }
    return attr.call(this, attributes, ns);
  };
  svgProto.__pmoCspSafe = true;
}

export interface ChartSeries {
  name: string;
  /** Picks the series' colour and line style (see chartClass). */
  className: ChartSeriesClass;
  data: number[];
}

export type ChartSeriesClass = 'ct-series-green' | 'ct-series-amber' | 'ct-series-red' | 'ct-series-none'
  | 'ct-series-budget' | 'ct-series-actual' | 'ct-series-forecast';

export interface IChartProps {
  kind: 'bar' | 'line';
  labels: string[];
  series: ChartSeries[];
  options: BarChartOptions | LineChartOptions;
  /** Adds classes to drawn elements, e.g. to mark overruns: gets the series and point index. */
  classify?: (seriesIndex: number, index: number) => string | undefined;
  /** Called each time chartist has drawn the chart (it draws in a timer of its own, after React's commit). */
  onDrawn?: () => void;
}

/**
 * RAG colours are PMO Hub's one palette (a red chart must look red on every site theme). Lines
 * also differ in dash and bars in order and legend text, so colour is never the only cue.
 */
export { ragColours };

export function seriesClassOf(rag: Rag | 'None'): ChartSeriesClass {
  return ({ Green: 'ct-series-green', Amber: 'ct-series-amber', Red: 'ct-series-red', None: 'ct-series-none' } as const)[rag];
}

/** chartist's look without its CSS file: the hub's esbuild and the SPFx build load CSS differently. */
function chartClass(theme: Theme): string {
  const rag = ragColours(theme);
  const series = (name: string, colour: string, dash?: string): Record<string, object> => ({
    [`.${name} .ct-bar, .${name} .ct-line, .${name} .ct-point`]: { stroke: colour },
    ...(dash ? { [`.${name} .ct-line`]: { strokeDasharray: dash } } : {})
  });
  return mergeStyles({
    position: 'relative',
    selectors: {
      svg: { display: 'block', overflow: 'visible' },
      '.ct-label': {
        fill: theme.semanticColors.bodySubtext, color: theme.semanticColors.bodySubtext, fontSize: 12, lineHeight: 1.2,
        fontFamily: theme.fonts.medium.fontFamily, display: 'flex', whiteSpace: 'nowrap'
      },
      '.ct-label.ct-horizontal.ct-end': { alignItems: 'flex-start', justifyContent: 'flex-start', textAlign: 'left' },
      // A value label's box ends at its gridline: chartist's own alignment (flex-end) puts the
      // text on the line; centred in the box it sat half a step higher (1 read as 0).
      '.ct-label.ct-vertical.ct-start': { alignItems: 'flex-end', justifyContent: 'flex-end', textAlign: 'right', paddingRight: 4, boxSizing: 'border-box' },
      // Category labels of horizontal bars span their bar's band: centred there.
      '.ct-horizontal-bars .ct-label.ct-vertical.ct-start': { alignItems: 'center' },
      '.ct-grid': { stroke: theme.palette.neutralQuaternaryAlt, strokeWidth: 1, strokeDasharray: '2px' },
      '.ct-line': { fill: 'none', strokeWidth: 3 },
      '.ct-point': { strokeWidth: 9, strokeLinecap: 'round' },
      '.ct-bar': { fill: 'none', strokeWidth: 14 },
      '.ct-overrun.ct-bar': { stroke: `${rag.Red} !important` },
      ...series('ct-series-green', rag.Green),
      ...series('ct-series-amber', rag.Amber, '8 4'),
      ...series('ct-series-red', rag.Red, '2 3'),
      ...series('ct-series-none', rag.None),
      ...series('ct-series-budget', theme.palette.themeDarker),
      ...series('ct-series-actual', theme.palette.themeTertiary),
      ...series('ct-series-forecast', theme.palette.neutralSecondary)
    }
  });
}

/** The narrowest space a month label ("Sep 26") needs on the x axis, in CSS pixels. */
const MIN_X_LABEL_PX = 52;

/**
 * A line chart names every nth point on its x axis when its frame is too narrow for all labels
 * (12 months at 390 px, Teams mobile, ran into one another), unless the caller chose its own.
 */
function lineOptionsFor(options: LineChartOptions, count: number, width: number): LineChartOptions {
  const every = width > 0 ? Math.max(1, Math.ceil((count * MIN_X_LABEL_PX) / width)) : 1;
  if (every === 1 || options.axisX?.labelInterpolationFnc) return options;
  return { ...options, axisX: { ...options.axisX, labelInterpolationFnc: (value: Label, index: number) => (index % every === 0 ? value : null) } };
}

/** One chartist chart; redrawn when its data or options change, detached on unmount. */
export function Chart(props: IChartProps): JSX.Element {
  const { kind, labels, series, options, classify, onDrawn } = props;
  const theme = useTheme();
  const ref = React.useRef<HTMLDivElement>(null);
  const className = React.useMemo(() => chartClass(theme), [theme]);
  React.useEffect(() => {
    const host = ref.current;
    if (!host) return undefined;
    const data = { labels, series };
    const chart = kind === 'bar' ? new BarChart(host, data, options as BarChartOptions) : new LineChart(host, data, lineOptionsFor(options as LineChartOptions, labels.length, host.clientWidth));
    if (classify) {
      chart.on('draw', (e: { type: string; seriesIndex?: number; index?: number; element?: { addClass(c: string): unknown } }) => {
        if (e.type !== 'bar' || e.seriesIndex === undefined || e.index === undefined) return;
        const extra = classify(e.seriesIndex, e.index);
        if (extra) e.element?.addClass(extra);
      });
    }
    if (onDrawn) chart.on('created', onDrawn);
    return () => { chart.detach(); host.innerHTML = ''; };
  }, [kind, labels, series, options, classify, onDrawn]);
  return <div ref={ref} className={className} />;
}

export interface LegendItem {
  label: string;
  colour: string;
  /** A dashed swatch for dashed lines, so the legend matches the chart without colour. */
  dash?: string;
}

/** The chart's key, as text beside a swatch. */
export function Legend(props: { items: LegendItem[] }): JSX.Element {
  const theme = useTheme();
  const list = mergeStyles({ display: 'flex', flexWrap: 'wrap', gap: 16, listStyle: 'none', margin: '4px 0 0', padding: 0, ...theme.fonts.small });
  const item = mergeStyles({ display: 'inline-flex', alignItems: 'center', gap: 6 });
  return (
    <ul className={list}>
      {props.items.map((i) => (
        <li key={i.label} className={item}>
          <svg width="24" height="10" aria-hidden={true} focusable={false}>
            <line x1="0" y1="5" x2="24" y2="5" stroke={i.colour} strokeWidth="6" strokeDasharray={i.dash} />
          </svg>
          {i.label}
        </li>
      ))}
    </ul>
  );
}
