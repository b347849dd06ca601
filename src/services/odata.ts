import { PermissionKind } from '@pnp/sp/security';

/**
 * Small helpers every service shares: OData literals, HTTP status of a failed call,
 * settled promises for `$batch` parts, and the permission-mask bit test.
 */

/**
 * An OData string literal for `$filter`: quoted, with `'` doubled. User text in a filter
 * goes through here and nowhere else (DESIGN rule 8); URL encoding is @pnp's job.
 */
export function odataString(value: string): string {
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** The HTTP status of a failed @pnp (HttpRequestError) or Graph (GraphError) call, if any. */
export function httpStatus(error: unknown): number | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as { status?: unknown; statusCode?: unknown };
  if (typeof e.status === 'number') return e.status;
  if (typeof e.statusCode === 'number') return e.statusCode;
  return undefined;
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Catches a promise into a value at once, so a failing `$batch` part never becomes an
 * unhandled rejection while the batch is still executing.
 */
export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value): Settled<T> => ({ ok: true, value }),
    (error: unknown): Settled<T> => ({ ok: false, error })
  );
}

/** SP.BasePermissions as JSON light sends it: Edm.Int64 halves, as strings (or numbers in other dialects). */
export interface PermissionMask {
  High: string | number;
  Low: string | number;
}

/**
 * True when the mask grants the permission. PermissionKind N is bit N−1 of the 64-bit
 * mask (Low holds bits 0–31, High 32–63). Done with arithmetic on the parsed halves
 * rather than @pnp's `hasPermissions`, whose FullMask test compares the string Low
 * with a number and so is never true on SharePoint Online.
 */
export function hasPermission(mask: PermissionMask | undefined, kind: PermissionKind): boolean {
  if (!mask) return false;
  const high = Number(mask.High);
  const low = Number(mask.Low);
  if (!Number.isFinite(high) || !Number.isFinite(low)) return false;
  if (kind === PermissionKind.FullMask) return high === 2147483647 && low === 4294967295;
  if (kind === PermissionKind.EmptyMask) return true;
  const bit = kind - 1;
  const half = bit < 32 ? low : high;
  const shift = bit < 32 ? bit : bit - 32;
  return Math.floor(half / Math.pow(2, shift)) % 2 === 1;
}
