/**
 * Contract: writes need the request digest `contextinfo` hands out (or a bearer token), as in
 * SharePoint Online. Without it a write is 403 -2130575251 "The security validation for this page
 * is invalid…", which is what stops another web page from writing with the user's cookie.
 */
import type { SPFI } from '@pnp/sp';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { SITE, digestFor, raw, spAs, startServer, type RawResponse } from './helpers';

jest.setTimeout(15000);

let server: LocalSharePoint;
let sp: SPFI;
const ITEMS = `${SITE}/_api/web/lists/getByTitle('Digested')/items`;

const INVALID = "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again.";

function expectRefused(r: RawResponse): void {
  expect(r.status).toBe(403);
  expect(r.json).toEqual({ 'odata.error': { code: '-2130575251, Microsoft.SharePoint.SPException', message: { lang: 'en-US', value: INVALID } } });
}

async function titles(): Promise<string[]> {
  return (await sp.web.lists.getByTitle('Digested').items.select('Title')()).map((i: { Title: string }) => i.Title);
}

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
  await sp.web.lists.add('Digested');
});
afterAll(async () => { await server.close(); });

test('a cross-origin text/plain POST, as any web page can send with the user\'s cookie, is refused and stores nothing', async () => {
  const r = await raw(server, 'POST', ITEMS, {
    digest: false,
    headers: { 'content-type': 'text/plain', origin: 'https://evil.example', cookie: 'pmohub-user=owner' },
    body: JSON.stringify({ Title: 'forged' })
  });
  expectRefused(r);
  expect(await titles()).not.toContain('forged');
});

test('every write verb needs the digest: POST, MERGE, PATCH, PUT, DELETE and X-HTTP-Method', async () => {
  const { Id } = await sp.web.lists.getByTitle('Digested').items.add({ Title: 'kept' }) as { Id: number };
  const item = `${ITEMS}(${Id})`;
  const json = { 'content-type': 'application/json', 'if-match': '*' };
  for (const [method, extra] of [['POST', {}], ['MERGE', {}], ['PATCH', {}], ['PUT', {}], ['DELETE', {}], ['POST', { 'x-http-method': 'MERGE' }], ['POST', { 'x-http-method': 'DELETE' }]] as const) {
    const r = await raw(server, method, method === 'POST' && !('x-http-method' in extra) ? ITEMS : item,
      { digest: false, headers: { ...json, ...extra }, body: JSON.stringify({ Title: 'changed' }) });
    expectRefused(r);
  }
  expect(await titles()).toEqual(['kept']);
});

test('reads need no digest; contextinfo itself needs none', async () => {
  expect((await raw(server, 'GET', ITEMS, { digest: false })).status).toBe(200);
  expect((await raw(server, 'POST', `${SITE}/_api/contextinfo`, { digest: false })).status).toBe(200);
});

test('a digest works only for the user and the site it was issued to, and only as issued', async () => {
  const body = JSON.stringify({ Title: 'with digest' });
  const headers = { 'content-type': 'application/json' };
  const visitorDigest = await digestFor(server, SITE, 'visitor');
  expectRefused(await raw(server, 'POST', ITEMS, { headers: { ...headers, 'X-RequestDigest': visitorDigest }, body }));

  await raw(server, 'POST', '/_admin/sites', { body: JSON.stringify({ path: '/sites/other', title: 'Other' }) });
  const otherSite = await digestFor(server, '/sites/other');
  expectRefused(await raw(server, 'POST', ITEMS, { headers: { ...headers, 'X-RequestDigest': otherSite }, body }));

  const mine = await digestFor(server, SITE);
  const tampered = mine.replace(/^0x(.)/, (_m, c: string) => `0x${c === 'A' ? 'B' : 'A'}`);
  expectRefused(await raw(server, 'POST', ITEMS, { headers: { ...headers, 'X-RequestDigest': tampered }, body }));
  expectRefused(await raw(server, 'POST', ITEMS, { headers: { ...headers, 'X-RequestDigest': 'not a digest' }, body }));

  const ok = await raw(server, 'POST', ITEMS, { headers: { ...headers, 'X-RequestDigest': mine }, body });
  expect(ok.status).toBe(201);
  expect(await titles()).toContain('with digest');
});

test('a request with a bearer token needs no digest (app and delegated tokens do not use one)', async () => {
  const r = await raw(server, 'POST', ITEMS, {
    digest: false, headers: { 'content-type': 'application/json', authorization: 'Bearer eyJ0eXAiOiJKV1QifQ.e30.x' }, body: JSON.stringify({ Title: 'by token' })
  });
  expect(r.status).toBe(201);
});

test('$batch needs the digest on the batch request; its parts ride on it', async () => {
  const boundary = 'batch_0f1e';
  const part = [
    `--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
    `GET ${server.url}${ITEMS}?$select=Title HTTP/1.1`, 'Accept: application/json', '', '', `--${boundary}--`, ''
  ].join('\r\n');
  const headers = { 'content-type': `multipart/mixed; boundary=${boundary}` };
  expectRefused(await raw(server, 'POST', `${SITE}/_api/$batch`, { digest: false, headers, body: part }));
  const ok = await raw(server, 'POST', `${SITE}/_api/$batch`, { headers, body: part });
  expect(ok.status).toBe(200);
  expect(ok.text).toContain('HTTP/1.1 200');
});

test('@pnp/sp writes as every demo user, each with their own digest, in one process', async () => {
  const list = (u?: 'pmo' | 'owner'): ReturnType<SPFI['web']['lists']['getByTitle']> => spAs(server, u).web.lists.getByTitle('Digested');
  await list().items.add({ Title: 'owner again' });
  await list('pmo').items.add({ Title: 'by pmo' });
  await list().items.add({ Title: 'owner after pmo' });
  expect(await titles()).toEqual(expect.arrayContaining(['owner again', 'by pmo', 'owner after pmo']));
});
