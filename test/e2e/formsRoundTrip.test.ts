/**
 * What people type is what gets stored (issue 11), in Chromium, in en, sv, da and nl: a PMO
 * member (who creates projects; leaders edit only the ones they lead, issue 13) fills the project
 * form, a status report (saved as a draft, the page reloaded, the draft
 * reopened and published) and a risk the way a person of that language types — grouped amounts
 * with decimals, the language's dates, text with quotes, emoji, `<b>`, 255 characters — then
 * (a) SharePoint's stored value is read back by hand-made REST and (b) the form, opened again
 * after a reload, shows what was typed. A value the language cannot read ("1.5" in Dutch) is an
 * error under its field and stores nothing.
 *
 * One hub and one browser for the file; one page per language, reused by its three forms.
 */
import type { Locator, Page } from 'playwright-core';
import { startHub, axe, shot, type Hub, type HubLocale, type Session } from './harness';
import { choose, col, combobox, day, loc, prose, restItems, shownOption, spaces, textbox } from './forms';
import { format } from '../../src/components/text';
import { formatDate } from '../../src/components/format';
import { dateFieldValue, formatShortDate } from '../../src/components/dates';

jest.setTimeout(120_000);

const PROJECTS_PAGE = '/SitePages/Projects.aspx';

/** How a person of each language types the same values. */
interface Typed {
  amount: string; amountValue: number;
  whole: string; wholeValue: number;
  forecast: string; forecastValue: number;
  start: string; end: string; forecastEnd: string; reportEnd: string; due: string;
  refused: string;
}
const TYPED: Record<HubLocale, Typed> = {
  'en-US': {
    amount: '1,250,000.50', amountValue: 1250000.5, whole: '980,000', wholeValue: 980000, forecast: '1,300,000.75', forecastValue: 1300000.75,
    start: '1/15/2027', end: '12/31/2028', forecastEnd: '3/1/2029', reportEnd: '6/30/2029', due: '2/28/2027', refused: '1,5'
  },
  'sv-SE': {
    amount: '1 250 000,50', amountValue: 1250000.5, whole: '980 000', wholeValue: 980000, forecast: '1 300 000,75', forecastValue: 1300000.75,
    start: '2027-01-15', end: '2028-12-31', forecastEnd: '2029-03-01', reportEnd: '2029-06-30', due: '2027-02-28', refused: '1.5'
  },
  'da-DK': {
    amount: '1.250.000,50', amountValue: 1250000.5, whole: '980.000', wholeValue: 980000, forecast: '1.300.000,75', forecastValue: 1300000.75,
    start: '15.01.2027', end: '31.12.2028', forecastEnd: '01.03.2029', reportEnd: '30.06.2029', due: '28.02.2027', refused: '1.5'
  },
  'nl-NL': {
    amount: '1.250.000,50', amountValue: 1250000.5, whole: '980.000', wholeValue: 980000, forecast: '1.300.000,75', forecastValue: 1300000.75,
    start: '15-01-2027', end: '31-12-2028', forecastEnd: '01-03-2029', reportEnd: '30-06-2029', due: '28-02-2027', refused: '1.5'
  }
};
const ISO = { start: '2027-01-15', end: '2028-12-31', forecastEnd: '2029-03-01', reportEnd: '2029-06-30', due: '2027-02-28' };

/** A title of exactly 255 characters (the Title column's limit), in UTF-16 code units as SharePoint counts them. */
const title255 = (tag: string): string => {
  const head = `${tag} "Kvartal" 🚦 <b>Q4</b> `;
  return head + 'x'.repeat(255 - head.length);
};

let hub: Hub;
beforeAll(async () => { hub = await startHub({ name: 'forms-round-trip' }); }, 180_000);
afterAll(async () => { await hub?.close(); });




describe.each(['en-US', 'sv-SE', 'da-DK', 'nl-NL'] as HubLocale[])('%s', (locale) => {
  const s = loc<IProjectRegisterWebPartStrings>('src/webparts/projectRegister/loc', locale);
  const r = loc<IStatusReportsWebPartStrings>('src/webparts/statusReports/loc', locale);
  const k = loc<IRisksWebPartStrings>('src/webparts/risks/loc', locale);
  const c = loc<IPmoHubCommonStrings>('src/common/loc', locale);
  const t = TYPED[locale];
  const tag = locale.slice(0, 2).toUpperCase();
  const project = {
    code: `RT-${tag}-01`, title: title255(`Projekt ${tag}`), description: `${prose('Beskrivning')}\nAndra raden`,
    unit: `Enhet ${tag} "A&B"`, programme: `Program <i>${tag}</i>`, site: `https://contoso.sharepoint.com/sites/rt-${tag.toLowerCase()}`
  };
  let session: Session;
  let page: Page;
  let projectId = 0;

  beforeAll(async () => {
    session = await hub.open('pmo', { locale, page: PROJECTS_PAGE });
    page = session.page;
    await page.getByRole('menuitem', { name: s.NewProject }).waitFor();
  });

  /** The register filtered to our project, its details opened. */
  async function details(): Promise<Locator> {
    const search = page.getByRole('searchbox', { name: s.SearchLabel });
    await search.fill(project.code);
    await page.getByRole('button', { name: format(s.OpenDetails, project.title), exact: true }).click();
    const panel = page.getByRole('dialog', { name: `${project.code} · ${project.title}` });
    await panel.getByRole('button', { name: s.EditProject, exact: true }).waitFor();
    return panel;
  }

  // A step starts on the page at rest: after a failed step, the page is loaded again.
  beforeEach(async () => {
    if (page && await page.locator('.ms-Panel, .ms-Modal').count()) await reload();
  });

  async function reload(): Promise<void> {
    // Requests still running when the page goes are aborted and would count as problems.
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.reload();
    await page.getByRole('menuitem', { name: s.NewProject }).waitFor();
  }

  it('project form: a refused amount is an error under its field and stores nothing; then every field as typed', async () => {
    await page.getByRole('menuitem', { name: s.NewProject }).click();
    const panel = page.getByRole('dialog', { name: s.NewProject });
    await textbox(panel, s.FieldCode).fill(project.code);
    await textbox(panel, s.FieldTitle).fill(project.title);
    await textbox(panel, s.Description).fill(project.description);
    await textbox(panel, s.ColumnUnit).fill(project.unit);
    await textbox(panel, s.ColumnProgramme).fill(project.programme);
    await choose(page, panel, s.FilterPhase, c.PhasePlanning);
    await choose(page, panel, s.Method, c.MethodPRINCE2);
    // The end date is typed while its calendar is open (the walk that stored 5 January).
    await textbox(panel, s.Start).fill(t.start);
    await panel.getByRole('button', { name: `${c.DateOpenCalendar}: ${s.End}` }).click();
    await page.getByRole('dialog', { name: s.End }).waitFor();
    await textbox(panel, s.End).fill(t.end);
    await textbox(panel, s.ForecastEnd).fill(t.forecastEnd);
    await textbox(panel, s.Budget).fill(t.refused);
    await textbox(panel, s.ActualCost).fill(t.whole);
    await textbox(panel, s.ForecastCost).fill(t.forecast);
    await textbox(panel, s.FieldSiteUrl).fill(project.site);
    // The form no longer offers the PMO's priority score (Project Priorities, schema 9).
    expect(await panel.getByLabel(s.PriorityScore).count()).toBe(0);
    await panel.getByRole('button', { name: s.Save, exact: true }).click();
    const example = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(1200000.5);
    await panel.getByText(format(s.ErrNotANumber, example), { exact: true }).waitFor();
    expect(await restItems(hub, 'projects', `${col('projects', 'code')} eq '${project.code}'`)).toEqual([]);

    await textbox(panel, s.Budget).fill(t.amount);
    await panel.getByRole('button', { name: s.Save, exact: true }).click();
    await panel.waitFor({ state: 'detached' });
    const [raw] = await restItems(hub, 'projects', `${col('projects', 'code')} eq '${project.code}'`);
    projectId = raw.Id as number;
    expect({
      title: raw[col('projects', 'title')], description: raw[col('projects', 'description')], unit: raw[col('projects', 'unit')],
      programme: raw[col('projects', 'programme')], phase: raw[col('projects', 'phase')], method: raw[col('projects', 'method')],
      start: day(raw[col('projects', 'startDate')]), end: day(raw[col('projects', 'endDate')]), forecastEnd: day(raw[col('projects', 'forecastEnd')]),
      budget: raw[col('projects', 'budget')], actual: raw[col('projects', 'actualCost')], forecast: raw[col('projects', 'forecastCost')],
      site: (raw[col('projects', 'siteUrl')] as { Url?: string } | null)?.Url
    }).toEqual({
      title: project.title, description: project.description, unit: project.unit, programme: project.programme, phase: 'Planning', method: 'PRINCE2',
      start: ISO.start, end: ISO.end, forecastEnd: ISO.forecastEnd, budget: t.amountValue, actual: t.wholeValue, forecast: t.forecastValue,
      site: project.site
    });

    await reload();
    const d = await details();
    await d.getByRole('button', { name: s.EditProject, exact: true }).click();
    const edit = page.getByRole('dialog', { name: format(s.EditProjectHeading, project.title) });
    await textbox(edit, s.FieldCode).waitFor();
    const shown: Record<string, string> = {};
    for (const [key, label] of Object.entries({
      code: s.FieldCode, title: s.FieldTitle, description: s.Description, unit: s.ColumnUnit, programme: s.ColumnProgramme, start: s.Start, end: s.End,
      forecastEnd: s.ForecastEnd, budget: s.Budget, actual: s.ActualCost, forecast: s.ForecastCost, site: s.FieldSiteUrl
    })) shown[key] = await textbox(edit, label).inputValue();
    for (const key of ['budget', 'actual', 'forecast']) shown[key] = spaces(shown[key]);
    expect(shown).toEqual({
      code: project.code, title: project.title, description: project.description, unit: project.unit, programme: project.programme,
      start: t.start, end: t.end, forecastEnd: t.forecastEnd, budget: spaces(t.amount), actual: spaces(t.whole), forecast: spaces(t.forecast),
      site: project.site
    });
    expect(await edit.getByLabel(s.PriorityScore).count()).toBe(0);
    if (locale === 'da-DK') {
      await shot(page, 'forms-round-trip-project-da');
      expect(await axe(page)).toEqual([]);
    }
    await edit.getByRole('button', { name: s.Cancel, exact: true }).click();
    await edit.waitFor({ state: 'detached' });
    await reload();
  });

  const dims = ['Overall', 'Schedule', 'Cost', 'Scope', 'Risk'] as const;
  const rag = { Overall: 'Amber', Schedule: 'Red', Cost: 'Amber', Scope: 'Green', Risk: 'Green' } as const;
  const comment = (d: string): string => prose(`${d} ${tag}`);

  it('status report: a draft saved, the page reloaded, the draft reopened and published stores exactly what was typed', async () => {
    expect(projectId).toBeGreaterThan(0);
    const reportsOf = async (): Promise<Locator> => {
      const d = await details();
      await d.getByRole('button', { name: s.OpenStatusReports, exact: true }).click();
      const region = page.getByRole('region', { name: format(r.ProjectReportsLabel, project.title) });
      await region.waitFor();
      return region;
    };
    let region = await reportsOf();
    await region.getByRole('button', { name: r.NewReport, exact: true }).click();
    let form = region.getByRole('form', { name: r.NewReportHeading });
    // The first report starts from the project's forecast, written as the language writes it.
    expect(spaces(await textbox(form, r.ForecastCost).inputValue())).toBe(spaces(t.forecast));
    const ragLabel = { Green: c.RagGreen, Amber: c.RagAmber, Red: c.RagRed };
    for (const d of dims) {
      await form.getByRole('radio', { name: `${r[d]}: ${ragLabel[rag[d]]}` }).check({ force: true });
      await textbox(form, format(r.DimensionComment, r[d])).fill(comment(d));
    }
    await textbox(form, r.Summary).fill(prose('Summary'));
    await textbox(form, r.NextSteps).fill(prose('Next'));
    await textbox(form, r.PercentComplete).fill('35');
    await textbox(form, r.ForecastCost).fill(t.amount);
    await textbox(form, r.ForecastEnd).fill(t.reportEnd);
    const reportDate = await textbox(form, r.ReportDate).inputValue();
    await form.getByRole('button', { name: r.SaveDraft, exact: true }).click();
    await region.getByText(format(r.DraftSaved, formatDate(dateFieldValue(reportDate, locale), locale)), { exact: true }).waitFor();

    const rows = async (): Promise<Array<Record<string, unknown>>> => restItems(hub, 'statusReports', `${col('statusReports', 'project')}Id eq ${projectId}`);
    const check = (raw: Record<string, unknown>, published: boolean): void => {
      expect({
        overall: raw[col('statusReports', 'overall')], schedule: raw[col('statusReports', 'schedule')], cost: raw[col('statusReports', 'cost')],
        scope: raw[col('statusReports', 'scope')], risk: raw[col('statusReports', 'risk')],
        comments: dims.map((d) => raw[col('statusReports', `${d.toLowerCase()}Comment`)]),
        summary: raw[col('statusReports', 'summary')], next: raw[col('statusReports', 'nextSteps')], pct: raw[col('statusReports', 'percentComplete')],
        forecast: raw[col('statusReports', 'forecastCost')], forecastEnd: day(raw[col('statusReports', 'forecastEnd')]), published: raw[col('statusReports', 'published')]
      }).toEqual({
        overall: 'Amber', schedule: 'Red', cost: 'Amber', scope: 'Green', risk: 'Green', comments: dims.map(comment),
        summary: prose('Summary'), next: prose('Next'), pct: 35, forecast: t.amountValue, forecastEnd: ISO.reportEnd, published
      });
    };
    let stored = await rows();
    expect(stored).toHaveLength(1);
    check(stored[0], false);

    await reload();
    region = await reportsOf();
    await region.getByRole('button', { name: r.ContinueDraft, exact: true }).click();
    form = region.getByRole('form', { name: r.EditDraftHeading });
    await textbox(form, r.Summary).waitFor();
    for (const d of dims) {
      expect(await form.getByRole('radio', { name: `${r[d]}: ${ragLabel[rag[d]]}` }).isChecked()).toBe(true);
      expect(await textbox(form, format(r.DimensionComment, r[d])).inputValue()).toBe(comment(d));
    }
    expect({
      date: await textbox(form, r.ReportDate).inputValue(), summary: await textbox(form, r.Summary).inputValue(),
      next: await textbox(form, r.NextSteps).inputValue(), pct: await textbox(form, r.PercentComplete).inputValue(),
      forecast: spaces(await textbox(form, r.ForecastCost).inputValue()), end: await textbox(form, r.ForecastEnd).inputValue()
    }).toEqual({ date: reportDate, summary: prose('Summary'), next: prose('Next'), pct: '35', forecast: spaces(t.amount), end: t.reportEnd });

    // Published as reopened: nothing retyped (the walk that stored 12 500 005).
    await form.getByRole('button', { name: r.Publish, exact: true }).click();
    await form.waitFor({ state: 'detached' });
    stored = await rows();
    expect(stored).toHaveLength(1);
    check(stored[0], true);
    const [p] = await restItems(hub, 'projects', `Id eq ${projectId}`);
    expect([p[col('projects', 'forecastCost')], p[col('projects', 'latestOverall')]]).toEqual([t.amountValue, 'Amber']);
    await reload();
  });

  it('risk: every field as typed, stored and shown again', async () => {
    expect(projectId).toBeGreaterThan(0);
    const risksOf = async (): Promise<Locator> => {
      const d = await details();
      await d.getByRole('button', { name: s.OpenRisks, exact: true }).click();
      const region = page.getByRole('region', { name: format(k.ProjectRisksLabel, project.title) });
      await region.waitFor();
      return region;
    };
    const risk = { title: title255(`Risiko ${tag}`), description: prose('Risk'), mitigation: `${prose('Mitigation')}\n2` };
    let region = await risksOf();
    await region.getByRole('button', { name: k.AddRisk, exact: true }).click();
    const panel = page.getByRole('dialog', { name: k.NewRiskHeading });
    await textbox(panel, k.ColumnTitle).fill(risk.title);
    await textbox(panel, k.Description).fill(risk.description);
    await choose(page, panel, k.Probability, `4 – ${k.Probability4}`);
    await choose(page, panel, k.Impact, `3 – ${k.Impact3}`);
    await textbox(panel, k.Mitigation).fill(risk.mitigation);
    await choose(page, panel, k.Status, k.StatusMitigating);
    await textbox(panel, k.Due).fill('31-02-2027');
    await panel.getByRole('button', { name: k.Save, exact: true }).click();
    const example = formatShortDate(new Date(2027, 0, 15), locale);
    await panel.getByText(format(c.DateInvalid, example), { exact: true }).waitFor();
    expect(await restItems(hub, 'risks', `${col('risks', 'project')}Id eq ${projectId}`)).toEqual([]);
    await textbox(panel, k.Due).fill(t.due);
    await panel.getByRole('button', { name: k.Save, exact: true }).click();
    await panel.waitFor({ state: 'detached' });

    const [raw] = await restItems(hub, 'risks', `${col('risks', 'project')}Id eq ${projectId}`);
    expect({
      title: raw[col('risks', 'title')], description: raw[col('risks', 'description')], probability: raw[col('risks', 'probability')],
      impact: raw[col('risks', 'impact')], mitigation: raw[col('risks', 'mitigation')], status: raw[col('risks', 'status')], due: day(raw[col('risks', 'due')])
    }).toEqual({ title: risk.title, description: risk.description, probability: 4, impact: 3, mitigation: risk.mitigation, status: 'Mitigating', due: ISO.due });

    await reload();
    region = await risksOf();
    await region.getByRole('button', { name: format(k.EditRisk, risk.title), exact: true }).click();
    const edit = page.getByRole('dialog', { name: k.EditRiskHeading });
    await textbox(edit, k.ColumnTitle).waitFor();
    expect({
      title: await textbox(edit, k.ColumnTitle).inputValue(), description: await textbox(edit, k.Description).inputValue(),
      mitigation: await textbox(edit, k.Mitigation).inputValue(), due: await textbox(edit, k.Due).inputValue(),
      probability: shownOption(await combobox(edit, k.Probability).textContent()),
      impact: shownOption(await combobox(edit, k.Impact).textContent()),
      status: shownOption(await combobox(edit, k.Status).textContent())
    }).toEqual({
      title: risk.title, description: risk.description, mitigation: risk.mitigation, due: t.due,
      probability: `4 – ${k.Probability4}`, impact: `3 – ${k.Impact3}`, status: k.StatusMitigating
    });
    await edit.getByRole('button', { name: k.Cancel, exact: true }).click();
    await edit.waitFor({ state: 'detached' });
  });

  it('met no console error, failed request or CSP violation', () => {
    expect(session.problems).toEqual([]);
  });
});
