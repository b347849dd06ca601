/**
 * Contract: the Microsoft Graph subset at /graph/v1.0, through the real
 * @microsoft/microsoft-graph-client v3. The client builds `<baseUrl>/<version>/<path>`, so
 * baseUrl is `<origin>/graph/`. It adds no Authorization header to hosts that are not Graph's,
 * which is what a local server wants; the acting user comes from the X-PMOHub-User header.
 */
import { BatchRequestContent, BatchResponseContent, Client, GraphError, ResponseType } from '@microsoft/microsoft-graph-client';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { USER_HEADER } from '../../../tools/local-sharepoint/src/server';
import { raw, startServer, type DemoUser } from './helpers';

jest.setTimeout(15000);

let server: LocalSharePoint;
let client: Client;

interface GraphUser { id: string; displayName: string; mail: string; userPrincipalName: string; jobTitle: string; givenName: string; department: string }
interface GraphEvent { id: string; subject: string; start: { dateTime: string; timeZone: string }; organizer: { emailAddress: { address: string } } }

// The scopes of a tenant that also granted the opt-in calendar scope; the default package's
// scopes (User.ReadBasic.All alone) are tested below, each with its own server.
beforeAll(async () => {
  server = await startServer({ graphScopes: ['User.ReadBasic.All', 'Calendars.ReadWrite'] });
  client = Client.init({ authProvider: (done) => done(null, 'local'), baseUrl: `${server.url}/graph/`, defaultVersion: 'v1.0' });
});
afterAll(async () => { await server.close(); });

const api = (path: string, user: DemoUser = 'owner'): ReturnType<Client['api']> => client.api(path).header(USER_HEADER, user);

async function graphError(p: Promise<unknown>): Promise<GraphError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GraphError) return e;
    throw e;
  }
  throw new Error('Expected a GraphError');
}

test('me is the acting demo user', async () => {
  const owner = await api('/me').get() as GraphUser;
  expect(owner).toMatchObject({ displayName: 'Astrid Lindqvist', mail: 'astrid.lindqvist@contoso.com', userPrincipalName: 'astrid.lindqvist@contoso.com' });
  const leader = await api('/me', 'leader').select('displayName,jobTitle').get() as GraphUser;
  expect(leader).toEqual(expect.objectContaining({ displayName: 'Sanne de Vries', jobTitle: 'Senior Project Leader' }));
  expect(leader).not.toHaveProperty('mail');
});

test('users with $search needs ConsistencyLevel: eventual', async () => {
  const found = await api('/users').header('ConsistencyLevel', 'eventual').search('"displayName:sanne"').get() as { value: GraphUser[] };
  expect(found.value.map((u) => u.displayName)).toEqual(['Sanne de Vries']);
  const e = await graphError(api('/users').search('"displayName:sanne"').get());
  expect(e.statusCode).toBe(400);
  expect(e.code).toBe('Request_UnsupportedQuery');
});

test('users with $filter (startswith and eq) and $top', async () => {
  const starts = await api('/users').filter("startswith(displayName,'Lars')").get() as { value: GraphUser[] };
  expect(starts.value.map((u) => u.mail)).toEqual(['lars.nielsen@contoso.com']);
  const eq = await api('/users').filter("mail eq 'ingrid.berg@contoso.com'").get() as { value: GraphUser[] };
  expect(eq.value.map((u) => u.displayName)).toEqual(['Ingrid Berg']);
  const top = await api('/users').top(3).get() as { value: GraphUser[] };
  expect(top.value).toHaveLength(3);
  const bad = await graphError(api('/users').filter('displayName gt 3').get());
  expect(bad.statusCode).toBe(400);
});

test('users/{id} by object id and by UPN; unknown is a 404 in Graph\'s error shape', async () => {
  const me = await api('/me', 'pmo').get() as GraphUser;
  expect((await api(`/users/${me.id}`).get() as GraphUser).displayName).toBe('Mikkel Sørensen');
  expect((await api(`/users/${encodeURIComponent(me.userPrincipalName)}`).get() as GraphUser).id).toBe(me.id);
  const e = await graphError(api('/users/00000000-0000-0000-0000-000000000000').get());
  expect(e.statusCode).toBe(404);
  expect(e.code).toBe('Request_ResourceNotFound');
});

test('users/{id}/photo/$value is a PNG', async () => {
  const me = await api('/me', 'visitor').get() as GraphUser;
  const photo = await api(`/users/${me.id}/photo/$value`).responseType(ResponseType.ARRAYBUFFER).get() as ArrayBuffer;
  const png = Buffer.from(photo);
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(png.length).toBeGreaterThan(100);
  const mine = Buffer.from(await api('/me/photo/$value', 'visitor').responseType(ResponseType.ARRAYBUFFER).get() as ArrayBuffer);
  expect(mine.equals(png)).toBe(true);
});

test('me/events: create, then list, per user', async () => {
  const created = await api('/me/events', 'pmo').post({
    subject: 'Quarterly challenge meeting', body: { contentType: 'text', content: 'Q3' },
    start: { dateTime: '2025-09-15T09:00:00', timeZone: 'W. Europe Standard Time' },
    end: { dateTime: '2025-09-15T11:00:00', timeZone: 'W. Europe Standard Time' },
    location: { displayName: 'Online' }
  }) as GraphEvent;
  expect(created.id).toEqual(expect.any(String));
  expect(created).toMatchObject({ subject: 'Quarterly challenge meeting', organizer: { emailAddress: { address: 'mikkel.sorensen@contoso.com' } } });
  const mine = await api('/me/events', 'pmo').get() as { value: GraphEvent[] };
  expect(mine.value.map((e) => e.subject)).toContain('Quarterly challenge meeting');
  const theirs = await api('/me/events', 'visitor').get() as { value: GraphEvent[] };
  expect(theirs.value).toEqual([]);
  const bad = await graphError(api('/me/events', 'pmo').post({ subject: 'No dates' }));
  expect(bad.statusCode).toBe(400);
});

test('$batch through BatchRequestContent: several reads and a write answer in one request', async () => {
  const before = server.graph.requestCount;
  const pmo = await api('/me', 'pmo').get() as GraphUser;
  const headers = { [USER_HEADER]: 'leader', 'content-type': 'application/json' };
  const content = new BatchRequestContent([
    { id: '1', request: new Request(`${server.url}/me`, { method: 'GET', headers }) },
    { id: '2', request: new Request(`${server.url}/users/${pmo.id}?$select=displayName`, { method: 'GET', headers }) },
    { id: '3', request: new Request(`${server.url}/users/${pmo.id}/photo/$value`, { method: 'GET', headers }) },
    { id: '4', request: new Request(`${server.url}/users/nobody`, { method: 'GET', headers }) },
    {
      id: '5', request: new Request(`${server.url}/me/events`, {
        method: 'POST', headers,
        body: JSON.stringify({ subject: 'Batched', start: { dateTime: '2025-10-01T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2025-10-01T11:00:00', timeZone: 'UTC' } })
      })
    }
  ]);
  const answer = new BatchResponseContent(await api('/$batch', 'leader').post(await content.getContent()));
  expect(server.graph.requestCount - before).toBe(2);
  expect(await answer.getResponseById('1').json()).toMatchObject({ displayName: 'Sanne de Vries' });
  expect(await answer.getResponseById('2').json()).toEqual(expect.objectContaining({ displayName: 'Mikkel Sørensen' }));
  const photo = answer.getResponseById('3');
  expect(photo.status).toBe(200);
  expect(Buffer.from(await photo.text(), 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(answer.getResponseById('4').status).toBe(404);
  expect(answer.getResponseById('5').status).toBe(201);
  const events = await api('/me/events', 'leader').get() as { value: GraphEvent[] };
  expect(events.value.map((e) => e.subject)).toEqual(['Batched']);
});

test('a $batch of more than 20 requests is refused', async () => {
  const r = await raw(server, 'POST', '/graph/v1.0/$batch', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })) })
  });
  expect(r.status).toBe(400);
  expect(r.json).toHaveProperty('error.code', 'BadRequest');
});

test('a $batch request without url or method is refused as a whole', async () => {
  for (const bad of [{ id: '1', method: 'GET' }, { id: '1', url: '/me' }, { method: 'GET', url: '/me' }]) {
    const r = await raw(server, 'POST', '/graph/v1.0/$batch', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ requests: [bad] }) });
    expect(r.status).toBe(400);
    expect(r.json).toHaveProperty('error.code', 'BadRequest');
  }
});

test('an endpoint outside the subset is a 501 naming it', async () => {
  const e = await graphError(api('/me/drive/root/children').get());
  expect(e.statusCode).toBe(501);
  expect(e.message).toContain('/me/drive/root/children');
});

describe('Graph answers only what the granted scopes allow', () => {
  const clientOf = (s: LocalSharePoint): ((path: string, user?: DemoUser) => ReturnType<Client['api']>) => (path: string, user: DemoUser = 'owner'): ReturnType<Client['api']> =>
    Client.init({ authProvider: (done) => done(null, 'local'), baseUrl: `${s.url}/graph/`, defaultVersion: 'v1.0' }).api(path).header(USER_HEADER, user);

  test('User.ReadBasic.All: other people\'s basic profile and photo only; the signed-in user\'s full profile', async () => {
    // Microsoft's permissions reference: the basic profile is displayName, givenName, id, mail,
    // photo, securityIdentifier, surname, userPrincipalName; "also allows the app to read the full
    // profile of the signed-in user".
    const basic = await startServer({ graphScopes: ['User.ReadBasic.All'] });
    try {
      const g = clientOf(basic);
      const me = await g('/me', 'leader').get() as GraphUser;
      expect(me).toMatchObject({ displayName: 'Sanne de Vries', jobTitle: 'Senior Project Leader', department: 'Digital Services' });
      const lars = await g('/users/lars.nielsen@contoso.com', 'leader').select('displayName,mail,jobTitle,department').get() as GraphUser;
      expect(lars).toEqual(expect.objectContaining({ displayName: 'Lars Nielsen', mail: 'lars.nielsen@contoso.com', jobTitle: null, department: null }));
      const found = await g('/users').header('ConsistencyLevel', 'eventual').search('"displayName:lars"').get() as { value: GraphUser[] };
      expect(found.value).toEqual([expect.objectContaining({ displayName: 'Lars Nielsen', givenName: 'Lars', surname: 'Nielsen', userPrincipalName: 'lars.nielsen@contoso.com', jobTitle: null, department: null })]);
      // Searching or filtering by a property outside the basic profile is refused [verify].
      const bySearch = await graphError(g('/users').header('ConsistencyLevel', 'eventual').search('"department:finance"').get());
      expect(bySearch.statusCode).toBe(403);
      expect(bySearch.code).toBe('Authorization_RequestDenied');
      expect((await graphError(g('/users').filter("jobTitle eq 'CFO'").get())).statusCode).toBe(403);
      const photo = Buffer.from(await g(`/users/${lars.id ?? 'lars.nielsen@contoso.com'}/photo/$value`, 'leader').responseType(ResponseType.ARRAYBUFFER).get() as ArrayBuffer);
      expect(photo.subarray(1, 4).toString('latin1')).toBe('PNG');
      // No calendar scope: "add to my calendar" through Graph is refused, as on a tenant.
      const write = await graphError(g('/me/events', 'leader').post({ subject: 'x', start: { dateTime: '2026-01-01T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-01-01T11:00:00', timeZone: 'UTC' } }));
      expect(write.statusCode).toBe(403);
      expect(write.code).toBe('ErrorAccessDenied');
      expect((await graphError(g('/me/events', 'leader').get())).statusCode).toBe(403);
    } finally {
      await basic.close();
    }
  });

  test('User.Read.All reads job titles and departments of others; no scope at all reads nobody', async () => {
    const full = await startServer({ graphScopes: ['User.Read.All'] });
    const none = await startServer({ graphScopes: [] });
    try {
      const lars = await clientOf(full)('/users/lars.nielsen@contoso.com', 'leader').select('displayName,jobTitle,department').get() as GraphUser;
      expect(lars).toMatchObject({ jobTitle: 'Programme Manager', department: 'Infrastructure' });
      const byDept = await clientOf(full)('/users').header('ConsistencyLevel', 'eventual').search('"department:finance"').select('displayName').get() as { value: GraphUser[] };
      expect(byDept.value.map((u) => u.displayName).sort()).toEqual(['Erik Johansson', 'Karin Holm']);
      for (const path of ['/me', '/users', '/users/lars.nielsen@contoso.com']) {
        const e = await graphError(clientOf(none)(path).get());
        expect(e.statusCode).toBe(403);
        expect(e.code).toBe('Authorization_RequestDenied');
      }
    } finally {
      await full.close();
      await none.close();
    }
  });
});
