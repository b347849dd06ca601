/**
 * Contract: list item attachments through the real `@pnp/sp/attachments` — add, list, read,
 * replace, delete — with EnableAttachments and item permissions enforced by the server.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/attachments';
import type { IList } from '@pnp/sp/lists';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { httpError, raw, spAs, startServer, SITE } from './helpers';

jest.setTimeout(30000);

let server: LocalSharePoint;
let sp: SPFI;
let list: IList;

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
  await sp.web.lists.add('Lessons');
  list = sp.web.lists.getByTitle('Lessons');
});
afterAll(async () => { await server.close(); });

const binary = (): Buffer => Buffer.from([0, 1, 2, 0xff, 0x0d, 0x0a, 0x25, 0x50, 0x44, 0x46]);

test('add, list, read back byte for byte, replace and delete', async () => {
  const { Id } = await list.items.add({ Title: 'Kick-off was late' });
  const item = list.items.getById(Id);
  expect((await item.select('Attachments')()).Attachments).toBe(false);
  const before = await item.select('Modified', 'OData__UIVersionString')();

  const added = await item.attachmentFiles.add('minutes.txt', 'We started late.');
  expect(added.data).toMatchObject({ FileName: 'minutes.txt', ServerRelativeUrl: `${SITE}/Lists/Lessons/Attachments/${Id}/minutes.txt` });
  await item.attachmentFiles.add('scan #1.pdf'.replace('#', 'no'), binary());

  const files = await item.attachmentFiles();
  expect(files.map((f: { FileName: string }) => f.FileName)).toEqual(['minutes.txt', 'scan no1.pdf']);
  expect(await item.attachmentFiles.getByName('minutes.txt').getText()).toBe('We started late.');
  expect(Buffer.from(await item.attachmentFiles.getByName('scan no1.pdf').getBuffer()).equals(binary())).toBe(true);
  const after = await item.select('Attachments', 'Modified')();
  expect(after.Attachments).toBe(true);
  expect(Date.parse(after.Modified)).toBeGreaterThanOrEqual(Date.parse(before.Modified));

  await item.attachmentFiles.getByName('minutes.txt').setContent('We started 20 minutes late.');
  expect(await item.attachmentFiles.getByName('minutes.txt').getText()).toBe('We started 20 minutes late.');

  await item.attachmentFiles.getByName('minutes.txt').delete();
  await item.attachmentFiles.getByName('scan no1.pdf').recycle();
  expect(await item.attachmentFiles()).toEqual([]);
  expect((await item.select('Attachments')()).Attachments).toBe(false);
  expect((await httpError(item.attachmentFiles.getByName('minutes.txt')())).status).toBe(404);
});

test('a second attachment with the same name and an invalid name are refused', async () => {
  const { Id } = await list.items.add({ Title: 'Twice' });
  const item = list.items.getById(Id);
  await item.attachmentFiles.add('a.txt', 'one');
  expect((await httpError(item.attachmentFiles.add('A.TXT', 'two'))).status).toBe(400);
  expect(await item.attachmentFiles.getByName('a.txt').getText()).toBe('one');
  expect((await httpError(item.attachmentFiles.add('what?.txt', 'x'))).status).toBe(400);
});

test('EnableAttachments false refuses new attachments', async () => {
  await sp.web.lists.add('No Files', '', 100, false, { EnableAttachments: false });
  const noFiles = sp.web.lists.getByTitle('No Files');
  const { Id } = await noFiles.items.add({ Title: 'x' });
  const e = await httpError(noFiles.items.getById(Id).attachmentFiles.add('a.txt', 'x'));
  expect(e.status).toBe(400);
  expect(e.message).toContain('Attachments are disabled');
  expect(await noFiles.items.getById(Id).attachmentFiles()).toEqual([]);
});

test('readers read attachments but cannot add or delete them; items they cannot see hide theirs', async () => {
  const { Id } = await list.items.add({ Title: 'Shared' });
  await list.items.getById(Id).attachmentFiles.add('plan.txt', 'plan');
  const visitorItem = spAs(server, 'visitor').web.lists.getByTitle('Lessons').items.getById(Id);
  expect(await visitorItem.attachmentFiles.getByName('plan.txt').getText()).toBe('plan');
  expect((await httpError(visitorItem.attachmentFiles.add('mine.txt', 'x'))).status).toBe(403);
  const del = await raw(server, 'POST', `${SITE}/_api/web/lists/getByTitle('Lessons')/items(${Id})/AttachmentFiles('plan.txt')`, {
    user: 'visitor', headers: { 'x-http-method': 'DELETE', 'if-match': '*' }
  });
  expect(del.status).toBe(403);
  expect(await list.items.getById(Id).attachmentFiles.getByName('plan.txt').getText()).toBe('plan');

  await list.items.getById(Id).breakRoleInheritance(false);
  const hidden = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Lessons')/items(${Id})/AttachmentFiles('plan.txt')/$value`, { user: 'visitor' });
  expect(hidden.status).toBe(404);
  expect(hidden.text).not.toContain('plan');
});

test('deleting the item deletes its attachments', async () => {
  const { Id } = await list.items.add({ Title: 'Gone' });
  await list.items.getById(Id).attachmentFiles.add('x.txt', 'x');
  await list.items.getById(Id).delete();
  const row = server.store.db.prepare('SELECT COUNT(*) AS n FROM attachments WHERE item_id = ?').get(Id) as { n: number };
  expect(row.n).toBe(0);
});
