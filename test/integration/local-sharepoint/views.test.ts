/**
 * Contract: views and view fields through the real @pnp/sp v4.
 */
import type { SPFI } from '@pnp/sp';
import type { IList } from '@pnp/sp/lists';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { httpError, spAs, startServer } from './helpers';

jest.setTimeout(15000);

let server: LocalSharePoint;
let sp: SPFI;
let list: IList;

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
  await sp.web.lists.add('Projects');
  list = sp.web.lists.getByTitle('Projects');
  await list.fields.addText('Code');
  await list.fields.addChoice('Phase', { Choices: ['Idea', 'Execution'] });
  await list.fields.addNumber('Budget');
});
afterAll(async () => { await server.close(); });

test('a new list has a default view "All Items" with LinkTitle', async () => {
  const dv = await list.defaultView();
  expect(dv).toMatchObject({ Title: 'All Items', DefaultView: true, RowLimit: 30, Paged: true });
  expect((await list.defaultView.fields()).Items).toEqual(['LinkTitle']);
  const views = await list.views();
  expect(views.map((v: { Title: string }) => v.Title)).toEqual(['All Items']);
});

test('add, getByTitle, getById', async () => {
  const added = await list.views.add('Open Projects', false, { RowLimit: 50, ViewQuery: '<Where><Eq><FieldRef Name="Phase" /><Value Type="Choice">Execution</Value></Eq></Where>' });
  expect(added).toMatchObject({ Title: 'Open Projects', RowLimit: 50, PersonalView: false, DefaultView: false });
  expect(added.ViewQuery).toContain('<FieldRef Name="Phase" />');
  const byTitle = await list.views.getByTitle('Open Projects')();
  expect(byTitle.Id).toBe(added.Id);
  expect((await list.views.getById(added.Id)()).Title).toBe('Open Projects');
  expect((await list.getView(added.Id)()).Title).toBe('Open Projects');
});

test('view fields: add, remove, move, removeAll', async () => {
  const fields = list.views.getByTitle('Open Projects').fields;
  await fields.add('Code');
  await fields.add('Phase');
  await fields.add('Budget');
  expect((await fields()).Items).toEqual(['Code', 'Phase', 'Budget']);
  await fields.move('Budget', 0);
  expect((await fields()).Items).toEqual(['Budget', 'Code', 'Phase']);
  await fields.remove('Code');
  expect((await fields()).Items).toEqual(['Budget', 'Phase']);
  const schema = (await fields()).SchemaXml;
  expect(schema).toContain('<FieldRef Name="Budget" />');
  expect(await fields.getSchemaXml()).toBe('<FieldRef Name="Budget" /><FieldRef Name="Phase" />');
  await fields.removeAll();
  expect((await fields()).Items).toEqual([]);
});

test('adding a view field that does not exist is a 400', async () => {
  const e = await httpError(list.views.getByTitle('Open Projects').fields.add('NoSuchColumn'));
  expect(e.status).toBe(400);
  expect(e.message).toContain('NoSuchColumn');
});

test('adding a field by its title adds its internal name', async () => {
  await list.fields.addText('Project Manager Note');
  const fields = list.views.getByTitle('Open Projects').fields;
  await fields.add('Project Manager Note');
  expect((await fields()).Items).toEqual(['Project_x0020_Manager_x0020_Note']);
});

test('update RowLimit; a RowLimit above 5,000 is refused [verify]', async () => {
  const view = list.views.getByTitle('Open Projects');
  await view.update({ RowLimit: 100 });
  expect((await view()).RowLimit).toBe(100);
  const e = await httpError(view.update({ RowLimit: 5001 }));
  expect(e.status).toBe(400);
  expect((await view()).RowLimit).toBe(100);
});

test('setViewXml replaces query, fields and row limit', async () => {
  const view = list.views.getByTitle('Open Projects');
  await view.setViewXml('<View><Query><OrderBy><FieldRef Name="Code" Ascending="TRUE" /></OrderBy></Query><ViewFields><FieldRef Name="Code" /><FieldRef Name="Budget" /></ViewFields><RowLimit Paged="TRUE">25</RowLimit></View>');
  const after = await view();
  expect(after.RowLimit).toBe(25);
  expect(after.ViewQuery).toBe('<OrderBy><FieldRef Name="Code" Ascending="TRUE" /></OrderBy>');
  expect((await view.fields()).Items).toEqual(['Code', 'Budget']);
  expect(after.ListViewXml).toContain('<FieldRef Name="Code" /><FieldRef Name="Budget" />');
});

test('making another view the default moves the default', async () => {
  const added = await list.views.add('By Phase');
  await list.views.getById(added.Id).update({ DefaultView: true });
  expect((await list.defaultView()).Title).toBe('By Phase');
  expect((await list.views.getByTitle('All Items')()).DefaultView).toBe(false);
  await list.views.getByTitle('All Items').update({ DefaultView: true });
  expect((await list.defaultView()).Title).toBe('All Items');
});

test('delete removes a view; the default view cannot be deleted [verify]', async () => {
  const added = await list.views.add('Temporary');
  await list.views.getById(added.Id).delete();
  expect((await httpError(list.views.getById(added.Id)())).status).toBe(404);
  const e = await httpError(list.defaultView.delete());
  expect(e.status).toBe(400);
});

test('a visitor can read views but not add one', async () => {
  const visitor = spAs(server, 'visitor').web.lists.getByTitle('Projects');
  expect((await visitor.views()).length).toBeGreaterThan(0);
  expect((await httpError(visitor.views.add('Mine'))).status).toBe(403);
});
