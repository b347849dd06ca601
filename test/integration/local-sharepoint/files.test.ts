/**
 * Contract: files and folders in document libraries — uploads (single and chunked),
 * downloads, versions, the list item behind a file, check-out/check-in, limits.
 */
import type { SPFI } from '@pnp/sp';
import { CheckinType } from '@pnp/sp/files';
import type { LocalSharePoint } from '../../../tools/local-sharepoint/src/server';
import { httpError, raw, spAs, startServer, SITE } from './helpers';

jest.setTimeout(20000);

let server: LocalSharePoint;
let sp: SPFI;
const LIB = `${SITE}/Shared Documents`;

beforeAll(async () => {
  server = await startServer();
  sp = spAs(server);
});
afterAll(async () => { await server.close(); });

const folder = (): ReturnType<SPFI['web']['getFolderByServerRelativePath']> => sp.web.getFolderByServerRelativePath(LIB);
const file = (name: string): ReturnType<SPFI['web']['getFileByServerRelativePath']> => sp.web.getFileByServerRelativePath(`${LIB}/${name}`);
const bytes = (n: number, seed = 7): Buffer => {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) { x = (x * 1103515245 + 12345) & 0x7fffffff; b[i] = x >> 16 & 0xff; }
  return b;
};

describe('upload and download', () => {
  test('addUsingPath with text returns the file info @pnp reads', async () => {
    const info = await folder().files.addUsingPath('hello.txt', 'Hello, PMO!', { Overwrite: true });
    expect(info).toMatchObject({ Name: 'hello.txt', ServerRelativeUrl: `${LIB}/hello.txt`, Length: '11', Exists: true, MajorVersion: 1, MinorVersion: 0, UIVersionLabel: '1.0' });
    expect(info.UniqueId).toMatch(/^[0-9a-f-]{36}$/);
    expect(String((info as unknown as Record<string, unknown>)['odata.id'])).toContain('/_api/');
    expect(await file('hello.txt').getText()).toBe('Hello, PMO!');
  });

  test('binary content round-trips byte for byte', async () => {
    const content = bytes(70000);
    content[0] = 0; content[1] = 0xff; content[2] = 0x0d; content[3] = 0x0a;
    await folder().files.addUsingPath('blob.bin', content);
    const back = Buffer.from(await file('blob.bin').getBuffer());
    expect(back.equals(content)).toBe(true);
    expect((await file('blob.bin')()).Length).toBe('70000');
  });

  test.each([
    'report #1.txt', '100% done.txt', "O'Brien's plan.txt", 'Översikt åtgärder 計画.docx', 'spaces  and (parens) [x].txt', 'semi;colon&amp=1+2.txt'
  ])('the name %j survives upload, lookup and download', async (name) => {
    const content = `content of ${name}`;
    const info = await folder().files.addUsingPath(name, content);
    expect(info.Name).toBe(name);
    expect(info.ServerRelativeUrl).toBe(`${LIB}/${name}`);
    expect(await sp.web.getFileByServerRelativePath(info.ServerRelativeUrl).getText()).toBe(content);
    expect((await sp.web.getFileById(info.UniqueId)()).Name).toBe(name);
    const names = (await folder().files.select('Name')()).map((f: { Name: string }) => f.Name);
    expect(names).toContain(name);
  });

  test.each(['say "hi".txt', 'a:b.txt', 'what?.txt', 'x|y.txt', 'trailing.', ' lead.txt'])('the invalid name %j is a 400', async (name) => {
    const e = await httpError(folder().files.addUsingPath(name, 'x'));
    expect(e.status).toBe(400);
    expect(e.message).toContain('not permitted');
  });

  test('uploading over an existing file without Overwrite is refused; with Overwrite it makes a new version', async () => {
    await folder().files.addUsingPath('once.txt', 'one');
    expect((await httpError(folder().files.addUsingPath('once.txt', 'two', { Overwrite: false }))).status).toBe(400);
    const info = await folder().files.addUsingPath('once.txt', 'two', { Overwrite: true });
    expect(info.UIVersionLabel).toBe('2.0');
    expect(await file('once.txt').getText()).toBe('two');
  });

  test('a name that differs only in case is the same file: refused without Overwrite, replaced with it, never a second file [verify: SPO keeps the first name]', async () => {
    await folder().files.addUsingPath('Case.json.gz', 'first');
    expect((await httpError(folder().files.addUsingPath('case.JSON.gz', 'second', { Overwrite: false }))).status).toBe(400);
    const info = await folder().files.addUsingPath('CASE.json.gz', 'second', { Overwrite: true });
    expect(info.Name).toBe('Case.json.gz');
    expect(await file('Case.json.gz').getText()).toBe('second');
    // Read, as SharePoint reads a URL, whatever its casing: the file's and its folder's.
    expect(await file('CASE.JSON.GZ').getText()).toBe('second');
    expect(await sp.web.getFileByServerRelativePath(`${LIB.toUpperCase()}/case.json.gz`).getText()).toBe('second');
    expect((await sp.web.getFileByServerRelativePath(`${LIB}/cAsE.json.gz`).select('Name')<{ Name: string }>()).Name).toBe('Case.json.gz');
    const names = (await folder().files.select('Name')()).map((f: { Name: string }) => f.Name).filter((n) => n.toLowerCase() === 'case.json.gz');
    expect(names).toEqual(['Case.json.gz']);
    // EnsureUniqueFileName sees the collision too and picks another name.
    expect((await folder().files.addUsingPath('case.json.gz', 'third', { EnsureUniqueFileName: true })).Name.toLowerCase()).not.toBe('case.json.gz');
    await folder().folders.addUsingPath('Snapshots');
    await folder().folders.addUsingPath('snapshots');
    expect((await folder().folders.select('Name')()).map((f: { Name: string }) => f.Name).filter((n) => n.toLowerCase() === 'snapshots')).toEqual(['Snapshots']);
  });

  test('in a library that keeps no versions, an overwrite replaces the bytes: still 1.0, no history, a new ETag', async () => {
    await sp.web.lists.add('NoVersions', '', 101, false, { EnableVersioning: false });
    const lib = sp.web.getFolderByServerRelativePath(`${SITE}/NoVersions`);
    const first = await lib.files.addUsingPath('latest.json.gz', bytes(3000, 1));
    const content = bytes(3000, 2);
    const second = await lib.files.addUsingPath('latest.json.gz', content, { Overwrite: true });
    expect([first.UIVersionLabel, second.UIVersionLabel]).toEqual(['1.0', '1.0']);
    expect(second.ETag).not.toBe(first.ETag);
    const stored = sp.web.getFileByServerRelativePath(`${SITE}/NoVersions/latest.json.gz`);
    expect(await stored.versions()).toEqual([]);
    expect(Buffer.from(await stored.getBuffer()).equals(content)).toBe(true);
  });

  test('EnsureUniqueFileName picks a free name', async () => {
    const info = await folder().files.addUsingPath('once.txt', 'three', { EnsureUniqueFileName: true });
    expect(info.Name).toBe('once1.txt');
  });

  test('addChunked uploads several chunks and the bytes match', async () => {
    const content = bytes(3 * 1024 * 1024 + 123, 11);
    const stages: string[] = [];
    const result = await folder().files.addChunked('big.bin', content, { chunkSize: 512 * 1024, progress: (p) => { stages.push(p.stage); } });
    expect(stages[0]).toBe('starting');
    expect(stages.filter((s) => s === 'continue').length).toBeGreaterThanOrEqual(4);
    expect(stages[stages.length - 1]).toBe('finishing');
    expect(result).toMatchObject({ Name: 'big.bin', Length: String(content.length) });
    const back = Buffer.from(await file('big.bin').getBuffer());
    expect(back.length).toBe(content.length);
    expect(back.equals(content)).toBe(true);
  });

  test('a missing file is a 404; exists() is false', async () => {
    expect((await httpError(file('nope.txt')())).status).toBe(404);
    expect(await file('nope.txt').exists()).toBe(false);
    expect(await file('hello.txt').exists()).toBe(true);
  });

  test('delete removes the file', async () => {
    await folder().files.addUsingPath('gone.txt', 'bye');
    await file('gone.txt').delete();
    expect(await file('gone.txt').exists()).toBe(false);
  });

  test('setContent replaces the content', async () => {
    await folder().files.addUsingPath('set.txt', 'before');
    await file('set.txt').setContent('after');
    expect(await file('set.txt').getText()).toBe('after');
  });
});

describe('folders', () => {
  test('folders.addUsingPath, then a file in it, listed by folder.files and folder.folders', async () => {
    const f = await folder().folders.addUsingPath('Phase 1');
    expect(f).toMatchObject({ Name: 'Phase 1', ServerRelativeUrl: `${LIB}/Phase 1` });
    const sub = sp.web.getFolderByServerRelativePath(`${LIB}/Phase 1`);
    await sub.files.addUsingPath('plan.txt', 'plan');
    expect((await sub.files()).map((x: { Name: string }) => x.Name)).toEqual(['plan.txt']);
    expect((await folder().folders()).map((x: { Name: string }) => x.Name)).toContain('Phase 1');
    expect(await sp.web.getFileByServerRelativePath(`${LIB}/Phase 1/plan.txt`).getText()).toBe('plan');
    expect((await sub.select('ItemCount')()).ItemCount).toBe(1);
  });

  test('files.getByUrl and folders.getByUrl address one file or folder, not the collection', async () => {
    expect((await folder().files.getByUrl('hello.txt')()).Name).toBe('hello.txt');
    expect(await folder().files.getByUrl('hello.txt').getText()).toBe('Hello, PMO!');
    const sub = await folder().folders.getByUrl('Phase 1')();
    expect(sub).toMatchObject({ Name: 'Phase 1', ServerRelativeUrl: `${LIB}/Phase 1` });
    expect((await folder().folders.getByUrl('Phase 1').files.getByUrl('plan.txt')()).Name).toBe('plan.txt');
    expect((await httpError(folder().files.getByUrl('missing.txt')())).status).toBe(404);
    expect((await sp.web.folders.getByUrl('Shared Documents')()).ServerRelativeUrl).toBe(LIB);
  });

  test('folder.getItem() and folder delete (with what is inside)', async () => {
    await folder().folders.addUsingPath('Scratch');
    const scratch = sp.web.getFolderByServerRelativePath(`${LIB}/Scratch`);
    await scratch.files.addUsingPath('tmp.txt', 'tmp');
    const item = await scratch.getItem<{ Id: number; FileSystemObjectType: number }>('Id', 'FileSystemObjectType');
    expect(item.FileSystemObjectType).toBe(1);
    await scratch.delete();
    expect(await sp.web.getFileByServerRelativePath(`${LIB}/Scratch/tmp.txt`).exists()).toBe(false);
    expect((await httpError(scratch())).status).toBe(404);
  });

  test('the library root folder and a missing folder', async () => {
    const root = await sp.web.lists.getByTitle('Documents').rootFolder();
    expect(root.ServerRelativeUrl).toBe(LIB);
    expect((await httpError(sp.web.getFolderByServerRelativePath(`${LIB}/No Such Folder`).files())).status).toBe(404);
  });
});

describe('versions', () => {
  test('overwrites keep versions; versions() lists the older ones; restoreByLabel brings one back', async () => {
    await folder().files.addUsingPath('charter.txt', 'v1', { Overwrite: true });
    await folder().files.addUsingPath('charter.txt', 'v2', { Overwrite: true });
    await folder().files.addUsingPath('charter.txt', 'v3', { Overwrite: true });
    const versions = await file('charter.txt').versions();
    expect(versions.map((v: { VersionLabel: string }) => v.VersionLabel)).toEqual(['1.0', '2.0']);
    expect(versions[0]).toMatchObject({ IsCurrentVersion: false, Size: 2 });
    expect(await file('charter.txt').versions.getById(512).getText()).toBe('v1');
    await file('charter.txt').versions.restoreByLabel('1.0');
    expect(await file('charter.txt').getText()).toBe('v1');
    expect((await file('charter.txt')()).UIVersionLabel).toBe('4.0');
    expect((await httpError(file('charter.txt').versions.restoreByLabel('9.0'))).status).toBe(404);
  });

  test('deleteByLabel removes an old version', async () => {
    await file('charter.txt').versions.deleteByLabel('2.0');
    expect((await file('charter.txt').versions()).map((v: { VersionLabel: string }) => v.VersionLabel)).toEqual(['1.0', '3.0']);
  });
});

describe('the list item behind a file', () => {
  test('listItemAllFields has the item fields; getItem() then update changes the item', async () => {
    await folder().files.addUsingPath('pid.docx', 'PID');
    const fields = await file('pid.docx').listItemAllFields();
    expect(fields).toMatchObject({ FileLeafRef: 'pid.docx', FileSystemObjectType: 0 });
    expect(fields['odata.editLink']).toMatch(/Items\(\d+\)$/);
    const item = await file('pid.docx').getItem<{ Id: number; Title: string | null }>('Id', 'Title');
    expect(item.Title).toBeNull();
    await item.update({ Title: 'Project Initiation Document' });
    const lib = sp.web.lists.getByTitle('Documents');
    expect((await lib.items.getById(item.Id).select('Title', 'FileLeafRef')()).Title).toBe('Project Initiation Document');
    expect((await file('pid.docx')()).Title).toBe('Project Initiation Document');
  });

  test('a metadata update makes a new version that still has the document\'s bytes', async () => {
    const content = bytes(3000, 11);
    await folder().files.addUsingPath('plan.pptx', content);
    const item = await file('plan.pptx').getItem<{ Id: number }>('Id');
    await item.update({ Title: 'Plan' });
    const info = await file('plan.pptx')();
    expect(info).toMatchObject({ UIVersionLabel: '2.0', Length: '3000' });
    expect(Buffer.from(await file('plan.pptx').getBuffer()).equals(content)).toBe(true);
    expect((await file('plan.pptx').versions()).map((v: { VersionLabel: string; Size: number }) => [v.VersionLabel, v.Size])).toEqual([['1.0', 3000]]);
  });

  test('library items expand File and filter on FileLeafRef', async () => {
    const lib = sp.web.lists.getByTitle('Documents');
    const [item] = await lib.items.filter("FileLeafRef eq 'pid.docx'").select('Id', 'File/Name', 'File/ServerRelativeUrl').expand('File')();
    expect(item.File).toMatchObject({ Name: 'pid.docx', ServerRelativeUrl: `${LIB}/pid.docx` });
  });

  test('items.add on a library is refused: files are added through the folder', async () => {
    expect((await httpError(sp.web.lists.getByTitle('Documents').items.add({ Title: 'x' }))).status).toBe(400);
  });
});

describe('check-out and check-in', () => {
  test('checkout locks the file for others (423 SPFileLockException [verify]); checkin with a comment releases it', async () => {
    await folder().files.addUsingPath('budget.xlsx', 'numbers');
    await file('budget.xlsx').checkout();
    expect((await file('budget.xlsx')()).CheckOutType).toBe(0);
    const pmoFile = spAs(server, 'pmo').web.getFileByServerRelativePath(`${LIB}/budget.xlsx`);
    expect((await httpError(pmoFile.setContent('mine'))).status).toBe(423);
    expect((await httpError(pmoFile.checkout())).status).toBe(423);
    await file('budget.xlsx').setContent('numbers v2');
    await file('budget.xlsx').checkin("Budget 'approved'", CheckinType.Major);
    const info = await file('budget.xlsx')();
    expect(info).toMatchObject({ CheckOutType: 2, CheckInComment: "Budget 'approved'" });
    await pmoFile.setContent('now mine');
    expect(await file('budget.xlsx').getText()).toBe('now mine');
  });

  test('undoCheckout releases the lock', async () => {
    await file('budget.xlsx').checkout();
    await file('budget.xlsx').undoCheckout();
    expect((await file('budget.xlsx')()).CheckOutType).toBe(2);
  });
});

describe('permissions and limits', () => {
  test('a visitor can download but not upload', async () => {
    const visitor = spAs(server, 'visitor');
    expect(await visitor.web.getFileByServerRelativePath(`${LIB}/hello.txt`).getText()).toBe('Hello, PMO!');
    const e = await httpError(visitor.web.getFolderByServerRelativePath(LIB).files.addUsingPath('v.txt', 'x'));
    expect(e.status).toBe(403);
  });

  test('a single upload above maxUploadBytes is a 413 [verify: SPO status]; a chunked upload of the same size works', async () => {
    const small = await startServer({ maxUploadBytes: 4096 });
    try {
      const sps = spAs(small);
      const lib = sps.web.getFolderByServerRelativePath(LIB);
      const e = await httpError(lib.files.addUsingPath('big.bin', bytes(5000)));
      expect(e.status).toBe(413);
      expect(e.message).toContain('chunked');
      expect(await sps.web.getFileByServerRelativePath(`${LIB}/big.bin`).exists()).toBe(false);
      const content = bytes(10000, 3);
      await lib.files.addChunked('big.bin', content, { chunkSize: 3000 });
      expect(Buffer.from(await sps.web.getFileByServerRelativePath(`${LIB}/big.bin`).getBuffer()).equals(content)).toBe(true);
    } finally {
      await small.close();
    }
  });

  test('a raw download of $value has the bytes and an ETag', async () => {
    const r = await raw(server, 'GET', `${SITE}/_api/web/getFileByServerRelativePath(decodedurl='${encodeURIComponent(`${LIB}/hello.txt`)}')/$value`);
    expect(r.status).toBe(200);
    expect(r.text).toBe('Hello, PMO!');
    expect(r.headers.get('etag')).toMatch(/^"\{[0-9A-F-]{36}\},\d+"$/);
  });
});
