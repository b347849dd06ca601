// One set-up per web part: each SPFx class loads the composition beside it (a chunk of its own,
// `import()` in onInit) and the base class builds and renders through it; the local hub's
// registry uses that same composition for the same manifest, so the hub holds no copy of any
// web part's set-up.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');

interface Manifest { id: string; alias: string; file: string }

function manifests(dir: string = path.join(ROOT, 'src', 'webparts')): Manifest[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return manifests(full);
    if (!e.name.endsWith('.manifest.json')) return [];
    const parsed = ts.parseConfigFileTextToJson(full, fs.readFileSync(full, 'utf8')).config as { id: string; alias: string };
    return [{ id: parsed.id, alias: parsed.alias, file: full }];
  });
}

/** The module specifiers a file imports, with the names it imports from each. */
function imports(file: string, options: { valuesOnly?: boolean } = {}): Map<string, string[]> {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const out = new Map<string, string[]>();
  for (const st of src.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    // `import type` is erased from the bundle.
    if (options.valuesOnly && st.importClause?.isTypeOnly) continue;
    const names = st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings)
      ? st.importClause.namedBindings.elements.map((e) => e.name.text) : [];
    out.set(path.resolve(path.dirname(file), st.moduleSpecifier.text), names);
  }
  return out;
}

describe('web part compositions', () => {
  const hubFile = path.join(ROOT, 'tools/hub/client/webParts.tsx');
  const hubValueImports = imports(hubFile, { valuesOnly: true });
  const hubText = fs.readFileSync(hubFile, 'utf8');

  it.each(manifests().map((m) => [m.alias, m] as const))('%s: the SPFx class and the hub use the same composition', (_alias, m) => {
    const cls = m.file.replace(/\.manifest\.json$/, '.ts');
    const body = fs.readFileSync(cls, 'utf8');
    // `import(/* webpackChunkName: '…' */ './composition').then((m) => m.xComposition)` in loadComposition.
    const loaded = /protected loadComposition\(\)[^{]*\{\s*return import\(\/\*[^*]*\*\/ '([^']+)'\)\.then\(\(m\) => m\.(\w+Composition)\);/.exec(body);
    expect(loaded).not.toBeNull();
    const module = path.resolve(path.dirname(cls), loaded![1]);
    const composition = loaded![2];
    // Nothing of the composition's module is imported statically: it would pull it into the entry bundle.
    expect([...imports(cls, { valuesOnly: true }).keys()].filter((spec) => spec === module)).toEqual([]);
    // The hub registers the same export of the same module under this manifest's id (a constant of
    // src/pages/hubPages.ts, checked against the manifests there), loaded by import() as SPFx loads it.
    const constant = Object.entries(require('../../../src/pages/hubPages') as Record<string, unknown>).find(([k, v]) => k.endsWith('_MANIFEST_ID') && v === m.id)?.[0];
    expect(constant).toBeDefined();
    const fromHub = path.relative(path.dirname(hubFile), module).split(path.sep).join('/');
    const registered = [...hubText.matchAll(/\[ids\.(\w+)\]: lazy\(async \(\) => \(\{ composition: \(await import\(\/\* webpackChunkName: '[^']+' \*\/ '([^']+)'\)\)\.(\w+),/g)]
      .map((x) => ({ constant: x[1], from: x[2], composition: x[3] }));
    expect(registered).toContainEqual({ constant, from: fromHub, composition });
    // Nothing of the composition's module is imported statically by the hub: every page would load it.
    expect(hubValueImports.has(module)).toBe(false);
  });

  it('leaves the hub no copies of its own', () => {
    for (const gone of ['portfolioWebParts.tsx', 'planningWebParts.tsx']) expect(fs.existsSync(path.join(ROOT, 'tools/hub/client', gone))).toBe(false);
    // No hub file builds a PMO Hub service or renders a web part component itself (the page, its
    // settings and the site's navigation are the host's, as SharePoint's page is).
    for (const f of fs.readdirSync(path.join(ROOT, 'tools/hub/client')).filter((n) => /\.tsx?$/.test(n))) {
      const text = fs.readFileSync(path.join(ROOT, 'tools/hub/client', f), 'utf8');
      expect([f, /new Sp(?!SitePage|HubSettings|SiteNavigation)\w+Service\(/.test(text), /webparts\/[^']+\/components\//.test(text)]).toEqual([f, false, false]);
    }
  });
});
