/**
 * Contract: what every new SharePoint Online site has, and the item properties SharePoint
 * computes, through the real @pnp/sp v4: built-in content types and site columns with their
 * fixed IDs, the Documents / Site Assets / Site Pages libraries, the default document library,
 * the root web (no parent), and FSObjType, File_x0020_Type, EncodedAbsUrl, ParentList,
 * ContentType and the FieldValuesAs* views of an item.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/content-types';
import '@pnp/sp/sites';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { SITE, httpError, raw, spAs, startServer } from './helpers';

jest.setTimeout(15000);

const TITLE_FIELD_ID = 'fa564e0f-0c70-4ab9-b863-0177e6ddd247';

let server: LocalSharePoint;
let sp: SPFI;

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
});
afterAll(async () => { await server.close(); });

describe('a new site', () => {
  test('has the Documents, Site Assets and Site Pages libraries, and Documents is the default library', async () => {
    const libs = await sp.web.lists.filter('BaseType eq 1').select('Title', 'BaseTemplate', 'RootFolder/ServerRelativeUrl').expand('RootFolder')();
    const byTitle = Object.fromEntries(libs.map((l: { Title: string; BaseTemplate: number; RootFolder: { ServerRelativeUrl: string } }) => [l.Title, [l.BaseTemplate, l.RootFolder.ServerRelativeUrl]]));
    expect(byTitle).toEqual({
      Documents: [101, `${SITE}/Shared Documents`], 'Site Assets': [101, `${SITE}/SiteAssets`], 'Site Pages': [119, `${SITE}/SitePages`]
    });
    expect((await sp.web.defaultDocumentLibrary.select('Title')()).Title).toBe('Documents');
    // ensureSitePagesLibrary finds the built-in library rather than making a second one.
    const ensured = await (await sp.web.lists.ensureSitePagesLibrary()).select('Id')();
    expect(ensured.Id).toBe((await sp.web.getList(`${SITE}/SitePages`).select('Id')()).Id);
  });

  test('has the built-in content types Item 0x01, Document 0x0101 and Folder 0x0120', async () => {
    const cts = await sp.web.contentTypes.select('StringId', 'Name')();
    expect(cts.map((c: { StringId: string; Name: string }) => [c.StringId, c.Name])).toEqual(expect.arrayContaining([['0x01', 'Item'], ['0x0101', 'Document'], ['0x0120', 'Folder']]));
    expect((await sp.web.contentTypes.getById('0x01')()).Name).toBe('Item');
    const docLinks = await sp.web.contentTypes.getById('0x0101').fieldLinks();
    expect(docLinks.map((l: { Name: string }) => l.Name)).toEqual(['FileLeafRef', 'Title']);
  });

  test('a new content type\'s parent is Item, and it can be renamed', async () => {
    const { data } = await sp.web.contentTypes.add('0x0100FF', 'Steering Minutes');
    expect((await sp.web.contentTypes.getById(data.StringId).parent.select('StringId')()).StringId).toBe('0x01');
    await sp.web.contentTypes.getById(data.StringId).update({ Name: 'Steering Group Minutes' });
    expect((await sp.web.contentTypes.getById(data.StringId)()).Name).toBe('Steering Group Minutes');
  });

  test('a list copy of a site content type: parent ID + "00" + 32 hex digits', async () => {
    await sp.web.lists.add('With Folders', '', 101);
    await sp.web.lists.getByTitle('With Folders').contentTypes.addAvailableContentType('0x0120');
    const ids = (await sp.web.lists.getByTitle('With Folders').contentTypes.select('StringId')()).map((c: { StringId: string }) => c.StringId);
    expect(ids).toEqual(expect.arrayContaining([expect.stringMatching(/^0x010100[0-9A-F]{32}$/), expect.stringMatching(/^0x012000[0-9A-F]{32}$/)]));
    expect((await httpError(sp.web.lists.getByTitle('With Folders').contentTypes.addAvailableContentType('0x0120'))).status).toBe(400);
  });

  test('Title has the same well-known ID on the site columns and on every list', async () => {
    expect((await sp.site.rootWeb.fields.getById(TITLE_FIELD_ID).select('InternalName')()).InternalName).toBe('Title');
    await sp.web.lists.add('Any List');
    for (const title of ['Any List', 'Documents']) {
      expect((await sp.web.lists.getByTitle(title).fields.getByInternalNameOrTitle('Title').select('Id')()).Id).toBe(TITLE_FIELD_ID);
    }
  });

  test('is a root web: site.rootWeb is the web, and ParentWeb expands to null', async () => {
    expect((await sp.site.rootWeb.select('ServerRelativeUrl')()).ServerRelativeUrl).toBe(SITE);
    const web = await sp.web.select('Title', 'ParentWeb/ServerRelativeUrl').expand('ParentWeb')();
    expect(web.ParentWeb).toBeNull();
    expect(await sp.web.getParentWeb()).toBeNull();
  });

  test('a list answers with SharePoint Online\'s metadata set name, SP.ApiData.Lists', async () => {
    const r = await raw(server, 'GET', `${SITE}/_api/web/lists/getByTitle('Documents')?$select=Title`);
    expect((r.json as Record<string, string>)['odata.metadata']).toBe(`${server.url}${SITE}/_api/$metadata#SP.ApiData.Lists/@Element`);
  });

  test('getList takes a server-relative path with or without its leading "/"', async () => {
    const a = await sp.web.getList(`${SITE}/SitePages`).select('Id')();
    const b = await sp.web.getList(`${SITE.slice(1)}/SitePages`).select('Id')();
    expect(b.Id).toBe(a.Id);
    expect((await httpError(sp.web.getList(`${SITE.slice(1)}/NoSuchLibrary`)())).status).toBe(404);
  });
});

describe('item properties SharePoint computes', () => {
  test('FSObjType, File_x0020_Type, EncodedAbsUrl and FileRef on files, folders and list items', async () => {
    const docs = sp.web.defaultDocumentLibrary;
    await sp.web.getFolderByServerRelativePath(`${SITE}/Shared Documents`).files.addUsingPath('Risk register.xlsx', 'x');
    await sp.web.getFolderByServerRelativePath(`${SITE}/Shared Documents`).folders.addUsingPath('Phase 1');
    const rows = await docs.items.select('FileLeafRef', 'FSObjType', 'File_x0020_Type', 'EncodedAbsUrl', 'FileRef')();
    const byName = Object.fromEntries(rows.map((r: Record<string, unknown>) => [r.FileLeafRef as string, r]));
    expect(byName['Risk register.xlsx']).toMatchObject({
      FSObjType: 0, File_x0020_Type: 'xlsx', FileRef: `${SITE}/Shared Documents/Risk register.xlsx`,
      EncodedAbsUrl: `${server.url}${SITE}/Shared%20Documents/Risk%20register.xlsx`
    });
    expect(byName['Phase 1']).toMatchObject({ FSObjType: 1, File_x0020_Type: null });
    // EncodedAbsUrl encodes '#' and '%' too, and getFileByUrl takes it back.
    await sp.web.getFolderByServerRelativePath(`${SITE}/Shared Documents`).files.addUsingPath('Plan #2 at 100%.txt', 'x');
    const [odd] = await docs.items.filter("FileLeafRef eq 'Plan #2 at 100%.txt'").select('EncodedAbsUrl')();
    expect(odd.EncodedAbsUrl).toBe(`${server.url}${SITE}/Shared%20Documents/Plan%20%232%20at%20100%25.txt`);
    expect((await sp.web.getFileByUrl(odd.EncodedAbsUrl as string).select('Name')()).Name).toBe('Plan #2 at 100%.txt');
    const list = await sp.web.lists.add('Plain Items');
    const { Id } = await sp.web.lists.getById(list.Id).items.add({ Title: 'one' }) as { Id: number };
    const item = await sp.web.lists.getById(list.Id).items.getById(Id).select('FSObjType', 'EncodedAbsUrl')();
    expect(item).toMatchObject({ FSObjType: 0, EncodedAbsUrl: `${server.url}${SITE}/Lists/Plain%20Items/${Id}_.000` });
  });

  test('$expand=ParentList and ContentType on items, projected by $select', async () => {
    await sp.web.lists.add('Expanding');
    const list = sp.web.lists.getByTitle('Expanding');
    await list.items.add({ Title: 'a <b>bold</b> & plain title' });
    const [row] = await list.items.select('Title', 'ParentList/Title', 'ContentType/Name', 'ContentTypeId').expand('ParentList', 'ContentType')();
    expect(row.ParentList).toEqual(expect.objectContaining({ Title: 'Expanding' }));
    expect(row.ParentList).not.toHaveProperty('Description');
    expect(row.ContentType).toEqual(expect.objectContaining({ Name: 'Item' }));
    expect(row.ContentTypeId).toMatch(/^0x0100[0-9A-F]{32}$/);
    expect((await httpError(list.items.select('ParentList/NoSuchProperty').expand('ParentList')())).status).toBe(400);
  });

  test('FieldValuesAsHtml escapes, FieldValuesAsText and FieldValuesForEdit do not; ForEdit needs edit rights [verify]', async () => {
    const list = sp.web.lists.getByTitle('Expanding');
    const [{ Id }] = await list.items.select('Id')();
    const html = await list.items.getById(Id).fieldValuesAsHTML();
    expect(html.Title).toBe('a &lt;b&gt;bold&lt;/b&gt; &amp; plain title');
    const text = await list.items.getById(Id).fieldValuesAsText();
    expect(text.Title).toBe('a <b>bold</b> & plain title');
    const edit = await list.items.getById(Id).fieldValuesForEdit();
    expect(edit.Title).toBe('a <b>bold</b> & plain title');
    expect((await httpError(spAs(server, 'visitor').web.lists.getByTitle('Expanding').items.getById(Id).fieldValuesForEdit())).status).toBe(403);
  });
});
