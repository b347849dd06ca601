/**
 * The method templates library end to end, in Debian's Chromium (issue 6, "Tests", end-to-end
 * bullet): a project leader filters Initiation + PRINCE2, downloads the project initiation
 * document (the bytes equal the stored file) and the download is counted; a PMO member uploads a
 * new version with a change note and sees it in the version history; the revision board shows an
 * overdue template; axe-core checks the library, the upload dialog and the history panel.
 *
 * Its own local SharePoint (in memory, provisioned and seeded like `npm start`) and bundle folder.
 */
import fs from 'fs';
import { axe, shot as fullShot, startHub, type Hub, type HubLocale, type Session } from './harness';
import { loc } from './forms';
import { format } from '../../src/components/text';
import { SpTemplateService } from '../../src/services/TemplateService';
import type { LibraryTemplate } from '../../src/model';
import type { Page } from 'playwright-core';

jest.setTimeout(30_000);

const TEMPLATES_PAGE = '/SitePages/Templates.aspx';

let hub: Hub;

async function ownerService(): Promise<SpTemplateService> {
  return new SpTemplateService(await hub.sp('owner'), hub.siteUrl);
}

async function stored(fileName: string): Promise<LibraryTemplate> {
  const found = (await (await ownerService()).templates(true)).find((t) => t.fileName === fileName);
  if (!found) throw new Error(`No template ${fileName}`);
  return found;
}

async function openSession(alias: string): Promise<Session> {
  if (!hub) throw new Error('The hub did not start (see the first failure).');
  const s = await hub.open(alias, { page: TEMPLATES_PAGE });
  await s.page.getByRole('heading', { level: 2, name: 'Method templates' }).waitFor();
  await s.page.getByText(/^\d+ templates?$/).waitFor();
  return s;
}

/** The visible part of the page, as these pictures always were. */
const shot = (page: Page, name: string): Promise<void> => fullShot(page, name, false);

beforeAll(async () => {
  hub = await startHub({ name: 'templates' });
}, 90_000);

afterAll(async () => {
  await hub?.close();
});

describe('a project leader', () => {
  let leader: Session;
  beforeAll(async () => { leader = await openSession('leader'); });

  it('filters Initiation + PRINCE2 and finds the project initiation document', async () => {
    const page = leader.page;
    await page.getByRole('navigation', { name: 'Project phase' }).getByRole('button', { name: 'Initiation' }).click();
    await page.getByRole('combobox', { name: 'Standard' }).click();
    await page.getByRole('option', { name: 'PRINCE2' }).click();
    await page.getByText('1 template', { exact: true }).waitFor();
    const cards = page.getByRole('list', { name: 'Method templates' }).getByRole('listitem');
    expect(await cards.count()).toBe(1);
    await cards.getByRole('heading', { name: 'Project initiation document' }).waitFor();
    // No drafts for project leaders: the seeded risk log draft is not offered.
    expect(await page.getByText('Risk log (next revision, draft)').count()).toBe(0);
  });

  it('downloads the document: the bytes are the stored file, and the download is counted', async () => {
    const page = leader.page;
    const pid = await stored('Project initiation document (en).docx');
    const service = await ownerService();
    const before = (await service.downloadCounts()).get(pid.id) ?? 0;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Project initiation document (en).docx' }).click()
    ]);
    expect(download.suggestedFilename()).toBe('Project initiation document (en).docx');
    const file = await download.path();
    const got = fs.readFileSync(file as string);
    const expected = Buffer.from(await service.content(pid));
    expect(got.length).toBeGreaterThan(1000);
    expect(got.equals(expected)).toBe(true);
    await page.getByText('Project initiation document (en).docx downloaded.').waitFor();
    // The log entry is written right after the bytes are handed to the browser.
    let after = before;
    for (let i = 0; i < 25 && after === before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = (await service.downloadCounts()).get(pid.id) ?? 0;
    }
    expect(after).toBe(before + 1);
  });

  it('previews the first page and is accessible', async () => {
    const page = leader.page;
    await page.getByRole('button', { name: 'Preview Project initiation document (en).docx' }).click();
    const panel = page.getByRole('dialog', { name: 'Project initiation document' });
    await panel.getByText('First page').waitFor();
    await panel.getByText('Replace the text in italics; delete what does not apply.').waitFor();
    const violations = await axe(page);
    await panel.getByRole('button', { name: 'Close' }).click();
    expect(violations).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'templates-leader');
  });
});

describe('a PMO member', () => {
  let pmo: Session;
  beforeAll(async () => { pmo = await openSession('pmo'); });

  it('sees the revision board with an overdue template and its owner', async () => {
    const board = pmo.page.getByRole('table', { name: 'Revision board' });
    const row = board.getByRole('row').filter({ hasText: 'Stakeholder map' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Overdue');
    expect(await row.textContent()).toContain('Astrid Lindqvist');
    await fullShot(pmo.page, 'templates-pmo');
  });

  it('uploads a new version with a change note and sees it in the history', async () => {
    const page = pmo.page;
    await page.getByRole('searchbox', { name: 'Search templates' }).fill('Project plan');
    await page.getByRole('button', { name: 'More actions for Project plan (en).xlsx' }).click();
    await page.getByRole('menuitem', { name: 'Upload new version' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'New version of Project plan (en).xlsx' });
    const content = Buffer.alloc(300_000, 7);
    await dialog.getByLabel('File').setInputFiles({ name: 'Project plan 2027.xlsx', mimeType: 'application/octet-stream', buffer: content });
    await dialog.getByRole('textbox', { name: 'Change note' }).fill('Milestones per quarter, after the autumn revision');
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByText(/^Version \d+\.0 of Project plan \(en\)\.xlsx uploaded\.$/).waitFor({ timeout: 15_000 });
    const saved = await stored('Project plan (en).xlsx');
    expect(Buffer.from(await (await ownerService()).content(saved)).equals(content)).toBe(true);

    await page.getByRole('button', { name: 'More actions for Project plan (en).xlsx' }).click();
    await page.getByRole('menuitem', { name: 'Version history' }).click();
    const panel = page.getByRole('dialog', { name: 'Versions of Project plan (en).xlsx' });
    const current = panel.getByRole('row').filter({ hasText: '(Current)' });
    await current.waitFor();
    expect(await current.textContent()).toContain('Milestones per quarter, after the autumn revision');
    await shot(page, 'templates-history');
    expect(await axe(page)).toEqual([]);
  });

  it('refuses a blocked file type with a clear message', async () => {
    const page = pmo.page;
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'More actions for Project plan (en).xlsx' }).click();
    await page.getByRole('menuitem', { name: 'Upload new version' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'New version of Project plan (en).xlsx' });
    await dialog.getByLabel('File').setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await dialog.getByRole('textbox', { name: 'Change note' }).fill('x');
    await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
    await dialog.getByText(/Files of this type cannot be stored in the templates library/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});

describe('a PMO member in Swedish, Danish and Dutch', () => {
  // The change note as each types it: their letters, quotes, markup that must stay text, an emoji.
  const NOTES: Array<[HubLocale, string]> = [
    ['sv-SE', 'Åtgärdsplan per kvartal – "efter höstens revision" <b>ny</b> 🙂'],
    ['da-DK', 'Milepæle pr. kvartal, rettet efter efterårets revision & "Æbleø" <i>x</i>'],
    ['nl-NL', "Mijlpalen per kwartaal: 'ná de herfstrevisie' – één <b>tabel</b> minder"]
  ];
  it.each(NOTES)('in %s, stores the new version\'s file and change note exactly as typed (read back by REST)', async (locale, note) => {
    const s = loc<ITemplatesWebPartStrings>('src/webparts/templates/loc', locale);
    const { page } = await hub.open('pmo', { page: TEMPLATES_PAGE, locale });
    // The library shows each person the templates of their language first: take the first one listed.
    const [before, after] = s.MoreActions.split('{0}');
    const more = page.getByRole('button', { name: before.trim() }).and(page.getByRole('button', { name: /\.xlsx/ })).first();
    const fileName = ((await more.getAttribute('aria-label')) ?? '').slice(before.length, -after.length || undefined);
    await more.click();
    await page.getByRole('menuitem', { name: s.UploadVersion }).click();
    const dialog = page.getByRole('alertdialog', { name: format(s.UploadHeading, fileName) });
    const content = Buffer.from(`PK ${locale} ${note}`);
    await dialog.getByLabel(s.ChooseFile).setInputFiles({ name: 'plan.xlsx', mimeType: 'application/octet-stream', buffer: content });
    await dialog.getByRole('textbox', { name: s.ChangeNote }).fill(note);
    await dialog.getByRole('button', { name: s.Upload, exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    const saved = await stored(fileName);
    const service = await ownerService();
    expect(Buffer.from(await service.content(saved)).equals(content)).toBe(true);
    const current = (await service.versions(saved)).find((v) => v.isCurrent);
    expect(current?.changeNote).toBe(note);
    await page.close();
  });
});

describe('in the browser', () => {
  it('raised no console error, CSP violation or failed request', () => {
    expect(hub.problems()).toEqual({});
  });
});
