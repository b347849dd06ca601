/**
 * Contract: form-style writes (`AddValidateUpdateItemUsingPath`, `ValidateUpdateListItem`) and items
 * in list folders with their own permissions — how a list lets someone add only in one folder.
 * Demo users: owner (site admin), leader (Read on the site; Contribute on one folder only).
 */
import type { SPFI } from '@pnp/sp';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { SITE, httpError, raw, spAs, startServer } from './helpers';

jest.setTimeout(30000);

let server: LocalSharePoint;
let sp: SPFI;
const LIST = 'Reports';
const root = `${SITE}/Lists/Reports`;
const LEADER = 'i:0#.f|membership|sanne.devries@contoso.com';
type Result = { FieldName: string; FieldValue: string | null; HasException: boolean; ErrorMessage: string | null; ItemId: number };
const idOf = (r: Result[]): number => Number(r.find((x) => x.FieldName === 'Id')?.FieldValue);

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
  await sp.web.lists.add(LIST, '', 100, false);
  const list = sp.web.lists.getByTitle(LIST);
  await list.fields.addNumber('Percent', { MinimumValue: 0, MaximumValue: 100 });
  await list.fields.addDateTime('ReportDate');
  await list.fields.addText('Summary', { Required: true });
  await list.fields.addUser('Owner', { SelectionMode: 0 });
  for (const name of ['12', '13']) {
    await list.addValidateUpdateItemUsingPath([{ FieldName: 'Title', FieldValue: name }], root, false, undefined, { leafName: name, objectType: 1 });
  }
  // Folder 12 is the leader's: unique permissions, Contribute for her; the list stays Read for her.
  const folder = await sp.web.getFolderByServerRelativePath(`${root}/12`).listItemAllFields();
  const item = list.items.getById(folder.Id as number);
  await item.breakRoleInheritance(true);
  const leader = await sp.web.ensureUser(LEADER);
  await item.roleAssignments.add(leader.Id, (await sp.web.roleDefinitions.getByName('Contribute')()).Id);
});
afterAll(async () => { await server.close(); });

test('folders are made with UnderlyingObjectType 1, named by LeafName', async () => {
  const folders = await sp.web.lists.getByTitle(LIST).items.filter('FSObjType eq 1').select('Title', 'FileRef')();
  expect(folders.map((f) => f.FileRef)).toEqual([`${root}/12`, `${root}/13`]);
});

test('an item is added in a folder, with the values parsed as a form would', async () => {
  const result = await sp.web.lists.getByTitle(LIST).addValidateUpdateItemUsingPath([
    { FieldName: 'Title', FieldValue: 'Week 1' }, { FieldName: 'Percent', FieldValue: '40' },
    { FieldName: 'ReportDate', FieldValue: '2026-06-01' }, { FieldName: 'Summary', FieldValue: 'On track' },
    { FieldName: 'Owner', FieldValue: JSON.stringify([{ Key: 'sanne.devries@contoso.com' }]) }
  ], `${root}/13`) as Result[];
  expect(result.every((r) => !r.HasException)).toBe(true);
  const id = idOf(result);
  const item = await sp.web.lists.getByTitle(LIST).items.getById(id).select('Title', 'Percent', 'ReportDate', 'FileDirRef', 'FileRef', 'OwnerId')();
  const leader = await sp.web.ensureUser(LEADER);
  expect(item).toMatchObject({ Title: 'Week 1', Percent: 40, ReportDate: '2026-06-01T00:00:00Z', FileDirRef: `${root}/13`, FileRef: `${root}/13/${id}_.000`, OwnerId: leader.Id });
});

test('a value that does not parse, or a required column left empty, fails the field and writes nothing', async () => {
  const before = (await sp.web.lists.getByTitle(LIST).items.select('Id')()).length;
  const bad = await sp.web.lists.getByTitle(LIST).addValidateUpdateItemUsingPath([
    { FieldName: 'Title', FieldValue: 'Bad' }, { FieldName: 'Percent', FieldValue: 'forty' }
  ], `${root}/13`) as Result[];
  expect(bad.find((r) => r.FieldName === 'Percent')).toMatchObject({ HasException: true });
  expect(bad.find((r) => r.FieldName === 'Summary')).toMatchObject({ HasException: true, ErrorMessage: "You can't leave this blank." });
  expect(bad.some((r) => r.FieldName === 'Id')).toBe(false);
  expect((await sp.web.lists.getByTitle(LIST).items.select('Id')()).length).toBe(before);
});

test('Add Items is checked on the folder: the leader adds in hers, not in another, not at the root', async () => {
  const leader = spAs(server, 'leader').web.lists.getByTitle(LIST);
  const mine = await leader.addValidateUpdateItemUsingPath([{ FieldName: 'Title', FieldValue: 'Mine' }, { FieldName: 'Summary', FieldValue: 's' }], `${root}/12`) as Result[];
  expect(mine.every((r) => !r.HasException)).toBe(true);
  expect((await httpError(leader.addValidateUpdateItemUsingPath([{ FieldName: 'Title', FieldValue: 'Theirs' }, { FieldName: 'Summary', FieldValue: 's' }], `${root}/13`))).status).toBe(403);
  expect((await httpError(leader.items.add({ Title: 'Root', Summary: 's' }))).status).toBe(403);
  // What she added is hers to edit; the list elsewhere is read-only to her.
  await leader.items.getById(idOf(mine)).update({ Title: 'Mine, edited' });
  const other = (await sp.web.lists.getByTitle(LIST).items.filter("Title eq 'Week 1'").select('Id')())[0].Id as number;
  expect((await httpError(leader.items.getById(other).update({ Title: 'x' }))).status).toBe(403);
});

test('a folder that does not exist is a 404; a path outside the list a 400', async () => {
  const body = (folder: string): string => JSON.stringify({ listItemCreateInfo: { FolderPath: { DecodedUrl: folder } }, formValues: [{ FieldName: 'Title', FieldValue: 'x' }, { FieldName: 'Summary', FieldValue: 's' }] });
  const at = `${SITE}/_api/web/lists/getByTitle('${LIST}')/AddValidateUpdateItemUsingPath`;
  expect((await raw(server, 'POST', at, { headers: { 'content-type': 'application/json' }, body: body(`${root}/99`) })).status).toBe(404);
  expect((await raw(server, 'POST', at, { headers: { 'content-type': 'application/json' }, body: body(`${SITE}/Shared Documents`) })).status).toBe(400);
});

test('ValidateUpdateListItem parses the same way and refuses unparsable values', async () => {
  const id = (await sp.web.lists.getByTitle(LIST).items.filter("Title eq 'Week 1'").select('Id')())[0].Id as number;
  const item = sp.web.lists.getByTitle(LIST).items.getById(id);
  const ok = await item.validateUpdateListItem([{ FieldName: 'ReportDate', FieldValue: '6/15/2026' }, { FieldName: 'Percent', FieldValue: '55' }]);
  expect(ok.every((r) => !r.HasException)).toBe(true);
  expect(await item.select('ReportDate', 'Percent')()).toMatchObject({ ReportDate: '2026-06-15T00:00:00Z', Percent: 55 });
  const bad = await item.validateUpdateListItem([{ FieldName: 'ReportDate', FieldValue: 'soon' }, { FieldName: 'Percent', FieldValue: '60' }]);
  expect(bad.find((r) => r.FieldName === 'ReportDate')?.HasException).toBe(true);
  expect((await item.select('Percent')()).Percent).toBe(55);
});

test('access is checked before the values: someone who may not write gets 403, not per-field answers', async () => {
  // Before, a bad or unknown column in a refused write came back as 200 with HasException, which told
  // the caller about the list's columns and was kinder than a plain refusal.
  const leader = spAs(server, 'leader').web.lists.getByTitle(LIST);
  const before = (await sp.web.lists.getByTitle(LIST).items.select('Id')()).length;
  const unknown = [{ FieldName: 'NoSuchColumn', FieldValue: 'x' }, { FieldName: 'Percent', FieldValue: 'lots' }];
  expect((await httpError(leader.addValidateUpdateItemUsingPath(unknown, `${root}/13`))).status).toBe(403);
  expect((await httpError(leader.addValidateUpdateItemUsingPath(unknown, root))).status).toBe(403);
  const other = (await sp.web.lists.getByTitle(LIST).items.filter("Title eq 'Week 1'").select('Id')())[0].Id as number;
  expect((await httpError(leader.items.getById(other).validateUpdateListItem(unknown))).status).toBe(403);
  // In her own folder the same values are answered per field, and nothing is written.
  const mine = await leader.addValidateUpdateItemUsingPath(unknown, `${root}/12`) as Result[];
  expect(mine.find((r) => r.FieldName === 'NoSuchColumn')?.HasException).toBe(true);
  expect((await sp.web.lists.getByTitle(LIST).items.select('Id')()).length).toBe(before);
});
