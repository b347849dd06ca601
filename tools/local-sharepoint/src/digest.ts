import crypto from 'crypto';
import { SpError } from './http/errors';

/** SharePoint Online's form digest lifetime (contextinfo's FormDigestTimeoutSeconds). */
export const DIGEST_TIMEOUT_SECONDS = 1800;

/**
 * Request digests (SharePoint's anti-CSRF token). `contextinfo` issues one per user and site; every
 * write (any verb but GET/HEAD) must send it back as `X-RequestDigest`, unless it carries a bearer
 * token, because a browser will send neither from another origin without asking first (CORS
 * preflight), while a plain `text/plain` form POST it sends freely.
 *
 * The value looks like SharePoint's (`0x<hex>,<date>`): an HMAC of user, site and time under a
 * secret made when the server starts, so digests do not survive a restart (as a recycled
 * SharePoint front end's would not).
 */
export class FormDigests {
  private readonly secret = crypto.randomBytes(32);

  public constructor(private readonly now: () => number = Date.now) {}

  public issue(userKey: string, webPath: string): string {
    const date = new Date(Math.floor(this.now() / 1000) * 1000).toUTCString().replace('GMT', '-0000').replace(/^\w+, /, '');
    return `0x${this.mac(userKey, webPath, date)},${date}`;
  }

  /** Throws SharePoint's 403 unless `digest` was issued to this user for this site and has not expired. */
  public demand(digest: string | undefined, userKey: string, webPath: string): void {
    const m = /^0x([0-9A-F]+),(.+)$/.exec((digest ?? '').trim());
    const sent = m ? Buffer.from(m[1], 'hex') : Buffer.alloc(0);
    const expected = m ? Buffer.from(this.mac(userKey, webPath, m[2]), 'hex') : Buffer.alloc(1);
    if (!m || sent.length !== expected.length || !crypto.timingSafeEqual(sent, expected)) throw invalidDigest();
    const issued = Date.parse(m[2]);
    if (!Number.isFinite(issued) || this.now() - issued > DIGEST_TIMEOUT_SECONDS * 1000) throw expiredDigest();
  }

  private mac(userKey: string, webPath: string, date: string): string {
    return crypto.createHmac('sha512', this.secret).update(`${userKey.toLowerCase()}\n${webPath.toLowerCase()}\n${date}`).digest('hex').toUpperCase();
  }
}

/** What SharePoint Online answers a write without a valid digest (observed wording, widely quoted). */
export function invalidDigest(): SpError {
  return new SpError(403, '-2130575251, Microsoft.SharePoint.SPException',
    "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again.");
}

/** An expired digest: SharePoint's timed-out wording; the status and code are assumed to match the invalid case [verify]. */
export function expiredDigest(): SpError {
  return new SpError(403, '-2130575251, Microsoft.SharePoint.SPException',
    'The security validation for this page has timed out. Click Back in your Web browser, refresh the page, and try your operation again.');
}

/** Writes are every verb but GET and HEAD, including POSTs that only read (CAML GetItems), as in SharePoint. */
export function needsDigest(method: string, headers: Record<string, string>): boolean {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS') return false;
  return !/^Bearer\s+\S/i.test(headers.authorization ?? '');
}
