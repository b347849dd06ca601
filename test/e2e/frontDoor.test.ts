/**
 * Home as the PMO's front door, end to end in Debian's Chromium (issue 15): on a Swedish site
 * (web Language 1053) seeded with `--language all`, a visitor whose browser speaks Swedish, and
 * one whose browser speaks Dutch, each find on Home the PMO's purpose, who decides what, whom to
 * contact, the news, the next meeting and key figures — in their language, from what SharePoint
 * stores (the figures are checked against the lists read by hand), by keyboard, axe clean.
 */
import type { Page } from 'playwright-core';
import { axe, shot, startHub, DEMO_NOW, type Hub } from './harness';
import { getList, internalName, NEWS_PROMOTED_STATE, SITE_PAGES } from '../../src/schema';
import { NEWS_TEXT } from '../../src/provisioning/demoTexts';
import { isStale, REPORTING_PHASES } from '../../src/model/portfolioMetrics';
import type { Project } from '../../src/model/portfolio';
import { when } from '../../src/webparts/frontDoor/components/FrontDoor';

jest.setTimeout(60_000);

let hub: Hub;

beforeAll(async () => {
  hub = await startHub({ name: 'front-door', siteLanguage: 1053, seedLanguage: 'all' });
}, 180_000);

afterAll(async () => {
  await hub?.close();
});

/** What the lists hold, read by hand as the visitor: the figures Home must show. */
async function expectedFigures(): Promise<{ active: number; onTimePct: number }> {
  const phase = internalName('projects', 'phase');
  const reported = internalName('projects', 'latestReportDate');
  const res = await hub.rest<{ value: Array<Record<string, string>> }>('visitor', 'GET', `/_api/web/getlist('/sites/pmo/${getList('projects').url}')/items?$select=${phase},${reported}&$top=5000`);
  expect(res.status).toBe(200);
  const projects = res.body.value.map((r) => ({ phase: r[phase], latestReportDate: r[reported]?.slice(0, 10) }) as Project);
  const reporting = projects.filter((p) => REPORTING_PHASES.indexOf(p.phase) >= 0);
  return {
    active: projects.filter((p) => ['Initiation', 'Planning', 'Execution', 'Closing'].includes(p.phase)).length,
    onTimePct: Math.round((reporting.filter((p) => !isStale(p, 30, new Date(DEMO_NOW))).length / reporting.length) * 100)
  };
}

async function newsTitles(): Promise<string[]> {
  const f = SITE_PAGES.fields;
  const res = await hub.rest<{ value: Array<Record<string, string>> }>('visitor', 'GET',
    `/_api/web/lists/getbytitle('${SITE_PAGES.title}')/items?$select=${f.title}&$filter=${f.promotedState} eq ${NEWS_PROMOTED_STATE}&$top=5000`);
  expect(res.status).toBe(200);
  return res.body.value.map((r) => r[f.title]);
}

interface Expect {
  locale: 'sv-SE' | 'nl-NL';
  purpose: string;
  roles: string;
  steering: string;
  mail: string;
  news: string;
  meetings: string;
  figures: string;
  active: string;
  onTime: string;
  quickLink: string;
}

const CASES: Expect[] = [{
  locale: 'sv-SE', purpose: 'PMO hjälper våra projekt att lyckas', roles: 'Vem beslutar vad', steering: 'Styrgrupp', mail: 'Skicka e-post till Astrid Lindqvist',
  news: 'Senaste nytt', meetings: 'Nästa möten', figures: 'Nyckeltal', active: 'Aktiva projekt', onTime: 'Statusrapporter i tid', quickLink: 'Rapportera status'
}, {
  locale: 'nl-NL', purpose: 'Het PMO helpt onze projecten slagen', roles: 'Wie beslist wat', steering: 'Stuurgroep', mail: 'Een e-mail sturen naar Astrid Lindqvist',
  news: 'Laatste nieuws', meetings: 'Volgende bijeenkomsten', figures: 'Kerncijfers', active: 'Actieve projecten', onTime: 'Statusrapporten op tijd', quickLink: 'Status rapporteren'
}];

async function section(page: Page, name: string): Promise<ReturnType<Page['getByRole']>> {
  const region = page.getByRole('region', { name, exact: true });
  await region.waitFor();
  return region;
}

describe.each(CASES)('a visitor whose browser speaks $locale', (c) => {
  it('finds purpose, roles, contacts, news, the next meeting and key figures on Home, axe clean', async () => {
    const s = await hub.open('visitor', { locale: c.locale, page: '/' });
    const page = s.page;
    await page.getByRole('heading', { level: 2, name: c.purpose }).waitFor({ timeout: 30_000 });

    const roles = await section(page, c.roles);
    expect(await roles.getByRole('rowheader', { name: c.steering }).count()).toBe(1);

    const mail = page.getByRole('link', { name: c.mail });
    expect(await mail.getAttribute('href')).toBe('mailto:astrid.lindqvist@contoso.com');

    // The news shown are news posts SharePoint holds for the site.
    const news = await section(page, c.news);
    await news.getByRole('link').first().waitFor();
    const stored = await newsTitles();
    const shown = await news.getByRole('heading', { level: 3 }).allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const t of shown) expect(stored).toContain(t);
    // The site holds news in all four languages; the reader gets theirs only.
    expect(shown.sort()).toEqual(NEWS_TEXT[c.locale].map((n) => n.title).sort());

    // The next meeting on the demo's day is the quarterly challenge meeting of 20 November 2026 (a Swedish site: Swedish titles).
    const meetings = await section(page, c.meetings);
    expect(await meetings.getByRole('heading', { level: 3 }).first().textContent()).toBe('Kvartalsvis utmaningsmöte K4 2026');

    const figures = await section(page, c.figures);
    const want = await expectedFigures();
    expect(await figures.getByRole('listitem').filter({ hasText: c.active }).textContent()).toBe(`${want.active}${c.active}`);
    expect(await figures.getByRole('listitem').filter({ hasText: c.onTime }).textContent()).toBe(`${want.onTimePct} %${c.onTime}`);

    await shot(page, `front-door-${c.locale}`);
    expect(await axe(page)).toEqual([]);

    // By keyboard: Tab to the first quick link, Enter opens the page where status is reported.
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await page.evaluate(() => document.activeElement?.textContent ?? '')) === c.quickLink;
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/sites/pmo/SitePages/Projects.aspx');
    expect(hub.problems()).toEqual({});
  });
});


describe('a PMO member on Home, in a browser in New York', () => {
  it('edits a Swedish text where it is shown; after a reload SharePoint holds exactly what was typed; meeting times are the site\'s', async () => {
    const s = await hub.open('pmo', { locale: 'sv-SE', page: '/', timezoneId: 'America/New_York' });
    const page = s.page;
    await page.getByRole('heading', { level: 2, name: 'PMO hjälper våra projekt att lyckas' }).waitFor({ timeout: 30_000 });

    // The next meeting's time on the site's clock (the local SharePoint's regional settings say UTC), not New York's.
    const start = internalName('communityEvents', 'startDate');
    const events = await hub.rest<{ value: Array<Record<string, string>> }>('pmo', 'GET',
      `/_api/web/getlist('/sites/pmo/${getList('communityEvents').url}')/items?$select=Title,${start}&$filter=${start} ge datetime'${new Date(DEMO_NOW).toISOString()}'&$orderby=${start}&$top=1`);
    const next = events.body.value[0];
    const meetings = await section(page, 'Nästa möten');
    const shown = await meetings.getByRole('listitem').first().textContent() ?? '';
    expect(shown).toContain(when(next[start], 'sv-SE', 'UTC'));
    expect(when(next[start], 'sv-SE', 'UTC')).not.toBe(when(next[start], 'sv-SE', 'America/New_York'));
    expect(shown).not.toContain(when(next[start], 'sv-SE', 'America/New_York'));

    const typed = 'Styrgruppen "beslutar" – <b>inte</b> PMO 🚀';
    await page.getByRole('button', { name: 'Redigera ”Styrgrupp”' }).click();
    const heading = page.getByRole('textbox', { name: 'Rubrik' });
    await heading.fill(typed);
    await shot(page, 'front-door-edit-sv-SE', false);
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByText('Sparat. Startsidan visar nu det du skrev.').waitFor();
    await page.reload();
    await page.getByRole('rowheader', { name: typed }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('rowheader', { name: typed }).locator('b').count()).toBe(0);

    const language = internalName('frontDoor', 'language');
    const section_ = internalName('frontDoor', 'section');
    const stored = await hub.rest<{ value: Array<Record<string, string>> }>('pmo', 'GET',
      `/_api/web/getlist('/sites/pmo/${getList('frontDoor').url}')/items?$select=Title,${language}&$filter=${section_} eq 'Role' and ${language} eq 'sv-SE'&$top=100`);
    expect(stored.body.value.map((r) => r.Title)).toContain(typed);
    expect(stored.body.value.map((r) => r.Title)).not.toContain('Styrgrupp');
    expect(await axe(page)).toEqual([]);
    expect(hub.problems()).toEqual({});
  });

  it('shows a visitor no edit command, and SharePoint refuses the visitor\'s hand-made edit', async () => {
    const s = await hub.open('visitor', { locale: 'sv-SE', page: '/' });
    await s.page.getByRole('heading', { level: 2, name: 'PMO hjälper våra projekt att lyckas' }).waitFor({ timeout: 30_000 });
    expect(await s.page.getByRole('button', { name: /^Redigera/ }).count()).toBe(0);
    const items = await hub.rest<{ value: Array<{ Id: number }> }>('visitor', 'GET', `/_api/web/getlist('/sites/pmo/${getList('frontDoor').url}')/items?$select=Id&$top=1`);
    const res = await hub.rest('visitor', 'POST', `/_api/web/getlist('/sites/pmo/${getList('frontDoor').url}')/items(${items.body.value[0].Id})`,
      { Title: 'Besökare' }, { 'IF-MATCH': '*', 'X-HTTP-Method': 'MERGE' });
    expect(res.status).toBe(403);
  });
});
