// Every user-visible string exists in en-US, sv-SE, da-DK and nl-NL (DESIGN: "from day one").
// For every src/**/loc/ folder: the four AMD locale files exist, each declares exactly the
// keys of the folder's mystrings.d.ts (nested objects flattened to `A.B`), every value is a
// non-empty string with the same {placeholders} as English, and config/config.json bundles
// the folder under the module name that mystrings.d.ts declares.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { loadAmdFile } from './amd';

const ROOT: string = path.resolve(__dirname, '../../..');
const LOCALES: string[] = ['en-us', 'sv-se', 'da-dk', 'nl-nl'];

function locFolders(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'loc' || entry.name.startsWith('loc-')) {
        out.push(full);
      } else {
        locFolders(full, out);
      }
    }
  }
  return out.sort();
}

interface DeclaredStrings {
  moduleName: string | undefined;
  keys: string[];
}

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : name.getText();
}

function membersToKeys(members: ts.NodeArray<ts.TypeElement>, prefix: string, out: string[]): void {
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !member.name) {
      continue;
    }
    const key = prefix + propertyName(member.name);
    if (member.type && ts.isTypeLiteralNode(member.type)) {
      membersToKeys(member.type.members, `${key}.`, out);
    } else {
      out.push(key);
    }
  }
}

/**
 * The string keys mystrings.d.ts declares: the interface that the ambient module's
 * `strings` constant is typed with (or, failing that, every interface in the file).
 */
function declaredStrings(file: string): DeclaredStrings {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  let moduleName: string | undefined;
  let stringsType: string | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node)) {
      interfaces.set(node.name.text, node);
    } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
      moduleName = node.name.text;
    } else if (ts.isVariableDeclaration(node) && node.type && ts.isTypeReferenceNode(node.type)) {
      stringsType = node.type.typeName.getText(sf);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const typed = stringsType ? interfaces.get(stringsType) : undefined;
  const chosen = typed ? [typed] : Array.from(interfaces.values());
  const keys: string[] = [];
  chosen.forEach((i) => membersToKeys(i.members, '', keys));
  return { moduleName, keys: keys.sort() };
}

/** Flattens nested objects to `A.B` keys; leaves keep their value as is. */
function flatten(value: unknown, prefix: string = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      if (child && typeof child === 'object' && !Array.isArray(child)) {
        flatten(child, `${prefix}${key}.`, out);
      } else {
        out.set(prefix + key, child);
      }
    }
  }
  return out;
}

function placeholders(text: string): string[] {
  return Array.from(new Set(text.match(/\{[A-Za-z0-9_]+\}/g) || [])).sort();
}

function rel(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

const folders = locFolders(path.join(ROOT, 'src'));
/** The web part classes (`*WebPart.ts`), which import their strings. */
const webPartClasses: string[] = (function find(dir: string, out: string[]): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) find(full, out);
    else if (/WebPart\.ts$/.test(e.name)) out.push(full);
  }
  return out;
})(path.join(ROOT, 'src/webparts'), []);
const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'config/config.json'), 'utf8')) as {
  localizedResources?: Record<string, string>;
};

describe('localisation', () => {
  it('finds the loc folders of src/', () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  describe.each(folders.map((f) => [rel(f), f]))('%s', (_name, folder) => {
    const dts = path.join(folder, 'mystrings.d.ts');
    const requireDts = (): void => {
      if (!fs.existsSync(dts)) {
        throw new Error(`${rel(dts)} is missing: a loc folder declares its strings there`);
      }
    };

    it('declares its strings in mystrings.d.ts', () => {
      requireDts();
      const declared = declaredStrings(dts);
      expect(declared.moduleName).toBeTruthy();
      expect(declared.keys.length).toBeGreaterThan(0);
    });

    it('is shipped: the common strings as a localized resource under their module name, a web part\'s own as a chunk per language its class imports', () => {
      requireDts();
      const declared = declaredStrings(dts);
      const mapped = (config.localizedResources || {})[declared.moduleName || ''];
      if (rel(folder) === 'src/common/loc') {
        expect(mapped).toBe(`lib/${rel(folder).replace(/^src\//, '')}/{locale}.js`);
        return;
      }
      // Not a localized resource: SPFx would list it in every web part's manifest (see src/webparts/shared/locStrings.ts).
      expect(mapped).toBeUndefined();
      const importers = webPartClasses.filter((file) => {
        const source = fs.readFileSync(file, 'utf8');
        const m = /import\(\/\* webpackChunkName: '[\w-]+-strings-\[request\]' \*\/ `([^`$]+)\/\$\{file\}\.js`\)/g;
        for (let hit = m.exec(source); hit; hit = m.exec(source)) {
          if (path.resolve(path.dirname(file), hit[1]) === folder) return true;
        }
        return false;
      });
      expect(importers.length).toBeGreaterThan(0);
    });

    it.each(LOCALES)('%s.js has exactly the declared keys, each a non-empty string', (locale) => {
      const file = path.join(folder, `${locale}.js`);
      if (!fs.existsSync(file)) {
        throw new Error(`${rel(file)} is missing: every string needs ${LOCALES.join(', ')}`);
      }
      requireDts();
      const declared = declaredStrings(dts).keys;
      const strings = flatten(loadAmdFile(file));
      const problems: string[] = [];
      declared.filter((k) => !strings.has(k)).forEach((k) => problems.push(`missing key ${k}`));
      Array.from(strings.keys())
        .filter((k) => declared.indexOf(k) < 0)
        .forEach((k) => problems.push(`extra key ${k} (not in mystrings.d.ts)`));
      strings.forEach((value, key) => {
        if (typeof value !== 'string') {
          problems.push(`${key} is ${Array.isArray(value) ? 'an array' : typeof value}, not a string`);
        } else if (value.trim() === '') {
          problems.push(`${key} is empty`);
        }
      });
      expect(problems).toEqual([]);
    });

    it.each(LOCALES.filter((l) => l !== 'en-us'))('%s.js keeps the {placeholders} of en-us.js', (locale) => {
      const file = path.join(folder, `${locale}.js`);
      const english = path.join(folder, 'en-us.js');
      if (!fs.existsSync(file) || !fs.existsSync(english)) {
        throw new Error(`${rel(fs.existsSync(file) ? english : file)} is missing`);
      }
      const en = flatten(loadAmdFile(english));
      const other = flatten(loadAmdFile(file));
      const problems: string[] = [];
      en.forEach((value, key) => {
        const translated = other.get(key);
        if (typeof value === 'string' && typeof translated === 'string') {
          const want = placeholders(value).join(' ');
          const got = placeholders(translated).join(' ');
          if (want !== got) {
            problems.push(`${key}: en-us has [${want}], ${locale} has [${got}]`);
          }
        }
      });
      expect(problems).toEqual([]);
    });
  });
});
