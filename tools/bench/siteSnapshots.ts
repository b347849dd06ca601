import { spfi, SPBrowser } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/folders';
import '@pnp/sp/files';
import { getList } from '../../src/schema';
import { listUrl } from '../../src/services/ProjectService';

/**
 * Waits until the PMO member's browser has left its reads in the PMO Hub Snapshots library (it
 * uploads them after its first screen, unawaited), so the next "new browser" starts from them.
 * Returns the files' sizes in KB (gzipped, as stored).
 */
export async function siteSnapshotsLeft(siteUrl: string, kinds: readonly string[], timeoutMs = 120_000): Promise<Record<string, number>> {
  const sp = spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }));
  const folder = sp.web.getFolderByServerRelativePath(listUrl(new URL(siteUrl).pathname, getList('hubSnapshots')));
  const until = Date.now() + timeoutMs;
  for (;;) {
    const files = await folder.files.select('Name', 'Length')<Array<{ Name: string; Length: string | number }>>();
    const sizes = Object.fromEntries(files.map((f) => [f.Name.replace(/\.json\.gz$/, ''), Math.round(Number(f.Length) / 102.4) / 10]));
    if (kinds.every((k) => k in sizes)) return sizes;
    if (Date.now() > until) throw new Error(`The site snapshots ${kinds.join(', ')} were not left within ${timeoutMs} ms (found: ${Object.keys(sizes).join(', ') || 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
