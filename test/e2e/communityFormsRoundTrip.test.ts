/**
 * What people type is what gets stored (issue 11), for the forms beyond the control loop, in
 * Chromium, in en, sv, da and nl, each run by the user it belongs to: the PMO's community event
 * (a date and a time as the language writes them, in the site's time zone), a staff member's
 * sparring request to the expert on a card (requested expert), the PMO assigning an expert and
 * booking the session, a project leader's lesson, the PMO's prioritisation criterion and a
 * project's scores, and a project's leader (people picker) and strategic objectives
 * (multi-lookup). Each is typed, saved, read back by hand-made REST and opened again after a
 * reload. A value the language cannot read is an error under its field and stores nothing.
 *
 * A second file beside formsRoundTrip.test.ts: e2e files may run in parallel, one long file cannot.
 */
import type { Locator, Page } from 'playwright-core';
import { startHub, axe, shot, type Hub, type HubLocale, type Session } from './harness';
import { choose, col, combobox, day, escaped, loc, prose, restItems, shownOption, spaces, textbox } from './forms';
import { format } from '../../src/components/text';
import { formatLocaleTime, formatZonedDateTime } from '../../src/components/dateTime';

jest.setTimeout(180_000);

const COMMUNITY_PAGE = '/SitePages/Community.aspx';
const PORTFOLIO_PAGE = '/SitePages/Portfolio.aspx';
const PROJECTS_PAGE = '/SitePages/Projects.aspx';
const LARS = 'Lars Nielsen';
const SANNE = 'Sanne de Vries';

/** How a person of each language types the same moments and numbers. */
interface Typed { day: string; preferred: string; session: string; start: string; end: string; badTime: string; weight: string; score: string; refused: string }
const TYPED: Record<HubLocale, Typed> = {
  'en-US': { day: '1/15/2027', preferred: '2/1/2027', session: '2/2/2027', start: '2:30 PM', end: '4:00 PM', badTime: '14,30', weight: '12.5', score: '3.5', refused: '1,5' },
  'sv-SE': { day: '2027-01-15', preferred: '2027-02-01', session: '2027-02-02', start: '14:30', end: '16:00', badTime: '14,30', weight: '12,5', score: '3,5', refused: '1.5' },
  'da-DK': { day: '15.01.2027', preferred: '01.02.2027', session: '02.02.2027', start: '14.30', end: '16.00', badTime: '14,30', weight: '12,5', score: '3,5', refused: '1.5' },
  'nl-NL': { day: '15-01-2027', preferred: '01-02-2027', session: '02-02-2027', start: '14:30', end: '16:00', badTime: '14,30', weight: '12,5', score: '3,5', refused: '1.5' }
};
const ISO = { day: '2027-01-15', preferred: '2027-02-01', session: '2027-02-02' };

/** A tab named "Name (count)". */
// eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from an escaped loc string
const counted = (name: string): RegExp => new RegExp(`^${escaped(name)} \\(`);

let hub: Hub;
beforeAll(async () => { hub = await startHub({ name: 'community-forms-round-trip' }); }, 180_000);
afterAll(async () => { await hub?.close(); });

const odata = (s: string): string => `'${s.replace(/'/g, "''")}'`;

async function siteUserId(email: string): Promise<number> {
  const answer = await hub.rest<{ Id: number }>('owner', 'GET', `/_api/web/siteusers/getbyemail('${encodeURIComponent(email)}')`);
  expect(answer.status).toBe(200);
  return answer.body.Id;
}


/** The page again, once its requests have settled (a request cut off by the reload is no fault of the page). */
async function reload(page: Page, ready: Locator): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.reload();
  await ready.waitFor();
}

describe.each(['en-US', 'sv-SE', 'da-DK', 'nl-NL'] as HubLocale[])('%s', (locale) => {
  const s = loc<ICommunityWebPartStrings>('src/webparts/community/loc', locale);
  const c = loc<IPmoHubCommonStrings>('src/common/loc', locale);
  const p = loc<IPortfolioPlanningWebPartStrings>('src/webparts/portfolio/loc-planning', locale);
  const r = loc<IProjectRegisterWebPartStrings>('src/webparts/projectRegister/loc', locale);
  const t = TYPED[locale];
  const tag = locale.slice(0, 2).toUpperCase();
  const sessions: Session[] = [];
  const open = async (alias: string, page: string, ready: (p: Page) => Locator): Promise<Page> => {
    const session = await hub.open(alias, { locale, page, timeout: 10_000 });
    sessions.push(session);
    await ready(session.page).waitFor();
    return session.page;
  };

  it('community event, as the PMO: a time the language cannot read is refused; then date and time as typed, in the site\'s zone', async () => {
    const ready = (pg: Page): Locator => pg.getByRole('button', { name: s.NewEvent, exact: true });
    const page = await open('pmo', COMMUNITY_PAGE, ready);
    const event = { title: `Kvartal ${tag} "Q1" 🚀 <b>fælles</b>`, location: `Mødelokale 3 – ${tag} & "B"`, link: `https://teams.microsoft.com/l/meetup-join/${tag}`, agenda: `${prose('Dagsorden')}\n2. Lessons` };
    await ready(page).click();
    const panel = page.getByRole('dialog', { name: s.NewEvent });
    await textbox(panel, s.FieldTitle).fill(event.title);
    await choose(page, panel, s.EventTypeLabel, s.EventTypeTraining);
    await textbox(panel, s.FieldStart).fill(t.day);
    await textbox(panel, format(c.TimeOf, s.FieldStart)).fill(t.badTime);
    await textbox(panel, s.FieldEnd).fill(t.day);
    await textbox(panel, format(c.TimeOf, s.FieldEnd)).fill(t.end);
    await textbox(panel, s.FieldLocation).fill(event.location);
    await textbox(panel, s.FieldOnlineLink).fill(event.link);
    await textbox(panel, s.FieldAgenda).fill(event.agenda);
    await panel.getByRole('button', { name: s.Save, exact: true }).click();
    await panel.getByText(format(c.TimeInvalid, formatLocaleTime('14:30', locale)), { exact: true }).waitFor();
    expect(await restItems(hub, 'communityEvents', `Title eq ${odata(event.title)}`)).toEqual([]);
    // The site's zone is named beside the times (the local SharePoint's sites are in UTC).
    await panel.getByText(format(c.TimeZoneNote, '(UTC) Coordinated Universal Time'), { exact: true }).waitFor();

    await textbox(panel, format(c.TimeOf, s.FieldStart)).fill(t.start);
    await panel.getByRole('button', { name: s.Save, exact: true }).click();
    await panel.waitFor({ state: 'detached' });
    const [raw] = await restItems(hub, 'communityEvents', `Title eq ${odata(event.title)}`);
    expect({
      type: raw[col('communityEvents', 'eventType')], start: raw[col('communityEvents', 'startDate')], end: raw[col('communityEvents', 'endDate')],
      location: raw[col('communityEvents', 'location')], link: (raw[col('communityEvents', 'onlineLink')] as { Url?: string } | null)?.Url,
      agenda: raw[col('communityEvents', 'description')]
    }).toEqual({ type: 'Training', start: `${ISO.day}T14:30:00Z`, end: `${ISO.day}T16:00:00Z`, location: event.location, link: event.link, agenda: event.agenda });

    await reload(page, ready(page));
    const card = page.locator('li').filter({ has: page.getByRole('heading', { name: event.title, exact: true }) });
    await card.getByText(formatZonedDateTime(`${ISO.day}T14:30:00Z`, locale, 'UTC'), { exact: false }).waitFor();
    await card.getByRole('button', { name: format(s.EditEventFor, event.title), exact: true }).click();
    const edit = page.getByRole('dialog', { name: s.EditEvent });
    await textbox(edit, s.FieldTitle).waitFor();
    expect({
      title: await textbox(edit, s.FieldTitle).inputValue(), type: shownOption(await combobox(edit, s.EventTypeLabel).textContent()),
      start: await textbox(edit, s.FieldStart).inputValue(), startTime: spaces(await textbox(edit, format(c.TimeOf, s.FieldStart)).inputValue()),
      end: await textbox(edit, s.FieldEnd).inputValue(), endTime: spaces(await textbox(edit, format(c.TimeOf, s.FieldEnd)).inputValue()),
      location: await textbox(edit, s.FieldLocation).inputValue(), link: await textbox(edit, s.FieldOnlineLink).inputValue(),
      agenda: await textbox(edit, s.FieldAgenda).inputValue()
    }).toEqual({
      title: event.title, type: s.EventTypeTraining, start: t.day, startTime: spaces(t.start), end: t.day, endTime: spaces(t.end),
      location: event.location, link: event.link, agenda: event.agenda
    });
    if (locale === 'da-DK') {
      await shot(page, 'forms-round-trip-event-da');
      expect(await axe(page)).toEqual([]);
    }
    await edit.getByRole('button', { name: s.Cancel, exact: true }).click();
    await edit.waitFor({ state: 'detached' });
  });

  const topic = `Styregruppe ${tag} "svær" <i>snart</i> 🙏`;

  it('sparring, as a staff member: asking Lars from his card stores Lars, the date and the message as typed', async () => {
    const ready = (pg: Page): Locator => pg.getByRole('button', { name: format(s.AskExpertButton, LARS), exact: true });
    const page = await open('visitor', COMMUNITY_PAGE, ready);
    const message = `${prose('Besked')}\nAnden linje`;
    await ready(page).click();
    const panel = page.getByRole('dialog', { name: format(s.AskExpert, LARS) });
    await textbox(panel, s.FieldTopic).fill(topic);
    await textbox(panel, s.FieldPreferredDate).fill('31-02-2027');
    await textbox(panel, s.FieldMessage).fill(message);
    await panel.getByRole('button', { name: s.SendRequest, exact: true }).click();
    await panel.getByText(format(c.FormSummary, 1), { exact: true }).waitFor();
    expect(await restItems(hub, 'sparringRequests', `Title eq ${odata(topic)}`)).toEqual([]);
    await textbox(panel, s.FieldPreferredDate).fill(t.preferred);
    const competency = shownOption(await combobox(panel, s.FieldCompetency).textContent());
    await panel.getByRole('button', { name: s.SendRequest, exact: true }).click();
    await panel.waitFor({ state: 'detached' });

    const [raw] = await restItems(hub, 'sparringRequests', `Title eq ${odata(topic)}`);
    const lars = await siteUserId('lars.nielsen@contoso.com');
    expect({
      expert: raw[`${col('sparringRequests', 'requestedExpert')}Id`], preferred: day(raw[col('sparringRequests', 'preferredDate')]),
      message: raw[col('sparringRequests', 'description')], status: raw[col('sparringRequests', 'status')], author: raw.AuthorId
    }).toEqual({ expert: lars, preferred: ISO.preferred, message, status: 'New', author: await siteUserId('erik.johansson@contoso.com') });
    expect(competency).not.toBe('');

    await reload(page, ready(page));
    await page.getByRole('tab', { name: counted(s.TabMyRequests) }).click();
    const row = page.getByRole('row').filter({ hasText: topic });
    await row.getByText(message.split('\n')[0], { exact: false }).waitFor();
    await row.getByText(format(s.RequestedExpert, LARS), { exact: true }).waitFor();
  });

  it('sparring, as the PMO: Lars assigned from the expert picker, the session booked at a time typed the language\'s way', async () => {
    const ready = (pg: Page): Locator => pg.getByRole('tab', { name: counted(s.TabOpenRequests) });
    const page = await open('pmo', COMMUNITY_PAGE, ready);
    await ready(page).click();
    const row = page.getByRole('row').filter({ hasText: topic });
    // The requested expert is offered first: the picker shows Lars before anyone chooses.
    expect(shownOption(await row.getByRole('combobox', { name: format(s.ChooseExpertFor, topic) }).textContent())).toBe(LARS);
    await row.getByRole('button', { name: format(s.AssignFor, topic), exact: true }).click();
    await page.getByText(format(s.RequestMoved, topic, s.StatusAssigned), { exact: true }).waitFor();
    await row.getByRole('button', { name: format(s.ScheduleFor, topic), exact: true }).click();
    const panel = page.getByRole('dialog', { name: format(s.ScheduleFor, topic) });
    await textbox(panel, s.FieldScheduledAt).fill(t.session);
    await textbox(panel, format(c.TimeOf, s.FieldScheduledAt)).fill(t.badTime);
    await panel.getByRole('button', { name: s.Schedule, exact: true }).click();
    await panel.getByText(format(c.TimeInvalid, formatLocaleTime('14:30', locale)), { exact: true }).waitFor();
    await textbox(panel, format(c.TimeOf, s.FieldScheduledAt)).fill(t.start);
    await panel.getByRole('button', { name: s.Schedule, exact: true }).click();
    await panel.waitFor({ state: 'detached' });

    const [raw] = await restItems(hub, 'sparringRequests', `Title eq ${odata(topic)}`);
    expect([raw[col('sparringRequests', 'status')], raw[`${col('sparringRequests', 'assignedExpert')}Id`], raw[col('sparringRequests', 'scheduledAt')]])
      .toEqual(['Scheduled', await siteUserId('lars.nielsen@contoso.com'), `${ISO.session}T14:30:00Z`]);
    await reload(page, ready(page));
    await ready(page).click();
    await page.getByRole('row').filter({ hasText: topic }).getByText(formatZonedDateTime(`${ISO.session}T14:30:00Z`, locale, 'UTC'), { exact: true }).waitFor();
  });

  it('lesson learned, as a project leader: every field as typed', async () => {
    const ready = (pg: Page): Locator => pg.getByRole('button', { name: s.LogLesson, exact: true });
    const page = await open('leader', COMMUNITY_PAGE, ready);
    const lesson = { title: `Lektion ${tag} "tidligt" 🙈`, what: `${prose('Hvad')}\nAnden linje`, rec: prose('Anbefaling'), tags: `interessenter ${tag}; budget` };
    await ready(page).click();
    const panel = page.getByRole('dialog', { name: s.LogLesson });
    await textbox(panel, s.FieldLesson).fill(lesson.title);
    await choose(page, panel, s.FieldCategory, s.CategoryStakeholders);
    await choose(page, panel, s.FieldPhase, c.PhaseInitiation);
    await textbox(panel, s.Recommendation).fill(lesson.rec);
    await panel.getByRole('button', { name: s.Save, exact: true }).click();
    await panel.getByText(s.ErrorRequired, { exact: true }).waitFor();
    expect(await restItems(hub, 'lessonsLearned', `Title eq ${odata(lesson.title)}`)).toEqual([]);
    await textbox(panel, s.WhatHappened).fill(lesson.what);
    await textbox(panel, s.FieldTags).fill(lesson.tags);
    await panel.getByRole('button', { name: s.Save, exact: true }).click();
    await panel.waitFor({ state: 'detached' });

    const [raw] = await restItems(hub, 'lessonsLearned', `Title eq ${odata(lesson.title)}`);
    expect({
      category: raw[col('lessonsLearned', 'category')], phase: raw[col('lessonsLearned', 'phase')], what: raw[col('lessonsLearned', 'whatHappened')],
      rec: raw[col('lessonsLearned', 'recommendation')], tags: raw[col('lessonsLearned', 'tags')], author: raw.AuthorId
    }).toEqual({ category: 'Stakeholders', phase: 'Initiation', what: lesson.what, rec: lesson.rec, tags: `interessenter ${tag};budget`, author: await siteUserId('sanne.devries@contoso.com') });
    await reload(page, ready(page));
    const card = page.locator('li').filter({ has: page.getByRole('heading', { name: lesson.title, exact: true }) }).first();
    // The card's texts render after its heading: wait for both before reading them.
    await card.locator('p').nth(1).waitFor();
    expect(await card.locator('p').allTextContents()).toEqual([lesson.what, lesson.rec]);
  });

  it('prioritisation, as the PMO: a weight the language cannot read is refused; a criterion and a project\'s score as typed', async () => {
    const criteria = (pg: Page): Locator => pg.getByRole('table', { name: p.CriteriaHeading });
    const page = await open('pmo', PORTFOLIO_PAGE, criteria);
    const title = `Kundeværdi ${tag} "netto" <b>%</b>`;
    await page.getByRole('button', { name: p.AddCriterion, exact: true }).click();
    const panel = page.getByRole('dialog', { name: p.NewCriterionHeading });
    await textbox(panel, p.FieldTitle).fill(title);
    await textbox(panel, p.FieldWeight).fill(t.refused);
    await textbox(panel, p.FieldScale).fill('5');
    await panel.getByRole('button', { name: p.Save, exact: true }).click();
    await panel.getByText(format(p.WeightRange, 0, 100), { exact: true }).waitFor();
    expect(await restItems(hub, 'prioritisationCriteria', `Title eq ${odata(title)}`)).toEqual([]);
    await textbox(panel, p.FieldWeight).fill(t.weight);
    await panel.getByRole('button', { name: p.Save, exact: true }).click();
    await panel.waitFor({ state: 'detached' });
    const [crit] = await restItems(hub, 'prioritisationCriteria', `Title eq ${odata(title)}`);
    expect([crit[col('prioritisationCriteria', 'weight')], crit[col('prioritisationCriteria', 'scale')], crit[col('prioritisationCriteria', 'active')]]).toEqual([12.5, 5, true]);

    // The first project of the ranking, scored on the new criterion.
    const first = page.locator('tr[data-project]').first();
    const code = await first.getAttribute('data-project') as string;
    await first.getByRole('button', { name: format(p.ScoreProject, code), exact: true }).click();
    const score = page.getByRole('dialog').filter({ has: page.getByLabel(format(p.ScoreField, title, 5)) });
    await score.getByLabel(format(p.ScoreField, title, 5)).fill(t.score);
    await score.getByRole('button', { name: p.Save, exact: true }).click();
    await score.waitFor({ state: 'detached' });
    // Stored in the project's item of Project Priorities (schema 9), not on the project item.
    const [project] = await restItems(hub, 'projects', `${col('projects', 'code')} eq ${odata(code)}`);
    const [priority] = await restItems(hub, 'projectPriorities', `${col('projectPriorities', 'project')}Id eq ${String(project.Id)}`);
    expect(JSON.parse(String(priority[col('projectPriorities', 'criteriaScores')]))[String(crit.Id)]).toBe(3.5);

    await reload(page, criteria(page));
    await page.getByRole('button', { name: format(p.EditCriterion, title), exact: true }).click();
    const edit = page.getByRole('dialog', { name: p.EditCriterionHeading });
    expect([await textbox(edit, p.FieldTitle).inputValue(), await textbox(edit, p.FieldWeight).inputValue(), await textbox(edit, p.FieldScale).inputValue()]).toEqual([title, t.weight, '5']);
    await edit.getByRole('button', { name: p.Cancel, exact: true }).click();
    await edit.waitFor({ state: 'detached' });
    await page.locator(`tr[data-project="${code}"]`).getByRole('button', { name: format(p.ScoreProject, code), exact: true }).click();
    const again = page.getByRole('dialog').filter({ has: page.getByLabel(format(p.ScoreField, title, 5)) });
    expect(await again.getByLabel(format(p.ScoreField, title, 5)).inputValue()).toBe(t.score);
    await again.getByRole('button', { name: p.Cancel, exact: true }).click();
    await again.waitFor({ state: 'detached' });
  });

  it('project, as the PMO: the leader from the people picker and two strategic objectives are stored and shown again', async () => {
    const ready = (pg: Page): Locator => pg.getByRole('menuitem', { name: r.NewProject });
    const page = await open('pmo', PROJECTS_PAGE, ready);
    const objectives = await restItems(hub, 'strategicObjectives', 'Id gt 0');
    const chosen = objectives.slice(0, 2).map((o) => ({ id: o.Id as number, text: o[col('strategicObjectives', 'period')] ? `${o.Title as string} (${o[col('strategicObjectives', 'period')] as string})` : o.Title as string }));
    expect(chosen).toHaveLength(2);
    const project = { code: `PP-${tag}-01`, title: `Personer ${tag} "Å" 🚀` };
    await ready(page).click();
    const panel = page.getByRole('dialog', { name: r.NewProject });
    await textbox(panel, r.FieldCode).fill(project.code);
    await textbox(panel, r.FieldTitle).fill(project.title);
    await panel.getByLabel(r.FilterLeader, { exact: true }).fill('Sanne');
    await page.locator('.ms-Suggestions-item').filter({ hasText: SANNE }).first().click();
    await combobox(panel, r.StrategicObjectives).click();
    // A multi-select option is a checkbox drawn by its label.
    for (const o of chosen) await page.locator('.ms-Dropdown-callout label').filter({ hasText: o.text }).first().click();
    await page.keyboard.press('Escape');
    await page.locator('.ms-Dropdown-callout').waitFor({ state: 'detached' });
    await panel.getByRole('button', { name: r.Save, exact: true }).click();
    await panel.waitFor({ state: 'detached' });

    const [raw] = await restItems(hub, 'projects', `${col('projects', 'code')} eq ${odata(project.code)}`);
    const ids = raw[`${col('projects', 'strategicObjectives')}Id`] as number[] | { results: number[] };
    expect({ leader: raw[`${col('projects', 'leader')}Id`], objectives: [...(Array.isArray(ids) ? ids : ids.results)].sort((a, b) => a - b) })
      .toEqual({ leader: await siteUserId('sanne.devries@contoso.com'), objectives: chosen.map((o) => o.id).sort((a, b) => a - b) });

    await reload(page, ready(page));
    await page.getByRole('searchbox', { name: r.SearchLabel }).fill(project.code);
    await page.getByRole('button', { name: format(r.OpenDetails, project.title), exact: true }).click();
    const details = page.getByRole('dialog', { name: `${project.code} · ${project.title}` });
    await details.getByRole('button', { name: r.EditProject, exact: true }).click();
    const edit = page.getByRole('dialog', { name: format(r.EditProjectHeading, project.title) });
    await textbox(edit, r.FieldCode).waitFor();
    await edit.locator('.ms-PickerPersona-container').filter({ hasText: SANNE }).waitFor();
    // The chosen objectives show with their period once the objectives list is read (the stored lookup has titles only).
    const expected = chosen.map((o) => o.text).join(', ');
    const objectivesBox = combobox(edit, r.StrategicObjectives);
    for (let i = 0; i < 50 && shownOption(await objectivesBox.textContent()) !== expected; i++) await page.waitForTimeout(200);
    expect(shownOption(await objectivesBox.textContent())).toBe(expected);
    await edit.getByRole('button', { name: r.Cancel, exact: true }).click();
    await edit.waitFor({ state: 'detached' });
  });

  it('met no console error, failed request or CSP violation', () => {
    expect(sessions.flatMap((x) => x.problems)).toEqual([]);
  });
});
