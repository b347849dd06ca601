import type { Project, ProjectPhase } from './portfolio';

/** Phases in which a project owes the PMO regular status reports. */
export const REPORTING_PHASES: readonly ProjectPhase[] = ['Planning', 'Execution', 'Closing'];

/** A project that reports but whose latest report is older than `staleDays` (or that never reported). */
export function isStale(p: Project, staleDays: number, today: Date): boolean {
  if (REPORTING_PHASES.indexOf(p.phase) < 0) return false;
  if (!p.latestReportDate) return true;
  const last = Date.parse(`${p.latestReportDate}T00:00:00Z`);
  return today.getTime() - last > staleDays * 86_400_000;
}

/** Phases in which a project is under way: not an idea any more, not closed yet. */
export const ACTIVE_PHASES: readonly ProjectPhase[] = ['Initiation', 'Planning', 'Execution', 'Closing'];

export function isActive(p: Project): boolean {
  return ACTIVE_PHASES.indexOf(p.phase) >= 0;
}
