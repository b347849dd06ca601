/**
 * Contract: SpTemplateService against the local SharePoint through real @pnp/sp — the seeded
 * library (real Office files in four languages, idempotent), filters, who sees drafts, download
 * logging, versions and restore, chunked uploads (30 MB), and bad input that must leave nothing
 * half-written.
 */
import type { SPFI } from '@pnp/sp';
import JSZip from 'jszip';
import { startSite, type Site } from './setup';
import { provision } from '../../../src/provisioning/apply';
import { seed } from '../../../src/provisioning/seed';
import { SpTemplateService, UploadRefusedError } from '../../../src/services/TemplateService';
import { browse } from '../../../src/services/templates';
import { spList } from '../../../src/services/listItems';
import { listUrl } from '../../../src/services/ProjectService';
import { getList, internalName, type ListSchema } from '../../../src/schema';
import { DEMO_TEMPLATES } from '../../../src/provisioning/templateFiles';
import type { LibraryTemplate } from '../../../src/model';

jest.setTimeout(90_000);

let site: Site;
let pmoSp: SPFI;
let leaderSp: SPFI;
let visitorSp: SPFI;

beforeAll(async () => {
  site = await startSite();
  await provision(site.sp);
  await seed(site.sp, 'demo', () => undefined, {});
  [pmoSp, leaderSp, visitorSp] = await Promise.all([site.as('pmo'), site.as('leader'), site.as('visitor')]);
});
afterAll(async () => { await site.server.close(); });

const service = (sp: SPFI, options: ConstructorParameters<typeof SpTemplateService>[2] = {}): SpTemplateService => new SpTemplateService(sp, site.url, options);
const byName = (all: LibraryTemplate[], name: string): LibraryTemplate => {
  const t = all.find((x) => x.fileName === name);
  if (!t) throw new Error(`No template ${name}`);
  return t;
};
const bytes = (n: number, seed = 5): Buffer => {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i += 4096) { x = (x * 1103515245 + 12345) & 0x7fffffff; b.fill(x & 0xff, i, Math.min(n, i + 4096)); }
  return b;
};

describe('the seeded library', () => {
  test('holds genuine Office files in four languages, linked by their template key', async () => {
    const all = await service(pmoSp).templates(true);
    const core = DEMO_TEMPLATES.filter((s) => s.languages.length === 4);
    expect(core.length).toBeGreaterThanOrEqual(7);
    for (const spec of core) {
      const variants = all.filter((t) => t.templateKey === spec.key);
      expect(variants.map((v) => v.language).sort()).toEqual(['da-DK', 'en-US', 'nl-NL', 'sv-SE']);
    }
    const pid = byName(all, 'Project initiation document (en).docx');
    const zip = await JSZip.loadAsync(await service(leaderSp).content(pid));
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    expect(await zip.file('word/document.xml')?.async('string')).toContain('Project initiation document');
    const deck = await JSZip.loadAsync(await service(leaderSp).content(byName(all, 'Styrgruppsmöte (sv).pptx')));
    expect(Object.keys(deck.files)).toContain('ppt/slides/slide1.xml');
    const book = await JSZip.loadAsync(await service(leaderSp).content(byName(all, 'Projectbegroting (nl).xlsx')));
    expect(Object.keys(book.files)).toContain('xl/workbook.xml');
    expect(pid.size).toBeGreaterThan(1000);
    expect(pid.size).toBeLessThan(100_000);
  });

  test('a second seed adds no templates and no downloads', async () => {
    const before = (await service(pmoSp).templates(true)).length;
    const result = await seed(site.sp, 'demo');
    expect(result.added['method templates']).toBeUndefined();
    expect(result.added['template downloads']).toBeUndefined();
    expect((await service(pmoSp).templates(true)).length).toBe(before);
  });

  test('the preview reads the first page of a document and the first slide of a deck', async () => {
    const all = await service(pmoSp).templates(true);
    const doc = await service(leaderSp).preview(byName(all, 'Projektdirektiv (sv).docx'));
    expect(doc.lines[0]).toBe('Projektdirektiv');
    expect(doc.lines.join(' ')).not.toContain('Bakgrund');
    const deck = await service(leaderSp).preview(byName(all, 'Stakeholder map (en).pptx'));
    expect(deck.lines).toContain('Stakeholder map');
  });
});

describe('who sees what', () => {
  test('curators see drafts and retired templates; a project leader and a visitor only approved ones', async () => {
    const pmo = service(pmoSp);
    expect((await pmo.rights()).curate).toBe(true);
    const curated = await pmo.templates(true);
    expect(curated.map((t) => t.status)).toEqual(expect.arrayContaining(['Approved', 'Draft', 'Retired']));
    for (const sp of [leaderSp, visitorSp]) {
      const s = service(sp);
      expect((await s.rights()).curate).toBe(false);
      const seen = await s.templates(false);
      expect(seen.length).toBe(curated.filter((t) => t.status === 'Approved').length);
      expect(seen.every((t) => t.status === 'Approved')).toBe(true);
    }
  });

  test('drafts are kept from visitors by SharePoint security, not only by the query', async () => {
    const draft = (await service(pmoSp).templates(true)).find((t) => t.status === 'Draft') as LibraryTemplate;
    // Without the status filter (as a hand-made REST call would ask), still no draft.
    const unfiltered = await service(visitorSp).templates(true);
    expect(unfiltered.some((t) => t.status !== 'Approved')).toBe(false);
    await expect(service(visitorSp).content(draft)).rejects.toMatchObject({ status: 404 });
  });

  test('visitors cannot edit a template or another person\'s download', async () => {
    const all = await service(pmoSp).templates(true);
    const pid = byName(all, 'Project initiation document (en).docx');
    const lib = spList(visitorSp, site.url, 'methodTemplates');
    await expect(lib.items.getById(pid.id).update({ [internalName('methodTemplates', 'status')]: 'Retired' })).rejects.toMatchObject({ status: 403 });
    await expect(service(visitorSp).setStatus(pid, 'Retired')).rejects.toMatchObject({ status: 403 });
    await service(leaderSp).logDownload(pid);
    const log = spList(visitorSp, site.url, 'templateDownloads');
    const leaders = await spList(leaderSp, site.url, 'templateDownloads').items.select('Id').orderBy('Id', false).top(1)<Array<{ Id: number }>>();
    await expect(log.items.getById(leaders[0].Id).update({ Title: 'mine now' })).rejects.toMatchObject({ status: 403 });
    await expect(log.items.getById(leaders[0].Id).delete()).rejects.toMatchObject({ status: 403 });
  });
});

describe('filters on the real library', () => {
  test.each([
    [{ phase: 'Initiation', standard: 'PRINCE2' }, ['pid']],
    [{ phase: 'Planning' }, ['budget', 'project-plan']],
    [{ phase: 'Planning', language: 'sv-SE' }, ['budget', 'project-plan']],
    [{ category: 'Stakeholders', standard: 'IPMA', language: 'nl-NL' }, ['stakeholder-map']],
    [{ text: 'styrgruppsmöte' }, ['steering-group']],
    [{ text: 'styrgrupp' }, ['pid', 'steering-group']],
    [{ text: 'gevinster' }, ['benefits']],
    [{ phase: 'Closing', standard: 'PRINCE2' }, []]
  ] as const)('%j finds %j', async (filter, keys) => {
    const groups = browse(await service(leaderSp).templates(false), filter, 'en-US');
    expect(groups.map((g) => g.primary.templateKey).sort()).toEqual([...keys].sort());
    if ('language' in filter) expect(groups.every((g) => g.variants.every((v) => v.language === filter.language))).toBe(true);
  });
});

describe('curation', () => {
  test('a new version with a change note, its history, approving and restoring', async () => {
    const pmo = service(pmoSp, { chunkBytes: 64 * 1024 });
    const pid = byName(await pmo.templates(true), 'Projektgrundlag (da).docx');
    const original = Buffer.from(await pmo.content(pid));
    const next = bytes(200_000, 9);
    const progress: number[] = [];
    const updated = await pmo.uploadNewVersion(pid, { name: 'Projektgrundlag 2027.docx', size: next.length, content: next },
      "Risks section rewritten after the 'autumn' revision", (p) => progress.push(p.sent));
    expect(progress.length).toBeGreaterThan(3);
    expect(progress[progress.length - 1]).toBe(next.length);
    expect(updated.changeNote).toBe("Risks section rewritten after the 'autumn' revision");
    expect(Buffer.from(await pmo.content(updated)).equals(next)).toBe(true);

    const history = await pmo.versions(updated);
    expect(history[0]).toMatchObject({ isCurrent: true, changeNote: "Risks section rewritten after the 'autumn' revision", size: next.length });
    expect(history.length).toBeGreaterThanOrEqual(3);
    expect(new Set(history.map((h) => h.label)).size).toBe(history.length);

    const approved = await pmo.setStatus(updated, 'Approved');
    expect(approved.lastRevised).toBe(new Date().toISOString().slice(0, 10));
    expect(approved.nextRevision && approved.nextRevision > (approved.lastRevised as string)).toBe(true);
    expect(Buffer.from(await pmo.content(approved)).equals(next)).toBe(true);

    const first = history[history.length - 1];
    const restored = await pmo.restoreVersion(approved, first.label);
    expect(Buffer.from(await pmo.content(restored)).equals(original)).toBe(true);
  });

  test('a 30 MB file goes up in chunks and comes back byte for byte', async () => {
    const pmo = service(pmoSp);
    const plan = byName(await pmo.templates(true), 'Project plan (en).xlsx');
    const big = bytes(30 * 1024 * 1024, 3);
    const sent: number[] = [];
    await pmo.uploadNewVersion(plan, { name: 'plan.xlsx', size: big.length, content: big }, 'Large sample data', (p) => sent.push(p.sent));
    expect(sent.filter((s) => s > 0 && s < big.length).length).toBeGreaterThanOrEqual(2);
    expect(Buffer.from(await pmo.content(plan)).equals(big)).toBe(true);
  });

  test('retiring takes a template from visitors; approving gives it back', async () => {
    const pmo = service(pmoSp);
    const budget = byName(await pmo.templates(true), 'Budgetprocess.xlsx'.replace('Budgetprocess', 'Projektbudget (sv)'));
    const retired = await pmo.setStatus(budget, 'Retired');
    expect((await service(visitorSp).templates(true)).some((t) => t.id === budget.id)).toBe(false);
    await pmo.setStatus(retired, 'Approved');
    expect((await service(visitorSp).templates(false)).some((t) => t.id === budget.id)).toBe(true);
  });

  test('a stale ETag is a conflict, not an overwrite', async () => {
    const pmo = service(pmoSp);
    const t = byName(await pmo.templates(true), 'Testplan (nl).docx');
    await pmo.setStatus(t, 'Approved');
    await expect(pmo.setStatus(t, 'Retired')).rejects.toMatchObject({ name: 'ConflictError' });
  });
});

describe('bad input', () => {
  test.each([
    'Plan #2 – 100% "final".docx'.replace(/"/g, ''), "O'Brien's plan #3 100%.docx", 'Översikt åtgärder 計画 Ωμέγα.docx'
  ])('the name %j round-trips through upload, listing and download', async (name) => {
    const lib = listUrl(site.url, getList('methodTemplates') as ListSchema);
    const content = bytes(5000, name.length);
    await site.sp.web.getFolderByServerRelativePath(lib).files.addUsingPath(name, content);
    const all = await service(site.sp).templates(true);
    const t = byName(all, name);
    expect(t.fileUrl).toBe(`${lib}/${name}`);
    expect(Buffer.from(await service(site.sp).content(t)).equals(content)).toBe(true);
    const next = bytes(6000, 1);
    await service(site.sp).uploadNewVersion(t, { name, size: next.length, content: next }, 'Fixed %23 & \'quotes\'');
    expect(Buffer.from(await service(site.sp).content(t)).equals(next)).toBe(true);
    expect((await service(site.sp).versions(t))[0].changeNote).toBe('Fixed %23 & \'quotes\'');
  });

  test('quotes in a name are refused before upload, as SharePoint refuses them', async () => {
    const t = byName(await service(pmoSp).templates(true), 'Testplan (sv).docx');
    await expect(service(pmoSp).uploadNewVersion(t, { name: 'Test "plan".docx', size: 10, content: bytes(10) }, 'x'))
      .rejects.toMatchObject({ problem: 'invalidCharacters' });
  });

  test.each([['setup.exe', 'blockedType'], ['page.aspx', 'blockedType'], ['script.js', 'blockedType'], ['plan.xlsx', 'differentType']] as const)(
    '%s is refused with %s and nothing is sent', async (name, problem) => {
      const pmo = service(pmoSp);
      const t = byName(await pmo.templates(true), 'Testplan (sv).docx');
      const before = site.server.stats.total;
      const e = await pmo.uploadNewVersion(t, { name, size: 100, content: bytes(100) }, 'x').catch((x: unknown) => x);
      expect(e).toBeInstanceOf(UploadRefusedError);
      expect((e as UploadRefusedError).problem).toBe(problem);
      expect(site.server.stats.total).toBe(before);
    });

  test('over the size limit is refused before upload', async () => {
    const pmo = service(pmoSp, { maxBytes: 1024 * 1024 });
    const t = byName(await pmo.templates(true), 'Testplan (sv).docx');
    await expect(pmo.uploadNewVersion(t, { name: 'big.docx', size: 2 * 1024 * 1024, content: bytes(2 * 1024 * 1024) }, 'x'))
      .rejects.toMatchObject({ problem: 'tooLarge' });
  });

  test('an upload that fails half-way is cancelled: old bytes, no session, not checked out', async () => {
    const pmo = service(pmoSp, { chunkBytes: 32 * 1024 });
    const t = byName(await pmo.templates(true), 'Testplan (da).docx');
    const before = Buffer.from(await pmo.content(t));
    const versionsBefore = (await pmo.versions(t)).length;
    const first = bytes(32 * 1024, 8);
    // A file whose reading fails after the first chunk (a disk or network error in the browser).
    let pulls = 0;
    const failing = {
      [Symbol.toStringTag]: 'Blob', type: 'application/octet-stream', size: 200_000,
      arrayBuffer: (): Promise<ArrayBuffer> => Promise.reject(new Error('unused')),
      stream: (): ReadableStream<Uint8Array> => new ReadableStream<Uint8Array>({
        pull(controller) {
          pulls++;
          if (pulls === 1) controller.enqueue(new Uint8Array(first));
          else if (pulls === 2) controller.enqueue(new Uint8Array(first));
          else controller.error(new Error('The file could not be read.'));
        }
      })
    };
    await expect(pmo.uploadNewVersion(t, { name: 'x.docx', size: 200_000, content: failing as unknown as Blob }, 'half')).rejects.toThrow('could not be read');
    expect(Buffer.from(await pmo.content(t)).equals(before)).toBe(true);
    expect((await pmo.versions(t)).length).toBe(versionsBefore);
    expect((site.server.store.db.prepare('SELECT count(*) AS n FROM uploads').get() as { n: number }).n).toBe(0);
    const info = await pmoSp.web.getFileByServerRelativePath(t.fileUrl).select('CheckOutType')<{ CheckOutType: number }>();
    expect(info.CheckOutType).toBe(2);
  });
});
