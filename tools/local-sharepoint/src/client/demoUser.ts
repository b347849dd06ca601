import { combine } from '@pnp/core';
import { extractWebUrl } from '@pnp/sp';
import type { Queryable } from '@pnp/queryable';

/** The header the local SharePoint reads to choose the acting demo user (see server.ts). */
const USER_HEADER = 'X-PMOHub-User';
/** Renew a little before SharePoint's 1,800 seconds run out. */
const DIGEST_LIFETIME_MS = 1_700_000;

type Behavior = (instance: Queryable) => Queryable;

const has = (headers: Record<string, string>, name: string): boolean => Object.keys(headers).some((k) => k.toLowerCase() === name.toLowerCase());

/**
 * @pnp/sp behaviour for the local SharePoint: act as a demo user, with that user's own form digest.
 *
 * A digest belongs to one user and one site, but @pnp's RequestDigest caches one digest per site
 * URL for the whole process, which is right in a browser (one user per session) and wrong for a
 * Node process that acts as several users. So this behaviour gets and keeps the digest per user
 * and sets `X-RequestDigest` itself, and @pnp's RequestDigest then leaves the request alone.
 */
export function DemoUser(alias: string): Behavior {
  const digests = new Map<string, { value: string; expires: number }>();
  const digestFor = async (webUrl: string): Promise<string> => {
    const cached = digests.get(webUrl);
    if (cached && cached.expires > Date.now()) return cached.value;
    const res = await fetch(combine(webUrl, '_api/contextinfo'), { method: 'POST', headers: { accept: 'application/json', [USER_HEADER]: alias } });
    if (!res.ok) throw new Error(`POST ${combine(webUrl, '_api/contextinfo')} as '${alias}' answered ${res.status}: ${await res.text()}`);
    const info = await res.json() as { FormDigestValue: string };
    digests.set(webUrl, { value: info.FormDigestValue, expires: Date.now() + DIGEST_LIFETIME_MS });
    return info.FormDigestValue;
  };
  return (instance: Queryable): Queryable => {
    // The user header in "pre", without waiting for anything: batched requests register in the
    // order their "pre" finishes, so an await here would reorder the parts of a $batch.
    instance.on.pre(async (url, init, result) => {
      init.headers = { ...(init.headers as Record<string, string>), [USER_HEADER]: alias };
      return [url, init, result];
    });
    // The digest at "auth", ahead of @pnp's RequestDigest (which then sees it and does nothing).
    // Batch parts have no "auth": only the $batch request itself carries the digest.
    instance.on.auth.prepend(async (url, init) => {
      const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
      const method = (init.method ?? 'GET').toUpperCase();
      if (method !== 'GET' && !has(headers, 'X-PnPjs-NoDigest') && !has(headers, 'Authorization')) {
        headers['X-RequestDigest'] = await digestFor(extractWebUrl(url.toString()));
      }
      init.headers = headers;
      return [url, init];
    });
    return instance;
  };
}
