/**
 * Contract: the news read past the list view threshold. Site Pages holds more than 5,000 pages, a
 * few dozen of them news posts in two languages; the news web part's read filters on PromotedState
 * and the language and sorts by FirstPublishedDate, which SharePoint Online refuses on a list that
 * big unless those columns are indexed — so provisioning indexes them, on a new site and, as an
 * upgrade, on an older one.
 */
import '@pnp/sp/fields';
import { startSite, type Site } from './setup';
import { ownerActor } from '../local-sharepoint/helpers';
import { ensureSitePages } from '../../../tools/local-sharepoint/src/store/pages';
import { provision } from '../../../src/provisioning/apply';
import { NEWS_LANGUAGE_FIELD, NEWS_PROMOTED_STATE, SITE_PAGES } from '../../../src/schema';
import { SpNewsService } from '../../../src/services/NewsService';

jest.setTimeout(240_000);

const PAGES = 5100;
const f = SITE_PAGES.fields;
let site: Site;
/** The news posts written, newest first: [title, language]. */
const news: Array<{ title: string; language: string; published: string }> = [];

beforeAll(async () => {
  site = await startSite();
  // A communication site has Site Pages before anyone provisions it.
  const actor = ownerActor(site.server);
  const library = ensureSitePages(site.server.store, actor);
  await provision(site.sp);
  // Straight into the store in one transaction: 5,100 pages over HTTP would only measure HTTP.
  site.server.store.tx(() => {
    for (let n = 0; n < PAGES; n++) {
      const isNews = n % 100 === 7;
      const published = new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString();
      const language = n % 200 === 7 ? 'sv-SE' : 'da-DK';
      const values: Record<string, string | number> = { Title: `${isNews ? 'News' : 'Page'} ${n}`, PromotedState: isNews ? NEWS_PROMOTED_STATE : 0, FirstPublishedDate: published };
      if (isNews) {
        values[NEWS_LANGUAGE_FIELD.internalName] = language;
        news.unshift({ title: `News ${n}`, language, published });
      }
      site.server.store.insertItem(actor, library, values, { folder: library.url, leaf: `page-${n}.aspx`, fsType: 0 });
    }
  });
});
afterAll(async () => { await site?.server.close(); });

const pageField = (name: string): ReturnType<ReturnType<Site['sp']['web']['getList']>['fields']['getByInternalNameOrTitle']> =>
  site.sp.web.getList(`/sites/pmo/${SITE_PAGES.url}`).fields.getByInternalNameOrTitle(name);
const indexed = async (name: string): Promise<boolean> => (await pageField(name).select('Indexed')<{ Indexed: boolean }>()).Indexed;

test('provisioning indexes the Site Pages columns the news read filters and sorts by', async () => {
  expect(await indexed(f.promotedState)).toBe(true);
  expect(await indexed(f.firstPublishedDate)).toBe(true);
  expect(await indexed(NEWS_LANGUAGE_FIELD.internalName)).toBe(true);
});

test('past 5,000 pages each reader gets the newest news in their language, and all news when none is in it', async () => {
  expect(news).toHaveLength(51);
  const service = new SpNewsService(site.sp, site.url);
  const swedish = await service.latest(5, 'sv-SE');
  expect(swedish.map((p) => p.title)).toEqual(news.filter((p) => p.language === 'sv-SE').slice(0, 5).map((p) => p.title));
  expect(swedish.every((p) => p.language === 'sv-SE')).toBe(true);
  // No Dutch posts and the site is English, which has none either: every language, newest first.
  const all = await service.latest(5, 'nl-NL');
  expect(all.map((p) => p.title)).toEqual(news.slice(0, 5).map((p) => p.title));
  expect(all.map((p) => p.firstPublished)).toEqual(news.slice(0, 5).map((p) => p.published));
});

test('an older site without the indexes: the news read is refused until provisioning adds them', async () => {
  await pageField(f.promotedState).update({ Indexed: false }, 'SP.FieldNumber');
  await pageField(f.firstPublishedDate).update({ Indexed: false }, 'SP.FieldDateTime');
  await expect(new SpNewsService(site.sp, site.url).latest(5, 'nl-NL')).rejects.toMatchObject({ status: 500 });
  // The sort alone, by hand: refused on a list this big while the column has no index.
  const sorted = `${site.url}/_api/web/GetList('${encodeURIComponent(`/sites/pmo/${SITE_PAGES.url}`)}')/items?$select=Id&$orderby=${f.firstPublishedDate} desc&$top=5`;
  const refused = await fetch(sorted, { headers: { accept: 'application/json' } });
  expect(refused.status).toBe(500);
  expect(await refused.text()).toMatch(/SPQueryThrottledException/);

  const upgrade = await provision(site.sp);
  expect(upgrade.upToDate).toBe(false);
  expect((await fetch(sorted, { headers: { accept: 'application/json' } })).status).toBe(200);
  expect((await new SpNewsService(site.sp, site.url).latest(5, 'nl-NL')).map((p) => p.title)).toEqual(news.slice(0, 5).map((p) => p.title));
  expect((await provision(site.sp)).upToDate).toBe(true);
});
