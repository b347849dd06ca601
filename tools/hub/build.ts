import fs from 'fs';
import path from 'path';
import { build, type Plugin } from 'esbuild';
import { amdLocPlugin } from './amdLocPlugin';
import { manifestsPlugin } from './manifestsPlugin';
import { HUB_BUNDLE, HUB_DIST_DIR, HUB_FABRIC_CONFIG, HUB_FAVICON, HUB_FONTS_DIR } from './paths';

/** The tab icon: the register's "project collection" tile in SharePoint's default theme blue. */
const FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="#0078d4"/>'
  + '<path d="M8 11h7l2 2h7v10H8z" fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round"/></svg>\n';

/** Web parts' property panes come from their compositions; in the hub SPFx's field factories are a stand-in. */
function propertyPaneStandIn(): Plugin {
  return {
    name: 'pmohub-property-pane-stand-in',
    setup(b) {
      b.onResolve({ filter: /^@microsoft\/sp-property-pane$/ }, () => ({ path: path.join(__dirname, 'client', 'spPropertyPane.ts') }));
    }
  };
}

export interface HubBuildOptions {
  outDir?: string;
  /** Default true: the same minified bundle in tests as for people. */
  minify?: boolean;
}

export interface HubBuildResult {
  outDir: string;
  ms: number;
  /** Size of the JavaScript bundle. */
  bytes: number;
}

/**
 * Bundles the local hub page (React roots of the web parts in a SharePoint-like shell)
 * with esbuild. No SPFx/gulp build is involved, so `npm start` works straight after `npm ci`.
 */
export async function buildHub(options: HubBuildOptions = {}): Promise<HubBuildResult> {
  const started = Date.now();
  const outDir = options.outDir ?? HUB_DIST_DIR;
  fs.mkdirSync(outDir, { recursive: true });
  // Chunk names carry their hash: an earlier build's chunks would pile up beside the new ones.
  fs.rmSync(path.join(outDir, 'chunks'), { recursive: true, force: true });
  await build({
    // fabricConfig is an entry of its own, loaded before the hub: ES modules evaluate their imports
    // (Fluent's shared chunk among them) before their own code, so inside main.tsx it would run
    // after Fluent had created its stylesheet without the page's nonce.
    entryPoints: { [HUB_BUNDLE.replace(/\.js$/, '')]: path.join(__dirname, 'client', 'main.tsx'), [HUB_FABRIC_CONFIG.replace(/\.js$/, '')]: path.join(__dirname, 'client', 'fabricConfig.tsx') },
    // Split as SPFx splits the web parts: the page loads the hub and the chunks of its own web parts
    // (each composition is an import() in webParts.tsx), not every web part's code on every page.
    outdir: outDir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2020',
    minify: options.minify ?? true,
    sourcemap: true,
    // React and Fluent drop their development checks only when NODE_ENV is a literal.
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: path.join(__dirname, 'client', 'tsconfig.json'),
    plugins: [amdLocPlugin(), manifestsPlugin(), propertyPaneStandIn()],
    logLevel: 'silent',
    legalComments: 'linked'
  });
  // Fluent's icon font ships in its package; served from our origin, the page needs no CDN
  // (and its Content-Security-Policy allows fonts from 'self' only).
  // The package exports no package.json; its main file sits one folder below the package root.
  const iconsMain = require.resolve('@fluentui/font-icons-mdl2', { paths: [path.dirname(require.resolve('@fluentui/react'))] });
  const fontsSrc = path.join(path.dirname(iconsMain), '..', 'fonts');
  const fontsOut = path.join(outDir, HUB_FONTS_DIR);
  fs.mkdirSync(fontsOut, { recursive: true });
  for (const f of fs.readdirSync(fontsSrc)) {
    if (f.endsWith('.woff')) fs.copyFileSync(path.join(fontsSrc, f), path.join(fontsOut, f));
  }
  fs.writeFileSync(path.join(outDir, HUB_FAVICON), FAVICON_SVG);
  return { outDir, ms: Date.now() - started, bytes: fs.statSync(path.join(outDir, HUB_BUNDLE)).size };
}

if (require.main === module) {
  buildHub().then((r) => {
    console.log(`Built the local hub into ${path.relative(process.cwd(), r.outDir) || '.'} in ${r.ms} ms (${(r.bytes / 1024).toFixed(0)} KiB of JavaScript).`);
  }, (e: unknown) => {
    console.error(`Hub build failed: ${(e as Error).message}`);
    process.exitCode = 1;
  });
}
