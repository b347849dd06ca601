// The solution package as SharePoint receives it: `npm run package` (gulp bundle --ship,
// gulp package-solution --ship) writes sharepoint/solution/pmo-hub.sppkg, and `npm test`
// runs it before jest. This opens the zip and checks the app manifest, the feature, one
// web part definition per src/webparts/**/*.manifest.json with its Teams hosts, the
// bundles and strings in ClientSideAssets/, and the Microsoft Graph permission requests.
// A missing package FAILS (it is never skipped): CI must build it.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { packageGraphScopes } from '../../../tools/hub/graphScopes';

const ROOT: string = path.resolve(__dirname, '../../..');
const SPPKG: string = path.join(ROOT, 'sharepoint/solution/pmo-hub.sppkg');
const REQUIRED_HOSTS: string[] = ['SharePointWebPart', 'SharePointFullPage', 'TeamsTab', 'TeamsPersonalApp'];
const REQUIRED_GRAPH_SCOPES: string[] = ['User.ReadBasic.All'];
// Granted to every SPFx solution of a tenant whose packages are not domain-isolated: "add to my
// calendar" through Graph is an opt-in a tenant admin grants by hand; the .ics download needs nothing.
const FORBIDDEN_GRAPH_SCOPES: string[] = ['Calendars.ReadWrite', 'Calendars.Read', 'User.Read.All', 'Directory.Read.All'];
const UI_LOCALES: string[] = ['en-US', 'sv-SE', 'da-DK', 'nl-NL'];

type Json = Record<string, unknown>;

/** Reads a JSON file that may hold comments (SPFx manifests do). */
function readJsonc(file: string): Json {
  const parsed = ts.parseConfigFileTextToJson(file, fs.readFileSync(file, 'utf8'));
  if (parsed.error) {
    throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n')}`);
  }
  return parsed.config as Json;
}

function manifestFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      manifestFiles(full, out);
    } else if (entry.name.endsWith('.manifest.json')) {
      out.push(full);
    }
  }
  return out.sort();
}

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

interface WebPartManifest {
  file: string;
  id: string;
  alias: string;
  supportedHosts: string[];
}

const solutionConfig = readJsonc(path.join(ROOT, 'config/package-solution.json'));
const solution = solutionConfig.solution as {
  name: string;
  id: string;
  version: string;
  skipFeatureDeployment: boolean;
  developer: { name: string };
  features: { id: string; version: string }[];
  webApiPermissionRequests: { resource: string; scope: string }[];
};
const webParts: WebPartManifest[] = manifestFiles(path.join(ROOT, 'src/webparts'))
  .map((file) => ({ file, json: readJsonc(file) }))
  .filter((m) => m.json.componentType === 'WebPart')
  .map((m) => ({
    file: path.relative(ROOT, m.file),
    id: String(m.json.id),
    alias: String(m.json.alias),
    supportedHosts: (m.json.supportedHosts as string[]) || []
  }));
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

let zip: JSZip | undefined;
let loadError: Error | undefined;

async function text(name: string): Promise<string> {
  const entry = zip && zip.file(name);
  if (!entry) {
    throw new Error(`${name} is not in the package; it holds: ${zip ? Object.keys(zip.files).join(', ') : '-'}`);
  }
  return entry.async('string');
}

function pkg(): JSZip {
  if (loadError) {
    throw loadError;
  }
  return zip as JSZip;
}

beforeAll(async () => {
  const rel = path.relative(ROOT, SPPKG);
  if (!fs.existsSync(SPPKG)) {
    loadError = new Error(`${rel} does not exist: run npm run package first (npm test does it before jest)`);
    return;
  }
  // A package older than what it is built from would test yesterday's solution.
  const built = fs.statSync(SPPKG).mtimeMs;
  const sources = [
    path.join(ROOT, 'config/package-solution.json'),
    path.join(ROOT, 'config/config.json'),
    ...webParts.map((w) => path.join(ROOT, w.file))
  ];
  const newer = sources.filter((f) => fs.statSync(f).mtimeMs > built + 1000);
  if (newer.length > 0) {
    loadError = new Error(
      `${rel} is older than ${newer.map((f) => path.relative(ROOT, f)).join(', ')}: run npm run package first`
    );
    return;
  }
  zip = await JSZip.loadAsync(fs.readFileSync(SPPKG));
});

describe('sharepoint/solution/pmo-hub.sppkg', () => {
  it('exists (run npm run package first)', () => {
    expect(pkg()).toBeDefined();
  });

  it('AppManifest.xml names the solution, its version and tenant-wide deployment', async () => {
    pkg();
    const app = xml.parse(await text('AppManifest.xml')).App as Json;
    expect(app.Name).toBe('PMO Hub');
    expect(app.ProductID).toBe(solution.id);
    expect(app.Version).toBe(solution.version);
    expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(app.IsClientSideSolution).toBe('true');
    // Tenant-wide, so the web parts are available on every site and in Teams without per-site installs.
    expect(app.SkipFeatureDeployment).toBe('true');
    const props = app.Properties as Json;
    expect(props.Title).toBe('PMO Hub');
    const developer = JSON.parse(String(props.DeveloperProperties)) as Json;
    expect(developer.name).toBe('PMO Hub contributors');
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
      expect(String(developer[key])).toMatch(/^https:\/\//);
    }
    const cultures = asArray((props.ShortDescription as Json).LocalizedString as Json[]).map((s) => s.CultureName);
    expect(cultures).toEqual(expect.arrayContaining(['default', ...UI_LOCALES]));
  });

  it('requests only the Microsoft Graph permission the people search needs: no tenant-wide calendar or full-profile scope', async () => {
    pkg();
    const app = xml.parse(await text('AppManifest.xml')).App as Json;
    const requests = asArray((app.WebApiPermissionRequests as Json | undefined)?.WebApiPermissionRequest as Json[]).map(
      (r) => `${r.ResourceId}|${r.Scope}`
    );
    expect(requests).toEqual(expect.arrayContaining(REQUIRED_GRAPH_SCOPES.map((s) => `Microsoft Graph|${s}`)));
    expect(requests.sort()).toEqual(solution.webApiPermissionRequests.map((r) => `${r.resource}|${r.scope}`).sort());
    for (const scope of FORBIDDEN_GRAPH_SCOPES) expect(requests).not.toContain(`Microsoft Graph|${scope}`);
    // The local hub grants its Graph exactly the package's scopes.
    expect(packageGraphScopes().map((s) => `Microsoft Graph|${s}`).sort()).toEqual(requests);
  });

  it('holds the feature with its fixed id and version', async () => {
    pkg();
    expect(solution.features).toHaveLength(1);
    const feature = solution.features[0];
    const parsed = xml.parse(await text(`feature_${feature.id}.xml`)).Feature as Json;
    expect(parsed.Id).toBe(feature.id);
    expect(parsed.Version).toBe(feature.version);
    const rels = await text(`_rels/feature_${feature.id}.xml.rels`);
    for (const webPart of webParts) {
      expect(rels).toContain(`/${feature.id}/WebPart_${webPart.id}.xml`);
    }
  });

  it('defines exactly the web parts of src/webparts', () => {
    const defined = Object.keys(pkg().files)
      .map((name) => /\/WebPart_([0-9a-f-]{36})\.xml$/i.exec(name))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => m[1])
      .sort();
    expect(webParts.length).toBeGreaterThan(0);
    expect(defined).toEqual(webParts.map((w) => w.id).sort());
  });

  describe.each(webParts.map((w) => [w.file, w] as [string, WebPartManifest]))('%s', (_file, webPart) => {
    async function component(): Promise<{ element: Json; manifest: Json }> {
      pkg();
      const feature = solution.features[0];
      const elements = xml.parse(await text(`${feature.id}/WebPart_${webPart.id}.xml`)).Elements as Json;
      const element = elements.ClientSideComponent as Json;
      return { element, manifest: JSON.parse(String(element.ComponentManifest)) as Json };
    }

    it('declares SharePoint and Teams hosts and theme variants', async () => {
      const { element, manifest } = await component();
      expect(element.Id).toBe(webPart.id);
      expect(element.Type).toBe('WebPart');
      expect(manifest.supportedHosts).toEqual(expect.arrayContaining(REQUIRED_HOSTS));
      expect(manifest.supportsThemeVariants).toBe(true);
      expect(manifest.requiresCustomScript).not.toBe(true);
    });

    it('has a title and description in every UI language, a Fluent icon and the PMO Hub group', async () => {
      const { manifest } = await component();
      const entries = manifest.preconfiguredEntries as Json[];
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        expect((entry.group as Json).default).toBe('PMO Hub');
        expect(String(entry.officeFabricIconFontName || entry.iconImageUrl || '')).not.toBe('');
        for (const key of ['title', 'description']) {
          const value = entry[key] as Json;
          for (const locale of ['default', ...UI_LOCALES]) {
            expect({ key, locale, value: String(value[locale] || '').trim() !== '' }).toEqual({ key, locale, value: true });
          }
        }
      }
    });

    it('ships its bundle, strings in every UI language and Teams icons in ClientSideAssets/', async () => {
      const { manifest } = await component();
      const files = pkg().files;
      const loader = manifest.loaderConfig as { entryModuleId: string; scriptResources: Record<string, Json> };
      const missing: string[] = [];
      const asset = (name: string): void => {
        if (!files[`ClientSideAssets/${name}`]) {
          missing.push(name);
        }
      };
      const entry = loader.scriptResources[loader.entryModuleId];
      expect(entry && entry.type).toBe('path');
      for (const [name, resource] of Object.entries(loader.scriptResources)) {
        if (resource.type === 'path') {
          asset(String(resource.path));
        } else if (resource.type === 'localizedPath') {
          const paths = (resource.paths || {}) as Record<string, string>;
          asset(String(resource.defaultPath));
          const locales = Object.keys(paths).map((l) => l.toLowerCase());
          for (const locale of UI_LOCALES) {
            if (locales.indexOf(locale.toLowerCase()) < 0) {
              missing.push(`${name} for ${locale}`);
            }
          }
          Object.keys(paths).forEach((l) => asset(paths[l]));
        }
      }
      if (webPart.supportedHosts.some((h) => h.startsWith('Teams'))) {
        asset(`${webPart.id}_color.png`);
        asset(`${webPart.id}_outline.png`);
      }
      expect(missing).toEqual([]);
    });
  });
});
