// One term per concept across all web parts (src/common/loc/GLOSSARY.md): the glossary's tables
// are read here and checked against every src/**/loc*/ folder's four locale files.
import * as fs from 'fs';
import * as path from 'path';
import { loadAmdFile } from './amd';

const ROOT = path.resolve(__dirname, '../../..');
const GLOSSARY = path.join(ROOT, 'src/common/loc/GLOSSARY.md');
const LANGS = ['sv', 'da', 'nl'] as const;
type Lang = (typeof LANGS)[number];
const FILE: Record<Lang | 'en', string> = { en: 'en-us', sv: 'sv-se', da: 'da-dk', nl: 'nl-nl' };

function locFolders(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const full = path.join(dir, e.name);
    if (e.name === 'loc' || e.name.startsWith('loc-')) out.push(full);
    else locFolders(full, out);
  }
  return out.sort();
}

function flatten(o: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object') Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = String(v);
  }
  return out;
}

/** The rows of the Markdown table under a `## heading`, as cells. */
function table(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`GLOSSARY.md has no section "${heading}"`);
  const rows: string[][] = [];
  for (const line of markdown.slice(start).split('\n').slice(1)) {
    if (line.startsWith('## ')) break;
    if (!line.startsWith('|') || /^\|[-| ]+\|$/.test(line)) continue;
    rows.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows.slice(1);
}

/** An exception is a key (`Schedule`) or a folder's key (`community/loc:Schedule`). */
const excepted = (skip: Set<string>, folder: string, key: string): boolean =>
  skip.has(key.toLowerCase()) || Array.from(skip).some((e) => e.includes(':') && `${folder}:${key}`.toLowerCase().endsWith(e));

const alternatives = (cell: string): string[] => cell.split(' / ').map((x) => x.trim().toLowerCase()).filter(Boolean);
const isLetter = (ch: string | undefined): boolean => !!ch && /\p{L}/u.test(ch);

/** `term` starts a word of `text` (case-insensitive): "unit" is in "Units", not in "community". */
function startsWord(text: string, term: string): boolean {
  const t = text.toLowerCase();
  for (let i = t.indexOf(term); i >= 0; i = t.indexOf(term, i + 1)) {
    if (!isLetter(t[i - 1])) return true;
  }
  return false;
}

/** `word` is a whole word of `text` (case-insensitive). */
function hasWord(text: string, word: string): boolean {
  const t = text.toLowerCase();
  for (let i = t.indexOf(word); i >= 0; i = t.indexOf(word, i + 1)) {
    if (!isLetter(t[i - 1]) && !isLetter(t[i + word.length])) return true;
  }
  return false;
}

const markdown = fs.readFileSync(GLOSSARY, 'utf8');
const folders = locFolders(path.join(ROOT, 'src'));
const strings = folders.map((folder) => ({
  folder: path.relative(ROOT, folder),
  byLang: Object.fromEntries((['en', ...LANGS] as const).map((l) => [l, flatten(loadAmdFile(path.join(folder, `${FILE[l]}.js`)) as Record<string, unknown>)])) as Record<Lang | 'en', Record<string, string>>
}));

describe('the glossary', () => {
  const terms = table(markdown, 'Terms');
  const avoid = table(markdown, 'Words we do not use');

  it('has terms and words to avoid, every row complete', () => {
    expect(terms.length).toBeGreaterThan(20);
    expect(avoid.length).toBeGreaterThan(10);
    for (const row of terms) expect(row.slice(0, 5).every(Boolean)).toBe(true);
  });

  it.each(terms.map((r) => [r[0], r] as [string, string[]]))('%s: the same term in every web part and language', (_concept, row) => {
    const [, en, sv, da, nl, except] = row;
    const forms: Record<Lang, string[]> = { sv: alternatives(sv), da: alternatives(da), nl: alternatives(nl) };
    const skip = new Set(alternatives(except ?? '').map((k) => k.toLowerCase()));
    const wrong: string[] = [];
    let uses = 0;
    for (const { folder, byLang } of strings) {
      for (const [key, english] of Object.entries(byLang.en)) {
        if (excepted(skip, folder, key) || !alternatives(en).some((t) => startsWord(english, t))) continue;
        uses++;
        for (const l of LANGS) {
          const text = byLang[l][key] ?? '';
          if (!forms[l].some((f) => text.toLowerCase().includes(f))) wrong.push(`${folder} ${key} (${l}): "${text}" lacks ${forms[l].join(' / ')}`);
        }
      }
    }
    expect(uses).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it.each(avoid.map((r) => [`${r[0]}: ${r[1]}`, r] as [string, string[]]))('%s is not used', (_name, row) => {
    const [lang, word, except] = row;
    const l = lang as Lang;
    const skip = new Set(alternatives(except ?? '').map((k) => k.toLowerCase()));
    const found: string[] = [];
    for (const { folder, byLang } of strings) {
      for (const [key, text] of Object.entries(byLang[l])) {
        if (!excepted(skip, folder, key) && hasWord(text, word.toLowerCase())) found.push(`${folder} ${key}: "${text}"`);
      }
    }
    expect(found).toEqual([]);
  });
});
