/**
 * The PMO community end to end, in Debian's Chromium (issue 7, "Tests", end-to-end bullet): on
 * the hub's Community page a project leader finds an expert in PRINCE2 steering groups, asks for
 * sparring (a request without topic is refused field by field) and sees the request as New; a
 * PMO member assigns it; another visitor cannot see it, in the page nor through REST; a user adds
 * the next quarterly meeting to their calendar (Graph me/events, checked on the local server).
 * Every web part is driven by keyboard somewhere, and axe-core checks each state.
 *
 * Its own local SharePoint (in memory, provisioned and seeded like `npm start`) and bundle folder.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { startLocalSharePoint, type LocalSharePoint } from '../../tools/local-sharepoint/src/server';
import { buildHub } from '../../tools/hub/build';
import { hubStaticHandler } from '../../tools/hub/server';
import { prepareDemoSite } from '../../tools/hub/demo';
import { CHROMIUM_PATH, launchChromium, settleAnimations } from '../../tools/hub/chromium';
import { connect } from '../../tools/cli/connect';
import { SpSparringRequestService } from '../../src/services/SparringRequestService';

jest.setTimeout(30_000);

const ROOT = path.resolve(__dirname, '../..');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const DIST = path.join(ROOT, 'temp', 'hub-e2e-community');
const SITE = '/sites/pmo';
const COMMUNITY_PAGE = `${SITE}/SitePages/Community.aspx`;
const TOPIC = `Steering group for the data platform: scope & "stop" decisions <b>${Date.now()}</b>`;

interface Session { alias: string; context: BrowserContext; page: Page; problems: string[] }

let server: LocalSharePoint | undefined;
let browser: Browser | undefined;
const sessions: Session[] = [];
let siteUrl = '';

function url(pathname: string): string {
  if (!server) throw new Error('The local SharePoint did not start (see the first failure).');
  return `${server.url}${pathname}`;
}

async function openSession(alias: string): Promise<Session> {
  if (!browser) throw new Error('The browser did not start (see the first failure).');
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
  await context.addCookies([{ name: 'pmohub-user', value: alias, url: url('/') }]);
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const s: Session = { alias, context, page, problems: [] };
  page.on('console', (m) => { if (m.type() === 'error') s.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => s.problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => s.problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  sessions.push(s);
  await page.goto(url(COMMUNITY_PAGE));
  await loaded(page);
  return s;
}

async function loaded(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Community' }).waitFor();
  await page.getByText(/^\d+ of \d+ experts$/).waitFor();
  await page.getByRole('heading', { name: 'Quarterly challenge meeting Q4' }).waitFor();
  await page.getByRole('heading', { name: 'Steering group needs decisions, not status' }).waitFor();
}

async function axe(page: Page): Promise<string[]> {
  // Fluent fades rows and panels in; mid-fade text has too little contrast for axe.
  await settleAnimations(page);
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const results = await page.evaluate(() => (window as unknown as { axe: { run: (o: object) => Promise<AxeResults> } }).axe.run({ resultTypes: ['violations'] }));
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`);
}

async function shot(page: Page, name: string): Promise<void> {
  await settleAnimations(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Plain REST as a demo user: the titles of the sparring requests SharePoint lets them read. */
async function requestTitlesAs(alias: string): Promise<string[]> {
  const res = await fetch(url(`${SITE}/_api/web/lists/getbytitle('Sparring Requests')/items?$select=Title&$top=5000`), { headers: { accept: 'application/json', 'X-PMOHub-User': alias } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: Array<{ Title: string }> }).value.map((v) => v.Title);
}

async function choose(page: Page, combo: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combo }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`The e2e tests drive Debian's Chromium at ${CHROMIUM_PATH}, which is not installed. Install it with: apt-get install -y chromium`);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  const [built] = await Promise.all([buildHub({ outDir: DIST }), launchChromium().then((b) => { browser = b; })]);
  server = await startLocalSharePoint({ data: ':memory:', port: 0, staticHandler: hubStaticHandler(built.outDir) });
  siteUrl = url(SITE);
  await prepareDemoSite(siteUrl);
}, 90_000);

afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

describe('sparring from the expert directory', () => {
  let leader: Session;
  let pmo: Session;
  let visitor: Session;

  it('a project leader finds an expert in PRINCE2 steering groups (axe-clean page)', async () => {
    leader = await openSession('leader');
    const page = leader.page;
    expect(await axe(page)).toEqual([]);
    await choose(page, 'Competency', 'Steering groups');
    await choose(page, 'Certification', 'PRINCE2');
    await page.getByText('2 of 6 experts').waitFor();
    const cards = page.locator('section[aria-label="Expert directory"] li h3');
    expect((await cards.allTextContents()).sort()).toEqual(['Lars Nielsen', 'Thomas Mortensen']);
    // The photo and job title come from Graph, batched.
    await page.locator('img[src^="data:image/png;base64,"]').first().waitFor();
    await page.locator('.ms-Persona-secondaryText').filter({ hasText: 'External PRINCE2 Practitioner' }).waitFor();
  });

  it('asks for sparring by keyboard; no topic is a field error, and the request shows as New', async () => {
    const page = leader.page;
    await page.getByRole('button', { name: 'Ask for sparring: Thomas Mortensen' }).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Ask Thomas Mortensen for sparring' });
    await panel.getByRole('textbox', { name: 'Topic' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Send request' }).click();
    await panel.getByText('This field is required.').waitFor();
    await panel.getByRole('textbox', { name: 'Topic' }).focus();
    await page.keyboard.type(TOPIC);
    await page.keyboard.press('Tab');
    await panel.getByRole('textbox', { name: 'Message' }).fill('Our board meets in two weeks.');
    await panel.getByRole('button', { name: 'Send request' }).press('Enter');
    await panel.waitFor({ state: 'detached' });
    await page.getByText(/Your request ".*" was sent/).waitFor();
    const grid = page.getByRole('grid', { name: 'Sparring requests' });
    const row = grid.locator('.ms-DetailsRow').filter({ hasText: TOPIC });
    await row.waitFor();
    expect(await row.locator('[data-automation-key="status"]').textContent()).toBe('New');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'community-leader-request-new');
  });

  it('a PMO member sees how long it waited and assigns it', async () => {
    pmo = await openSession('pmo');
    const page = pmo.page;
    await page.getByRole('tab', { name: /Open requests/ }).click();
    const row = page.getByRole('grid', { name: 'Sparring requests' }).locator('.ms-DetailsRow').filter({ hasText: TOPIC });
    await row.waitFor();
    expect(await row.locator('[data-automation-key="waited"]').textContent()).toBe('0 d');
    expect(await axe(page)).toEqual([]);
    await choose(page, `Expert for ${TOPIC}`, 'Thomas Mortensen');
    await page.getByRole('button', { name: `Assign: ${TOPIC}` }).click();
    await page.getByText(/is now Assigned\./).waitFor();
    const stored = (await new SpSparringRequestService(await connect(siteUrl, { auth: 'none', as: 'owner' }), siteUrl).open()).find((r) => r.title === TOPIC);
    expect(stored).toMatchObject({ status: 'Assigned', assignedExpert: { email: 'thomas.mortensen@contoso.com' } });
    // The expert may now read it; the requester follows it.
    expect(await requestTitlesAs('thomas')).toEqual([TOPIC]);
    await leader.page.reload();
    await loaded(leader.page);
    await leader.page.getByRole('tab', { name: /My requests/ }).click();
    const mine = leader.page.getByRole('grid', { name: 'Sparring requests' }).locator('.ms-DetailsRow').filter({ hasText: TOPIC });
    expect(await mine.locator('[data-automation-key="status"]').textContent()).toBe('Assigned');
  });

  it('another visitor cannot see it, in the page or through the REST API', async () => {
    visitor = await openSession('visitor');
    const page = visitor.page;
    await page.getByRole('tab', { name: 'My requests (0)' }).click();
    await page.getByText('You have not asked for sparring yet.').waitFor();
    expect(await page.getByText(TOPIC).count()).toBe(0);
    expect(await page.getByRole('tab', { name: /Open requests/ }).count()).toBe(0);
    expect(await requestTitlesAs('visitor')).toEqual([]);
  });

  it('a user adds the next quarterly meeting to their calendar; Graph me/events has it', async () => {
    const page = visitor.page;
    await page.getByRole('button', { name: 'Add to my calendar: Quarterly challenge meeting Q4' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Quarterly challenge meeting Q4 is in your calendar.').waitFor();
    const res = await fetch(url('/graph/v1.0/me/events'), { headers: { 'X-PMOHub-User': 'visitor' } });
    const events = (await res.json()) as { value: Array<{ subject: string; start: { timeZone: string } }> };
    expect(events.value.map((e) => [e.subject, e.start.timeZone])).toEqual([['Quarterly challenge meeting Q4', 'UTC']]);
    // The .ics download is offered beside it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .ics: Quarterly challenge meeting Q4' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Quarterly challenge meeting Q4 2026-\d\d-\d\d\.ics$/);
    const ics = fs.readFileSync(await download.path() as string, 'utf8');
    expect(ics).toMatch(/BEGIN:VEVENT\r\n/);
    expect(ics).toMatch(/\r\nSUMMARY:Quarterly challenge meeting Q4\r\n/);
    expect(ics).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
  });

  it('lessons learned: search by keyboard, log a lesson with HTML that stays text', async () => {
    const page = visitor.page;
    const lessons = page.locator('section[aria-label="Lessons learned"]');
    await lessons.getByRole('searchbox', { name: 'Search lessons' }).focus();
    await page.keyboard.type('procurement');
    await page.keyboard.press('Enter');
    await lessons.getByRole('heading', { name: 'Involve procurement before the PID is approved' }).waitFor();
    await lessons.getByRole('heading', { name: 'Steering group needs decisions, not status' }).waitFor({ state: 'detached' });
    await lessons.getByRole('button', { name: 'Log a lesson' }).click();
    const panel = page.getByRole('dialog', { name: 'Log a lesson' });
    await panel.getByRole('textbox', { name: 'Lesson' }).waitFor();
    await panel.getByRole('button', { name: 'Save' }).click();
    expect(await panel.getByText('This field is required.').count()).toBe(2);
    expect(await axe(page)).toEqual([]);
    await panel.getByRole('textbox', { name: 'Lesson' }).fill('<img src=x onerror="window.__pwned=1">Procurement early');
    await panel.getByRole('textbox', { name: 'What happened' }).fill('<script>window.__pwned=2</script>');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.waitFor({ state: 'detached' });
    await lessons.getByRole('heading', { name: '<img src=x onerror="window.__pwned=1">Procurement early' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await lessons.locator('img[src="x"]').count()).toBe(0);
  });

  it('the PMO edits events; an event ending before it starts is refused under its field', async () => {
    const page = (pmo ?? await openSession('pmo')).page;
    await page.getByRole('button', { name: 'New event' }).click();
    const panel = page.getByRole('dialog', { name: 'New event' });
    await panel.getByRole('textbox', { name: 'Title' }).waitFor();
    await panel.getByRole('textbox', { name: 'Title' }).fill('Quarterly challenge meeting Q1');
    await panel.getByLabel('Start', { exact: true }).fill('2027-02-10T09:00');
    await panel.getByLabel('End', { exact: true }).fill('2027-02-10T08:00');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText('The end must not be before the start.').waitFor();
    expect(await axe(page)).toEqual([]);
    // Playwright sets a date input's value by script, once per field; a fresh form takes the corrected end.
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await panel.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'New event' }).click();
    await panel.getByRole('textbox', { name: 'Title' }).fill('Quarterly challenge meeting Q1');
    await panel.getByLabel('Start', { exact: true }).fill('2027-02-10T09:00');
    await panel.getByLabel('End', { exact: true }).fill('2027-02-10T12:00');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Quarterly challenge meeting Q1' }).waitFor();
  });

  it('raised no console error, CSP violation or failed request', () => {
    for (const s of sessions) expect([s.alias, s.problems]).toEqual([s.alias, []]);
  });
});
