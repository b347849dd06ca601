/**
 * The JavaScript a browser loads for the PMO Hub web parts on a page, as shipped: read from the
 * `.sppkg` (each web part's manifest names its entry bundle and strings) and from the build's chunk
 * groups (`temp/chunk-groups.json`, written by the gulpfile's webpack plugin: which chunk files each
 * lazily loaded component pulls in). SharePoint's own framework files (React, sp-* libraries) are
 * not counted: every modern page loads them anyway.
 *
 * A chunk requested from a web part class (`*WebPart.js`: the component it renders, the shell of
 * the base class) is loaded at first render; a chunk requested from inside a component (export,
 * preview, the project panels) is loaded on demand and reported apart.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import JSZip from 'jszip';
import * as ts from 'typescript';
import { locFileOf } from '../../src/webparts/shared/locStrings';

/** What a hub page may load for its web parts, gzipped (issue 16): a third of Prosjektportalen's smallest web part. */
export const PAGE_BUDGET_GZIP_KB: number = 250;

export interface ChunkGroup {
  name: string | null;
  entry: boolean;
  files: string[];
  /** Modules (paths relative to the project) whose `import()` loads the group. */
  origins: string[];
  /** Indexes (in the file's array) of the groups whose code loads this one. */
  parents: number[];
}

export interface PageWeight {
  /** Gzipped JavaScript (level 9) needed to render the page's PMO Hub web parts, in KB. */
  firstRenderGzipKb: number;
  files: string[];
  /** Further JavaScript the page's web parts load only on a user's action (export, preview, edit). */
  onDemandGzipKb: number;
}

export interface ShippedPackage {
  /** Gzipped size in bytes of each JavaScript file in ClientSideAssets/. */
  gzipBytes: Map<string, number>;
  /** Component manifests by id. */
  manifests: Map<string, ComponentManifest>;
  chunkGroups: ChunkGroup[];
}

interface ScriptResource {
  type: 'path' | 'localizedPath' | 'component';
  path?: string;
  paths?: Record<string, string>;
  defaultPath?: string;
}

export interface ComponentManifest {
  id: string;
  alias: string;
  loaderConfig: { entryModuleId: string; scriptResources: Record<string, ScriptResource> };
}

function decodeXmlAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

export async function readShippedPackage(sppkgFile: string, chunkGroupsFile: string): Promise<ShippedPackage> {
  if (!fs.existsSync(sppkgFile)) throw new Error(`${sppkgFile} is missing: run \`npm run package\` first`);
  if (!fs.existsSync(chunkGroupsFile)) throw new Error(`${chunkGroupsFile} is missing: run \`npm run package\` first (the gulpfile writes it)`);
  const zip = await JSZip.loadAsync(fs.readFileSync(sppkgFile));
  const gzipBytes = new Map<string, number>();
  const manifests = new Map<string, ComponentManifest>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    if (/^ClientSideAssets\/[^/]+\.js$/.test(name)) {
      const buf = await entry.async('nodebuffer');
      gzipBytes.set(path.posix.basename(name), zlib.gzipSync(buf, { level: 9 }).length);
    } else if (/\/WebPart_[0-9a-f-]{36}\.xml$/i.test(name)) {
      const xml = await entry.async('string');
      const attr = /ComponentManifest="([^"]*)"/.exec(xml);
      if (!attr) throw new Error(`${name} holds no ComponentManifest`);
      const manifest = JSON.parse(decodeXmlAttribute(attr[1])) as ComponentManifest;
      manifests.set(manifest.id, manifest);
    }
  }
  const chunkGroups = JSON.parse(fs.readFileSync(chunkGroupsFile, 'utf8')) as ChunkGroup[];
  // The chunk groups must describe this package, not an older build.
  for (const group of chunkGroups) {
    for (const file of group.files) {
      if (!gzipBytes.has(file)) throw new Error(`${chunkGroupsFile} names ${file}, which ${path.basename(sppkgFile)} does not hold: rebuild with \`npm run package\``);
    }
  }
  return { gzipBytes, manifests, chunkGroups };
}

/** A web part's strings chunk (`<name>-strings-<file>-js`), in the language of `file` if given. */
function isStringsChunk(group: ChunkGroup, file?: string): boolean {
  const m = /-strings-([a-z]{2}-[a-z]{2})(?:-js)?$/.exec(group.name ?? '');
  return !!m && (file === undefined || m[1] === file);
}

/** Web part classes are the modules that load chunks at first render; see the file comment. */
function isWebPartClass(module: string): boolean {
  return /WebPart\.js$/.test(module);
}

/**
 * The page's weight: for each web part, the manifest's own script resources (entry bundle, strings
 * in `locale`), the chunk groups its class loads, and those loaded by the base classes every web
 * part shares (a `*WebPart.js` that is no web part's entry module).
 */
export function pageWeight(pkg: ShippedPackage, webPartEntryModules: Map<string, string>, manifestIds: string[], locale: string): PageWeight {
  const entryModules = new Set(webPartEntryModules.values());
  const first = new Set<string>();
  const classes = new Set<string>();
  for (const id of manifestIds) {
    const manifest = pkg.manifests.get(id);
    if (!manifest) throw new Error(`The package holds no web part ${id}`);
    for (const resource of Object.values(manifest.loaderConfig.scriptResources)) {
      if (resource.type === 'path' && resource.path) first.add(resource.path);
      if (resource.type === 'localizedPath') {
        const file = resource.paths?.[locale] ?? resource.defaultPath;
        if (file) first.add(file);
      }
    }
    const module = webPartEntryModules.get(id);
    if (!module) throw new Error(`config/config.json names no entry module for web part ${id}`);
    classes.add(module);
  }
  // A web part's own strings are a chunk per language (src/webparts/shared/locStrings.ts): only the page's language loads.
  const file = locFileOf(locale);
  const groups = pkg.chunkGroups.map((g) => (isStringsChunk(g) && !isStringsChunk(g, file) ? { ...g, files: [] } : g));
  const atRender = new Set<number>();
  groups.forEach((group, i) => {
    if (!group.entry && group.origins.some((o) => classes.has(o) || (isWebPartClass(o) && !entryModules.has(o)))) atRender.add(i);
  });
  // On demand: what the page's components (or the shared entry's services) can load later.
  const later = new Set<number>();
  let grew = true;
  while (grew) {
    grew = false;
    groups.forEach((group, i) => {
      if (group.entry || atRender.has(i) || later.has(i)) return;
      const fromEntryService = group.parents.some((p) => groups[p]?.entry) && !group.origins.some(isWebPartClass);
      if (fromEntryService || group.parents.some((p) => atRender.has(p) || later.has(p))) {
        later.add(i);
        grew = true;
      }
    });
  }
  for (const i of atRender) for (const f of groups[i].files) first.add(f);
  const onDemand = new Set<string>();
  for (const i of later) for (const f of groups[i].files) onDemand.add(f);
  const kb = (files: Iterable<string>): number =>
    Math.round([...files].reduce((sum, f) => sum + (pkg.gzipBytes.get(f) ?? 0), 0) / 102.4) / 10;
  for (const f of first) onDemand.delete(f);
  for (const f of first) if (!pkg.gzipBytes.has(f)) throw new Error(`The package holds no ${f}, which a web part loads`);
  return { firstRenderGzipKb: kb(first), files: [...first].sort(), onDemandGzipKb: kb(onDemand) };
}

/** Entry module (e.g. `lib/webparts/risks/RisksWebPart.js`) of each web part, by manifest id, from config/config.json and the manifests. */
export function webPartEntryModules(root: string, readJson: (file: string) => Record<string, unknown>): Map<string, string> {
  const config = readJson(path.join(root, 'config/config.json')) as { bundles: Record<string, { components: Array<{ entrypoint: string; manifest: string }> }> };
  const out = new Map<string, string>();
  for (const bundle of Object.values(config.bundles)) {
    for (const c of bundle.components) {
      const manifest = readJson(path.join(root, c.manifest)) as { id: string };
      out.set(manifest.id, path.posix.normalize(c.entrypoint.replace(/^\.\//, '')));
    }
  }
  return out;
}

/** All JavaScript in the package, gzipped, in KB. */
export function packageGzipKb(pkg: ShippedPackage): number {
  return Math.round([...pkg.gzipBytes.values()].reduce((a, b) => a + b, 0) / 102.4) / 10;
}

/** Reads a JSON file that may hold comments (SPFx manifests and config files do). */
export function readJsonWithComments(file: string): Record<string, unknown> {
  const parsed = ts.parseConfigFileTextToJson(file, fs.readFileSync(file, 'utf8'));
  if (parsed.error) throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n')}`);
  return parsed.config as Record<string, unknown>;
}
