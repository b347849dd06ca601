import fs from 'fs';
import vm from 'vm';
import type { Plugin } from 'esbuild';

/**
 * SPFx localisation files are AMD modules (`define([], function () { return {...}; })`) that
 * the SPFx loader picks per UI language at run time. The local hub switches language
 * without a reload, so it bundles all four: this plugin evaluates each `loc/*.js` file at
 * build time with a `define` shim, in a context that holds nothing else (a strings file
 * cannot reach Node), and hands esbuild the value as `module.exports`. A file that is not a
 * single dependency-free `define` fails the build instead of the page.
 */
export function evaluateAmdStrings(source: string, fileName: string): unknown {
  const values: unknown[] = [];
  const define = (...args: unknown[]): void => {
    const rest = typeof args[0] === 'string' ? args.slice(1) : args;
    const deps = Array.isArray(rest[0]) ? (rest.shift() as unknown[]) : [];
    if (deps.length) throw new Error(`${fileName}: define() with dependencies (${deps.join(', ')}) cannot be bundled into the local hub.`);
    const factory = rest[0];
    values.push(typeof factory === 'function' ? (factory as () => unknown)() : factory);
  };
  (define as unknown as { amd: object }).amd = {};
  vm.runInNewContext(source, { define }, { filename: fileName, timeout: 1000 });
  if (values.length !== 1) throw new Error(`${fileName}: expected exactly one define() call, found ${values.length}.`);
  return values[0];
}

export function amdLocPlugin(): Plugin {
  return {
    name: 'pmohub-amd-loc',
    setup(build) {
      build.onLoad({ filter: /[\\/]loc(-[\w-]+)?[\\/][^\\/]+\.js$/ }, async (args) => {
        const source = await fs.promises.readFile(args.path, 'utf8');
        try {
          const value = evaluateAmdStrings(source, args.path);
          return { contents: `module.exports = ${JSON.stringify(value)};`, loader: 'js' };
        } catch (e) {
          return { errors: [{ text: (e as Error).message }] };
        }
      });
    }
  };
}
