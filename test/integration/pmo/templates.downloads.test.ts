/**
 * Contract: download counting stays under the list view threshold at 20,000 log entries — more
 * than 5,000 of them inside one period, where a plain date filter would be refused.
 */
import type { SPFI } from '@pnp/sp';
import { startSite, type Site } from './setup';
import { provision } from '../../../src/provisioning/apply';
import { SpTemplateService } from '../../../src/services/TemplateService';
import { spList } from '../../../src/services/listItems';
import { listUrl } from '../../../src/services/ProjectService';
import { getList, internalName, type ListSchema } from '../../../src/schema';
import { toPayload } from '../../../src/services/mapping';
import type { LibraryTemplate } from '../../../src/model';

jest.setTimeout(240_000);

let site: Site;
let visitorSp: SPFI;
let templates: LibraryTemplate[] = [];
const NOW = Date.UTC(2026, 10, 15, 12);
const DAY = 86_400_000;
/** Entry i: template i % 3, downloaded i % 400 days before NOW. */
const ENTRIES = 20_000;

beforeAll(async () => {
  site = await startSite();
  await provision(site.sp);
  const lib = listUrl(site.url, getList('methodTemplates') as ListSchema);
  for (const name of ['A.docx', 'B.xlsx', 'C.pptx']) await site.sp.web.getFolderByServerRelativePath(lib).files.addUsingPath(name, `content ${name}`);
  const service = new SpTemplateService(site.sp, site.url);
  const uploaded = (await service.templates(true)).sort((a, b) => a.id - b.id);
  for (const t of uploaded) await service.setStatus(t, 'Approved');
  const approved = (await service.templates(true)).sort((a, b) => a.id - b.id);
  templates = approved;
  for (let i = 0; i < ENTRIES; i += 1000) {
    const [batched, execute] = site.sp.batched({ maxRequests: 100 });
    const log = spList(batched, site.url, 'templateDownloads');
    const adds: Array<Promise<unknown>> = [];
    for (let k = i; k < Math.min(ENTRIES, i + 1000); k++) {
      adds.push(log.items.add(toPayload('templateDownloads', {
        title: 'x', template: templates[k % 3].id, downloadedAt: new Date(NOW - (k % 400) * DAY).toISOString()
      })));
    }
    const all = Promise.all(adds);
    await execute();
    await all;
  }
  visitorSp = await site.as('visitor');
});
afterAll(async () => { await site.server.close(); });

function expected(fromDaysAgo: number | undefined): number[] {
  const counts = [0, 0, 0];
  for (let k = 0; k < ENTRIES; k++) if (fromDaysAgo === undefined || k % 400 <= fromDaysAgo) counts[k % 3]++;
  return counts;
}

test('a plain date filter over the log would trip the threshold (why the service falls back to paging by ID)', async () => {
  const at = internalName('templateDownloads', 'downloadedAt');
  const query = spList(visitorSp, site.url, 'templateDownloads').items.select('Id')
    .filter(`${at} ge datetime'${new Date(NOW - 200 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z')}'`).top(5000);
  await expect(query()).rejects.toMatchObject({ status: 500 });
});

test.each([[undefined], [30], [200]])('counts per template since %p days ago are exact, read as a visitor', async (days) => {
  const service = new SpTemplateService(visitorSp, site.url);
  const from = days === undefined ? undefined : new Date(NOW - days * DAY - 3600_000).toISOString();
  const counts = await service.downloadCounts(from);
  expect(templates.map((t) => counts.get(t.id) ?? 0)).toEqual(expected(days));
});

test('a visitor logs a download, and it counts', async () => {
  const service = new SpTemplateService(visitorSp, site.url, { now: () => new Date(NOW) });
  const before = (await service.downloadCounts()).get(templates[1].id) ?? 0;
  await service.logDownload(templates[1]);
  expect((await service.downloadCounts()).get(templates[1].id)).toBe(before + 1);
});
