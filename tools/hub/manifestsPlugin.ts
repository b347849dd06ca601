import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import type { Plugin } from 'esbuild';
import type { ToolboxEntry } from './client/toolboxEntry';
import { localised } from './client/toolboxEntry';
export { localised };

export type { ToolboxEntry };

export const MANIFESTS_MODULE = 'pmohub:web-part-manifests';

const WEBPARTS_DIR = path.join(__dirname, '..', '..', 'src', 'webparts');

function manifestFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return manifestFiles(full);
    return e.name.endsWith('.manifest.json') ? [full] : [];
  });
}

/** Every web part manifest under src/webparts, sorted by title; SPFx manifests have comments, which TypeScript's JSON reader accepts. */
export function readToolboxEntries(dir: string = WEBPARTS_DIR): ToolboxEntry[] {
  return manifestFiles(dir).map((file) => {
    const { config, error } = ts.parseConfigFileTextToJson(file, fs.readFileSync(file, 'utf8'));
    if (error || !config) throw new Error(`${file}: not a readable manifest (${ts.flattenDiagnosticMessageText(error?.messageText ?? 'empty', ' ')})`);
    const entry = config.preconfiguredEntries?.[0];
    if (config.componentType !== 'WebPart' || !entry) throw new Error(`${file}: not a web part manifest with a preconfigured entry`);
    return {
      id: String(config.id).toLowerCase(), alias: String(config.alias), iconName: String(entry.officeFabricIconFontName ?? 'WebComponents'),
      title: entry.title, description: entry.description, properties: entry.properties ?? {}
    };
  }).sort((a, b) => a.title.default.localeCompare(b.title.default));
}

/** `import entries from 'pmohub:web-part-manifests'` in the hub's client: the entries above, as JSON. */
export function manifestsPlugin(dir: string = WEBPARTS_DIR): Plugin {
  return {
    name: 'pmohub-web-part-manifests',
    setup(b) {
      b.onResolve({ filter: /^pmohub:web-part-manifests$/ }, () => ({ path: MANIFESTS_MODULE, namespace: 'pmohub-manifests' }));
      b.onLoad({ filter: /.*/, namespace: 'pmohub-manifests' }, () => ({
        contents: JSON.stringify(readToolboxEntries(dir)), loader: 'json', watchFiles: manifestFiles(dir)
      }));
    }
  };
}
