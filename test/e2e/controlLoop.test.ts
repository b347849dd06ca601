/**
 * The control loop end to end, in Debian's Chromium (issue 4, "Tests", end-to-end bullet): on the
 * hub's Projects page a project leader edits a project and publishes a status report, and the
 * register shows the new status; a visitor gets no edit commands and the server refuses a direct
 * write; two people editing the same project get the conflict choice, with nothing lost; the
 * risk heat map filters the risk list; axe-core checks the open edit panel and the report form.
 *
 * Its own local SharePoint (in memory, provisioned and seeded like `npm start`) and its own
 * bundle folder, so it runs beside hub.test.ts. Each person is a browser context with the
 * `pmohub-user` cookie, as the hub's user menu sets it. The expectations come from the same
 * services the web parts use, read from Node.
 */
import type { Locator, Page } from 'playwright-core';
import { axe, shot as shotOf, SITE, startHub, type Hub, type Session } from './harness';
import { SpProjectService } from '../../src/services/ProjectService';
import { SpRiskService } from '../../src/services/RiskService';
import { formatDate } from '../../src/components/format';
import { formatShortDate } from '../../src/components/dates';
import { scoreBand } from '../../src/webparts/risks/components/riskModel';
import type { Project, Risk } from '../../src/model/portfolio';
import { internalName } from '../../src/schema';

jest.setTimeout(30_000);

const PROJECTS_PAGE = '/SitePages/Projects.aspx';
const PROJECTS_API = "/_api/web/lists/getbytitle('Projects')/items";

let hub: Hub;
let projects: Project[] = [];

let reads = 0;
/**
 * The register as stored now, read as the owner through the web parts' own service — as a new
 * page would: its own key, so the published reports are read again rather than shared with the
 * previous read (which a publish in the browser cannot make this process forget).
 */
async function stored(): Promise<Project[]> {
  reads += 1;
  return new SpProjectService(await hub.sp('owner'), hub.siteUrl, undefined, `stored-${reads}`).loadProjects();
}

async function storedProject(id: number): Promise<Project> {
  const found = (await stored()).find((p) => p.id === id);
  if (!found) throw new Error(`Project ${id} is gone.`);
  return found;
}

function demoProject(title: string): Project {
  const found = projects.find((p) => p.title === title);
  if (!found) throw new Error(`The demo data has no project "${title}".`);
  return found;
}

/** A browser context acting as one demo user, on the Projects page once the register has loaded. */
async function openSession(alias: string): Promise<Session> {
  if (!hub) throw new Error('The hub did not start (see the first failure).');
  const s = await hub.open(alias, { page: PROJECTS_PAGE });
  await registerLoaded(s.page);
  return s;
}

async function registerLoaded(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
  await page.getByText(/^\d+ of \d+ projects$/).waitFor();
}

/** The visible part of the page, as these pictures always were. */
const shot = (page: Page, name: string): Promise<void> => shotOf(page, name, false);

/** The register's data row of one project (the link's accessible name is exact, so "X" does not match "X 2"). */
function registerRow(page: Page, title: string): Locator {
  return page.getByRole('grid', { name: 'Project register' }).locator('.ms-DetailsRow')
    .filter({ has: page.getByRole('button', { name: `Open details of ${title}`, exact: true }) });
}

function statusCell(page: Page, title: string): Locator {
  return registerRow(page, title).locator('[data-automation-key="latestOverall"]');
}

/** Waits until the register's status of a project reads `rag` (the pill's text; its icon is a font glyph). */
async function waitForStatus(page: Page, title: string, rag: string): Promise<void> {
  await statusCell(page, title).getByText(rag, { exact: true }).waitFor();
}

/** Waits until a locator shows `text` (the DOM is re-rendered by React, so poll, never sleep). */
async function hasText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).waitFor();
}

function detailsPanel(page: Page, p: Pick<Project, 'code' | 'title'>): Locator {
  return page.getByRole('dialog', { name: `${p.code} · ${p.title}` });
}

/**
 * Waits until no panel is left in the DOM. A closing Fluent panel leaves the accessibility tree
 * first and gives focus back to its opener when it finally unmounts, which would close a
 * dropdown opened in between: the next step waits for that.
 */
async function panelsGone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.ms-Panel') === null);
}

/** Closes the open panel (details or status reports) with its Close button. */
async function closePanel(panel: Locator): Promise<void> {
  await panel.locator('.ms-Panel-closeButton').click();
  await panelsGone(panel.page());
}

/** Closes the status reports panel opened from a project's details: the details come back, and are closed too. */
async function closeReportsPanel(page: Page, p: Pick<Project, 'code' | 'title'>): Promise<void> {
  await page.getByRole('region', { name: `Status reports of ${p.title}` }).waitFor();
  await page.locator('.ms-Panel-closeButton').click();
  const details = detailsPanel(page, p);
  await details.getByRole('button', { name: 'Status reports', exact: true }).waitFor();
  await closePanel(details);
}

/** The register's details panel of a project, opened from its row. */
async function openDetails(page: Page, p: Pick<Project, 'code' | 'title'>): Promise<Locator> {
  await page.getByRole('button', { name: `Open details of ${p.title}`, exact: true }).click();
  const panel = detailsPanel(page, p);
  // Fluent's dialog element itself has no box: wait for what is in it.
  await panel.getByText(`${p.code} · ${p.title}`, { exact: true }).waitFor();
  return panel;
}

/** Details panel → Edit: the edit panel, once its form is there. */
async function openEditPanel(page: Page, p: Pick<Project, 'code' | 'title'>): Promise<Locator> {
  const details = await openDetails(page, p);
  await details.getByRole('button', { name: 'Edit', exact: true }).click();
  const panel = page.getByRole('dialog', { name: `Edit ${p.title}` });
  await panel.getByRole('form', { name: `Edit ${p.title}` }).waitFor();
  return panel;
}

function titleField(panel: Locator): Locator {
  return panel.getByRole('textbox', { name: 'Project name' });
}

function endField(panel: Locator): Locator {
  // The shared DateField: a text box for typing, plus a calendar button named "Open the calendar: End".
  return panel.getByRole('textbox', { name: 'End', exact: true });
}

/** Types a date into a date field (ISO is accepted in every language) and leaves the field. */
async function typeDate(field: Locator, iso: string): Promise<void> {
  await field.fill(iso);
  await field.press('Tab');
}

/** A web part's section on the page (the register's panels are elsewhere). */
function webPart(page: Page, name: 'Status reports' | 'Risks'): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** A project from a web part's project dropdown (Fluent: the options are in a callout at the end of <body>). */
async function chooseProject(page: Page, part: Locator, p: Pick<Project, 'code' | 'title'>): Promise<void> {
  await part.getByRole('combobox', { name: 'Project' }).click();
  await page.locator('.ms-Dropdown-callout').getByRole('option', { name: `${p.code} · ${p.title}`, exact: true }).click();
}

/** Writes a status report in an open report form: every dimension pre-filled from the last report, Overall set. */
async function writeReport(form: Locator, overall: 'Green' | 'Amber' | 'Red', comment: string): Promise<void> {
  // Fluent's radio is a visually hidden input under its label: check it as a person clicks the label.
  await form.getByRole('radio', { name: `Overall: ${overall}` }).check({ force: true });
  await form.getByRole('textbox', { name: 'Comment on Overall' }).fill(comment);
  expect(await form.getByRole('textbox', { name: 'Summary' }).inputValue()).not.toBe('');
}

function isoToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

beforeAll(async () => {
  hub = await startHub({ name: 'control-loop' });
  projects = await stored();
}, 60_000);

afterAll(async () => {
  await hub?.close();
});

describe('a project leader closes the loop', () => {
  let leader: Session;
  // Sanne de Vries leads all three; their latest demo reports are Green, so Red is visibly new.
  const edited = { title: 'Chatbot för kundtjänst', newTitle: 'Chatbot för kundtjänst – fas 2', newEnd: '2027-12-31' };
  const viaWebPart = 'Mobilapp för fältservice';
  const editedThenWebPart = { title: 'Ny kundportal', unit: 'Digital Services & CX' };

  /** A step starts on the page at rest: after a failed step, the page is loaded again. */
  async function atRest(): Promise<Page> {
    const page = leader.page;
    if (await page.locator('.ms-Panel, .ms-Modal').count()) {
      await page.reload();
      await registerLoaded(page);
    }
    return page;
  }

  /** Opens the report form (pre-filled from the last report) in a status reports view. */
  async function newReport(reports: Locator): Promise<Locator> {
    await reports.getByRole('button', { name: 'New status report' }).click();
    const form = reports.getByRole('form', { name: 'New status report' });
    await form.getByRole('radio', { name: 'Overall: Red' }).waitFor({ state: 'attached' });
    // Today's report is newer than the demo's latest, so it becomes the project's status.
    expect(await form.getByRole('textbox', { name: /^Report date( \*)?$/ }).inputValue()).toBe(formatShortDate(new Date(), 'en-US'));
    return form;
  }

  const published = (reports: Locator): Promise<void> =>
    reports.getByText(`Status report of ${formatDate(isoToday(), 'en-US')} published. The register shows the new status.`).waitFor();

  beforeAll(async () => {
    leader = await openSession('leader');
  });

  it('acts as Sanne de Vries, who edits the projects she leads and creates none (the PMO does)', async () => {
    const page = leader.page;
    await page.getByRole('button', { name: /^Acting as Sanne de Vries/ }).waitFor();
    await registerRow(page, edited.title).waitFor();
    expect(await page.getByRole('menuitem', { name: 'New project' }).count()).toBe(0);
  });

  it('is accessible with the edit panel open', async () => {
    const page = await atRest();
    const p = demoProject(edited.title);
    const panel = await openEditPanel(page, p);
    await shot(page, 'control-loop-edit-panel');
    const violations = await axe(page);
    // Closed before asserting, so one finding does not block the steps after it (nothing typed: no "discard?" question).
    await panel.getByRole('button', { name: 'Cancel', exact: true }).click();
    await panel.waitFor({ state: 'detached' });
    // Cancel goes back to the project's details.
    await closePanel(detailsPanel(page, p));
    expect(violations).toEqual([]);
  });

  it('edits a project (name and end date) in the edit panel and saves it', async () => {
    const page = await atRest();
    const p = demoProject(edited.title);
    expect(p.leader?.title).toBe('Sanne de Vries');
    const panel = await openEditPanel(page, p);
    await titleField(panel).fill(edited.newTitle);
    await typeDate(endField(panel), edited.newEnd);
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.waitFor({ state: 'detached' });
    // The register shows the saved project at once and opens its details again.
    const details = detailsPanel(page, { code: p.code, title: edited.newTitle });
    await details.getByText(`${p.code} · ${edited.newTitle}`, { exact: true }).waitFor();
    expect(await details.textContent()).toContain(formatDate(edited.newEnd, 'en-US'));
    // Under the panel (hidden from assistive technology while it is open): the register's row.
    await closePanel(details);
    await hasText(registerRow(page, edited.newTitle).locator('[data-automation-key="endDate"]'), formatDate(edited.newEnd, 'en-US'));
    expect(await page.getByRole('button', { name: `Open details of ${edited.title}`, exact: true }).count()).toBe(0);

    const saved = await storedProject(p.id);
    expect([saved.title, saved.endDate, saved.code, saved.latestOverall]).toEqual([edited.newTitle, edited.newEnd, p.code, p.latestOverall]);
  });

  it('publishes a Red status report from the project\'s details, and the register shows Red at once', async () => {
    const page = await atRest();
    const p = { ...demoProject(edited.title), title: edited.newTitle };
    expect(p.latestOverall).toBe('Green');
    await (await openDetails(page, p)).getByRole('button', { name: 'Status reports', exact: true }).click();
    const reports = page.getByRole('region', { name: `Status reports of ${p.title}` });
    const form = await newReport(reports);
    await writeReport(form, 'Red', 'Integration partner withdrew; re-planning with the steering group.');
    await form.getByRole('button', { name: 'Publish', exact: true }).click();
    await published(reports);
    await form.waitFor({ state: 'detached' });
    await shot(page, 'control-loop-published');

    // Behind the panels, the register already shows it: no reload.
    await closeReportsPanel(page, p);
    await waitForStatus(page, p.title, 'Red');
    await hasText(registerRow(page, p.title).locator('[data-automation-key="latestReportDate"]'), formatDate(isoToday(), 'en-US'));
    await shot(page, 'control-loop-register-red');

    const saved = await storedProject(p.id);
    expect([saved.title, saved.endDate, saved.latestOverall, saved.latestReportDate]).toEqual([edited.newTitle, edited.newEnd, 'Red', isoToday()]);
  });

  it('is accessible with the status report form open in the register\'s panel', async () => {
    const page = await atRest();
    const p = demoProject(viaWebPart);
    await (await openDetails(page, p)).getByRole('button', { name: 'Status reports', exact: true }).click();
    const reports = page.getByRole('region', { name: `Status reports of ${p.title}` });
    const form = await newReport(reports);
    const violations = await axe(page);
    await form.getByRole('button', { name: 'Cancel', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await closeReportsPanel(page, p);
    expect(violations).toEqual([]);
  });

  it('publishes a Red status report in the Status reports web part below the register (accessible form); the register shows it at once', async () => {
    const page = await atRest();
    const p = demoProject(viaWebPart);
    expect(p.latestOverall).toBe('Green');
    const part = webPart(page, 'Status reports');
    await chooseProject(page, part, p);
    const reports = part.getByRole('region', { name: `Status reports of ${p.title}` });
    const form = await newReport(reports);
    await shot(page, 'control-loop-report-form');
    const violations = await axe(page);
    await writeReport(form, 'Red', 'Parts supplier bankrupt.');
    await form.getByRole('button', { name: 'Publish', exact: true }).click();
    await published(reports);
    expect((await storedProject(p.id)).latestOverall).toBe('Red');

    // The register is another web part (another bundle on a tenant): it hears of the publish through
    // the page and shows Red without a reload.
    await waitForStatus(page, p.title, 'Red');
    await page.reload();
    await registerLoaded(page);
    await waitForStatus(page, p.title, 'Red');
    expect(violations).toEqual([]);
  });

  it('edits a project in the register, then publishes for it in the Status reports web part on the same page without a conflict', async () => {
    const page = await atRest();
    const p = demoProject(editedThenWebPart.title);
    const panel = await openEditPanel(page, p);
    await panel.getByRole('combobox', { name: 'Unit', exact: true }).fill(editedThenWebPart.unit);
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.waitFor({ state: 'detached' });
    await closePanel(detailsPanel(page, p));

    const part = webPart(page, 'Status reports');
    await chooseProject(page, part, p);
    const reports = part.getByRole('region', { name: `Status reports of ${p.title}` });
    const form = await newReport(reports);
    await writeReport(form, 'Red', 'Scope cut by the steering group.');
    await form.getByRole('button', { name: 'Publish', exact: true }).click();
    // Either it is published, or the product asks "changed by someone else" about her own edit.
    const conflict = page.getByRole('alertdialog', { name: 'Changed by someone else' });
    await Promise.race([published(reports), conflict.getByRole('table').waitFor()]);
    const asked = await conflict.count() > 0;
    const rows = asked ? await conflict.locator('tbody tr').allTextContents() : [];
    if (asked) await shot(page, 'control-loop-own-edit-conflict');
    expect({ conflictDialog: asked, rows }).toEqual({ conflictDialog: false, rows: [] });
    const saved = await storedProject(p.id);
    expect([saved.unit, saved.latestOverall]).toEqual([editedThenWebPart.unit, 'Red']);
  });

  it('raised no console error, CSP violation or failed request', () => {
    expect(leader.problems).toEqual([]);
  });
});

describe('a visitor', () => {
  let visitor: Session;
  const p = (): Project => demoProject('Ny kundportal');

  beforeAll(async () => {
    visitor = await openSession('visitor');
  });

  it('sees no New project, Edit, New status report, Publish or Add risk command', async () => {
    const page = visitor.page;
    await page.getByRole('button', { name: /^Acting as Erik Johansson, visitor/ }).waitFor();
    // Rights are read after the projects: wait for Export, which sits in the same command bar.
    await page.getByRole('menubar', { name: 'Register commands' }).getByRole('menuitem', { name: 'Export' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'New project' }).count()).toBe(0);

    const details = await openDetails(page, p());
    await details.getByRole('button', { name: 'Status reports', exact: true }).waitFor();
    expect(await details.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await panelsGone(page);

    const reports = webPart(page, 'Status reports');
    await chooseProject(page, reports, p());
    await reports.getByRole('grid', { name: `Status reports of ${p().title}, newest first` }).waitFor();
    const risks = webPart(page, 'Risks');
    await chooseProject(page, risks, p());
    await risks.getByRole('grid', { name: `Risks of ${p().title}` }).waitFor();
    for (const name of ['New status report', 'Continue the draft', 'Publish', 'Save draft', 'Add risk', 'New project', 'Edit']) {
      expect([name, await page.getByRole('button', { name, exact: true }).count()]).toEqual([name, 0]);
    }
    expect(await risks.getByRole('button', { name: /^(Edit|Delete) / }).count()).toBe(0);
  });

  it('is refused by the server when writing directly, from the page and from Node', async () => {
    const before = (await stored()).length;
    const body = JSON.stringify({ Title: 'Written by a visitor' });
    // From the page: the visitor's own cookie, as any script on the page would send it.
    // With the visitor's own form digest, so what refuses it is the permission, not the missing digest.
    const fromPage = await visitor.page.evaluate(async ({ api, payload }) => {
      const site = api.slice(0, api.indexOf('/_api/'));
      const info = await fetch(`${site}/_api/contextinfo`, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json;odata=nometadata' } });
      const digest = (await info.json() as { FormDigestValue: string }).FormDigestValue;
      const res = await fetch(api, {
        method: 'POST', credentials: 'same-origin', body: payload,
        headers: { accept: 'application/json;odata=nometadata', 'content-type': 'application/json;odata=nometadata', 'X-RequestDigest': digest }
      });
      return { status: res.status, text: await res.text() };
    }, { api: `${SITE}${PROJECTS_API}`, payload: body });
    expect(fromPage.status).toBe(403);
    expect(fromPage.text).toContain('System.UnauthorizedAccessException');

    // From Node, with a valid form digest: refused for the visitor's rights, not for a missing digest.
    const add = await hub.rest('visitor', 'POST', PROJECTS_API, body);
    expect([add.status, JSON.stringify(add.body)]).toEqual([403, expect.stringContaining('Access denied.')]);
    const target = p();
    const update = await hub.rest('visitor', 'POST', `${PROJECTS_API}(${target.id})`, { Title: 'Renamed by a visitor' }, { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' });
    expect(update.status).toBe(403);

    const after = await stored();
    expect(after.length).toBe(before);
    expect(after.find((x) => x.id === target.id)?.title).toBe(target.title);
    // The refused request from the page is the only console error: Chromium logs every 4xx.
    const expected = visitor.problems.filter((x) => /status of 403/.test(x));
    expect(expected.length).toBeLessThanOrEqual(1);
    visitor.problems.splice(0, visitor.problems.length, ...visitor.problems.filter((x) => !/status of 403/.test(x)));
  });

  it('sees a project\'s latest published report, not the status its leader wrote into the project item by hand', async () => {
    // Sanne leads it; SharePoint has no column-level security, so her MERGE of the cached column is stored.
    const target = demoProject('Mobilapp för fältservice');
    const truth = (await storedProject(target.id)).latestOverall;
    expect(truth).toBeDefined();
    const forged = truth === 'Green' ? 'Red' : 'Green';
    const merge = await hub.rest('leader', 'POST', `${PROJECTS_API}(${target.id})`, { [internalName('projects', 'latestOverall')]: forged }, { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' });
    expect(merge.status).toBe(204);
    const item = await hub.rest<Record<string, unknown>>('owner', 'GET', `${PROJECTS_API}(${target.id})?$select=${internalName('projects', 'latestOverall')}`);
    expect(item.body[internalName('projects', 'latestOverall')]).toBe(forged);
    // A visitor opening the Projects page now sees what the latest published report says.
    const other = await openSession('visitor');
    try {
      await waitForStatus(other.page, target.title, truth as string);
      expect(await statusCell(other.page, target.title).getByText(forged, { exact: true }).count()).toBe(0);
      expect(other.problems).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('filters the risk list with the heat map, and shows all again', async () => {
    const page = visitor.page;
    const target = p();
    const all = await new SpRiskService(await hub.sp('visitor'), hub.siteUrl).forProject(target.id);
    const open = (r: Risk): boolean => r.status === 'Open' || r.status === 'Mitigating';
    const cellOf = (r: Risk): string => `${r.probability}:${r.impact}`;
    const cells = [...new Set(all.filter(open).map(cellOf))];
    // The demo gives this project risks in more than one cell, so a filter visibly removes some.
    expect(cells.length).toBeGreaterThan(1);
    const [pr, im] = cells[0].split(':').map(Number);
    const inCell = all.filter((r) => open(r) && cellOf(r) === cells[0]);

    const risks = webPart(page, 'Risks');
    const grid = risks.getByRole('grid', { name: `Risks of ${target.title}` });
    const titles = (): Promise<string[]> => grid.locator('.ms-DetailsRow [data-automation-key="title"]').allTextContents();
    await risks.getByText(`${all.length} risks`, { exact: true }).waitFor();
    expect((await titles()).sort()).toEqual(all.map((r) => r.title).sort());

    const heatMap = risks.getByRole('group', { name: 'Heat map of open risks' });
    expect(await heatMap.getByRole('button').count()).toBe(25);
    // A cell's count and band are two lines that must not overlap (a unitless line height once became 1.1px);
    // the map is SVG now: the count's text starts the cell's text, the band is its second line (a tspan).
    const first = heatMap.getByRole('button').first();
    const [textBox, bandBox] = await Promise.all([first.locator('text').first().boundingBox(), first.locator('tspan').first().boundingBox()]);
    expect(textBox && bandBox && bandBox.y - textBox.y >= 16).toBe(true);
    const band = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' }[scoreBand(pr * im)];
    const cell = heatMap.getByRole('button', { name: `Probability ${pr}, impact ${im}: ${inCell.length} ${inCell.length === 1 ? 'risk' : 'risks'}, ${band}` });
    await cell.click();
    await risks.getByText(`${inCell.length} open risks with probability ${pr} and impact ${im}`, { exact: true }).waitFor();
    expect(await cell.getAttribute('aria-pressed')).toBe('true');
    expect((await titles()).sort()).toEqual(inCell.map((r) => r.title).sort());
    await shot(page, 'control-loop-heat-map-filtered');

    // The same cell again: every risk.
    await cell.click();
    await risks.getByText(`${all.length} risks`, { exact: true }).waitFor();
    expect(await cell.getAttribute('aria-pressed')).toBe('false');
    expect((await titles()).length).toBe(all.length);

    // An empty cell: nothing listed; "Show all" restores the list.
    const empty = heatMap.getByRole('button', { name: /: 0 risks, / }).first();
    await empty.click();
    await risks.getByText('No open risk in this cell.').waitFor();
    expect(await grid.count()).toBe(0);
    await risks.getByRole('button', { name: 'Show all' }).click();
    await risks.getByText(`${all.length} risks`, { exact: true }).waitFor();
    expect((await titles()).length).toBe(all.length);
  });

  it('shows the status trend as a picture, its data table only to screen readers', async () => {
    const reports = webPart(visitor.page, 'Status reports');
    const table = reports.getByRole('table', { name: /^Status per dimension in the last \d+ published reports$/ });
    await table.waitFor({ state: 'attached' });
    // The visually hidden wrapper clips the table to a 1×1 px box; anything larger is drawn over the chart.
    const box = await table.locator('xpath=..').boundingBox();
    expect({ width: Math.round(box?.width ?? 0), height: Math.round(box?.height ?? 0) }).toEqual({ width: 1, height: 1 });
  });

  it('is accessible with the heat map and the risk list', async () => {
    expect(await axe(visitor.page)).toEqual([]);
  });

  it('raised no console error, CSP violation or failed request', () => {
    expect(visitor.problems).toEqual([]);
  });
});

describe('two people edit the same project', () => {
  let leader: Session;
  let pmo: Session;
  // A project Sanne leads: a leader edits only the projects she leads.
  const p = (): Project => demoProject('Kundnöjdhetsmätning');
  const leaderTitle = 'Kundnöjdhetsmätning (Sanne)';
  const pmoTitle = 'Kundnöjdhetsmätning (Mikkel)';
  const leaderEnd = '2027-09-30';

  beforeAll(async () => {
    [leader, pmo] = await Promise.all([openSession('leader'), openSession('pmo')]);
  });

  it('the second to save gets the conflict choice with both values; nothing is written until "Overwrite with mine"', async () => {
    const target = p();
    const [mine, theirs] = await Promise.all([openEditPanel(pmo.page, target), openEditPanel(leader.page, target)]);

    // Sanne saves first.
    await titleField(theirs).fill(leaderTitle);
    await theirs.getByRole('button', { name: 'Save', exact: true }).click();
    await theirs.waitFor({ state: 'detached' });
    await closePanel(detailsPanel(leader.page, { code: target.code, title: leaderTitle }));
    expect((await storedProject(target.id)).title).toBe(leaderTitle);

    // Mikkel, still on the version he opened, saves a different name.
    await titleField(mine).fill(pmoTitle);
    await mine.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = pmo.page.getByRole('alertdialog', { name: 'Someone else changed this project' });
    await dialog.getByRole('table').waitFor();
    const table = dialog.getByRole('table');
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Field', 'Your version', 'Saved version']);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
    expect(rows).toEqual([['Project name', pmoTitle, leaderTitle]]);
    await shot(pmo.page, 'control-loop-conflict');
    // Nothing was written by the refused save.
    expect((await storedProject(target.id)).title).toBe(leaderTitle);

    await dialog.getByRole('button', { name: 'Overwrite with mine' }).click();
    await dialog.waitFor({ state: 'detached' });
    await mine.waitFor({ state: 'detached' });
    await pmo.page.getByText(`${target.code} · ${pmoTitle}`, { exact: true }).waitFor();
    const saved = await storedProject(target.id);
    expect([saved.title, saved.endDate, saved.code]).toEqual([pmoTitle, target.endDate, target.code]);
    expect((await stored()).filter((x) => x.code === target.code)).toHaveLength(1);
  });

  it('"Reload the saved version" shows what is stored, and a save after it keeps both people\'s changes', async () => {
    // Sanne's register still holds her own save; Mikkel's overwrite came after it.
    const stale = { ...p(), title: leaderTitle };
    let panel = await openEditPanel(leader.page, stale);
    await typeDate(endField(panel), leaderEnd);
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = leader.page.getByRole('alertdialog', { name: 'Someone else changed this project' });
    await dialog.getByRole('table').waitFor();
    const rows = await dialog.getByRole('table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
    expect(rows).toEqual([
      ['Project name', leaderTitle, pmoTitle],
      ['End', formatDate(leaderEnd, 'en-US'), formatDate(p().endDate, 'en-US')]
    ]);

    await dialog.getByRole('button', { name: 'Reload the saved version' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The form now edits the saved version, under its saved name.
    panel = leader.page.getByRole('dialog', { name: `Edit ${pmoTitle}` });
    await panel.getByRole('status').filter({ hasText: 'The saved version is loaded.' }).waitFor();
    expect(await titleField(panel).inputValue()).toBe(pmoTitle);
    expect(await endField(panel).inputValue()).not.toBe('');
    expect((await storedProject(p().id)).endDate).toBe(p().endDate);

    // Her change again, on top of Mikkel's version: both survive.
    await typeDate(endField(panel), leaderEnd);
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.waitFor({ state: 'detached' });
    await closePanel(detailsPanel(leader.page, { code: p().code, title: pmoTitle }));
    await hasText(registerRow(leader.page, pmoTitle).locator('[data-automation-key="endDate"]'), formatDate(leaderEnd, 'en-US'));
    const saved = await storedProject(p().id);
    expect([saved.title, saved.endDate]).toEqual([pmoTitle, leaderEnd]);
  });

  it('raised no console error, CSP violation or failed request (except the two refused saves)', () => {
    const refused = (x: string): boolean => /status of 412/.test(x);
    expect(pmo.problems.filter((x) => !refused(x))).toEqual([]);
    expect(leader.problems.filter((x) => !refused(x))).toEqual([]);
  });
});
