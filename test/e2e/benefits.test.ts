/**
 * Benefits realisation end to end, in Debian's Chromium, on the Strategy page: a PMO member adds a
 * benefit in Danish typing 1.250.000,50 and SharePoint stores 1250000.5 (read back by hand-made
 * REST, also after a reload); a project leader records a measurement for their own project in
 * Dutch, the benefit's value follows, and the same leader's hand-made REST add into another
 * project's folder is refused (403); a visitor reads the register with no commands. axe-core on
 * each page and form.
 */
import path from 'path';
import { axe, shot, startHub, SHOTS, type Hub } from './harness';
import { settleAnimations } from '../../tools/hub/chromium';
import { internalName, getList, type ListKey, type ListSchema } from '../../src/schema';
import { toFormValues } from '../../src/services/mapping';

jest.setTimeout(120_000);

const STRATEGY_PAGE = '/SitePages/Strategy.aspx';
const listPath = (key: ListKey): string => `/_api/web/GetList('/sites/pmo/${(getList(key) as ListSchema).url}')`;
const col = (list: ListKey, key: string): string => internalName(list, key as never);

let hub: Hub;

beforeAll(async () => {
  hub = await startHub({ name: 'benefits' });
}, 180_000);

afterAll(async () => {
  await hub?.close();
});

describe('benefits realisation', () => {
  it('a PMO member adds a benefit typed in Danish; SharePoint stores 1250000.5; after a reload the register shows it', async () => {
    const { page } = await hub.open('pmo', { page: STRATEGY_PAGE, locale: 'da-DK' });
    const part = page.locator('[data-webpart="benefits"]');
    await part.getByRole('heading', { level: 2, name: 'Gevinstrealisering' }).waitFor({ timeout: 30_000 });
    await part.getByRole('button', { name: 'Tilføj gevinst' }).click();
    const panel = page.getByRole('dialog', { name: 'Ny gevinst' });
    await panel.getByLabel(/^Gevinst/).first().fill('Lavere licensomkostninger');
    await panel.getByRole('combobox', { name: /^Projekt/ }).click();
    await page.getByRole('option', { name: 'PMO-2024-001 Ny kundportal' }).click();
    await panel.getByLabel(/^Enhed/).fill('kr.');
    await panel.getByLabel(/^Udgangspunkt/).fill('0');
    await panel.getByLabel(/^Målværdi/).fill('1.250.000,50');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'benefits-add-da', false);
    await panel.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Gevinsten er gemt: Lavere licensomkostninger.').waitFor();

    const stored = await hub.rest<{ value: Array<Record<string, unknown>> }>('owner', 'GET',
      `${listPath('benefits')}/items?$filter=Title eq 'Lavere licensomkostninger'&$select=Id,FileDirRef,${col('benefits', 'target')},${col('benefits', 'baseline')},${col('benefits', 'unit')}`);
    expect(stored.body.value).toHaveLength(1);
    expect(stored.body.value[0]).toMatchObject({ [col('benefits', 'target')]: 1250000.5, [col('benefits', 'baseline')]: 0, [col('benefits', 'unit')]: 'kr.' });
    expect(String(stored.body.value[0].FileDirRef)).toMatch(/\/Lists\/PMOBenefits\/\d+$/);

    await page.reload();
    await part.getByRole('heading', { level: 2, name: 'Gevinstrealisering' }).waitFor({ timeout: 30_000 });
    await part.locator('tr[data-benefit]', { hasText: 'Lavere licensomkostninger' }).filter({ hasText: '1.250.000,5 kr.' }).waitFor();
    expect(await axe(page)).toEqual([]);
  });

  it('a leader records a measurement for their own project in Dutch; another project\'s folder answers 403 to their hand-made REST', async () => {
    const { page } = await hub.open('leader', { page: STRATEGY_PAGE, locale: 'nl-NL' });
    const part = page.locator('[data-webpart="benefits"]');
    await part.getByRole('heading', { level: 2, name: 'Batenrealisatie' }).waitFor({ timeout: 30_000 });
    expect(await part.getByRole('button', { name: 'Baat toevoegen' }).count()).toBe(0);
    const title = 'Fewer calls to customer service';
    await part.getByRole('button', { name: `Meting vastleggen: ${title}` }).click();
    const panel = page.getByRole('dialog', { name: `Meting vastleggen: ${title}` });
    await panel.getByLabel(/^Waarde \(calls\/month\)/).fill('8.250');
    await panel.getByLabel(/^Opmerking/).fill('Na de tweede release');
    expect(await axe(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Meting opgeslagen; de baat toont nu 8.250 calls/month.').waitFor();

    const benefit = (await hub.rest<{ value: Array<Record<string, unknown>> }>('owner', 'GET',
      `${listPath('benefits')}/items?$filter=Title eq '${title}'&$select=Id,${col('benefits', 'actual')},${col('benefits', 'project')}Id`)).body.value[0];
    expect(benefit[col('benefits', 'actual')]).toBe(8250);
    const measured = await hub.rest<{ value: Array<Record<string, unknown>> }>('owner', 'GET',
      `${listPath('benefitMeasurements')}/items?$filter=${col('benefitMeasurements', 'benefit')}Id eq ${benefit.Id as number}&$orderby=ID desc&$top=1&$select=*,Author/Title&$expand=Author`);
    expect(measured.body.value[0]).toMatchObject({ [col('benefitMeasurements', 'value')]: 8250, [col('benefitMeasurements', 'comment')]: 'Na de tweede release', Author: { Title: 'Sanne de Vries' } });

    // Someone else's project (Lars leads the Peppol invoicing): the folder refuses the leader's add.
    const others = (await hub.rest<{ value: Array<Record<string, unknown>> }>('owner', 'GET',
      `${listPath('benefits')}/items?$filter=Title eq 'Invoices handled without manual keying'&$select=Id,${col('benefits', 'project')}Id`)).body.value[0];
    const otherProject = others[`${col('benefits', 'project')}Id`] as number;
    const add = await hub.rest('leader', 'POST', `${listPath('benefitMeasurements')}/AddValidateUpdateItemUsingPath()`, {
      listItemCreateInfo: { FolderPath: { DecodedUrl: `/sites/pmo/${getList('benefitMeasurements').url}/${otherProject}` }, UnderlyingObjectType: 0 },
      formValues: toFormValues('benefitMeasurements', { title: 'Forged', benefit: others.Id, project: otherProject, measuredOn: '2026-11-20', value: 1 }),
      bNewDocumentUpdate: false
    });
    expect(add.status).toBe(403);
    const edit = await hub.rest('leader', 'POST', `${listPath('benefits')}/items(${others.Id as number})`, { [col('benefits', 'actual')]: 1 }, { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' });
    expect(edit.status).toBe(403);
  });

  it('a visitor reads the register, totals per unit and a trend; as a benefit owner records only for the projects whose benefits they own', async () => {
    const { page } = await hub.open('visitor', { page: STRATEGY_PAGE });
    const part = page.locator('[data-webpart="benefits"]');
    await part.getByRole('heading', { level: 2, name: 'Benefits realisation' }).waitFor({ timeout: 30_000 });
    expect(await part.locator('tr[data-benefit]').count()).toBeGreaterThanOrEqual(8);
    // Erik is a visitor, and the benefit owner of one benefit of the chatbot project and one of the
    // Peppol project: he records for those two projects' benefits (their folders), nothing else.
    const record = await part.getByRole('button', { name: /^Record measurement: / }).evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
    expect(record.sort()).toEqual(['Invoices handled without manual keying', 'Lower invoice handling cost', 'Questions answered without an agent'].map((t) => `Record measurement: ${t}`));
    expect(await part.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    expect(await part.getByRole('button', { name: 'Add benefit' }).count()).toBe(0);
    const fuel = part.locator('tr[data-benefit]', { hasText: 'Fuel cost saved' });
    await fuel.getByRole('button', { name: 'Measurements of Fuel cost saved' }).click();
    await part.locator('tr[data-history]').locator('svg.ct-chart-line').waitFor();
    // Only the opened benefit's history was drawn (and read).
    expect(await part.locator('svg.ct-chart-line').count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await settleAnimations(page);
    await part.screenshot({ path: path.join(SHOTS, 'benefits-register.png') });
  });

  it('raised no console error, CSP violation or failed request', () => {
    const problems = hub.problems();
    // The leader's refused hand-made REST call is not the page's.
    expect(problems).toEqual({});
  });
});
