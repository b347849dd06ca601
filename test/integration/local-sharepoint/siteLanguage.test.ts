/**
 * A site's language (web `Language`, an LCID) is chosen when the site is created and reported
 * by `_api/web` as SharePoint Online reports it: what `pmo-hub seed` and the page texts read to
 * write a Swedish, Danish or Dutch hub.
 */
import '@pnp/sp/webs';
import { spfi, SPBrowser } from '@pnp/sp';
import { startServer, spAs } from './helpers';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';

let server: LocalSharePoint;

beforeAll(async () => {
  server = await startServer({ sites: [{ path: '/sites/pmo', title: 'PMO' }, { path: '/sites/pmo-sv', title: 'PMO SV', language: 1053 }] });
});
afterAll(async () => { await server.close(); });

test('a site is English (1033) unless created in another language', async () => {
  expect((await spAs(server).web.select('Language')<{ Language: number }>()).Language).toBe(1033);
  const sv = spfi().using(SPBrowser({ baseUrl: `${server.url}/sites/pmo-sv` }));
  expect((await sv.web.select('Language')<{ Language: number }>()).Language).toBe(1053);
});

test('the admin endpoint creates a site in the language asked for', async () => {
  const res = await fetch(`${server.url}/_admin/sites`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '/sites/pmo-nl', title: 'PMO NL', language: 1043 }) });
  expect(res.status).toBe(201);
  const nl = spfi().using(SPBrowser({ baseUrl: `${server.url}/sites/pmo-nl` }));
  expect((await nl.web.select('Language')<{ Language: number }>()).Language).toBe(1043);
});
