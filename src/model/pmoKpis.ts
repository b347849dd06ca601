import type { IsoDate, IsoDateTime } from './common';
import type { Project, StatusReport } from './portfolio';
import { quarterOf, quarterRange, type QuarterKey } from './okr';

/**
 * The PMO measuring itself (issue 15, item 4), pure: each KPI per quarter from what the lists
 * hold. The definitions, shown beside each KPI:
 * - deliveredOnTime: of the projects closed in the quarter (delivered on their forecast end, else
 *   their planned end) that have a planned end, the share delivered by it;
 * - deliveredOnBudget: of those with a budget and an actual cost, the share within budget (+ tolerance);
 * - reportsOnTime: of the months each running project (not an idea, not closed, within its dates)
 *   owed a status report, the share with a published report dated in that month;
 * - templateDownloads, sparringRequests, lessonsLogged: how many in the quarter;
 * - sparringWaitDays: the median days from a request to its booked session, by the request's quarter;
 * - lessonsReused: of the lessons logged in the quarter, the share applied since by at least one
 *   project other than the lesson's own (the lesson's "Reused in" projects, schema 11).
 */

export type PmoKpiKey = 'deliveredOnTime' | 'deliveredOnBudget' | 'reportsOnTime' | 'templateDownloads' | 'sparringRequests' | 'sparringWaitDays' | 'lessonsLogged' | 'lessonsReused';

export interface PmoKpiSeries {
  key: PmoKpiKey;
  /** share: 0…1; count: items; days: median days. */
  unit: 'share' | 'count' | 'days';
  /** Per quarter; undefined where there was nothing to measure (a share of no projects is no share). */
  byQuarter: Record<QuarterKey, number | undefined>;
}

export interface PmoKpiInput {
  projects: readonly Project[];
  /** Published and draft reports; only published ones count. */
  reports: readonly Pick<StatusReport, 'project' | 'reportDate' | 'published'>[];
  /** When each template download happened. */
  downloads: readonly { downloadedAt: IsoDateTime }[];
  /** When each sparring request was made and, once booked, when its session is. */
  sparring: readonly { created: IsoDateTime; scheduledAt?: IsoDateTime }[];
  /** When each lesson was logged, its own project and the projects that reused it (IDs). */
  lessons: readonly { created?: IsoDateTime; project?: number; reusedIn?: readonly number[] }[];
  /** The quarters to report, oldest first. */
  quarters: readonly QuarterKey[];
  /** Budget tolerance in percent: actual cost up to budget × (1 + tolerance) is on budget. */
  budgetTolerancePct?: number;
}

const DAY = 86_400_000;
const day = (iso: string): IsoDate => iso.slice(0, 10);

/** The last `count` quarters up to and including the one `today` is in. */
export function lastQuarters(today: IsoDate, count: number): QuarterKey[] {
  const [y, q] = quarterOf(today).split('-Q').map(Number);
  const first = ((y * 4 + (q - 1)) - (count - 1));
  return quarterRange(`${Math.floor(first / 4)}-Q${(first % 4) + 1}`, quarterOf(today));
}

function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function countBy(dates: readonly (string | undefined)[], quarters: readonly QuarterKey[]): Record<QuarterKey, number> {
  const out: Record<QuarterKey, number> = {};
  for (const q of quarters) out[q] = 0;
  for (const d of dates) {
    if (!d) continue;
    const q = quarterOf(day(d));
    if (q in out) out[q] += 1;
  }
  return out;
}

/** A closed project's delivery date: its last forecast end, else its planned end. */
function deliveredOn(p: Project): IsoDate | undefined {
  return p.phase === 'Closed' ? p.forecastEnd ?? p.endDate : undefined;
}

/** The months (`YYYY-MM`) of a quarter. */
function monthsOf(q: QuarterKey): string[] {
  const [y, n] = q.split('-Q').map(Number);
  return [1, 2, 3].map((i) => `${y}-${String((n - 1) * 3 + i).padStart(2, '0')}`);
}

/** A project is expected to report in a month it runs through and is not an idea or closed. */
function reportsDue(p: Project, month: string): boolean {
  if (p.phase === 'Idea' || p.phase === 'Closed') return false;
  if (p.startDate && p.startDate.slice(0, 7) > month) return false;
  if (p.endDate && p.endDate.slice(0, 7) < month) return false;
  return true;
}

export function pmoKpis(input: PmoKpiInput): PmoKpiSeries[] {
  const { quarters } = input;
  const tolerance = 1 + (input.budgetTolerancePct ?? 0) / 100;
  const delivered = (q: QuarterKey): Project[] => input.projects.filter((p) => {
    const d = deliveredOn(p);
    return d !== undefined && quarterOf(d) === q;
  });
  const share = (hits: number, of: number): number | undefined => (of ? hits / of : undefined);

  const onTime: Record<QuarterKey, number | undefined> = {};
  const onBudget: Record<QuarterKey, number | undefined> = {};
  const reportsOnTime: Record<QuarterKey, number | undefined> = {};
  const wait: Record<QuarterKey, number | undefined> = {};
  const reused: Record<QuarterKey, number | undefined> = {};
  const published = new Set(input.reports.filter((r) => r.published && r.project).map((r) => `${r.project.id}|${r.reportDate.slice(0, 7)}`));
  for (const q of quarters) {
    const closed = delivered(q);
    // On time: delivered by the planned end. Without a planned end nothing can be late or on time.
    const planned = closed.filter((p) => p.endDate);
    onTime[q] = share(planned.filter((p) => (deliveredOn(p) as IsoDate) <= (p.endDate as IsoDate)).length, planned.length);
    const costed = closed.filter((p) => p.budget !== undefined && p.actualCost !== undefined && (p.budget as number) > 0);
    onBudget[q] = share(costed.filter((p) => (p.actualCost as number) <= (p.budget as number) * tolerance).length, costed.length);
    let due = 0;
    let made = 0;
    for (const month of monthsOf(q)) {
      for (const p of input.projects) {
        if (!reportsDue(p, month)) continue;
        due += 1;
        if (published.has(`${p.id}|${month}`)) made += 1;
      }
    }
    reportsOnTime[q] = share(made, due);
    const waits = input.sparring
      .filter((r) => r.scheduledAt && quarterOf(day(r.created)) === q)
      .map((r) => Math.max(0, (Date.parse(r.scheduledAt as string) - Date.parse(r.created)) / DAY));
    wait[q] = median(waits);
    const logged = input.lessons.filter((l) => l.created && quarterOf(day(l.created)) === q);
    // Reuse in the lesson's own project is the project learning, not the lesson travelling.
    reused[q] = share(logged.filter((l) => (l.reusedIn ?? []).some((p) => p !== l.project)).length, logged.length);
  }
  return [
    { key: 'deliveredOnTime', unit: 'share', byQuarter: onTime },
    { key: 'deliveredOnBudget', unit: 'share', byQuarter: onBudget },
    { key: 'reportsOnTime', unit: 'share', byQuarter: reportsOnTime },
    { key: 'templateDownloads', unit: 'count', byQuarter: countBy(input.downloads.map((d) => d.downloadedAt), quarters) },
    { key: 'sparringRequests', unit: 'count', byQuarter: countBy(input.sparring.map((r) => r.created), quarters) },
    { key: 'sparringWaitDays', unit: 'days', byQuarter: wait },
    { key: 'lessonsLogged', unit: 'count', byQuarter: countBy(input.lessons.map((l) => l.created), quarters) },
    { key: 'lessonsReused', unit: 'share', byQuarter: reused }
  ];
}
