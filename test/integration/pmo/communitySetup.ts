import type { SPFI } from '@pnp/sp';
import type { Site } from './setup';
import { seed } from '../../../src/provisioning/seed';
import { DIRECTORY } from '../../../tools/local-sharepoint/src/directory';

/** The demo seed as the hub runs it: sparring requests are written by their requesters. */
export async function seedAsTheirAuthors(site: Site): Promise<void> {
  const asUser = new Map<string, SPFI>();
  for (const u of DIRECTORY) asUser.set(u.mail, await site.as(u.mail));
  await seed(site.sp, 'demo', () => undefined, { actAs: (mail) => asUser.get(mail.toLowerCase()) ?? site.sp });
}
