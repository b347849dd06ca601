/**
 * Contract: SpSparringRequestService against the local SharePoint. Privacy is SharePoint's:
 * Sparring Requests' ReadSecurity 2 (the requester is the item's Author), and on assign the
 * PMO's copy in Sparring Assignments with its own permissions for requester and expert —
 * checked for every demo user through the service AND through plain REST.
 */
import type { SPFI } from '@pnp/sp';
import { startSite, type Site } from './setup';
import { seedAsTheirAuthors } from './communitySetup';
import { provision } from '../../../src/provisioning/apply';
import { SpSparringRequestService, TransitionError, waitedDays, type SparringRequestView } from '../../../src/services/SparringRequestService';
import { ConflictError, ValidationError } from '../../../src/services/errors';
import { spList } from '../../../src/services/listItems';
import { getList, internalName, type ListSchema } from '../../../src/schema';
import { toPayload } from '../../../src/services/mapping';
import { listUrl } from '../../../src/services/ProjectService';
import type { PersonRef } from '../../../src/model';

jest.setTimeout(60_000);

const ALIASES = ['owner', 'pmo', 'leader', 'visitor', 'lars', 'ingrid', 'pieter', 'femke', 'johan', 'thomas'] as const;
type Alias = (typeof ALIASES)[number];

let site: Site;
const as: Partial<Record<Alias, SPFI>> = {};

beforeAll(async () => {
  site = await startSite();
  await provision(site.sp);
  await seedAsTheirAuthors(site);
  for (const a of ALIASES) as[a] = await site.as(a);
});
afterAll(async () => { await site.server.close(); });

const service = (a: Alias): SpSparringRequestService => new SpSparringRequestService(as[a] as SPFI, site.url);

async function person(a: Alias): Promise<PersonRef> {
  const u = await (as[a] as SPFI).web.currentUser.select('Id', 'Title', 'Email')<{ Id: number; Title: string; Email: string }>();
  return { id: u.Id, title: u.Title, email: u.Email };
}

/** Plain REST, no service: GET the item by id as the user → HTTP status. */
async function restStatus(a: Alias, id: number, key: 'sparringRequests' | 'sparringAssignments' = 'sparringRequests'): Promise<number> {
  const url = `${site.url}/_api/web/GetList('${encodeURIComponent(listUrl(site.url, getList(key) as ListSchema))}')/items(${id})`;
  const res = await fetch(url, { headers: { accept: 'application/json', 'X-PMOHub-User': a } });
  return res.status;
}

async function restTitles(a: Alias): Promise<string[]> {
  const url = `${site.url}/_api/web/GetList('${encodeURIComponent(listUrl(site.url, getList('sparringRequests') as ListSchema))}')/items?$select=Title&$top=5000`;
  const res = await fetch(url, { headers: { accept: 'application/json', 'X-PMOHub-User': a } });
  // Thomas, an external expert, is in no site group: without a request shared with him he cannot open the list at all.
  if (a === 'thomas' && res.status === 403) return [];
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: Array<{ Title: string }> }).value.map((v) => v.Title);
}

test('a request without topic is refused field by field; nothing is written', async () => {
  const before = (await service('owner').open()).length;
  const e = await service('leader').create({ title: '  ', description: 'x' }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ValidationError);
  expect((e as ValidationError).fields).toEqual({ title: 'required' });
  const bad = await service('leader').create({ title: 'ok', competency: 'Juggling' as never, preferredDate: '2026-02-30' }).catch((x: unknown) => x) as ValidationError;
  expect(bad.fields).toEqual({ competency: 'invalidChoice', preferredDate: 'invalidDate' });
  expect((await service('owner').open()).length).toBe(before);
});

test('New → Assigned → Scheduled → Done, and privacy for every demo user at each step', async () => {
  const topic = `Steering group <b>cut</b> & "scope" ${Date.now()}`;
  const created = await service('leader').create({ title: topic, competency: 'SteeringGroups', preferredDate: '2026-12-01', description: '<script>x</script>' });
  expect(created).toMatchObject({ title: topic, status: 'New', competency: 'SteeringGroups', preferredDate: '2026-12-01', description: '<script>x</script>' });
  expect(created.requester.email).toBe('sanne.devries@contoso.com');
  expect(waitedDays(created.created, new Date())).toBe(0);

  // New: the requester and the PMO; nobody else — not through the service, not through REST.
  const readers = async (id: number): Promise<Alias[]> => {
    const out: Alias[] = [];
    for (const a of ALIASES) if (await restStatus(a, id) === 200) out.push(a);
    return out;
  };
  expect(await readers(created.id)).toEqual(['owner', 'pmo', 'leader']);
  expect(await restStatus('visitor', created.id)).toBe(404);
  expect(await restTitles('visitor')).not.toContain(topic);
  expect((await service('leader').mine()).map((r) => r.title)).toContain(topic);
  expect((await service('visitor').mine()).map((r) => r.title)).not.toContain(topic);
  expect((await service('pmo').open()).map((r) => r.title)).toContain(topic);
  expect(await service('pmo').canManage()).toBe(true);
  expect(await service('leader').canManage()).toBe(false);
  expect(await service('visitor').canManage()).toBe(false);

  // Skipping a step or a requester assigning is refused.
  await expect(service('pmo').complete(created)).rejects.toBeInstanceOf(TransitionError);
  await expect(service('pmo').schedule(created, '2026-12-02T10:00:00Z')).rejects.toBeInstanceOf(TransitionError);
  const thomas = await person('thomas');
  await expect(service('leader').assign(created, thomas)).rejects.toMatchObject({ status: 403 });
  expect((await service('leader').mine()).find((r) => r.id === created.id)).toMatchObject({ status: 'New', etag: created.etag });

  const assigned = await service('pmo').assign(created, thomas);
  expect(assigned).toMatchObject({ status: 'Assigned', assignedExpert: { email: 'thomas.mortensen@contoso.com' } });
  // ReadSecurity 2 lets only the author and holders of Override List Behaviors read the request,
  // whatever the item's own permissions say: the expert reads the PMO's assignment instead.
  expect(await readers(created.id)).toEqual(['owner', 'pmo', 'leader']);
  const mineAsExpert = await service('thomas').assignedToMe();
  expect(mineAsExpert.map((r) => [r.id, r.title, r.requester.email, r.status])).toEqual([[created.id, topic, 'sanne.devries@contoso.com', 'Assigned']]);
  const assignmentReaders = async (): Promise<Alias[]> => {
    const id = (await service('pmo').assignmentId(created.id)) as number;
    const out: Alias[] = [];
    for (const a of ALIASES) if (await restStatus(a, id, 'sparringAssignments') === 200) out.push(a);
    return out;
  };
  expect(await assignmentReaders()).toEqual(['owner', 'pmo', 'leader', 'thomas']);
  expect((await service('leader').mine()).find((r) => r.id === created.id)?.status).toBe('Assigned');
  // Someone else's stale copy cannot move it on: ETags.
  await expect(service('pmo').assign(created, await person('lars'))).rejects.toBeInstanceOf(ConflictError);

  // Another expert instead: Thomas loses access, Lars gains it.
  const reassigned = await service('pmo').assign(assigned, await person('lars'));
  expect(await readers(created.id)).toEqual(['owner', 'pmo', 'leader']);
  expect(await assignmentReaders()).toEqual(['owner', 'pmo', 'leader', 'lars']);
  expect(await service('thomas').assignedToMe()).toEqual([]);

  const bad = await service('pmo').schedule(reassigned, 'next week').catch((x: unknown) => x) as ValidationError;
  expect(bad.fields).toEqual({ scheduledAt: 'invalidDate' });
  const scheduled = await service('pmo').schedule(reassigned, '2026-12-02T10:00:00Z');
  expect(scheduled).toMatchObject({ status: 'Scheduled' });
  expect(Date.parse(scheduled.scheduledAt as string)).toBe(Date.parse('2026-12-02T10:00:00Z'));
  const done = await service('pmo').complete(scheduled);
  expect(done.status).toBe('Done');
  expect((await service('pmo').open()).some((r) => r.id === created.id)).toBe(false);
  await expect(service('pmo').assign(done, thomas)).rejects.toBeInstanceOf(TransitionError);
  expect(await readers(created.id)).toEqual(['owner', 'pmo', 'leader']);
  expect((await service('lars').assignedToMe()).find((r) => r.id === created.id)?.status).toBe('Done');
});

test('seeded requests: each requester sees only their own; the assigned expert sees the assignments, not the requests', async () => {
  const byUser: Record<string, string[]> = {};
  for (const a of ALIASES) byUser[a] = (await restTitles(a)).filter((t) => !/Steering group <b>cut/.test(t)).sort();
  expect(byUser.visitor).toEqual([]);
  expect(byUser.thomas).toEqual([]);
  expect(byUser.leader).toEqual(['Preparing a steering group that must cut scope', 'Release planning for the customer portal']);
  expect(byUser.johan).toEqual(['Go-live readiness for the new HR system', 'Risk workshop for the solar panel project']);
  expect(byUser.ingrid).toEqual(['Benefits realisation plan for the budget tool']);
  expect(byUser.lars).toEqual([]);
  expect((await service('lars').assignedToMe()).map((r) => r.title).filter((t) => !/Steering group <b>cut/.test(t)).sort())
    .toEqual(['Benefits realisation plan for the budget tool', 'Go-live readiness for the new HR system', 'Release planning for the customer portal', 'Risk workshop for the solar panel project']);
  expect(await service('johan').assignedToMe()).toEqual([]);
  expect(byUser.pmo).toHaveLength(5);
  expect(byUser.owner).toHaveLength(5);
  // Writes are the requester's and the PMO's: a visitor cannot change a request by id.
  const [first] = await service('pmo').open() as SparringRequestView[];
  await expect(spList(as.visitor as SPFI, site.url, 'sparringRequests').items.getById(first.id).update({ Title: 'hijacked' })).rejects.toMatchObject({ status: 404 });
});

test('status and expert come only from what the PMO wrote: a requester\'s hand-made POST setting them shows as New and unassigned', async () => {
  const thomas = await person('thomas');
  const topic = `Forged ${Date.now()}`;
  const created = await spList(as.ingrid as SPFI, site.url, 'sparringRequests').items.add(toPayload('sparringRequests', {
    title: topic, status: 'Scheduled', assignedExpert: thomas, scheduledAt: '2026-12-03T09:00:00Z'
  })) as { Id: number };
  // Stored as sent: SharePoint has no column-level security.
  const raw = await spList(as.owner as SPFI, site.url, 'sparringRequests').items.getById(created.Id)
    .select(internalName('sparringRequests', 'status'))<Record<string, unknown>>();
  expect(raw[internalName('sparringRequests', 'status')]).toBe('Scheduled');
  const pmoView = (await service('pmo').open()).find((r) => r.id === created.Id);
  const ownView = (await service('ingrid').mine()).find((r) => r.id === created.Id);
  for (const shown of [pmoView, ownView]) {
    expect(shown).toMatchObject({ title: topic, status: 'New', requester: { email: 'ingrid.berg@contoso.com' } });
    expect([shown?.assignedExpert, shown?.scheduledAt]).toEqual([undefined, undefined]);
  }
  expect((await service('thomas').assignedToMe()).map((r) => r.id)).not.toContain(created.Id);
  // The PMO takes it from New; from then on the assignment speaks, for the requester too.
  const assigned = await service('pmo').assign(pmoView as SparringRequestView, await person('lars'));
  expect(assigned).toMatchObject({ status: 'Assigned', assignedExpert: { email: 'lars.nielsen@contoso.com' } });
  expect((await service('ingrid').mine()).find((r) => r.id === created.Id)).toMatchObject({ status: 'Assigned', assignedExpert: { email: 'lars.nielsen@contoso.com' } });
  expect((await service('ingrid').mine()).find((r) => r.id === created.Id)?.scheduledAt).toBeUndefined();
  await service('pmo').complete(await service('pmo').schedule(assigned, '2026-12-04T09:00:00Z'));
  expect((await service('pmo').open()).map((r) => r.id)).not.toContain(created.Id);
});
