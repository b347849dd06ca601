import type { LatestReport, ReportHistory } from '../model/latestStatus';

/*
 * The page's shared reads of the published reports (StatusTrendService), kept apart so that
 * what only forgets them — every report write — does not carry the reader's code onto the page.
 */

/** Shared like the portfolio's project read (PortfolioService): one report read serves every web part of the page. */
const SHARED_FOR_MS = 30_000;

export interface Shared<T> { at: number; value: Promise<T> }
export const sharedHistory = new Map<string, Shared<ReportHistory>>();
export const sharedLatest = new Map<string, Shared<Map<number, LatestReport>>>();

/** The read shared under `key` while it is fresh, else `read()` shared from now on; a failed read is not kept. */
export function shareFor<T>(map: Map<string, Shared<T>>, key: string, read: () => Promise<T>): Promise<T> {
  const hit = map.get(key);
  if (hit && Date.now() - hit.at < SHARED_FOR_MS) return hit.value;
  const value = read();
  map.set(key, { at: Date.now(), value });
  // A failed read must not be served to the next web part: let it try again.
  value.catch(() => { if (map.get(key)?.value === value) map.delete(key); });
  return value;
}

/** Forget the shared report reads of `cacheKey`, or every one (a report was written on this page, or a retry). */
export function forgetReportHistory(cacheKey?: string): void {
  if (cacheKey === undefined) { sharedHistory.clear(); sharedLatest.clear(); return; }
  sharedHistory.delete(cacheKey);
  sharedLatest.delete(cacheKey);
}
