// What a page loads for its PMO Hub web parts, as shipped. The first half checks the page-weight
// arithmetic `npm run bench` reports on a package made up here; the second opens the real
// sharepoint/solution/pmo-hub.sppkg (`npm test` builds it first; a missing package FAILS) and
// checks that the suite ships Fluent UI once, that every page loads one entry bundle, and that
// no hub page loads more than the 250 KB (gzipped) budget at first render, in any language.
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import {
  PAGE_BUDGET_GZIP_KB, pageWeight, readJsonWithComments, readShippedPackage, webPartEntryModules,
  type ChunkGroup, type ComponentManifest, type ShippedPackage
} from '../../../tools/bench/pageWeight';
import { HUB_PAGES } from '../../../src/pages/hubPages';

const ROOT: string = path.resolve(__dirname, '../../..');

function manifest(id: string, entry: string, strings: string): ComponentManifest {
  return {
    id, alias: id,
    loaderConfig: {
      entryModuleId: 'suite',
      scriptResources: {
        suite: { type: 'path', path: entry },
        react: { type: 'component' },
        Strings: { type: 'localizedPath', paths: { 'en-US': `${strings}_en.js`, 'sv-SE': `${strings}_sv.js` }, defaultPath: `${strings}_en.js` }
      }
    }
  };
}

describe('page weight arithmetic', () => {
  const KB = 1024;
  const groups: ChunkGroup[] = [
    { name: 'suite', entry: true, files: ['suite.js'], origins: [], parents: [] },
    { name: 'shell', entry: false, files: ['fluent.js', 'shell.js'], origins: ['lib/webparts/shared/BaseWebPart.js'], parents: [0] },
    { name: 'a', entry: false, files: ['fluent.js', 'a.js'], origins: ['lib/webparts/a/AWebPart.js'], parents: [0] },
    { name: 'b', entry: false, files: ['fluent.js', 'b.js'], origins: ['lib/webparts/b/BWebPart.js'], parents: [0] },
    // Loaded by component a on a click, and what that chunk loads in turn.
    { name: 'a-edit', entry: false, files: ['a-edit.js'], origins: ['lib/webparts/a/components/A.js'], parents: [2] },
    { name: 'a-export', entry: false, files: ['xlsx.js'], origins: ['lib/components/exportFiles.js'], parents: [4] },
    // Loaded by a service in the shared entry: any page may load it on demand.
    { name: 'preview', entry: false, files: ['zip.js'], origins: ['lib/services/TemplateService.js'], parents: [0] }
  ];
  const sizes: Array<[string, number]> = [
    ['suite.js', 40], ['fluent.js', 60], ['shell.js', 2], ['a.js', 10], ['b.js', 20], ['a-edit.js', 5], ['xlsx.js', 200], ['zip.js', 25],
    ['A_en.js', 1], ['A_sv.js', 1.5], ['B_en.js', 1], ['B_sv.js', 1.5]
  ];
  const pkg: ShippedPackage = {
    gzipBytes: new Map(sizes.map(([f, kb]) => [f, kb * KB])),
    manifests: new Map([['a', manifest('a', 'suite.js', 'A')], ['b', manifest('b', 'suite.js', 'B')]]),
    chunkGroups: groups
  };
  const entries = new Map([['a', 'lib/webparts/a/AWebPart.js'], ['b', 'lib/webparts/b/BWebPart.js']]);

  it('counts the entry, the shared shell, the web part\'s own chunks and its strings in the page\'s language, each file once', () => {
    const w = pageWeight(pkg, entries, ['a'], 'sv-SE');
    expect(w.files).toEqual(['A_sv.js', 'a.js', 'fluent.js', 'shell.js', 'suite.js']);
    expect(w.firstRenderGzipKb).toBe(40 + 60 + 2 + 10 + 1.5);
  });

  it('counts a chunk two web parts share once', () => {
    const w = pageWeight(pkg, entries, ['a', 'b'], 'en-US');
    expect(w.firstRenderGzipKb).toBe(40 + 60 + 2 + 10 + 20 + 1 + 1);
  });

  it('keeps what components load on a click apart, following chunks they load in turn, and only for web parts on the page', () => {
    expect(pageWeight(pkg, entries, ['a'], 'en-US').onDemandGzipKb).toBe(5 + 200 + 25);
    expect(pageWeight(pkg, entries, ['b'], 'en-US').onDemandGzipKb).toBe(25);
  });

  it('counts a web part\'s strings chunk in the page\'s language only', () => {
    const withStrings: ShippedPackage = {
      ...pkg,
      gzipBytes: new Map([...pkg.gzipBytes, ['b-en.js', 2 * KB], ['b-sv.js', 3 * KB]]),
      chunkGroups: [...groups,
        { name: 'b-strings-en-us-js', entry: false, files: ['b-en.js'], origins: ['lib/webparts/b/BWebPart.js'], parents: [0] },
        { name: 'b-strings-sv-se-js', entry: false, files: ['b-sv.js'], origins: ['lib/webparts/b/BWebPart.js'], parents: [0] }]
    };
    expect(pageWeight(withStrings, entries, ['b'], 'sv-SE').files).toContain('b-sv.js');
    expect(pageWeight(withStrings, entries, ['b'], 'sv-SE').files).not.toContain('b-en.js');
    expect(pageWeight(withStrings, entries, ['b'], 'sv-SE').firstRenderGzipKb).toBe(40 + 60 + 2 + 20 + 1.5 + 3);
    expect(pageWeight(withStrings, entries, ['b'], 'sv-SE').onDemandGzipKb).toBe(25);
  });

  it('refuses a web part the package does not hold', () => {
    expect(() => pageWeight(pkg, entries, ['c'], 'en-US')).toThrow(/no web part c/);
  });
});

describe('sharepoint/solution/pmo-hub.sppkg as pages load it', () => {
  let shipped: ShippedPackage;
  let zip: JSZip;
  const entries = webPartEntryModules(ROOT, readJsonWithComments);

  beforeAll(async () => {
    const sppkg = path.join(ROOT, 'sharepoint/solution/pmo-hub.sppkg');
    shipped = await readShippedPackage(sppkg, path.join(ROOT, 'temp/chunk-groups.json'));
    zip = await JSZip.loadAsync(fs.readFileSync(sppkg));
  });

  async function assetText(file: string): Promise<string> {
    return zip.file(`ClientSideAssets/${file}`)!.async('string');
  }

  it('ships Fluent UI once: one file registers its version, and no entry bundle holds it', async () => {
    // Every Fluent UI package registers its version on load (@fluentui/set-version); a copy per
    // bundle is what made each page load Fluent once per web part bundle.
    const withFluent: string[] = [];
    for (const file of shipped.gzipBytes.keys()) {
      if ((await assetText(file)).includes('"@fluentui/style-utilities"')) withFluent.push(file);
    }
    expect(withFluent).toHaveLength(1);
    const entryFiles = shipped.chunkGroups.filter((g) => g.entry).flatMap((g) => g.files);
    expect(entryFiles.length).toBeGreaterThan(0);
    expect(entryFiles).not.toContain(withFluent[0]);
  });

  it.each(HUB_PAGES.map((p) => [p.key, p] as const))('the %s page loads one PMO Hub entry bundle for all its web parts', (_key, page) => {
    const w = pageWeight(shipped, entries, page.webParts.map((p) => p.manifestId), 'sv-SE');
    const entryFiles = new Set(shipped.chunkGroups.filter((g) => g.entry).flatMap((g) => g.files));
    expect(w.files.filter((f) => entryFiles.has(f))).toHaveLength(1);
    expect(w.files.some((f) => /_sv-se_/.test(f))).toBe(true);
    expect(w.files.some((f) => /_en-us_/.test(f))).toBe(false);
    // The components are chunks of their own: the page loads more than the entry bundle.
    const entryKb = [...entryFiles].reduce((sum, f) => sum + (shipped.gzipBytes.get(f) ?? 0), 0) / 1024;
    expect(w.firstRenderGzipKb).toBeGreaterThan(entryKb + 10);
  });

  it('a page loads its own web parts\' strings in its language, and no other web part\'s', () => {
    const projects = HUB_PAGES.find((p) => p.key === 'projects');
    const portfolio = HUB_PAGES.find((p) => p.key === 'portfolio');
    if (!projects || !portfolio) throw new Error('no Projects or Portfolio page');
    const strings = (page: typeof projects, locale: string): string[] =>
      pageWeight(shipped, entries, page.webParts.map((p) => p.manifestId), locale).files.filter((f) => /-strings-/.test(f)).map((f) => f.replace(/_[0-9a-f]+\.js$/, ''));
    expect(strings(projects, 'sv-SE').sort()).toEqual(['chunk.project-register-strings-sv-se-js', 'chunk.risks-strings-sv-se-js', 'chunk.status-reports-strings-sv-se-js']);
    expect(strings(portfolio, 'nl-NL').sort()).toEqual(['chunk.portfolio-planning-strings-nl-nl-js', 'chunk.portfolio-strings-nl-nl-js']);
    // The manifests list only the strings every web part shares.
    for (const m of shipped.manifests.values()) {
      expect(Object.entries(m.loaderConfig.scriptResources).filter(([, r]) => r.type === 'localizedPath').map(([k]) => k)).toEqual(['PmoHubCommonStrings']);
    }
  });

  it.each(HUB_PAGES.flatMap((p) => ['en-US', 'sv-SE', 'da-DK', 'nl-NL'].map((l) => [p.key, l, p] as const)))(
    'the %s page in %s loads at most the page budget of JavaScript for its web parts at first render', (_key, locale, page) => {
      const w = pageWeight(shipped, entries, page.webParts.map((p) => p.manifestId), locale);
      expect(w.firstRenderGzipKb).toBeLessThanOrEqual(PAGE_BUDGET_GZIP_KB);
    });
});
