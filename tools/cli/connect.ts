import fs from 'fs';
import { spfi, SPBrowser, DefaultHeaders, DefaultInit, type SPFI } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse, type Queryable } from '@pnp/queryable';
import { DemoUser } from '../local-sharepoint/src/client/demoUser';

export type AuthMode = 'none' | 'certificate' | 'device-code';

export interface ConnectOptions {
  auth: AuthMode;
  clientId?: string;
  tenant?: string;
  /** PEM file holding the certificate's private key. */
  certificateKey?: string;
  /** SHA-256 (or SHA-1) thumbprint of the certificate registered on the app. */
  thumbprint?: string;
  /** Local SharePoint only: act as this demo user. */
  as?: string;
}

export class CliError extends Error {
  public constructor(message: string, public readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}

export function parseSiteUrl(site: string): URL {
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    throw new CliError(`--site must be an absolute URL such as https://contoso.sharepoint.com/sites/pmo (got '${site}').`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CliError(`--site must use http or https (got ${url.protocol}).`);
  if (url.search || url.hash) throw new CliError('--site must be the site URL itself, without a query or #fragment.');
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** Adds `Authorization: Bearer` from a token source: the same pipeline @pnp/nodejs builds, without its pinned @pnp/sp. */
type Behavior = (instance: Queryable) => Queryable;

function bearer(getToken: () => Promise<string>): Behavior {
  return (instance: Queryable): Queryable => {
    instance.on.auth(async (url, init) => {
      const token = await getToken();
      init.headers = { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` };
      return [url, init];
    });
    return instance;
  };
}


async function tokenSource(site: URL, o: ConnectOptions): Promise<() => Promise<string>> {
  const msal = await import('@azure/msal-node');
  const need = (v: string | undefined, flag: string): string => {
    if (!v) throw new CliError(`--auth ${o.auth} needs ${flag}.`);
    return v;
  };
  const authority = `https://login.microsoftonline.com/${need(o.tenant, '--tenant <tenant id or domain>')}`;
  const clientId = need(o.clientId, '--client-id <app id>');
  if (o.auth === 'certificate') {
    const keyFile = need(o.certificateKey, '--certificate-key <pem file>');
    let privateKey: string;
    try {
      privateKey = fs.readFileSync(keyFile, 'utf8');
    } catch (e) {
      throw new CliError(`Cannot read the certificate key ${keyFile}: ${(e as Error).message}`);
    }
    const thumbprint = need(o.thumbprint, '--thumbprint <certificate thumbprint>');
    const app = new msal.ConfidentialClientApplication({
      auth: { clientId, authority, clientCertificate: thumbprint.length === 64 ? { thumbprintSha256: thumbprint, privateKey } : { thumbprint, privateKey } }
    });
    return async () => {
      const r = await app.acquireTokenByClientCredential({ scopes: [`${site.origin}/.default`] });
      if (!r?.accessToken) throw new CliError('Microsoft Entra ID returned no access token for the certificate.');
      return r.accessToken;
    };
  }
  const app = new msal.PublicClientApplication({ auth: { clientId, authority } });
  // The sign-in is shared, so requests made at the same time start one device-code flow, not several.
  const state: { session?: Promise<{ token: string; expires: number }> } = {};
  const signIn = async (): Promise<{ token: string; expires: number }> => {
    const r = await app.acquireTokenByDeviceCode({
      scopes: [`${site.origin}/AllSites.FullControl`],
      deviceCodeCallback: (resp) => process.stderr.write(`${resp.message}\n`)
    });
    if (!r?.accessToken) throw new CliError('Sign-in did not return an access token.');
    return { token: r.accessToken, expires: r.expiresOn?.getTime() ?? Date.now() + 3_000_000 };
  };
  return async () => {
    const session = state.session ?? (state.session = signIn());
    const current = await session.catch((e: unknown) => {
      if (state.session === session) state.session = undefined;
      throw e;
    });
    if (current.expires > Date.now() + 60_000) return current.token;
    if (state.session === session) state.session = signIn();
    return (await state.session).token;
  };
}

/** An SPFI for the site: no auth for the local SharePoint, MSAL for a tenant. */
export async function connect(site: string, o: ConnectOptions): Promise<SPFI> {
  const url = parseSiteUrl(site);
  const base = url.toString();
  if (o.auth === 'none') {
    const sp = spfi(base).using(SPBrowser({ baseUrl: base }));
    return o.as ? sp.using(DemoUser(o.as)) : sp;
  }
  if (o.as) throw new CliError('--as chooses a demo user of the local SharePoint; it cannot be used with --auth.');
  const getToken = await tokenSource(url, o);
  return spfi(base).using(DefaultHeaders(), DefaultInit(), BrowserFetchWithRetry(), DefaultParse(), bearer(getToken));
}

/** Turns network and HTTP failures into messages a site admin can act on. */
export function explain(e: unknown, site: string): CliError {
  if (e instanceof CliError) return e;
  const err = e as { status?: number; message?: string; cause?: { code?: string; message?: string } };
  if (err.cause?.code === 'ECONNREFUSED' || err.cause?.code === 'ENOTFOUND' || /fetch failed/i.test(err.message ?? '')) {
    return new CliError(`Cannot reach ${site}: ${err.cause?.message ?? err.message}. Is the site URL right, and (for the local SharePoint) is it running? Start it with: npm run sharepoint`);
  }
  if (err.status === 401) return new CliError(`${site} answered 401 Unauthorized: sign in with --auth certificate or --auth device-code (see the README).`);
  if (err.status === 403) return new CliError(`${site} answered 403 Forbidden: the account needs Full Control of the site (site owner) to provision it.`);
  if (err.status === 404) return new CliError(`${site} answered 404: there is no SharePoint site at that URL.`);
  return new CliError(err.message ?? String(e));
}
