/**
 * The local hub end to end, in Debian's Chromium: the local SharePoint (in memory) serves the
 * hub page, provisioned and seeded by the same code as `npm start` and a tenant. A visitor
 * opens the hub, finds a project by search, filters by phase, opens its details and switches
 * language; axe-core checks the pages on the way. Steps share one page and run in order.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { axe as axeOf, shot as shotOf, startHub, SITE, type Hub } from './harness';
import { SpProjectService } from '../../src/services/ProjectService';
import { formatDate } from '../../src/components/format';
import type { Project } from '../../src/model/portfolio';

jest.setTimeout(60_000);

let hub: Hub;
let page: Page;
let projects: Project[] = [];
let target: Project;
/** Console errors, failed requests and uncaught exceptions: CSP violations land here too. */
let problems: string[] = [];

function p(): Page {
  if (!page) throw new Error('The browser did not start (see the first failure).');
  return page;
}

/** The visible part of the page, as these pictures always were. */
const shot = (name: string): Promise<void> => shotOf(p(), name, false);

/** axe-core with every result type, as this file always ran it. */
const axe = (): Promise<string[]> => axeOf(p(), {});

/** The register's data rows (DetailsList rows, not its header row). */
function rows(): ReturnType<Page['locator']> {
  return p().locator('[role="grid"] .ms-DetailsRow');
}

async function choosePhase(label: string, phase: string): Promise<void> {
  await p().getByRole('combobox', { name: label }).click();
  // Fluent's option is a hidden checkbox under its label: click the label, as a person does.
  await p().locator('.ms-Dropdown-callout').getByText(phase, { exact: true }).click();
  await p().keyboard.press('Escape');
}

beforeAll(async () => {
  hub = await startHub({ name: 'hub' });
  // What a visitor may read, through the same service as the web part: the expectations below.
  projects = await new SpProjectService(await hub.sp('visitor'), hub.siteUrl).loadProjects();
  const found = projects.find((x) => x.title === 'Ny kundportal');
  if (!found) throw new Error('The demo data has no project "Ny kundportal".');
  target = found;
  // No user chosen: the hub opens as the local SharePoint's default user, and the test switches.
  ({ page, problems } = await hub.open(null));
}, 60_000);

afterAll(async () => {
  await hub?.close();
});

describe('the hub page server', () => {
  const get = (pathname: string): Promise<Response> => fetch(hub.url(pathname), { redirect: 'manual' });

  it('redirects / to the site and serves the shell with a strict Content-Security-Policy', async () => {
    const root = await get('/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe(SITE);
    for (const pathname of [SITE, `${SITE}/`, `${SITE}/SitePages/Projects.aspx`, `${SITE}/sitepages/community.aspx`]) {
      const res = await get(pathname);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
      const html = await res.text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it('serves the bundle, its source map and fonts with their content types, and 404s the rest', async () => {
    expect((await get('/hub/assets/hub.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await get('/hub/assets/hub.js.map')).headers.get('content-type')).toMatch(/^application\/json/);
    const font = fs.readdirSync(path.join(hub.dist, 'fonts'))[0];
    expect((await get(`/hub/assets/fonts/${font}`)).headers.get('content-type')).toBe('font/woff');
    for (const missing of ['/hub/assets/nope.js', '/hub/assets/..%2F..%2Fpackage.json', '/hub/assets/fonts/', `${SITE}/SitePages/Nope/x.aspx`, '/elsewhere']) {
      expect([missing, (await get(missing)).status]).toEqual([missing, 404]);
    }
    // Hashed chunks and fonts are kept by the browser; the entry is revalidated, 304 while unchanged.
    const chunk = fs.readdirSync(path.join(hub.dist, 'chunks')).find((f) => f.endsWith('.js'));
    expect((await get(`/hub/assets/chunks/${chunk}`)).headers.get('cache-control')).toMatch(/max-age=31536000, immutable/);
    expect((await get(`/hub/assets/fonts/${font}`)).headers.get('cache-control')).toMatch(/immutable/);
    const entry = await get('/hub/assets/hub.js');
    expect(entry.headers.get('cache-control')).toBe('no-cache');
    const etag = entry.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(hub.url('/hub/assets/hub.js'), { headers: { 'if-none-match': etag } });
    expect([again.status, (await again.arrayBuffer()).byteLength]).toEqual([304, 0]);
    const stale = await fetch(hub.url('/hub/assets/hub.js'), { headers: { 'if-none-match': '"other"' } });
    expect([stale.status, (await stale.text()).length > 1000]).toEqual([200, true]);
    // A page of Site Pages the hub does not know (made in edit mode, or missing) gets the hub, which asks Site Pages.
    expect((await get(`${SITE}/SitePages/Nope.aspx`)).headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('a visitor in the hub', () => {
  it('opens the hub: header, navigation, development banner, and acts as the visitor', async () => {
    await p().goto(hub.url('/'));
    await p().waitForURL(`**${SITE}`);
    expect(await p().getByRole('banner').count()).toBe(1);
    await p().getByRole('heading', { level: 2, name: 'Project register' }).waitFor();
    expect(await p().getByText('Local development hub', { exact: false }).isVisible()).toBe(true);
    expect(await p().getByRole('navigation', { name: 'Site navigation' }).getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
    // The skip link is the first stop for the keyboard and lands in <main>.
    await p().keyboard.press('Tab');
    expect(await p().evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await p().keyboard.press('Enter');
    expect(await p().evaluate(() => document.activeElement?.tagName)).toBe('MAIN');

    await p().getByRole('button', { name: /^Acting as Astrid Lindqvist, site owner/ }).click();
    await p().getByRole('menuitemcheckbox', { name: /Erik Johansson/ }).click();
    const me = p().getByRole('button', { name: /^Acting as Erik Johansson, visitor/ });
    await me.waitFor();
    const photo = me.locator('img');
    expect(await photo.getAttribute('src')).toContain('erik.johansson%40contoso.com/photo/$value');
    await p().waitForFunction(() => Array.from(document.querySelectorAll('header img')).every((i) => (i as HTMLImageElement).naturalWidth > 0));
    const cookies = await p().context().cookies();
    expect(cookies.find((c) => c.name === 'pmohub-user')?.value).toBe('visitor');
    await p().getByText(`${projects.length} of ${projects.length} projects`).waitFor();
    await shot('hub-home');
    expect(await axe()).toEqual([]);
  });

  it('goes to Projects without reloading the page', async () => {
    await p().evaluate(() => { (window as unknown as { hubMarker: number }).hubMarker = 1; });
    await p().getByRole('navigation', { name: 'Site navigation' }).getByRole('link', { name: 'Projects' }).click();
    await p().waitForURL(`**${SITE}/SitePages/Projects.aspx`);
    await p().getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    expect(await p().getByRole('link', { name: 'Projects' }).getAttribute('aria-current')).toBe('page');
    expect(await p().getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBeNull();
    expect(await p().evaluate(() => (window as unknown as { hubMarker?: number }).hubMarker)).toBe(1);
    expect(await p().title()).toBe('Projects – PMO Hub');
    await p().getByText(`${projects.length} of ${projects.length} projects`).waitFor();
  });

  it('finds a project by search', async () => {
    await p().getByRole('searchbox', { name: 'Search projects' }).fill('kundportal');
    await p().getByText(`1 of ${projects.length} projects`).waitFor();
    expect(await rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('Ny kundportal');
    expect(await p().getByText('Chatbot för kundtjänst').count()).toBe(0);
    await shot('hub-projects-search');
  });

  it('filters by phase', async () => {
    const execution = projects.filter((x) => x.phase === 'Execution');
    expect(target.phase).toBe('Execution');
    await choosePhase('Phase', 'Execution');
    await p().getByText(`1 of ${projects.length} projects`).waitFor();
    expect(await rows().first().textContent()).toContain('Ny kundportal');

    // Without the search, the phase filter alone: every Execution project and nothing else.
    await p().getByRole('searchbox', { name: 'Search projects' }).fill('');
    await p().getByText(`${execution.length} of ${projects.length} projects`).waitFor();
    expect(await rows().count()).toBe(execution.length);
    const phases = await rows().locator('[data-automationid="DetailsRowCell"][data-automation-key="phase"]').allTextContents();
    expect(new Set(phases)).toEqual(new Set(['Execution']));
    await shot('hub-projects-execution');
    expect(await axe()).toEqual([]);

    await p().getByRole('searchbox', { name: 'Search projects' }).fill('kundportal');
    await p().getByText(`1 of ${projects.length} projects`).waitFor();
  });

  it('opens the project details: code, leader and latest status', async () => {
    await p().getByRole('button', { name: 'Open details of Ny kundportal' }).click();
    const panel = p().getByRole('dialog');
    await panel.getByText(`${target.code} · Ny kundportal`).waitFor();
    const text = await panel.textContent() ?? '';
    expect(text).toContain(target.leader?.title ?? 'a leader');
    expect(text).toContain('Latest status');
    expect(target.latestReportDate).toBeDefined();
    expect(text).toContain(formatDate(target.latestReportDate, 'en-US'));
    expect(text).toContain({ Green: 'Green', Amber: 'Amber', Red: 'Red' }[target.latestOverall ?? 'Green']);
    await shot('hub-details-panel');
    const violations = await axe();
    // Closed before asserting, so one finding does not block the steps after it.
    await p().keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(violations).toEqual([]);
  });

  it('switches language to Svenska and Nederlands without a reload, keeping the search', async () => {
    await p().getByRole('button', { name: 'Language: English' }).click();
    await p().getByRole('menuitemcheckbox', { name: 'Svenska' }).click();
    await p().getByRole('heading', { level: 2, name: 'Projektregister' }).waitFor();
    const nav = p().getByRole('navigation', { name: 'Webbplatsnavigering' });
    expect(await nav.getByRole('link', { name: 'Projekt', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await p().evaluate(() => document.documentElement.lang)).toBe('sv-SE');
    expect(await p().getByRole('searchbox', { name: 'Sök projekt' }).inputValue()).toBe('kundportal');
    expect(await p().getByRole('button', { name: /^Agerar som Erik Johansson, besökare/ }).count()).toBe(1);
    expect(await p().evaluate(() => (window as unknown as { hubMarker?: number }).hubMarker)).toBe(1);
    await shot('hub-projects-sv');

    await p().getByRole('button', { name: 'Språk: Svenska' }).click();
    await p().getByRole('menuitemcheckbox', { name: 'Nederlands' }).click();
    await p().getByRole('heading', { level: 2, name: 'Projectregister' }).waitFor();
    expect(await p().getByRole('link', { name: 'Projecten', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await p().evaluate(() => document.documentElement.lang)).toBe('nl-NL');
    // The page's title is what Site Pages stores, in the site's language, as SharePoint shows it;
    // the navigation is in the user's language, as SharePoint's navigation nodes are.
    expect(await p().title()).toBe('Projects – PMO Hub');
  });

  it('is accessible in Dutch with the details panel open', async () => {
    await p().getByRole('button', { name: /Ny kundportal/ }).click();
    const panel = p().getByRole('dialog');
    await panel.getByText(`${target.code} · Ny kundportal`).waitFor();
    expect(await panel.textContent()).toContain('Laatste status');
    await shot('hub-details-panel-nl');
    const violations = await axe();
    await p().keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(violations).toEqual([]);
  });

  it('keeps the language and the user across a reload', async () => {
    await p().reload();
    await p().getByRole('heading', { level: 2, name: 'Projectregister' }).waitFor();
    expect(await p().evaluate(() => document.documentElement.lang)).toBe('nl-NL');
    expect(await p().getByRole('button', { name: /^Handelt als Erik Johansson, bezoeker/ }).count()).toBe(1);
  });

  it('shows the portfolio page as provisioned, its web parts in Dutch', async () => {
    await p().getByRole('link', { name: 'Portfolio', exact: true }).click();
    // The roadmap, the risk heat map and the prioritisation are there now too, in Dutch.
    for (const name of ['Roadmap', 'Risicoheatmap van de portfolio', 'Prioriteringsmatrix']) await p().getByRole('heading', { level: 2, name, exact: true }).waitFor();
    // The portfolio web parts built so far are on the page, in Dutch.
    await p().getByRole('heading', { level: 2, name: 'Kerncijfers' }).waitFor();
    await p().locator('.ct-line').first().waitFor();
    await shot('hub-portfolio-nl');
    expect(await axe()).toEqual([]);
    await p().getByRole('link', { name: 'Community', exact: true }).click();
    await p().getByText('Geleerde lessen', { exact: false }).waitFor();
  });

  it('raised no console error, CSP violation or failed request', () => {
    expect(problems).toEqual([]);
  });
});
