// The Microsoft Teams app packages (issue 17): one per web part, the shape SharePoint's "Sync to
// Teams" generates, held to Microsoft's Teams manifest JSON schema as shipped in the npm package
// @microsoft/app-manifest (MIT). Checks what `npm run package` wrote (the zips, when present and
// fresh) and, always, what it is built from: the manifests, their localisation files and the icons.
import fs from 'fs';
import path from 'path';
import Ajv from 'ajv';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import {
  ROOT, TEAMS_MANIFEST_VERSION, TEAMS_OUT_DIR, OTHER_LANGUAGES, teamsApps, webPartManifests, type TeamsApp
} from '../../../tools/teams/teamsApps';

const SCHEMAS = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams', `v${TEAMS_MANIFEST_VERSION}`);
const readSchema = (name: string): object => JSON.parse(fs.readFileSync(path.join(SCHEMAS, name), 'utf8')) as object;

// The Teams schemas are draft-04; ajv 6 validates draft-04 once it knows that meta-schema.
const ajv = new Ajv({ schemaId: 'auto', allErrors: true, unknownFormats: 'ignore' });
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json') as object);
const validateManifest = ajv.compile(readSchema('MicrosoftTeams.schema.json'));
const validateLocalization = ajv.compile(readSchema('MicrosoftTeams.Localization.schema.json'));

function errors(validate: typeof validateManifest, json: unknown): string[] {
  return validate(json) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

const apps: TeamsApp[] = teamsApps();

function icon(name: string): PNG {
  return PNG.sync.read(fs.readFileSync(path.join(ROOT, 'teams', name)));
}

describe('Teams app packages', () => {
  it('cover every web part that declares a Teams host, each under its own component id', () => {
    const teamsWebParts = webPartManifests().filter((w) => w.supportedHosts.some((h) => h.startsWith('Teams')));
    expect(teamsWebParts.length).toBe(19);
    expect(apps.map((a) => a.id).sort()).toEqual(teamsWebParts.map((w) => w.id).sort());
  });

  it('the schema catches what it should (a short description over 80 characters)', () => {
    const bad = JSON.parse(JSON.stringify(apps[0].manifest)) as { description: { short: string } };
    bad.description.short = 'x'.repeat(81);
    expect(errors(validateManifest, bad).join('\n')).toMatch(/description\.short/);
  });

  it('use a distinct colour icon and a distinct outline icon per web part', () => {
    const colour = new Set(apps.map((a) => fs.readFileSync(path.join(ROOT, 'teams', a.colorIcon)).toString('base64')));
    const outline = new Set(apps.map((a) => fs.readFileSync(path.join(ROOT, 'teams', a.outlineIcon)).toString('base64')));
    expect(colour.size).toBe(apps.length);
    expect(outline.size).toBe(apps.length);
  });

  describe.each(apps.map((a) => [a.alias, a] as const))('%s', (_alias, app) => {
    it('has a manifest valid against the Teams schema', () => {
      expect(errors(validateManifest, app.manifest)).toEqual([]);
    });

    it('has a localisation file per other UI language, valid against the schema, short texts within Teams limits', () => {
      const info = app.manifest.localizationInfo as { additionalLanguages: Array<{ languageTag: string; file: string }> };
      expect(info.additionalLanguages.map((l) => l.languageTag)).toEqual(OTHER_LANGUAGES);
      for (const l of info.additionalLanguages) {
        const file = app.localizations[l.file];
        expect({ file: l.file, errors: errors(validateLocalization, file) }).toEqual({ file: l.file, errors: [] });
        // The localisation schema allows longer texts than the manifest's own limits, which still apply.
        expect(String(file['name.short']).length).toBeLessThanOrEqual(30);
        expect(String(file['description.short']).length).toBeLessThanOrEqual(80);
      }
    });

    it('has a 192×192 colour icon and a 32×32 outline icon, white on transparent', () => {
      const colour = icon(app.colorIcon);
      expect([colour.width, colour.height]).toEqual([192, 192]);
      const outline = icon(app.outlineIcon);
      expect([outline.width, outline.height]).toEqual([32, 32]);
      let drawn = 0;
      let notWhite = 0;
      for (let i = 0; i < outline.data.length; i += 4) {
        if (outline.data[i + 3] === 0) continue;
        drawn++;
        if (outline.data[i] !== 255 || outline.data[i + 1] !== 255 || outline.data[i + 2] !== 255) notWhite++;
      }
      expect(notWhite).toBe(0);
      // Something is drawn, and the background (the corners) is transparent.
      expect(drawn).toBeGreaterThan(20);
      expect(drawn).toBeLessThan(32 * 32 / 2);
      expect([0, 31 * 4, 31 * 32 * 4, (32 * 32 - 1) * 4].map((o) => outline.data[o + 3])).toEqual([0, 0, 0, 0]);
    });
  });
});

describe('sharepoint/solution/teams/*.zip (written by npm run package)', () => {
  const built = fs.existsSync(TEAMS_OUT_DIR) ? fs.readdirSync(TEAMS_OUT_DIR).filter((f) => f.endsWith('.zip')).sort() : [];

  it('exists for every app (run npm run package first; npm test does)', () => {
    expect(built).toEqual(apps.map((a) => `${a.alias}.zip`).sort());
  });

  it('holds, at the zip root, the manifest as built here, its icons and localisation files', async () => {
    for (const app of apps) {
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(TEAMS_OUT_DIR, `${app.alias}.zip`)));
      expect(Object.keys(zip.files).sort()).toEqual(['manifest.json', app.colorIcon, app.outlineIcon, ...Object.keys(app.localizations)].sort());
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as unknown;
      expect(manifest).toEqual(app.manifest);
      expect(errors(validateManifest, manifest)).toEqual([]);
      expect(Buffer.compare(await zip.file(app.colorIcon)!.async('nodebuffer'), fs.readFileSync(path.join(ROOT, 'teams', app.colorIcon)))).toBe(0);
    }
  });
});
