/**
 * Contract: SharePoint's user profile service through the real @pnp/sp (`sp.profiles`):
 * GetPropertiesFor and GetMyProperties, alone and in a $batch. Job title and department come
 * from here, not from Microsoft Graph, whose User.ReadBasic.All does not grant them.
 */
import '@pnp/sp/profiles';
import '@pnp/sp/batching';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { raw, spAs, startServer } from './helpers';

jest.setTimeout(15000);

let server: LocalSharePoint;
beforeAll(async () => { server = await startServer({ graphScopes: [] }); });
afterAll(async () => { await server.close(); });

interface KeyValue { Key: string; Value: string }
interface PersonProperties { AccountName: string; DisplayName: string; Email: string; Title: string; UserProfileProperties: KeyValue[] }
const prop = (p: PersonProperties, key: string): string | undefined => p.UserProfileProperties.find((x) => x.Key === key)?.Value;

test('a visitor reads another person\'s job title and department, with no Graph scope granted', async () => {
  const sp = spAs(server, 'visitor');
  const lars = await sp.profiles.getPropertiesFor('i:0#.f|membership|lars.nielsen@contoso.com') as PersonProperties;
  expect(lars).toMatchObject({ AccountName: 'i:0#.f|membership|lars.nielsen@contoso.com', DisplayName: 'Lars Nielsen', Email: 'lars.nielsen@contoso.com', Title: 'Programme Manager' });
  expect(prop(lars, 'Department')).toBe('Infrastructure');
  const me = await sp.profiles.myProperties() as PersonProperties;
  expect(me).toMatchObject({ DisplayName: 'Erik Johansson', Title: 'Business Analyst' });
  expect(prop(me, 'Department')).toBe('Finance');
});

test('in one $batch, and an unknown account has no profile', async () => {
  const [batched, execute] = spAs(server, 'leader').batched();
  const a = batched.profiles.getPropertiesFor('i:0#.f|membership|ingrid.berg@contoso.com') as Promise<PersonProperties>;
  const b = batched.profiles.getPropertiesFor('i:0#.f|membership|nobody@contoso.com') as Promise<PersonProperties | null>;
  await execute();
  expect((await a).Title).toBe('Project Leader');
  const nobody = await b;
  expect(nobody?.Title).toBeUndefined();
});

test('verbose answers SP.UserProfiles.PersonProperties; only GET is allowed', async () => {
  const r = await raw(server, 'GET', "/sites/pmo/_api/SP.UserProfiles.PeopleManager/GetPropertiesFor(accountName=@v)?@v='i%3A0%23.f%7Cmembership%7Clars.nielsen%40contoso.com'", { headers: { accept: 'application/json;odata=verbose' } });
  expect(r.status).toBe(200);
  expect(r.json).toHaveProperty('d.__metadata.type', 'SP.UserProfiles.PersonProperties');
  expect(r.json).toHaveProperty('d.UserProfileProperties.results');
  const post = await raw(server, 'POST', '/sites/pmo/_api/SP.UserProfiles.PeopleManager/GetMyProperties', {});
  expect(post.status).toBe(405);
});
