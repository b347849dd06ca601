import type { SPFI } from '@pnp/sp';
import { startLocalSharePoint, type LocalSharePoint, type LocalSharePointOptions } from '../../../tools/local-sharepoint/src/server';
import { connect } from '../../../tools/cli/connect';
import { provision } from '../../../src/provisioning/apply';
import { seed } from '../../../src/provisioning/seed';

export interface Site {
  server: LocalSharePoint;
  url: string;
  /** The site owner (default demo user). */
  sp: SPFI;
  as(alias: string): Promise<SPFI>;
}

/** A fresh in-memory local SharePoint with one site, reached through real @pnp/sp (options: e.g. the Graph scopes granted). */
export async function startSite(options: Partial<LocalSharePointOptions> = {}): Promise<Site> {
  const server = await startLocalSharePoint({ data: ':memory:', port: 0, ...options });
  const url = `${server.url}/sites/pmo`;
  return {
    server, url,
    sp: await connect(url, { auth: 'none' }),
    as: (alias: string) => connect(url, { auth: 'none', as: alias })
  };
}

export interface DemoSite extends Site {
  leaderSp: SPFI;
  pmoSp: SPFI;
  visitorSp: SPFI;
}

/** A fresh site provisioned and seeded with the demo data, with the demo roles signed in. */
export async function startDemoSite(): Promise<DemoSite> {
  const site = await startSite();
  await provision(site.sp);
  await seed(site.sp, 'demo');
  const [leaderSp, pmoSp, visitorSp] = await Promise.all([site.as('leader'), site.as('pmo'), site.as('visitor')]);
  return { ...site, leaderSp, pmoSp, visitorSp };
}
