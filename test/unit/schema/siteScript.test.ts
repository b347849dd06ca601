import { fieldXml, lists } from '../../../src/schema';
import type { FieldSchema } from '../../../src/schema';
import {
  SITE_SCRIPT_LIMITS,
  SITE_SCRIPT_SCHEMA_URL,
  countActions,
  exportSiteScripts,
  serializeSiteScript,
  siteScriptListName
} from '../../../src/provisioning/siteScript';
import type { SiteScriptAction, SiteScriptFile } from '../../../src/provisioning/siteScript';

// The verbs and parameters of sp-dev-docs' site-design-json-schema.md that the export may use.
const DOCUMENTED: Record<string, readonly string[]> = {
  createSPList: ['verb', 'listName', 'templateType', 'subactions'],
  setDescription: ['verb', 'description'],
  addSPField: ['verb', 'fieldType', 'displayName', 'internalName', 'id', 'isRequired', 'addToDefaultView', 'enforceUnique'],
  addSPFieldXml: ['verb', 'schemaXml', 'addToDefaultView'],
  addSPLookupFieldXml: ['verb', 'schemaXml', 'targetListName', 'targetListUrl', 'addToDefaultView'],
  addSPView: ['verb', 'name', 'viewFields', 'query', 'rowLimit', 'isPaged', 'makeDefault', 'scope', 'formatterJSON']
};
const TOP_LEVEL = ['createSPList'];
const SIMPLE_TYPES = ['Text', 'Note', 'Number', 'Boolean', 'User', 'DateTime'];

/**
 * A small well-formedness check (no XML parser is a dependency): tags balance, names
 * are valid, attribute values are quoted and unique, and every `&` starts an entity.
 */
function wellFormedXml(xml: string, fragment: boolean = false): boolean {
  const name = /^[A-Za-z_][\w.-]*/;
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const textOk = (text: string): boolean => !/[<>]/.test(text) && !/&(?!(amp|lt|gt|quot|apos);)/.test(text);
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = lt < 0 ? xml.slice(i) : xml.slice(i, lt);
    if (!textOk(text) || (!fragment && stack.length === 0 && text.trim() !== '')) {
      return false;
    }
    if (lt < 0) {
      break;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) {
      return false;
    }
    let tag = xml.slice(lt + 1, gt);
    // `>` is escaped inside attribute values by our writer, so the first `>` ends the tag.
    if (tag.startsWith('/')) {
      const closing = tag.slice(1).trim();
      if (stack.pop() !== closing) {
        return false;
      }
    } else {
      const selfClosing = tag.endsWith('/');
      if (selfClosing) {
        tag = tag.slice(0, -1);
      }
      const m = name.exec(tag);
      if (!m) {
        return false;
      }
      let rest = tag.slice(m[0].length);
      const seen: string[] = [];
      while (rest.trim() !== '') {
        const a = /^\s+([A-Za-z_][\w.-]*)="([^"]*)"/.exec(rest);
        if (!a || seen.indexOf(a[1]) >= 0 || !textOk(a[2])) {
          return false;
        }
        seen.push(a[1]);
        rest = rest.slice(a[0].length);
      }
      if (stack.length === 0) {
        roots++;
      }
      if (!selfClosing) {
        stack.push(m[0]);
      }
    }
    i = gt + 1;
  }
  return stack.length === 0 && (fragment || roots === 1);
}

function flatten(files: SiteScriptFile[]): { file: string; action: SiteScriptAction; parent?: SiteScriptAction }[] {
  const out: { file: string; action: SiteScriptAction; parent?: SiteScriptAction }[] = [];
  for (const f of files) {
    for (const action of f.script.actions) {
      out.push({ file: f.fileName, action });
      (action.subactions || []).forEach((sub) => out.push({ file: f.fileName, action: sub, parent: action }));
    }
  }
  return out;
}

describe('the structural XML check', () => {
  it('accepts well-formed and rejects broken XML', () => {
    expect(wellFormedXml('<Field A="1" B="x &amp; y"><CHOICES><CHOICE>a</CHOICE></CHOICES></Field>')).toBe(true);
    expect(wellFormedXml('<Field A="1" />')).toBe(true);
    expect(wellFormedXml('<Field A="1"><CHOICES></Field>')).toBe(false);
    expect(wellFormedXml('<Field A="x & y" />')).toBe(false);
    expect(wellFormedXml('<Field A=1 />')).toBe(false);
    expect(wellFormedXml('<Field A="1" A="2" />')).toBe(false);
    expect(wellFormedXml('<Field>a<b</Field>')).toBe(false);
    expect(wellFormedXml('<A /><B />')).toBe(false);
  });
});

describe('exportSiteScripts', () => {
  const files = exportSiteScripts();
  const flat = flatten(files);

  it('writes documented envelopes with unique, ordered file names', () => {
    expect(files.length).toBeGreaterThan(1);
    files.forEach((f) => {
      expect(Object.keys(f.script)).toEqual(['$schema', 'actions']);
      expect(f.script.$schema).toBe(SITE_SCRIPT_SCHEMA_URL);
      expect(f.fileName).toMatch(/^pmo-hub-v\d+-\d{2}-[a-z]+(-\d+)?\.json$/);
    });
    const names = files.map((f) => f.fileName);
    expect(names.slice().sort()).toEqual(names);
  });

  it('keeps each script within 300 actions (subactions counted) and 100,000 characters', () => {
    for (const f of files) {
      expect([f.fileName, countActions(f.script) <= SITE_SCRIPT_LIMITS.maxActions]).toEqual([f.fileName, true]);
      expect([f.fileName, serializeSiteScript(f.script).length <= SITE_SCRIPT_LIMITS.maxChars]).toEqual([f.fileName, true]);
      expect(JSON.parse(serializeSiteScript(f.script))).toEqual(f.script);
    }
  });

  it('uses only documented verbs and parameters, at the right level', () => {
    for (const { file, action, parent } of flat) {
      const allowed = DOCUMENTED[action.verb];
      expect([file, action.verb, allowed !== undefined]).toEqual([file, action.verb, true]);
      Object.keys(action).forEach((k) => expect([action.verb, k, allowed.indexOf(k) >= 0]).toEqual([action.verb, k, true]));
      expect([action.verb, TOP_LEVEL.indexOf(action.verb) >= 0]).toEqual([action.verb, parent === undefined]);
    }
  });

  it('creates every list with every created field and view, once', () => {
    const created = files
      .map((f) => f.script.actions)
      .reduce((a, b) => a.concat(b), [])
      .map((a) => a.listName as string);
    for (const list of lists) {
      expect(created).toContain(siteScriptListName(list));
      const subs = flat.filter((x) => x.parent && x.parent.listName === siteScriptListName(list)).map((x) => x.action);
      expect(subs.filter((s) => s.verb === 'setDescription')).toEqual([{ verb: 'setDescription', description: list.description }]);
      const fieldIds = subs
        .map((s) => (typeof s.id === 'string' ? s.id : typeof s.schemaXml === 'string' ? /ID="\{([^}]+)\}"/.exec(s.schemaXml)?.[1] : undefined))
        .filter((x): x is string => !!x);
      expect(fieldIds.sort()).toEqual(list.fields.filter((f) => !f.builtIn).map((f) => f.id).sort());
      expect(subs.filter((s) => s.verb === 'addSPView').map((s) => s.name)).toEqual(list.views.map((v) => v.title));
    }
    expect(siteScriptListName(lists.filter((l) => l.key === 'projects')[0])).toBe('PMOProjects');
    expect(siteScriptListName(lists.filter((l) => l.key === 'methodTemplates')[0])).toBe('PMOMethodTemplates');
  });

  it('creates lookup targets before the lookups that use them', () => {
    const seen: string[] = [];
    for (const { action } of flat) {
      if (action.verb === 'createSPList') {
        seen.push(action.listName as string);
      }
      if (action.verb === 'addSPLookupFieldXml') {
        expect(seen).toContain(action.targetListName);
      }
    }
  });

  it('uses addSPField only for the six simple types, and never where it would lose a setting', () => {
    for (const { action } of flat.filter((x) => x.action.verb === 'addSPField')) {
      expect(SIMPLE_TYPES).toContain(action.fieldType);
      expect(action.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const xmlFor = (verb: string): string[] =>
      flat.filter((x) => x.action.verb === verb).map((x) => x.action.schemaXml as string);
    expect(xmlFor('addSPFieldXml').some((x) => x.includes('Name="PMOCode"') && x.includes('Indexed="TRUE"'))).toBe(true);
    expect(xmlFor('addSPLookupFieldXml').every((x) => /Type="Lookup(Multi)?"/.test(x) && !/ List="/.test(x))).toBe(true);
  });

  it('writes well-formed field XML and view queries', () => {
    for (const { action } of flat) {
      if (typeof action.schemaXml === 'string') {
        expect([action.schemaXml, wellFormedXml(action.schemaXml)]).toEqual([action.schemaXml, true]);
      }
      if (action.verb === 'addSPView') {
        const query = action.query as string;
        expect([query, wellFormedXml(query, true)]).toEqual([query, true]);
        expect(action.rowLimit as number).toBeLessThanOrEqual(5000);
        expect((action.viewFields as string[]).length).toBeGreaterThan(0);
      }
    }
  });

  it('escapes special characters in field XML so it stays well-formed', () => {
    const field: FieldSchema = {
      key: 'odd',
      internalName: 'PMOOdd',
      displayName: `Cost & "risk" <'quoted'>`,
      type: 'MultiChoice',
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      since: 1,
      choices: ['R&D', 'a<b', '"x"']
    };
    const xml = fieldXml(field);
    expect(wellFormedXml(xml)).toBe(true);
    expect(xml).toContain('DisplayName="Cost &amp; &quot;risk&quot; &lt;&apos;quoted&apos;&gt;"');
    expect(xml).toContain('<CHOICE>R&amp;D</CHOICE><CHOICE>a&lt;b</CHOICE><CHOICE>&quot;x&quot;</CHOICE>');
  });

  it('splits into more scripts under tighter limits, continuing a list with the same name', () => {
    const small = exportSiteScripts({ maxActions: 20, maxChars: 30000 });
    expect(small.length).toBeGreaterThan(files.length);
    for (const f of small) {
      expect(countActions(f.script)).toBeLessThanOrEqual(20);
      expect(serializeSiteScript(f.script).length).toBeLessThanOrEqual(30000);
    }
    const smallFlat = flatten(small);
    // Same subactions, same order: splitting only moves the boundaries.
    expect(smallFlat.filter((x) => x.parent).map((x) => x.action)).toEqual(flat.filter((x) => x.parent).map((x) => x.action));
    const seen: string[] = [];
    for (const { action } of smallFlat) {
      if (action.verb === 'createSPList') {
        seen.push(action.listName as string);
      }
      if (action.verb === 'addSPLookupFieldXml') {
        expect(seen).toContain(action.targetListName);
      }
    }
    expect(() => exportSiteScripts({ maxActions: 1, maxChars: 100000 })).toThrow(/exceeds the site script limits/);
  });
});
