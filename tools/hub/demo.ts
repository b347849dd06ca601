import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { connect } from '../cli/connect';
import { pageTextsFor } from '../cli/pageTexts';
import { provision } from '../../src/provisioning/apply';
import { seed } from '../../src/provisioning/seed';
import type { DemoLanguage } from '../../src/provisioning/demoTexts';
import { listServerUrl } from '../../src/provisioning/plan';
import { getList, type ListSchema } from '../../src/schema';
import { DIRECTORY } from '../local-sharepoint/src/directory';

export interface DemoSiteResult {
  /** Provisioning writes: 0 when the site was already up to date. */
  writes: number;
  /** Hub pages created or upgraded in Site Pages. */
  pagesWritten: number;
  /** True when the demo data was added in this run. */
  seeded: boolean;
  added: Record<string, number>;
  provisionMs: number;
  seedMs: number;
}

/**
 * Makes a local site the demo hub with the same code an admin runs against a tenant:
 * provision (idempotent: a second run makes no writes), then seed the demo PMO when the
 * register is still empty, dated around today (or `options.now`, which tests pin). A
 * register someone has emptied on purpose is seeded again only
 * from a fresh data file.
 */
export async function prepareDemoSite(siteUrl: string, log: (line: string) => void = () => undefined,
  options: { now?: number; language?: DemoLanguage | 'all' } = {}): Promise<DemoSiteResult> {
  const sp = await connect(siteUrl, { auth: 'none', as: 'owner' });
  let t = Date.now();
  // The hub's pages too: the local hub renders what provisioning stored in Site Pages.
  const { writes, pagesWritten } = await provision(sp, { texts: await pageTextsFor(sp) });
  const provisionMs = Date.now() - t;

  t = Date.now();
  const webPath = new URL(siteUrl).pathname.replace(/\/+$/, '');
  const any = await sp.web.getList(listServerUrl(webPath, getList('projects') as ListSchema)).items.select('Id').top(1)<Array<{ Id: number }>>();
  if (any.length > 0) return { writes, pagesWritten: pagesWritten ?? 0, seeded: false, added: {}, provisionMs, seedMs: 0 };

  // Some demo records (sparring requests) must be created by the person they belong to.
  const asUser = new Map<string, SPFI>();
  for (const u of DIRECTORY) asUser.set(u.mail, await connect(siteUrl, { auth: 'none', as: u.mail }));
  const { added } = await seed(sp, 'demo', log, { actAs: (mail) => asUser.get(mail.toLowerCase()) ?? sp, now: options.now, language: options.language });
  return { writes, pagesWritten: pagesWritten ?? 0, seeded: true, added, provisionMs, seedMs: Date.now() - t };
}
