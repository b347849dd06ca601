import { PROJECT_PHASES, RAG_VALUES } from '../../../schema';
import type { Project, ProjectPhase } from '../../../model/portfolio';
import type { Rag } from '../../../model/common';
import type { DrillDown } from '../../portfolio/shared/drillDown';
import { isStale } from '../../../model/projectPhases';

export { isStale };

/** What the user narrowed the register to; every part is optional (empty = all). */
export interface RegisterFilter {
  search: string;
  phases: ProjectPhase[];
  units: string[];
  programmes: string[];
  /** 'None' = no published report yet */
  statuses: Array<Rag | 'None'>;
  leaderIds: number[];
  mine: boolean;
  /** Only reporting projects whose report is overdue (a drill-down from the portfolio's stale tile). */
  staleOnly: boolean;
}

export const EMPTY_FILTER: RegisterFilter = { search: '', phases: [], units: [], programmes: [], statuses: [], leaderIds: [], mine: false, staleOnly: false };

/**
 * The register's filter for a drill-down from the portfolio: what the register can show is
 * applied; methods, strategic objectives and the period have no register filter, so they are
 * left out and the register says so (`ignored`).
 */
export function registerFilterOf(d: DrillDown): { filter: RegisterFilter; ignored: boolean } {
  const f = d.filter;
  return {
    filter: {
      ...EMPTY_FILTER,
      search: f.text ?? '',
      phases: f.phases ? [...f.phases] : [],
      units: f.units ? [...f.units] : [],
      programmes: f.programmes ? [...f.programmes] : [],
      statuses: f.overall ? [...f.overall] : [],
      leaderIds: f.leaderIds ? [...f.leaderIds] : [],
      staleOnly: d.focus === 'stale'
    },
    ignored: !!(f.methods?.length || f.strategicObjectiveIds?.length || f.period)
  };
}

export type SortKey = 'code' | 'title' | 'phase' | 'unit' | 'programme' | 'leader' | 'latestOverall' | 'endDate' | 'latestReportDate';
export type GroupKey = 'none' | 'phase' | 'unit' | 'programme' | 'latestOverall' | 'leader';

export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Lower-cased and stripped of accents, so "kopenhamn" finds "Köpenhamn" and "sorensen" "Sørensen". */
export function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ø/g, 'o').replace(/æ/g, 'ae');
}

export function filterProjects(projects: readonly Project[], f: RegisterFilter, meId?: number, stale?: (p: Project) => boolean): Project[] {
  const words = fold(f.search).split(/\s+/).filter(Boolean);
  return projects.filter((p) => {
    if (f.phases.length && f.phases.indexOf(p.phase) < 0) return false;
    if (f.units.length && f.units.indexOf(p.unit ?? '') < 0) return false;
    if (f.programmes.length && f.programmes.indexOf(p.programme ?? '') < 0) return false;
    if (f.statuses.length && f.statuses.indexOf(p.latestOverall ?? 'None') < 0) return false;
    if (f.leaderIds.length && (!p.leader || f.leaderIds.indexOf(p.leader.id) < 0)) return false;
    if (f.staleOnly && !(stale && stale(p))) return false;
    if (f.mine && (meId === undefined || (p.leader?.id !== meId && p.sponsor?.id !== meId))) return false;
    if (words.length) {
      const hay = fold([p.code, p.title, p.unit, p.programme, p.leader?.title, p.description].filter(Boolean).join(' '));
      if (!words.every((w) => hay.indexOf(w) >= 0)) return false;
    }
    return true;
  });
}

const collator = (locale: string): Intl.Collator => new Intl.Collator(locale, { sensitivity: 'base', numeric: true });

function sortValue(p: Project, key: SortKey): string | number | undefined {
  switch (key) {
    case 'phase': return PROJECT_PHASES.indexOf(p.phase);
    // Red first when descending: the PMO looks for trouble.
    case 'latestOverall': return p.latestOverall ? RAG_VALUES.indexOf(p.latestOverall) : -1;
    case 'leader': return p.leader?.title;
    default: return p[key] as string | undefined;
  }
}

export function sortProjects(projects: readonly Project[], sort: Sort, locale: string): Project[] {
  const c = collator(locale);
  const dir = sort.descending ? -1 : 1;
  return [...projects].sort((a, b) => {
    const av = sortValue(a, sort.key);
    const bv = sortValue(b, sort.key);
    let r: number;
    if (av === undefined || av === '') r = bv === undefined || bv === '' ? 0 : 1;       // empty values last either way
    else if (bv === undefined || bv === '') r = -1;
    else r = dir * (typeof av === 'number' && typeof bv === 'number' ? av - bv : c.compare(String(av), String(bv)));
    return r !== 0 ? r : c.compare(a.code, b.code);
  });
}

export interface ProjectGroup {
  key: string;
  /** The raw value; the component turns it into a label. */
  value: string;
  startIndex: number;
  count: number;
}

function groupValue(p: Project, key: GroupKey): string {
  switch (key) {
    case 'phase': return p.phase;
    case 'unit': return p.unit ?? '';
    case 'programme': return p.programme ?? '';
    case 'latestOverall': return p.latestOverall ?? 'None';
    case 'leader': return p.leader?.title ?? '';
    default: return '';
  }
}

/** Orders by group (in a meaningful order) keeping the sort inside groups, and returns the groups. */
export function groupProjects(sorted: readonly Project[], key: GroupKey, locale: string): { items: Project[]; groups: ProjectGroup[] } {
  if (key === 'none') return { items: [...sorted], groups: [] };
  const order = (v: string): number | string => {
    if (key === 'phase') return PROJECT_PHASES.indexOf(v as ProjectPhase);
    if (key === 'latestOverall') return v === 'None' ? 99 : -RAG_VALUES.indexOf(v as Rag);
    return v;
  };
  const buckets = new Map<string, Project[]>();
  for (const p of sorted) {
    const v = groupValue(p, key);
    const b = buckets.get(v);
    if (b) b.push(p);
    else buckets.set(v, [p]);
  }
  const c = collator(locale);
  const values = [...buckets.keys()].sort((a, b) => {
    const oa = order(a);
    const ob = order(b);
    if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
    return typeof oa === 'number' && typeof ob === 'number' ? oa - ob : c.compare(String(oa), String(ob));
  });
  const items: Project[] = [];
  const groups: ProjectGroup[] = [];
  for (const v of values) {
    const b = buckets.get(v) as Project[];
    groups.push({ key: `${key}:${v}`, value: v, startIndex: items.length, count: b.length });
    items.push(...b);
  }
  return { items, groups };
}

export interface Facets {
  units: string[];
  programmes: string[];
  leaders: Array<{ id: number; title: string }>;
}

export function facetsOf(projects: readonly Project[], locale: string): Facets {
  const c = collator(locale);
  const units = new Set<string>();
  const programmes = new Set<string>();
  const leaders = new Map<number, string>();
  for (const p of projects) {
    if (p.unit) units.add(p.unit);
    if (p.programme) programmes.add(p.programme);
    if (p.leader) leaders.set(p.leader.id, p.leader.title);
  }
  return {
    units: [...units].sort(c.compare),
    programmes: [...programmes].sort(c.compare),
    leaders: [...leaders.entries()].map(([id, title]) => ({ id, title })).sort((a, b) => c.compare(a.title, b.title))
  };
}
