/**
 * Contract: GraphPeopleService — people search through the real Microsoft Graph client
 * against the local Graph subset, ensureUser through real @pnp/sp, SharePoint's photo URL,
 * and clear errors when Graph fails.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import { Client } from '@microsoft/microsoft-graph-client';
import { startSite, type Site } from './setup';
import { GraphPeopleService, PeopleSearchError, graphSearchText } from '../../../src/services/PeopleService';

jest.setTimeout(20_000);

let site: Site;
let broken: http.Server;
let brokenUrl: string;

const graphAt = (baseUrl: string): Client => Client.init({ authProvider: (done) => done(null, 'local'), baseUrl, defaultVersion: 'v1.0' });

beforeAll(async () => {
  site = await startSite();
  // A Graph that fails: 500 with Graph's error shape.
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

const people = (client: Client | (() => Promise<Client>) = graphAt(`${site.server.url}/graph/`)): GraphPeopleService =>
  new GraphPeopleService(site.sp, site.url, client);

test('search finds "Sanne" through Graph (User.ReadBasic.All only) with her job title from the SharePoint user profile', async () => {
  const before = site.server.stats.byKind.graph ?? 0;
  const found = await people().search('Sanne');
  expect(found).toEqual([expect.objectContaining({ email: 'sanne.devries@contoso.com', displayName: 'Sanne de Vries', jobTitle: 'Senior Project Leader' })]);
  expect((site.server.stats.byKind.graph ?? 0) - before).toBe(1);
  // Word prefixes match, case-insensitively; a factory (as SPFx's msGraphClientFactory) works too.
  const viaFactory = await people(() => Promise.resolve(graphAt(`${site.server.url}/graph/`))).search('vri');
  expect(viaFactory.map((p) => p.displayName)).toEqual(['Sanne de Vries']);
});

test('fewer than 2 characters → [] without a request; quotes cannot break the $search clause', async () => {
  const before = site.server.stats.byKind.graph ?? 0;
  expect(await people().search('S')).toEqual([]);
  expect(await people().search(' " ')).toEqual([]);
  expect((site.server.stats.byKind.graph ?? 0) - before).toBe(0);
  expect(graphSearchText('Sanne" OR "displayName:a')).toBe('Sanne OR displayName:a');
  expect(await people().search('Sanne" OR "x')).toEqual([]);
  expect(await people().search("O'Brien & <b> %23 #")).toEqual([]);
});

test('ensure returns the site user for an e-mail address', async () => {
  const p = await people().ensure('lars.nielsen@contoso.com');
  expect(p).toEqual({ id: expect.any(Number), title: 'Lars Nielsen', email: 'lars.nielsen@contoso.com' });
  const users = await site.sp.web.siteUsers.filter(`Id eq ${p.id}`)();
  expect(users).toHaveLength(1);
  expect(await people().ensure('lars.nielsen@contoso.com')).toEqual(p);
});

test("photoUrl is SharePoint's user photo endpoint, which answers with an image", async () => {
  const url = people().photoUrl('sanne.devries@contoso.com') as string;
  expect(url).toBe(`${site.url}/_layouts/15/userphoto.aspx?accountname=sanne.devries%40contoso.com&size=S`);
  const r = await fetch(url);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe('image/png');
  expect(people().photoUrl('')).toBeUndefined();
});

test('Graph failures (500, 501) reject with a clear PeopleSearchError', async () => {
  const e500 = await people(graphAt(brokenUrl)).search('Sanne').then(() => undefined, (e: unknown) => e);
  expect(e500).toBeInstanceOf(PeopleSearchError);
  expect(e500).toMatchObject({ status: 500, code: 'InternalServerError' });
  expect((e500 as Error).message).toMatch(/^People search failed \(Microsoft Graph answered 500 InternalServerError\): Something went wrong\./);
  // The local Graph answers 501 for what it does not implement.
  const e501 = await people(graphAt(`${site.server.url}/graph/v1.0/unimplemented/`)).search('Sanne').then(() => undefined, (e: unknown) => e);
  expect(e501).toBeInstanceOf(PeopleSearchError);
  expect(e501).toMatchObject({ status: 501, code: 'NotImplemented' });
  // A failing client factory rejects clearly too, and is asked again next time.
  let calls = 0;
  const flaky = people(() => { calls++; return calls === 1 ? Promise.reject(new Error('consent needed')) : Promise.resolve(graphAt(`${site.server.url}/graph/`)); });
  await expect(flaky.search('Sanne')).rejects.toThrow(/People search failed: consent needed/);
  expect(await flaky.search('Sanne')).toHaveLength(1);
});
