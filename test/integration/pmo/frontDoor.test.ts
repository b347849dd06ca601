/**
 * Home as the PMO's front door, against a local SharePoint whose site is Swedish (web Language
 * 1053), provisioned and seeded as an admin would: what the seed stored (texts in the site's
 * language, news as news posts), what the services read back from it, and who may write what —
 * by hand-made REST calls, not through the UI.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { startSite, type Site } from './setup';
import { provision } from '../../../src/provisioning/apply';
import { seed } from '../../../src/provisioning/seed';
import { getList, internalName, NEWS_LANGUAGE_FIELD, NEWS_PROMOTED_STATE, SITE_PAGES } from '../../../src/schema';
import { SpFrontDoorService } from '../../../src/services/FrontDoorService';
import { SpNewsService } from '../../../src/services/NewsService';
import { profilePageKeys } from '../../../src/webparts/frontDoor/pageLinks';
import { NEWS_TEXT } from '../../../src/provisioning/demoTexts';
import { isStale, REPORTING_PHASES } from '../../../src/model/portfolioMetrics';
import type { Project } from '../../../src/model/portfolio';
import { DEMO_NOW } from '../../fixtures/demoClock';
import { isConflict } from '../../../src/components/errors';

jest.setTimeout(180_000);

let site: Site;
const SITE_URL = (): string => site.url;

beforeAll(async () => {
  site = await startSite({ sites: [{ path: '/sites/pmo', title: 'PMO', language: 1053 }] });
  await provision(site.sp);
  await seed(site.sp, 'demo', undefined, { now: DEMO_NOW });
});
afterAll(async () => { await site?.server.close(); });

const frontDoorItems = async (): Promise<Array<Record<string, unknown>>> =>
  site.sp.web.getList(`/sites/pmo/${getList('frontDoor').url}`).items.select('Id', 'Title', internalName('frontDoor', 'language'), internalName('frontDoor', 'section')).top(5000)();

const newsItems = async (): Promise<Array<Record<string, unknown>>> =>
  site.sp.web.getList(`/sites/pmo/${SITE_PAGES.url}`).items
    .select('Id', SITE_PAGES.fields.title, SITE_PAGES.fields.description, SITE_PAGES.fields.promotedState, SITE_PAGES.fields.firstPublishedDate)
    .filter(`${SITE_PAGES.fields.promotedState} eq ${NEWS_PROMOTED_STATE}`).top(5000)();

test('a Swedish site gets its demo in Swedish: texts, projects, events, lessons, bios', async () => {
  const web = await site.sp.web.select('Language')<{ Language: number }>();
  expect(web.Language).toBe(1053);
  const texts = await frontDoorItems();
  const language = internalName('frontDoor', 'language');
  expect(new Set(texts.map((t) => t[language]))).toEqual(new Set(['sv-SE']));
  expect(texts.map((t) => t.Title)).toContain('PMO hjälper våra projekt att lyckas');
  const projects = await site.sp.web.getList(`/sites/pmo/${getList('projects').url}`).items
    .select(internalName('projects', 'description'), internalName('projects', 'unit')).top(5000)<Array<Record<string, string>>>();
  expect(projects.map((p) => p[internalName('projects', 'description')])).toContain('En självserviceportal för alla kundärenden som ersätter tre gamla webbplatser.');
  expect(projects.map((p) => p[internalName('projects', 'unit')])).toContain('Ekonomi');
  const events = await site.sp.web.getList(`/sites/pmo/${getList('communityEvents').url}`).items.select('Title').top(5000)<Array<{ Title: string }>>();
  expect(events.map((e) => e.Title)).toContain('Kvartalsvis utmaningsmöte K4 2026');
  expect(events.map((e) => e.Title)).not.toContain('Quarterly challenge meeting Q4 2026');
  const lessons = await site.sp.web.getList(`/sites/pmo/${getList('lessonsLearned').url}`).items.select('Title').top(5000)<Array<{ Title: string }>>();
  expect(lessons.map((l) => l.Title)).toContain('Styrgruppen behöver beslut, inte status');
  const bios = await site.sp.web.getList(`/sites/pmo/${getList('pmoExperts').url}`).items.select(internalName('pmoExperts', 'bio')).top(5000)<Array<Record<string, string>>>();
  expect(bios.map((b) => b[internalName('pmoExperts', 'bio')])).toContain('Programledare som har lett fler än 40 styrgrupper.');
});

test('news are stored as SharePoint news posts: promoted site pages with a first-published date and a description', async () => {
  const news = await newsItems();
  expect(news.map((n) => n[SITE_PAGES.fields.title]).sort()).toEqual(NEWS_TEXT['sv-SE'].map((n) => n.title).sort());
  for (const n of news) {
    expect(n[SITE_PAGES.fields.promotedState]).toBe(2);
    expect(typeof n[SITE_PAGES.fields.firstPublishedDate]).toBe('string');
    expect(String(n[SITE_PAGES.fields.description])).not.toBe('');
  }
  // The pages API says the same of each post.
  const { SPQueryable } = await import('@pnp/sp');
  const page = await SPQueryable([site.sp.web, site.url], `_api/sitepages/pages(${String(news[0].Id)})`)<{ PromotedState: number; Description: string }>();
  expect(page.PromotedState).toBe(2);
  expect(page.Description).toBe(news[0][SITE_PAGES.fields.description]);
});

const newsLanguages = async (): Promise<Map<string, unknown>> => {
  const rows = await site.sp.web.getList(`/sites/pmo/${SITE_PAGES.url}`).items.select(SITE_PAGES.fields.title, NEWS_LANGUAGE_FIELD.internalName)
    .filter(`${SITE_PAGES.fields.promotedState} eq ${NEWS_PROMOTED_STATE}`).top(5000)<Array<Record<string, unknown>>>();
  return new Map(rows.map((r) => [String(r[SITE_PAGES.fields.title]), r[NEWS_LANGUAGE_FIELD.internalName]]));
};

test('provisioning adds the news language column to Site Pages once, as a normal indexed choice column', async () => {
  const fields = (): Promise<Array<{ InternalName: string; TypeAsString: string; Indexed: boolean; Choices: string[] }>> =>
    site.sp.web.getList(`/sites/pmo/${SITE_PAGES.url}`).fields.filter(`InternalName eq '${NEWS_LANGUAGE_FIELD.internalName}'`)
      .select('InternalName', 'TypeAsString', 'Indexed', 'Choices')();
  const [field] = await fields();
  expect(field).toMatchObject({ TypeAsString: 'Choice', Indexed: true, Choices: ['en-US', 'sv-SE', 'da-DK', 'nl-NL'] });
  const again = await provision(site.sp);
  expect(again.upToDate).toBe(true);
  expect(await fields()).toHaveLength(1);
});

test('each seeded news post carries its language; a reader whose language has no news gets the site\'s', async () => {
  const tags = await newsLanguages();
  expect(tags.size).toBe(NEWS_TEXT['sv-SE'].length);
  for (const n of NEWS_TEXT['sv-SE']) expect(tags.get(n.title)).toBe('sv-SE');
  const visitor = await site.as('visitor');
  // Only Swedish posts so far: a Danish reader reads the Swedish site's news rather than nothing.
  const danish = await new SpNewsService(visitor, SITE_URL()).latest(10, 'da-DK');
  expect(danish.map((n) => n.title).sort()).toEqual(NEWS_TEXT['sv-SE'].map((n) => n.title).sort());
  expect(new Set(danish.map((n) => n.language))).toEqual(new Set(['sv-SE']));
});

test('the seed runs again without adding; with --language all it adds the other three languages only', async () => {
  expect((await seed(site.sp, 'demo', undefined, { now: DEMO_NOW + 3600_000 })).added).toEqual({});
  const more = await seed(site.sp, 'demo', undefined, { now: DEMO_NOW + 3600_000, language: 'all' });
  expect(more.added['news posts']).toBe(9);
  expect(more.added.projects).toBeUndefined();
  expect(more.added['community events']).toBeUndefined();
  const texts = await frontDoorItems();
  const language = internalName('frontDoor', 'language');
  expect(new Set(texts.map((t) => t[language]))).toEqual(new Set(['en-US', 'sv-SE', 'da-DK', 'nl-NL']));
  const keys = texts.map((t) => `${String(t[language])}|${String(t.Title)}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect((await seed(site.sp, 'demo', undefined, { now: DEMO_NOW + 7200_000, language: 'all' })).added).toEqual({});
  const tags = await newsLanguages();
  for (const lang of ['en-US', 'sv-SE', 'da-DK', 'nl-NL'] as const) for (const n of NEWS_TEXT[lang]) expect(tags.get(n.title)).toBe(lang);
});

test('with news in all four languages, each reader gets their own language only, newest first', async () => {
  const visitor = await site.as('visitor');
  const news = new SpNewsService(visitor, SITE_URL());
  for (const lang of ['en-US', 'sv-SE', 'da-DK', 'nl-NL'] as const) {
    const shown = await news.latest(10, lang);
    expect(shown.map((n) => n.title).sort()).toEqual(NEWS_TEXT[lang].map((n) => n.title).sort());
    const dates = shown.map((n) => Date.parse(n.firstPublished ?? ''));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  }
  // A language PMO Hub does not write in reads English, as the UI does.
  expect((await news.latest(10, 'fi-FI')).map((n) => n.language)).toEqual(NEWS_TEXT['en-US'].map(() => 'en-US'));
  // Without a reader's language: the site's (Swedish).
  expect(new Set((await news.latest(10)).map((n) => n.language))).toEqual(new Set(['sv-SE']));
});

test('the front door service reads the visitor\'s language, falls back to English, and keeps the profile\'s texts', async () => {
  const visitor = await site.as('visitor');
  const service = new SpFrontDoorService(visitor, SITE_URL(), profilePageKeys);
  const nl = await service.content('nl-NL');
  expect(nl.language).toBe('nl-NL');
  expect(nl.fallback).toBe(false);
  expect(nl.purpose?.title).toBe('Het PMO helpt onze projecten slagen');
  expect(nl.roles.map((r) => r.governanceRole)).toEqual(['SteeringGroup', 'Sponsor', 'ProjectLeader', 'Pmo']);
  expect(nl.team.map((t) => t.contact?.email)).toEqual(['astrid.lindqvist@contoso.com', 'mikkel.sorensen@contoso.com']);
  expect(nl.profile).toBe('enterprise');
  expect(nl.pages).toEqual(['home', 'projects', 'portfolio', 'strategy', 'templates', 'community']);
  const fi = await service.content('fi-FI');
  // A language PMO Hub does not speak gets the English UI, so English texts are no fallback.
  expect([fi.language, fi.fallback]).toEqual(['en-US', false]);
});

test('key figures are computed from what the lists hold, as a visitor may read them', async () => {
  const visitor = await site.as('visitor');
  const figures = await new SpFrontDoorService(visitor, SITE_URL(), profilePageKeys).keyFigures(new Date(DEMO_NOW), 30);
  const phase = internalName('projects', 'phase');
  const reported = internalName('projects', 'latestReportDate');
  const rows = await visitor.web.getList(`/sites/pmo/${getList('projects').url}`).items.select(phase, reported).top(5000)<Array<Record<string, string>>>();
  const projects = rows.map((r) => ({ phase: r[phase], latestReportDate: r[reported]?.slice(0, 10) }) as Project);
  const reporting = projects.filter((p) => REPORTING_PHASES.indexOf(p.phase) >= 0);
  expect(figures.activeProjects).toBe(projects.filter((p) => ['Initiation', 'Planning', 'Execution', 'Closing'].includes(p.phase)).length);
  expect(figures.reportsOnTimePct).toBe(Math.round((reporting.filter((p) => !isStale(p, 30, new Date(DEMO_NOW))).length / reporting.length) * 100));
  // Two projects report late on purpose: not every report is on time.
  expect(figures.reportsOnTimePct).toBeLessThan(100);
  const templates = await visitor.web.getList(`/sites/pmo/${getList('methodTemplates').url}`).items.select('Id').top(5000)();
  expect(figures.approvedTemplates).toBe(templates.length);
  expect(figures.experts).toBe(6);
  const events = await new SpFrontDoorService(visitor, SITE_URL(), profilePageKeys).nextEvents(new Date(DEMO_NOW), 3);
  expect(events).toHaveLength(3);
  expect(events.every((e) => Date.parse(e.startDate) >= DEMO_NOW)).toBe(true);
  expect(events.map((e) => e.startDate)).toEqual([...events.map((e) => e.startDate)].sort());
});

test('the news service returns the latest posts, newest first, to a visitor', async () => {
  const visitor = await site.as('visitor');
  const latest = await new SpNewsService(visitor, SITE_URL()).latest(2, 'en-US');
  expect(latest).toHaveLength(2);
  const dates = latest.map((n) => Date.parse(n.firstPublished ?? ''));
  expect(dates).toEqual([...dates].sort((a, b) => b - a));
  expect(latest[0].url).toMatch(/^\/sites\/pmo\/SitePages\/.+\.aspx$/);
});

test('SharePoint refuses a visitor who writes the front door or posts news by hand', async () => {
  const visitor = await site.as('visitor');
  const status = async (p: Promise<unknown>): Promise<number> => p.then(() => 200, (e: { status?: number }) => e.status ?? 0);
  expect(await status(visitor.web.getList(`/sites/pmo/${getList('frontDoor').url}`).items.add({ Title: 'Visitor text' }))).toBe(403);
  const { SPQueryable, spPost } = await import('@pnp/sp');
  expect(await status(spPost(SPQueryable([visitor.web, site.url], '_api/sitepages/pages'), { body: JSON.stringify({ PageLayoutType: 'Article', PromotedState: 1 }) }))).toBe(403);
  const pmo = await site.as('pmo');
  expect(await status(pmo.web.getList(`/sites/pmo/${getList('frontDoor').url}`).items.add({
    Title: 'PMO text', [internalName('frontDoor', 'section')]: 'Purpose', [internalName('frontDoor', 'language')]: 'en-US'
  }))).toBe(200);
});

test('the PMO may edit the front door from Home and a visitor may not: SharePoint\'s effective permissions decide, and what was typed is stored', async () => {
  const pmo = new SpFrontDoorService(await site.as('pmo'), SITE_URL(), profilePageKeys);
  const visitor = new SpFrontDoorService(await site.as('visitor'), SITE_URL(), profilePageKeys);
  const leader = new SpFrontDoorService(await site.as('leader'), SITE_URL(), profilePageKeys);
  expect([await pmo.canEdit(), await leader.canEdit(), await visitor.canEdit()]).toEqual([true, false, false]);
  expect(pmo.listUrl()).toBe(`/sites/pmo/${getList('frontDoor').url}`);

  const role = (await pmo.content('sv-SE')).roles[0];
  const typed = 'Styrgruppen "beslutar" – <b>inte</b> PMO:s \'rådgivare\' 🚀 åäö';
  // The visitor's hand-made write of the same item is refused by SharePoint, not by the UI.
  await expect(visitor.saveText({ ...role, title: 'Besökare' })).rejects.toMatchObject({ status: 403 });
  const saved = await pmo.saveText({ ...role, title: typed, body: 'Rad 1\nRad 2 & <i>mer</i>', sortOrder: 12 });
  const raw = await site.sp.web.getList(`/sites/pmo/${getList('frontDoor').url}`).items.getById(role.id)
    .select('Title', internalName('frontDoor', 'body'), internalName('frontDoor', 'sortOrder'), internalName('frontDoor', 'section'), internalName('frontDoor', 'language'))<Record<string, unknown>>();
  expect(raw.Title).toBe(typed);
  expect(raw[internalName('frontDoor', 'body')]).toBe('Rad 1\nRad 2 & <i>mer</i>');
  expect(raw[internalName('frontDoor', 'sortOrder')]).toBe(12);
  // What the panel does not edit is left as the PMO set it in the list.
  expect([raw[internalName('frontDoor', 'section')], raw[internalName('frontDoor', 'language')]]).toEqual(['Role', 'sv-SE']);
  expect((await pmo.content('sv-SE')).roles.find((r) => r.id === role.id)?.title).toBe(typed);

  // A save with the ETag read before someone else's change is a conflict, never a silent overwrite.
  const stale = await pmo.saveText({ ...role, title: 'Gammal' }).then(() => undefined, (e: unknown) => e);
  expect(isConflict(stale)).toBe(true);
  expect((await pmo.saveText({ ...saved, title: 'Gammal' }, { overwrite: false })).title).toBe('Gammal');
});
