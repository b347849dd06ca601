/**
 * Issue 11, read back from SharePoint: what the forms hand to the services is what the list
 * stores, checked with plain REST reads of the internal columns (not through the service that
 * wrote it), plus the two defects outside the forms — closing an annual revision and seeding a
 * site that exists but is not provisioned.
 */
import type { SPFI } from '@pnp/sp';
import { startDemoSite, startSite, type DemoSite, type Site } from './setup';
import { SpProjectEditingService } from '../../../src/services/ProjectEditingService';
import { SpStatusReportService } from '../../../src/services/StatusReportService';
import { SpSparringRequestService } from '../../../src/services/SparringRequestService';
import { SpTemplateService } from '../../../src/services/TemplateService';
import { canApprove, revisionBoard } from '../../../src/services/templates';
import { spList } from '../../../src/services/listItems';
import { toPayload } from '../../../src/services/mapping';
import { listUrl } from '../../../src/services/ProjectService';
import { getList, internalName, type ListKey, type ListSchema } from '../../../src/schema';
import {
  formOf, reportFromForm, startReport, validateReport
} from '../../../src/webparts/statusReports/components/reportModel';
import { buildProgram } from '../../../tools/cli/main';
import { SpCommunityEventService } from '../../../src/services/CommunityEventService';
import { SpLessonService } from '../../../src/services/LessonService';
import { SpPortfolioService } from '../../../src/services/PortfolioService';
import { SpPrioritisationService } from '../../../src/services/PrioritisationService';
import { eventFromForm, formOfEvent, validateEventForm, type EventForm } from '../../../src/webparts/community/events/components/EventPanel';
import { formOfSchedule, validateScheduleForm } from '../../../src/webparts/community/experts/components/SparringPanels';
import { validateLessonForm } from '../../../src/webparts/community/lessons/components/LessonPanel';
import { formOfCriterion, validateCriterionForm } from '../../../src/webparts/portfolio/prioritisation/components/CriterionPanel';
import { formOfScores, parseScoreForm } from '../../../src/webparts/portfolio/prioritisation/components/ScorePanel';
import { parseLocaleTime, zonedToUtc } from '../../../src/components/dateTime';
import { loadAmdFile } from '../../unit/loc/amd';
import path from 'path';
import type { CommunityEvent, PrioritisationCriterion } from '../../../src/model';
import { withPriorities, type Project, type StatusReport } from '../../../src/model';

jest.setTimeout(120_000);

let site: DemoSite;

beforeAll(async () => { site = await startDemoSite(); });
afterAll(async () => { await site.server.close(); });

/** Plain REST as a demo user: the raw item with its internal column names. */
async function restItem(list: ListKey, id: number, alias: string = 'owner'): Promise<Record<string, unknown>> {
  const url = `${site.url}/_api/web/GetList('${encodeURIComponent(listUrl(site.url, getList(list) as ListSchema))}')/items(${id})`;
  const res = await fetch(url, { headers: { accept: 'application/json;odata=nometadata', 'X-PMOHub-User': alias } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}
const col = (list: ListKey, key: string): string => internalName(list, key as never);

const M = { Required: 'req', ChooseStatus: 'rag', InvalidDate: 'date', PercentRange: 'pct', NotNegative: 'neg', NotANumber: 'nan' };
const COMMENTS = {
  overallComment: 'Overall: "late" but <b>recoverable</b> 🚦',
  scheduleComment: 'Leverandøren er 3 uger forsinket; vi tager det i styregruppen.',
  costComment: "Kosten stijgen door de 'extra' licenties € 12.500,00",
  scopeComment: 'Omfånget är oförändrat.\nAndra raden.',
  riskComment: 'x'.repeat(255)
};

describe('status report (da-DK): comments and amounts through draft → reopen → publish', () => {
  let project: Project;
  beforeAll(async () => {
    // The PMO creates projects and names their leader; the leader then reports on it (issue 13).
    const me = await site.leaderSp.web.currentUser.select('Id', 'Title', 'Email')<{ Id: number; Title: string; Email: string }>();
    project = await new SpProjectEditingService(site.pmoSp, site.url).saveProject({
      leader: { id: me.Id, title: me.Title, email: me.Email },
      code: `RT-${Math.random().toString(36).slice(2, 7)}`, title: 'Round trip', phase: 'Execution',
      startDate: '2026-01-01', endDate: '2027-12-31', budget: 2000000, forecastCost: 1250000.5, strategicObjectives: []
    });
  });

  test('every value typed in Danish is stored as typed, and reopening changes nothing', async () => {
    const service = new SpStatusReportService(site.leaderSp, site.url);
    const locale = 'da-DK';
    // A first report starts from the project's forecast, written the Danish way.
    const start = startReport(undefined, project, locale, new Date(2027, 0, 15));
    expect(start.form.forecastCost).toBe('1.250.000,50');
    const form = {
      ...start.form, overall: 'Amber', schedule: 'Red', cost: 'Amber', scope: 'Green', risk: 'Amber',
      ...COMMENTS, summary: 'Opsummering "med" citat', nextSteps: 'Næste skridt', percentComplete: '35', forecastCost: '1 250 000,50', forecastEnd: '2027-06-30'
    } as typeof start.form;
    expect(validateReport(form, M, locale)).toEqual({});

    const draft = await service.saveDraft(reportFromForm(form, undefined, project, locale));
    let raw = await restItem('statusReports', draft.id);
    for (const [k, v] of Object.entries(COMMENTS)) expect(raw[col('statusReports', k)]).toBe(v);
    expect(raw[col('statusReports', 'forecastCost')]).toBe(1250000.5);
    expect(raw[col('statusReports', 'published')]).toBe(false);

    // Reopen the draft (as the web part does: the latest report), publish without touching anything.
    const latest = (await service.latest(project.id)) as StatusReport;
    const reopened = startReport(latest, project, locale, new Date(2027, 0, 16));
    expect(reopened.base?.id).toBe(draft.id);
    expect(reopened.form).toEqual({ ...form, forecastCost: '1.250.000,50', reportDate: form.reportDate });
    const { report } = await service.publish(reportFromForm(reopened.form, reopened.base, project, locale), project);
    raw = await restItem('statusReports', report.id);
    for (const [k, v] of Object.entries(COMMENTS)) expect(raw[col('statusReports', k)]).toBe(v);
    expect(raw[col('statusReports', 'forecastCost')]).toBe(1250000.5);
    expect(raw[col('statusReports', 'percentComplete')]).toBe(35);
    expect(raw[col('statusReports', 'published')]).toBe(true);
    const p = await restItem('projects', project.id);
    expect(p[col('projects', 'forecastCost')]).toBe(1250000.5);
    expect(formOf(report, locale)).toEqual(reopened.form);
  });
});

describe('sparring', () => {
  test('the expert asked for from their card is stored, and the PMO sees them and the message', async () => {
    const larsSp: SPFI = await site.as('lars');
    const lars = await larsSp.web.currentUser.select('Id', 'Title', 'Email')<{ Id: number; Title: string; Email: string }>();
    const message = 'Kan vi tale om "gevinstrealisering"? <b>gerne</b> snart 🙏';
    const created = await new SpSparringRequestService(site.leaderSp, site.url).create({
      title: 'Benefits review', description: message, competency: 'BenefitsRealisation' as never,
      requestedExpert: { id: lars.Id, title: lars.Title, email: lars.Email }
    });
    const raw = await restItem('sparringRequests', created.id);
    expect(raw[`${col('sparringRequests', 'requestedExpert')}Id`]).toBe(lars.Id);
    expect(raw[col('sparringRequests', 'description')]).toBe(message);
    expect(raw[`${col('sparringRequests', 'assignedExpert')}Id`] ?? null).toBeNull();
    const open = await new SpSparringRequestService(site.pmoSp, site.url).open();
    const seen = open.find((r) => r.id === created.id);
    expect(seen?.requestedExpert?.id).toBe(lars.Id);
    expect(seen?.description).toBe(message);
  });
});

const ROOT = path.resolve(__dirname, '../../..');
const communityStrings = (locale: string): ICommunityWebPartStrings => loadAmdFile(path.join(ROOT, 'src/webparts/community/loc', `${locale.toLowerCase()}.js`)) as ICommunityWebPartStrings;
const commonStrings = (locale: string): IPmoHubCommonStrings => loadAmdFile(path.join(ROOT, 'src/common/loc', `${locale.toLowerCase()}.js`)) as IPmoHubCommonStrings;
const planningStrings = (locale: string): IPortfolioPlanningWebPartStrings => loadAmdFile(path.join(ROOT, 'src/webparts/portfolio/loc-planning', `${locale.toLowerCase()}.js`)) as IPortfolioPlanningWebPartStrings;

describe('community event (da-DK, as the PMO): a time typed the Danish way, in the site\'s zone, stored in UTC', () => {
  test('the zone is the site\'s regional settings; 14.30 is stored as 14:30 of that zone and reopens as typed', async () => {
    const service = new SpCommunityEventService(site.pmoSp, site.url);
    const zone = await service.timeZone();
    // The local SharePoint's sites are in UTC, as its README says; a tenant's zone comes the same way.
    expect(zone).toEqual({ iana: 'UTC', description: '(UTC) Coordinated Universal Time' });
    const locale = 'da-DK';
    const s = communityStrings(locale);
    const c = commonStrings(locale);
    const form: EventForm = {
      title: 'Kvartalsmøde "Q2" <b>fælles</b> 🚀', eventType: 'QuarterlyChallenge', startDate: '2027-04-15', startTime: '14.30',
      endDate: '2027-04-15', endTime: '16.00', location: 'Mødelokale 3 – Aarhus', onlineLink: 'https://teams.microsoft.com/l/meetup-join/abc',
      audience: ['ProjectLeaders', 'PmoMembers'], description: 'Dagsorden:\n1. Status\n2. "Lessons"'
    };
    expect(validateEventForm({ ...form, startTime: '14,30' }, s, c, locale, zone.iana).startTime).toBe(c.TimeInvalid.replace('{0}', '14.30'));
    expect(validateEventForm(form, s, c, locale, zone.iana)).toEqual({});
    const saved = await service.save(eventFromForm(form, undefined, zone.iana, locale));
    const raw = await restItem('communityEvents', saved.id, 'pmo');
    expect({
      title: raw[col('communityEvents', 'title')], start: raw[col('communityEvents', 'startDate')], end: raw[col('communityEvents', 'endDate')],
      location: raw[col('communityEvents', 'location')], link: (raw[col('communityEvents', 'onlineLink')] as { Url?: string } | null)?.Url,
      audience: raw[col('communityEvents', 'audience')], agenda: raw[col('communityEvents', 'description')]
    }).toEqual({
      title: form.title, start: '2027-04-15T14:30:00Z', end: '2027-04-15T16:00:00Z', location: form.location, link: form.onlineLink,
      audience: form.audience, agenda: form.description
    });
    const reread = (await service.list({ from: '2027-04-01T00:00:00Z' })).find((e) => e.id === saved.id) as CommunityEvent;
    expect(formOfEvent(reread, zone.iana, locale)).toEqual(form);
    // The same typing in a Copenhagen site: SharePoint gets the UTC instant.
    expect(eventFromForm(form, undefined, 'Europe/Copenhagen', locale).startDate).toBe('2027-04-15T12:30:00.000Z');
  });
});

describe('sparring session (nl-NL): the PMO books 14:30 as a Dutch person types it', () => {
  test('stored as 14:30 of the site\'s zone, shown again as typed', async () => {
    const locale = 'nl-NL';
    const larsSp: SPFI = await site.as('lars');
    const lars = await larsSp.web.currentUser.select('Id', 'Title', 'Email')<{ Id: number; Title: string; Email: string }>();
    const created = await new SpSparringRequestService(site.leaderSp, site.url).create({ title: 'Stuurgroep "lastig"', description: 'Graag <i>snel</i>' });
    const pmo = new SpSparringRequestService(site.pmoSp, site.url);
    const zone = await pmo.timeZone();
    const assigned = await pmo.assign(created, { id: lars.Id, title: lars.Title, email: lars.Email });
    const form = { date: '2027-02-02', time: '14:30' };
    expect(validateScheduleForm(form, communityStrings(locale), commonStrings(locale), locale)).toEqual({});
    const scheduled = await pmo.schedule(assigned, zonedToUtc(form.date, parseLocaleTime(form.time, locale) as string, zone.iana));
    const raw = await restItem('sparringRequests', created.id, 'pmo');
    expect([raw[col('sparringRequests', 'scheduledAt')], raw[col('sparringRequests', 'status')], raw[`${col('sparringRequests', 'assignedExpert')}Id`]])
      .toEqual(['2027-02-02T14:30:00Z', 'Scheduled', lars.Id]);
    expect(formOfSchedule(scheduled, zone.iana, locale)).toEqual(form);
  });
});

describe('lesson learned (sv-SE, as a project leader)', () => {
  test('every field as typed', async () => {
    const s = communityStrings('sv-SE');
    const form = {
      title: 'Börja med intressenterna – "tidigt" 🙈', category: 'Stakeholders' as const, phase: 'Initiation' as const,
      whatHappened: 'Styrgruppen <b>glömde</b> budgeten.\nAndra raden.', recommendation: 'Boka in "kick-off" med ekonomi', tags: 'intressenter; budget, styrgrupp'
    };
    expect(validateLessonForm(form, s)).toEqual({});
    const saved = await new SpLessonService(site.leaderSp, site.url).save({ ...form, tags: form.tags.split(/[;,]/) });
    const raw = await restItem('lessonsLearned', saved.id, 'leader');
    expect({
      title: raw[col('lessonsLearned', 'title')], category: raw[col('lessonsLearned', 'category')], phase: raw[col('lessonsLearned', 'phase')],
      what: raw[col('lessonsLearned', 'whatHappened')], rec: raw[col('lessonsLearned', 'recommendation')], tags: raw[col('lessonsLearned', 'tags')]
    }).toEqual({ title: form.title, category: form.category, phase: form.phase, what: form.whatHappened, rec: form.recommendation, tags: 'intressenter;budget;styrgrupp' });
  });
});

describe('prioritisation (nl-NL criterion, da-DK scores, as the PMO)', () => {
  test('a weight of 12,5 is stored as 12.5, "1.5" is refused; scores of 3,5 are stored as 3.5 and reopen as typed', async () => {
    const service = new SpPrioritisationService(site.pmoSp, site.url);
    const nl = planningStrings('nl-NL');
    const refused = validateCriterionForm({ title: 'Impact "klant"', weight: '1.5', scale: '5', description: '', active: true }, nl, 'nl-NL');
    expect(refused.value).toBeUndefined();
    expect(refused.errors.weight).toBeTruthy();
    const form = { title: 'Impact "klant" <b>NL</b>', weight: '12,5', scale: '5', description: 'Wat levert het de klant op?', active: true };
    const checked = validateCriterionForm(form, nl, 'nl-NL');
    const criterion = await service.saveCriterion(checked.value as never);
    const raw = await restItem('prioritisationCriteria', criterion.id, 'pmo');
    expect([raw[col('prioritisationCriteria', 'title')], raw[col('prioritisationCriteria', 'weight')], raw[col('prioritisationCriteria', 'scale')]]).toEqual([form.title, 12.5, 5]);
    expect(formOfCriterion(criterion, 'nl-NL')).toEqual(form);

    const da = planningStrings('da-DK');
    const criteria = (await service.criteria()).filter((x) => x.active) as PrioritisationCriterion[];
    const [loaded] = withPriorities(await new SpPortfolioService(site.pmoSp, site.url, 'stored-as-typed').loadProjects(), await service.priorities());
    const values = Object.fromEntries(criteria.map((x) => [String(x.id), x.id === criterion.id ? '3,5' : '']));
    const parsed = parseScoreForm(values, criteria, da, 'da-DK');
    expect(parsed.errors).toEqual({});
    const saved = await service.saveScores(loaded, parsed.scores, criteria);
    const rawPriority = await restItem('projectPriorities', (saved.priority as { id: number }).id, 'pmo');
    expect(JSON.parse(String(rawPriority[col('projectPriorities', 'criteriaScores')]))[String(criterion.id)]).toBe(3.5);
    expect(formOfScores(saved, criteria, 'da-DK')[String(criterion.id)]).toBe('3,5');
  });
});

describe('criterion weight, in each language (as the PMO)', () => {
  test.each([
    ['en-US', '12.5', '12.25', '1,000'],
    ['sv-SE', '12,5', '12,25', '1.5'],
    ['da-DK', '12,5', '12,25', '1.5'],
    ['nl-NL', '12,5', '12,25', '1.5']
  ])('%s: "%s" is stored as typed and reopens as typed; "%s" (two decimals) and "%s" are refused, never rounded', async (locale, typed, twoDecimals, foreign) => {
    const s = planningStrings(locale);
    for (const wrong of [twoDecimals, foreign]) {
      const refused = validateCriterionForm({ title: 'x', weight: wrong, scale: '5', description: '', active: true }, s, locale);
      expect([wrong, refused.value, refused.errors.weight]).toEqual([wrong, undefined, expect.stringMatching(/100/)]);
    }
    const form = { title: `Weight ${locale}`, weight: typed, scale: '5', description: '', active: true };
    const checked = validateCriterionForm(form, s, locale);
    expect(checked.errors).toEqual({});
    const saved = await new SpPrioritisationService(site.pmoSp, site.url).saveCriterion(checked.value as never);
    const raw = await restItem('prioritisationCriteria', saved.id, 'pmo');
    expect(raw[col('prioritisationCriteria', 'weight')]).toBe(12.5);
    expect(formOfCriterion(saved, locale)).toEqual(form);
    const edge = validateCriterionForm({ ...form, weight: locale === 'en-US' ? '99.9' : '99,9' }, s, locale);
    expect(edge.value?.weight).toBe(99.9);
  });
});

describe('annual revision', () => {
  test('an approved, overdue template gets v3.0 with a change note, can be approved, and leaves the board', async () => {
    const pmo = new SpTemplateService(site.pmoSp, site.url);
    const today = new Date().toISOString().slice(0, 10);
    const approved = (await pmo.templates(true)).find((t) => t.status === 'Approved' && t.fileName.endsWith('.docx'));
    if (!approved) throw new Error('no approved template in the seed');
    await spList(site.pmoSp, site.url, 'methodTemplates').items.getById(approved.id)
      .update(toPayload('methodTemplates', { lastRevised: '2025-01-10', nextRevision: '2026-01-10' }));
    const overdue = (await pmo.templates(true)).find((t) => t.id === approved.id);
    if (!overdue) throw new Error('template vanished');
    expect(revisionBoard([overdue], today).map((r) => r.state)).toEqual(['overdue']);

    const bytes = Buffer.from(await pmo.content(overdue));
    const v3 = await pmo.uploadNewVersion(overdue, { name: overdue.fileName, size: bytes.length, content: bytes }, 'v3.0: risks section rewritten');
    expect(v3.changeNote).toBe('v3.0: risks section rewritten');
    expect(v3.status).toBe('Approved');
    expect(canApprove(v3, today)).toBe(true);

    const closed = await pmo.setStatus(v3, 'Approved');
    const raw = await restItem('methodTemplates', closed.id, 'pmo');
    expect(String(raw[col('methodTemplates', 'lastRevised')]).slice(0, 10)).toBe(today);
    expect(String(raw[col('methodTemplates', 'nextRevision')]).slice(0, 4)).toBe(String(Number(today.slice(0, 4)) + 1));
    expect(revisionBoard([closed], today)).toEqual([]);
    expect(canApprove(closed, today)).toBe(false);
  });
});

describe('seed', () => {
  let bare: Site;
  beforeAll(async () => { bare = await startSite(); });
  afterAll(async () => { await bare.server.close(); });

  test('on a site that exists but is not provisioned, says so and what to run', async () => {
    const errors: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { errors.push(String(chunk)); return true; });
    const exitCode = process.exitCode;
    try {
      await buildProgram().parseAsync(['node', 'pmo-hub', 'seed', '--site', bare.url]);
      expect(process.exitCode).toBe(1);
    } finally {
      spy.mockRestore();
      process.exitCode = exitCode;
    }
    const text = errors.join('');
    expect(text).not.toMatch(/no SharePoint site/);
    expect(text).toContain('not provisioned');
    expect(text).toContain(`pmo-hub provision --site ${bare.url}`);
  });
});
