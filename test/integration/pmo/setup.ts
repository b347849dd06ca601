import type { SPFI } from '@pnp/sp';
import { startLocalSharePoint, type LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { connect } from '../../../tools/cli/connect';

export interface Site {
  server: LocalSharePoint;
  url: string;
  /** The site owner (default demo user). */
  sp: SPFI;
  as(alias: string): Promise<SPFI>;
}

/** A fresh in-memory local SharePoint with one site, reached through real @pnp/sp. */
export async function startSite(): Promise<Site> {
  const server = await startLocalSharePoint({ data: ':memory:', port: 0 });
  const url = `${server.url}/sites/pmo`;
  return {
    server, url,
    sp: await connect(url, { auth: 'none' }),
    as: (alias: string) => connect(url, { auth: 'none', as: alias })
  };
}
