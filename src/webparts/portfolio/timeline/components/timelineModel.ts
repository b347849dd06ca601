// The roadmap's layout as plain functions: grouping, rows, the time scale, ticks and the
// visible window. No React, no SharePoint: unit-tested, and cheap enough for 10,000 projects.
import type { Project } from '../../../../model/portfolio';
import type { Rag } from '../../../../model/common';

export type TimelineGrouping = 'programme' | 'unit';
export type TimelineZoom = 'quarters' | 'halfYears' | 'years';
export const TIMELINE_ZOOMS: readonly TimelineZoom[] = ['quarters', 'halfYears', 'years'];

/** Pixels per day at each zoom level: about 180 px per quarter, half-year and year respectively. */
export const PX_PER_DAY: Record<TimelineZoom, number> = { quarters: 2, halfYears: 1, years: 0.5 };
export const ROW_HEIGHT = 28;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (calendar days: no time zone involved), or undefined. */
export function dayNumber(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.round(t / DAY_MS) : undefined;
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export interface TimelineBar {
  project: Project;
  start: number;
  end: number;
  /** The forecast end when it differs from the planned end (a late or early finish). */
  forecastEnd?: number;
  status: Rag | 'None';
}

export interface TimelineGroup {
  key: string;
  /** Empty for projects without a programme (or unit): the UI names that group. */
  label: string;
  bars: TimelineBar[];
}

export type TimelineRow =
  | { kind: 'group'; group: TimelineGroup; collapsed: boolean }
  | { kind: 'bar'; bar: TimelineBar; group: TimelineGroup };

export interface TimelineData {
  groups: TimelineGroup[];
  /** Projects left out because they have no start or end, or end before they start. */
  undated: Project[];
  /** First and last day any bar touches. */
  min?: number;
  max?: number;
}

/**
 * Projects grouped (by name; the group without a name last), each group by start date then
 * code. A project needs a start and an end on or after it to be drawn; the rest are counted.
 */
export function buildTimeline(projects: readonly Project[], grouping: TimelineGrouping): TimelineData {
  const byKey = new Map<string, TimelineGroup>();
  const undated: Project[] = [];
  let min: number | undefined;
  let max: number | undefined;
  for (const p of projects) {
    const start = dayNumber(p.startDate);
    const end = dayNumber(p.endDate);
    if (start === undefined || end === undefined || end < start) { undated.push(p); continue; }
    const f = dayNumber(p.forecastEnd);
    const forecastEnd = f !== undefined && f !== end && f >= start ? f : undefined;
    const label = (grouping === 'programme' ? p.programme : p.unit)?.trim() ?? '';
    let g = byKey.get(label);
    if (!g) { g = { key: label, label, bars: [] }; byKey.set(label, g); }
    g.bars.push({ project: p, start, end, forecastEnd, status: p.latestOverall ?? 'None' });
    const last = Math.max(end, forecastEnd ?? end);
    min = min === undefined ? start : Math.min(min, start);
    max = max === undefined ? last : Math.max(max, last);
  }
  const groups = [...byKey.values()].sort((a, b) => (a.label === '' ? 1 : b.label === '' ? -1 : a.label.localeCompare(b.label)));
  for (const g of groups) g.bars.sort((a, b) => a.start - b.start || a.project.code.localeCompare(b.project.code));
  return { groups, undated, min, max };
}

/** Header rows always; a group's bars only while it is expanded. */
export function timelineRows(groups: readonly TimelineGroup[], collapsed: ReadonlySet<string>): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const group of groups) {
    const isCollapsed = collapsed.has(group.key);
    rows.push({ kind: 'group', group, collapsed: isCollapsed });
    if (!isCollapsed) for (const bar of group.bars) rows.push({ kind: 'bar', bar, group });
  }
  return rows;
}

export interface TimeScale {
  /** First day drawn: the start of the quarter (or year) holding the earliest day. */
  from: number;
  /** Day after the last one drawn. */
  to: number;
  pxPerDay: number;
  width: number;
  x: (day: number) => number;
}

function periodStart(day: number, zoom: TimelineZoom): { y: number; m: number } {
  const d = new Date(day * DAY_MS);
  const months = zoom === 'quarters' ? 3 : zoom === 'halfYears' ? 6 : 12;
  return { y: d.getUTCFullYear(), m: Math.floor(d.getUTCMonth() / months) * months };
}

function monthsPerTick(zoom: TimelineZoom): number {
  return zoom === 'quarters' ? 3 : zoom === 'halfYears' ? 6 : 12;
}

/** The scale over [min, max] (and today, so the today line is always on the chart), snapped to whole periods. */
export function timeScale(min: number, max: number, today: number, zoom: TimelineZoom): TimeScale {
  const lo = Math.min(min, today);
  const hi = Math.max(max, today);
  const s = periodStart(lo, zoom);
  const e = periodStart(hi, zoom);
  const from = Math.round(Date.UTC(s.y, s.m, 1) / DAY_MS);
  const to = Math.round(Date.UTC(e.y, e.m + monthsPerTick(zoom), 1) / DAY_MS);
  const pxPerDay = PX_PER_DAY[zoom];
  return { from, to, pxPerDay, width: Math.ceil((to - from) * pxPerDay), x: (day: number) => (day - from) * pxPerDay };
}

export interface Tick {
  day: number;
  x: number;
  /** e.g. `2026 Q3`, `2026 H2`, `2026`. */
  label: string;
}

export function ticks(scale: TimeScale, zoom: TimelineZoom): Tick[] {
  const out: Tick[] = [];
  const step = monthsPerTick(zoom);
  const first = new Date(scale.from * DAY_MS);
  for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); ; m += step) {
    const day = Math.round(Date.UTC(y, m, 1) / DAY_MS);
    if (day >= scale.to) break;
    const d = new Date(day * DAY_MS);
    const year = d.getUTCFullYear();
    const label = zoom === 'quarters' ? `${year} Q${Math.floor(d.getUTCMonth() / 3) + 1}` : zoom === 'halfYears' ? `${year} H${d.getUTCMonth() < 6 ? 1 : 2}` : String(year);
    out.push({ day, x: scale.x(day), label });
  }
  return out;
}

/** Rows [first, last) to draw for a scroll position: the visible ones plus `overscan` on each side. */
export function visibleRange(scrollTop: number, viewportHeight: number, rowCount: number, rowHeight: number = ROW_HEIGHT, overscan: number = 10): { first: number; last: number } {
  const first = Math.max(0, Math.floor(Math.max(0, scrollTop) / rowHeight) - overscan);
  const last = Math.min(rowCount, Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

/** The row keyboard focus moves to: arrows step one row, Page keys a screenful, Home/End the ends; undefined = not a move key. */
export function nextRow(current: number, key: string, rowCount: number, pageRows: number): number | undefined {
  if (rowCount === 0) return undefined;
  const clamp = (i: number): number => Math.max(0, Math.min(rowCount - 1, i));
  switch (key) {
    case 'ArrowDown': case 'ArrowRight': return clamp(current + 1);
    case 'ArrowUp': case 'ArrowLeft': return clamp(current - 1);
    case 'PageDown': return clamp(current + Math.max(1, pageRows));
    case 'PageUp': return clamp(current - Math.max(1, pageRows));
    case 'Home': return 0;
    case 'End': return rowCount - 1;
    default: return undefined;
  }
}
