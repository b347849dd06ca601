import * as path from 'path';
import { pageWeight, readJsonWithComments, readShippedPackage, webPartEntryModules } from '../../../tools/bench/pageWeight';
import { HUB_PAGES } from '../../../src/pages/hubPages';
const ROOT = path.resolve(__dirname, '../../..');
it('dump', async () => {
  const shipped = await readShippedPackage(path.join(ROOT, 'sharepoint/solution/pmo-hub.sppkg'), path.join(ROOT, 'temp/chunk-groups.json'));
  const entries = webPartEntryModules(ROOT, readJsonWithComments);
  for (const p of HUB_PAGES) {
    const w = pageWeight(shipped, entries, p.webParts.map((x) => x.manifestId), 'nl-NL');
    console.log(p.key, w.firstRenderGzipKb, w.files.map((f) => `${f}:${((shipped.gzipBytes.get(f) ?? 0) / 1024).toFixed(1)}`).join(' '));
  }
});
