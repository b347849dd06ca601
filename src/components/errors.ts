import { ConflictError, ValidationError } from '../services/errors';

/**
 * The services' errors, recognised by name as well as by class: the SPFx build targets ES5,
 * where a subclass of Error loses its prototype and `instanceof` is false.
 */
export function isConflict(e: unknown): e is ConflictError<unknown> {
  return e instanceof ConflictError || (!!e && typeof e === 'object' && (e as Error).name === 'ConflictError' && 'theirs' in e);
}

export function isValidation(e: unknown): e is ValidationError {
  return e instanceof ValidationError || (!!e && typeof e === 'object' && (e as Error).name === 'ValidationError' && 'fields' in e);
}

/** What went wrong, in the terms a user can act on; the HTTP status decides, never the raw text. */
export type ErrorKind =
  | 'offline' | 'signedOut' | 'forbidden' | 'notFound' | 'conflict' | 'tooLarge' | 'locked'
  | 'throttled' | 'badRequest' | 'server' | 'unknown';

/** The HTTP status an error carries: @pnp's HttpRequestError (`status`), Graph's GraphError (`statusCode`), or the message. */
export function httpStatusOf(e: unknown): number | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const o = e as { status?: unknown; statusCode?: unknown; message?: unknown };
  for (const v of [o.status, o.statusCode]) {
    if (typeof v === 'number' && v >= 100 && v < 600) return v;
  }
  const text = typeof o.message === 'string' ? o.message : '';
  // @pnp writes "[429] Too Many Requests ::> …" and, after its retries, "Retry count exceeded (3) for this request. 429: …".
  const m = /\[(\d{3})\]|\b(\d{3}):\s/.exec(text);
  return m ? Number(m[1] ?? m[2]) : undefined;
}

export function errorKind(e: unknown): ErrorKind {
  if (isConflict(e)) return 'conflict';
  const status = httpStatusOf(e);
  if (status === undefined) {
    const text = e instanceof Error ? `${e.name} ${e.message}` : String(e);
    // fetch rejects with a TypeError whose text differs per browser when the network is gone.
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    if (offline || /failed to fetch|networkerror|network request failed|load failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT/i.test(text)) return 'offline';
    return 'unknown';
  }
  if (status === 401) return 'signedOut';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'notFound';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 413) return 'tooLarge';
  if (status === 423) return 'locked';
  if (status === 429 || status === 503) return 'throttled';
  if (status >= 500) return 'server';
  if (status >= 400) return 'badRequest';
  return 'unknown';
}

/** Strings keys of the messages, one per kind: what happened, then what to do. */
const MESSAGE_KEYS: Record<ErrorKind, keyof IPmoHubCommonStrings> = {
  offline: 'ErrorOffline',
  signedOut: 'ErrorSignedOut',
  forbidden: 'ErrorForbidden',
  notFound: 'ErrorNotFound',
  conflict: 'ErrorConflict',
  tooLarge: 'ErrorTooLarge',
  locked: 'ErrorLocked',
  throttled: 'ErrorThrottled',
  badRequest: 'ErrorBadRequest',
  server: 'ErrorServer',
  unknown: 'ErrorUnknown'
};

/**
 * A failure as a user reads it, in their language: what happened and what to do. Raw HTTP and
 * SharePoint text ("Retry count exceeded (3)… 429") never reaches the page: it means nothing to a
 * project leader and may be in another language than the page.
 */
export function describeError(e: unknown, c: IPmoHubCommonStrings): string {
  return c[MESSAGE_KEYS[errorKind(e)]] as string;
}
