// DESIGN rule 1: the schema is the single source of truth, and "a field's internal name
// as a string literal outside src/schema is a bug". Code outside the schema asks for
// names with `internalName('projects', 'phase')` or `selectFields(...)`.
//
// This test parses every .ts/.tsx file of src/ (less src/schema), tools/cli and tools/hub
// with the TypeScript compiler and fails on any string literal, template literal part or
// JSX text that contains one of the schema's `PMO…` internal names as a whole word —
// `'PMOPhase'`, `'PMOLeader/Title'` and `` `PMOPhase eq '${x}'` `` all count; comments and
// identifiers do not. Test files are not scanned.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { lists } from '../../../src/schema';

const ROOT: string = path.resolve(__dirname, '../../..');
const SCANNED: string[] = ['src', 'tools/cli', 'tools/hub'];
const EXCLUDED_DIRS: string[] = ['src/schema'];

export interface InternalNameHit {
  file: string;
  line: number;
  name: string;
  text: string;
}

function schemaInternalNames(): string[] {
  const names = new Set<string>();
  for (const list of lists) {
    for (const field of list.fields) {
      if (field.internalName.startsWith('PMO')) {
        names.add(field.internalName);
      }
    }
  }
  return Array.from(names).sort();
}

function isTestFile(file: string): boolean {
  return /\.(test|spec)\.tsx?$/.test(file) || file.split(path.sep).includes('__tests__') || file.split(path.sep).includes('__mocks__');
}

function isGenerated(file: string): boolean {
  return /\.(scss|resx)\.ts$/.test(file);
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) {
    return out;
  }
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(ROOT, full).split(path.sep).join('/');
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && EXCLUDED_DIRS.indexOf(rel) < 0) {
        sourceFiles(full, out);
      }
    } else if (/\.tsx?$/.test(entry.name) && !isTestFile(full) && !isGenerated(full)) {
      out.push(full);
    }
  }
  return out;
}

/** The texts of every string-like literal in `source` with their line numbers. */
function literalTexts(fileName: string, source: string): { line: number; text: string }[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      found.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Literals of `source` that spell one of `names` as a whole word. */
export function findInternalNameLiterals(fileName: string, source: string, names: readonly string[]): InternalNameHit[] {
  const wanted = new Set(names);
  const hits: InternalNameHit[] = [];
  for (const literal of literalTexts(fileName, source)) {
    // Whole words only: 'PMOPhase' and 'PMOPhase/Id' match, 'PMOPhaseX' and 'Lists/PMOProjects' do not.
    for (const word of literal.text.match(/[A-Za-z0-9_]+/g) || []) {
      if (wanted.has(word)) {
        hits.push({ file: fileName, line: literal.line, name: word, text: literal.text });
      }
    }
  }
  return hits;
}

describe('field internal names appear only in src/schema', () => {
  const names = schemaInternalNames();

  it('the schema declares PMO-prefixed internal names to look for', () => {
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      expect(name).toMatch(/^PMO[A-Za-z0-9]+$/);
    }
  });

  it('the scanner finds names in strings, templates and JSX, not in comments or identifiers', () => {
    const sample = [
      "// PMOPhase in a comment is fine",
      'const PMOPhaseLabel = 1;',
      "const a = 'PMOPhase';",
      "const b = `PMOLeader/Title`;",
      "const c = `PMOPhase eq '${PMOPhaseLabel}'`;",
      "const d = 'PMOPhaseX and Lists/PMOProjects';",
      'const e = <span title="x">PMOLeader</span>;'
    ].join('\n');
    const hits = findInternalNameLiterals('sample.tsx', sample, ['PMOPhase', 'PMOLeader']);
    expect(hits.map((h) => `${h.line}:${h.name}`)).toEqual(['3:PMOPhase', '4:PMOLeader', '5:PMOPhase', '7:PMOLeader']);
  });

  it(`no .ts/.tsx file in ${SCANNED.join(', ')} (outside src/schema, tests excluded) spells one`, () => {
    const files = SCANNED.reduce<string[]>((all, dir) => sourceFiles(path.join(ROOT, dir), all), []);
    expect(files.length).toBeGreaterThan(0);
    const hits = files.reduce<InternalNameHit[]>(
      (all, file) => all.concat(findInternalNameLiterals(file, fs.readFileSync(file, 'utf8'), names)),
      []
    );
    const report = hits.map(
      (h) => `${path.relative(ROOT, h.file)}:${h.line}: '${h.name}' in ${JSON.stringify(h.text.slice(0, 80))}` +
        ' — use internalName()/selectFields() from src/schema'
    );
    expect(report).toEqual([]);
  });
});
