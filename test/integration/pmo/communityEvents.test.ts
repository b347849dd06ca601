/**
 * Contract: SpCommunityEventService and SpExpertService against the local SharePoint and its
 * Graph subset, through real @pnp/sp and the real Microsoft Graph client: events by type and
 * period, validation, "add to my calendar" (me/events), templates due for revision, the
 * expert directory with batched Graph profiles, and a failing Graph.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { Client } from '@microsoft/microsoft-graph-client';
import { startSite, type Site } from './setup';
import { seedAsTheirAuthors } from './communitySetup';
import { provision } from '../../../src/provisioning/apply';
import { SpCommunityEventService, splitByTime } from '../../../src/services/CommunityEventService';
import { SpExpertService, filterExperts, GRAPH_BATCH_LIMIT } from '../../../src/services/ExpertService';
import { ValidationError } from '../../../src/services/errors';
import { spList } from '../../../src/services/listItems';
import { getList, internalName, type ListSchema } from '../../../src/schema';
import { listUrl } from '../../../src/services/ProjectService';
import type { CommunityEvent, NewItem } from '../../../src/model';

jest.setTimeout(60_000);

let site: Site;
let broken: http.Server;
let brokenUrl: string;
let pmoSp: SPFI;
let leaderSp: SPFI;

const graphAs = (alias: string, baseUrl: string = `${site.server.url}/graph/`): Client => Client.init({
  authProvider: (done) => done(null, 'local'), baseUrl, defaultVersion: 'v1.0',
  fetchOptions: { headers: { 'X-PMOHub-User': alias } }
});

beforeAll(async () => {
  site = await startSite();
  await provision(site.sp);
  await seedAsTheirAuthors(site);
  [pmoSp, leaderSp] = await Promise.all([site.as('pmo'), site.as('leader')]);
  broken = http.createServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'InternalServerError', message: 'Something went wrong.' } }));
  });
  await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
  brokenUrl = `http://127.0.0.1:${(broken.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => broken.close(() => resolve()));
  await site.server.close();
});

const events = (sp: SPFI = pmoSp, alias: string = 'pmo'): SpCommunityEventService => new SpCommunityEventService(sp, site.url, graphAs(alias));

test('events by type and by period come back in start order', async () => {
  const all = await events().list({});
  expect(all.length).toBeGreaterThanOrEqual(8);
  expect(all.map((e) => e.startDate)).toEqual([...all.map((e) => e.startDate)].sort());
  const quarterly = await events().list({ types: ['QuarterlyChallenge'] });
  expect(quarterly.map((e) => e.title)).toEqual(['Q2 2026', 'Q3 2026', 'Q4 2026', 'Q1 2027', 'Q2 2027'].map((q) => `Quarterly challenge meeting ${q}`));
  const now = '2026-11-15T00:00:00Z';
  const upcoming = await events().list({ from: now });
  expect(upcoming.every((e) => e.startDate >= now)).toBe(true);
  expect(upcoming.map((e) => e.title)).toContain('Annual method revision 2026');
  const window = await events().list({ from: now, to: '2026-12-15T00:00:00Z', types: ['QuarterlyChallenge', 'AnnualMethodRevision'] });
  expect(window.map((e) => e.title)).toEqual(['Quarterly challenge meeting Q4 2026', 'Annual method revision 2026']);
  const { upcoming: next, past } = splitByTime(all, new Date(now));
  expect(next[0].title).toBe('Quarterly challenge meeting Q4 2026');
  expect(past[0].title).toBe('Half-yearly experience meeting: autumn 2026');
});

test('the PMO creates and edits events; an end before the start is refused field by field', async () => {
  expect(await events().canManage()).toBe(true);
  expect(await events(leaderSp, 'leader').canManage()).toBe(false);
  const draft: NewItem<CommunityEvent> = {
    title: 'Peer exchange <b>with</b> Ørsted & "friends"', eventType: 'PeerExchange', startDate: '2027-02-01T09:00:00Z',
    endDate: '2027-02-01T08:00:00Z', audience: ['ProjectLeaders'], location: 'Online', description: '<script>alert(1)</script>'
  };
  const refused = await events().save(draft).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(ValidationError);
  expect((refused as ValidationError).fields).toEqual({ endDate: 'endBeforeStart' });
  const missing = await events().save({ ...draft, title: ' ', startDate: '' }).catch((e: unknown) => e) as ValidationError;
  expect(missing.fields).toMatchObject({ title: 'required', startDate: 'required' });

  const saved = await events().save({ ...draft, endDate: '2027-02-01T11:00:00Z', onlineLink: { url: 'https://teams.example.com/meet/1' } });
  expect(saved).toMatchObject({ title: draft.title, description: '<script>alert(1)</script>', eventType: 'PeerExchange', audience: ['ProjectLeaders'] });
  expect(Date.parse(saved.endDate as string)).toBe(Date.parse('2027-02-01T11:00:00Z'));
  const moved = await events().save({ ...saved, location: 'Utrecht' });
  expect(moved.location).toBe('Utrecht');
  // A project leader may not create events: SharePoint refuses.
  await expect(events(leaderSp, 'leader').save({ ...draft, endDate: undefined })).rejects.toMatchObject({ status: 403 });
  await events().remove(moved);
  expect((await events().list({ types: ['PeerExchange'] })).some((e) => e.id === moved.id)).toBe(false);
});

test('"add to my calendar" creates the event in the user\'s own calendar through Graph me/events', async () => {
  const [q4] = await events().list({ from: '2026-11-15T00:00:00Z', types: ['QuarterlyChallenge'] });
  const created = await events(leaderSp, 'leader').addToCalendar(q4);
  expect(created.id).toBeTruthy();
  const mine = await graphAs('leader').api('/me/events').get() as { value: Array<{ id: string; subject: string; start: { dateTime: string; timeZone: string } }> };
  expect(mine.value).toEqual([expect.objectContaining({ id: created.id, subject: 'Quarterly challenge meeting Q4 2026' })]);
  expect(mine.value[0].start.timeZone).toBe('UTC');
  expect(Date.parse(`${mine.value[0].start.dateTime}Z`)).toBe(Date.parse(q4.startDate));
  // Only in her calendar.
  const others = await graphAs('visitor').api('/me/events').get() as { value: unknown[] };
  expect(others.value).toEqual([]);
});

test('templates due for revision by the annual meeting are read by their indexed next-revision date', async () => {
  const library = site.sp.web.getFolderByServerRelativePath(listUrl(site.url, getList('methodTemplates') as ListSchema));
  const due = await library.files.addUsingPath('PID template.docx', 'pid', { Overwrite: true });
  const later = await library.files.addUsingPath('Closure report.docx', 'closure', { Overwrite: true });
  const next = internalName('methodTemplates', 'nextRevision');
  await (await site.sp.web.getFileByServerRelativePath(due.ServerRelativeUrl).getItem()).update({ [next]: '2026-12-01T12:00:00Z', [internalName('methodTemplates', 'category')]: 'PID' });
  await (await site.sp.web.getFileByServerRelativePath(later.ServerRelativeUrl).getItem()).update({ [next]: '2027-09-01T12:00:00Z' });
  const found = await events(leaderSp, 'leader').templatesDueBy('2026-12-10');
  // The demo seed's own templates are in the library too: every one found is due, the later one is not.
  const names = found.map((t) => t.fileName);
  expect(names).toContain('PID template.docx');
  expect(names).not.toContain('Closure report.docx');
  expect(found.every((t) => !!t.nextRevision && t.nextRevision <= '2026-12-10')).toBe(true);
  expect(found.find((t) => t.fileName === 'PID template.docx')).toMatchObject({ category: 'PID', nextRevision: '2026-12-01', fileUrl: due.ServerRelativeUrl });
});

test('the expert directory: experts with Graph job title, department and photo, in batches of at most 20 requests', async () => {
  const service = new SpExpertService(leaderSp, site.url, graphAs('leader'));
  const experts = await service.list();
  expect(experts.map((e) => e.person.email)).toEqual(expect.arrayContaining(['lars.nielsen@contoso.com', 'thomas.mortensen@contoso.com']));
  const before = site.server.stats.byKind.graph ?? 0;
  const profiles = await service.profiles(experts.map((e) => e.person.email));
  // Two requests a person, 20 to a batch: 6 experts → 12 requests → ONE call.
  expect((site.server.stats.byKind.graph ?? 0) - before).toBe(Math.ceil((experts.length * 2) / GRAPH_BATCH_LIMIT));
  expect(profiles.failed).toBe(false);
  expect(profiles.byEmail['lars.nielsen@contoso.com']).toMatchObject({ jobTitle: 'Programme Manager', department: 'Infrastructure' });
  expect(profiles.byEmail['lars.nielsen@contoso.com'].photoUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);

  // 15 people → 30 requests → 2 calls; duplicates count once.
  const directory = experts.map((e) => e.person.email).concat(['astrid.lindqvist@contoso.com', 'mikkel.sorensen@contoso.com', 'erik.johansson@contoso.com', 'karin.holm@contoso.com', 'anna.andersson@contoso.com', 'johan.ek@contoso.com', 'johan.ek@contoso.com', 'SANNE.devries@contoso.com', 'nobody@contoso.com']);
  const before2 = site.server.stats.byKind.graph ?? 0;
  const more = await service.profiles(directory);
  expect((site.server.stats.byKind.graph ?? 0) - before2).toBe(Math.ceil((new Set(directory.map((d) => d.toLowerCase())).size * 2) / GRAPH_BATCH_LIMIT));
  expect(more.byEmail['nobody@contoso.com']).toEqual({});
  expect(more.failed).toBe(false);

  const prince2Steering = filterExperts(experts, { competency: 'SteeringGroups', certification: 'PRINCE2' });
  expect(prince2Steering.map((e) => e.title).sort()).toEqual(['Lars Nielsen', 'Thomas Mortensen']);
  expect(filterExperts(experts, { text: 'programme manager' }, profiles.byEmail).map((e) => e.title)).toEqual(['Lars Nielsen']);
});

test('a failing Graph leaves the directory usable without photos; HTML in a bio comes back as text', async () => {
  const title = internalName('pmoExperts', 'bio');
  const experts = await new SpExpertService(site.sp, site.url).list();
  const pieter = experts.find((e) => e.title === 'Pieter Jansen');
  expect(pieter).toBeDefined();
  await spList(site.sp, site.url, 'pmoExperts').items.getById((pieter as { id: number }).id).update({ [title]: '<img src=x onerror=alert(1)> Agile & "lean"' });
  const service = new SpExpertService(leaderSp, site.url, graphAs('leader', brokenUrl));
  const again = await service.list();
  expect(again.find((e) => e.title === 'Pieter Jansen')?.bio).toBe('<img src=x onerror=alert(1)> Agile & "lean"');
  const profiles = await service.profiles(again.map((e) => e.person.email));
  expect(profiles).toEqual({ byEmail: {}, failed: true });
  // No Graph client at all (e.g. consent not granted yet): the same.
  expect(await new SpExpertService(leaderSp, site.url).profiles(['lars.nielsen@contoso.com'])).toEqual({ byEmail: {}, failed: true });
});
