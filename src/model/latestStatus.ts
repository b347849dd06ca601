import type { Rag } from './common';
import type { Project } from './portfolio';

/*
 * A project's latest status is what its latest published report says. The project item's
 * latest-status columns are only a cache (see withLatestReports); this module is small on purpose,
 * since every page that shows a status loads it.
 */

/** The part of a status report the trend needs. */
export interface ReportPoint {
  projectId: number;
  /** `YYYY-MM-DD` */
  reportDate: string;
  overall: Rag;
}

/**
 * A project's latest published report (highest report date; of equal dates, the highest ID), with
 * every judgement the project's latest-status columns cache.
 */
export interface LatestReport extends ReportPoint {
  id: number;
  schedule?: Rag;
  cost?: Rag;
  scope?: Rag;
  risk?: Rag;
  percentComplete?: number;
}

/** What one read of the report history gives: every published report's point and every project's latest report, however old. */
export interface ReportHistory {
  points: ReportPoint[];
  latest: Map<number, LatestReport>;
}

/** Keeps `r` as the project's latest when it is later than what `latest` holds. */
export function keepLatest(latest: Map<number, LatestReport>, r: LatestReport): void {
  const had = latest.get(r.projectId);
  if (!had || r.reportDate > had.reportDate || (r.reportDate === had.reportDate && r.id > had.id)) latest.set(r.projectId, r);
}

type LatestColumns = Pick<Project, 'latestOverall' | 'latestSchedule' | 'latestCost' | 'latestScope' | 'latestRisk' | 'latestPercentComplete' | 'latestReportDate'>;

/** The project's latest-status columns as report `r` sets them; all empty without a report. */
export function latestColumnsOf(r: LatestReport | undefined): LatestColumns {
  return {
    latestOverall: r?.overall, latestSchedule: r?.schedule, latestCost: r?.cost, latestScope: r?.scope,
    latestRisk: r?.risk, latestPercentComplete: r?.percentComplete, latestReportDate: r?.reportDate
  };
}

/**
 * The projects with their latest status as their published reports say. The project item's
 * latest-status columns are a cache written by publishing, and its leader can also write them by
 * hand (SharePoint has no column-level security), so no view takes them from the item: every
 * latest-* column is replaced by the latest published report's value, and a project without a
 * published report has none. `corrected` counts the projects whose item said something else — a
 * forged or half-written cache — which the PMO is told about.
 */
export function withLatestReports(projects: readonly Project[], latest: ReadonlyMap<number, LatestReport>): { projects: Project[]; corrected: number } {
  let corrected = 0;
  const out = projects.map((p) => {
    const reported = latestColumnsOf(latest.get(p.id));
    const keys = Object.keys(reported) as Array<keyof LatestColumns>;
    if (keys.every((k) => p[k] === reported[k])) return p;
    corrected++;
    return { ...p, ...reported };
  });
  return { projects: out, corrected };
}

/**
 * A project as saved by its edit form, with the latest status the view showed before (from the
 * reports): an edit never changes a project's status, and what SharePoint hands back after a save
 * holds the item's own cache, which is not shown. A new project has no report, so no status.
 */
export function withShownStatus(saved: Project, shown: Project | undefined): Project {
  const keys = Object.keys(latestColumnsOf(undefined)) as Array<keyof LatestColumns>;
  const out: Project = { ...saved };
  for (const k of keys) (out as unknown as Record<string, unknown>)[k] = shown?.[k];
  return out;
}
