import { afterPaint } from './afterPaint';

/**
 * The page's first screen (the portfolio's KPI tiles and status chart) holds back what is below
 * it: a view there takes a hold when it mounts and releases it once it is drawn; views below the
 * fold and deferred work (the trend's 100,000 reports, the snapshot write) wait for every hold.
 * Waiting for one painted frame was not enough: chartist draws in a timer of its own, and at
 * 10,000 projects the budget, timeline and prioritisation (1.3 s of rendering on the bench) ran
 * before the status bars were drawn. A hold never released (a view that failed oddly) stops
 * holding after `MAX_HOLD_MS`; pages without first-screen views do not wait at all.
 */
const holds = new Set<object>();
let waiting: Array<() => void> = [];
export const MAX_HOLD_MS = 3000;

function releaseAll(): void {
  const w = waiting;
  waiting = [];
  w.forEach((f) => f());
}

/** Takes a hold; the returned function releases it (again is harmless). */
export function holdFirstScreen(): () => void {
  const token = {};
  holds.add(token);
  return () => {
    if (holds.delete(token) && holds.size === 0) releaseAll();
  };
}

/** Resolves with `value` once the first screen is drawn and painted (at once plus a frame where nothing holds it). */
export function afterFirstScreen<T>(value: T): Promise<T> {
  if (holds.size === 0) return afterPaint(value);
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    setTimeout(resolve, MAX_HOLD_MS);
  }).then(() => afterPaint(value));
}
