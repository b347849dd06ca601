/**
 * Contract: "my sparring requests" past the list view threshold. Sparring Requests holds more
 * than 5,000 requests (none of them the leader's or the visitor's); the requester's query
 * filters on Author, which the schema indexes — on a new site and, by provisioning, on an
 * older one whose Author is not indexed.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/fields';
import { startSite, type Site } from './setup';
import { provision } from '../../../src/provisioning/apply';
import { computePlan, readSite } from '../../../src/provisioning/plan';
import { getList, internalName, type ListSchema } from '../../../src/schema';
import { listUrl } from '../../../src/services/ProjectService';
import { SpSparringRequestService } from '../../../src/services/SparringRequestService';
import { toPayload } from '../../../src/services/mapping';
import { spList } from '../../../src/services/listItems';

jest.setTimeout(240_000);

const TOTAL = 5100;
let site: Site;
let leaderSp: SPFI;
let visitorSp: SPFI;

beforeAll(async () => {
  site = await startSite();
  await provision(site.sp);
  for (let i = 0; i < TOTAL; i += 1000) {
    const [batched, execute] = site.sp.batched({ maxRequests: 100 } as never);
    const list = spList(batched, site.url, 'sparringRequests');
    const adds: Array<Promise<unknown>> = [];
    for (let n = i; n < Math.min(TOTAL, i + 1000); n++) {
      adds.push(list.items.add(toPayload('sparringRequests', { title: `Request ${n}`, competency: 'Planning' })));
    }
    await execute();
    await Promise.all(adds);
  }
  leaderSp = await site.as('leader');
  visitorSp = await site.as('visitor');
});
afterAll(async () => { await site.server.close(); });

const author = (): ReturnType<ReturnType<SPFI['web']['getList']>['fields']['getByInternalNameOrTitle']> =>
  site.sp.web.getList(listUrl(site.url, getList('sparringRequests') as ListSchema)).fields.getByInternalNameOrTitle(internalName('sparringRequests', 'author'));

test('the list is past the threshold: a filter on an unindexed column is refused', async () => {
  const url = `${site.url}/_api/web/GetList('${encodeURIComponent(listUrl(site.url, getList('sparringRequests') as ListSchema))}')/items`
    + `?$filter=${encodeURIComponent(`${internalName('sparringRequests', 'competency')} eq 'Planning'`)}&$top=10`;
  const raw = await fetch(url, { headers: { accept: 'application/json' } });
  expect(raw.status).toBe(500);
  expect(await raw.text()).toMatch(/SPQueryThrottledException/);
  expect((await author().select('Indexed')<{ Indexed: boolean }>()).Indexed).toBe(true);
});

test('a requester\'s own requests are found by the indexed Author; the PMO\'s open requests page by ID', async () => {
  const mine = await new SpSparringRequestService(leaderSp, site.url).create({ title: 'Past the threshold', competency: 'Planning' });
  expect((await new SpSparringRequestService(leaderSp, site.url).mine()).map((r) => r.id)).toEqual([mine.id]);
  expect(await new SpSparringRequestService(visitorSp, site.url).mine()).toEqual([]);
  const open = await new SpSparringRequestService(site.sp, site.url).open();
  expect(open).toHaveLength(TOTAL + 1);
  expect(open[open.length - 1]).toMatchObject({ id: mine.id, status: 'New', requester: { email: 'sanne.devries@contoso.com' } });
});

test('an older site without the Author index: "my requests" is throttled until provisioning indexes it', async () => {
  await author().update({ Indexed: false }, 'SP.FieldUser');
  await expect(new SpSparringRequestService(leaderSp, site.url).mine()).rejects.toMatchObject({ status: 500 });
  const plan = computePlan(await readSite(site.sp));
  expect(plan.steps.map((s) => (s.kind === 'updateField' ? `${s.list.key}.${s.field.key}` : s.kind))).toEqual(['sparringRequests.author']);
  await provision(site.sp);
  expect((await new SpSparringRequestService(leaderSp, site.url).mine()).map((r) => r.title)).toEqual(['Past the threshold']);
});
