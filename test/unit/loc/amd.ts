// Loads SPFx localisation files outside the SPFx loader. They are AMD modules:
//
//   define([], function() { return { "Key": "Value" }; });
//
// evaluated here in a fresh V8 context whose only global is a `define` shim, so a
// file cannot reach Node (no require, process or module) and must call define once.
// Reusable by tests and Node tools that need the web parts' strings.
import * as fs from 'fs';
import * as vm from 'vm';

export type AmdFactory = (...deps: unknown[]) => unknown;

/** Evaluates AMD source that defines one module without dependencies and returns its value. */
export function evaluateAmd(source: string, fileName: string = 'amd.js'): unknown {
  const definitions: unknown[] = [];
  const define = (...args: unknown[]): void => {
    // define(factoryOrValue) | define(deps, factory) | define(id, deps, factory)
    const rest = typeof args[0] === 'string' ? args.slice(1) : args;
    const deps = Array.isArray(rest[0]) ? (rest.shift() as unknown[]) : [];
    if (deps.length > 0) {
      throw new Error(`${fileName}: define() with dependencies (${deps.join(', ')}) is not supported`);
    }
    const factory = rest[0];
    definitions.push(typeof factory === 'function' ? (factory as AmdFactory)() : factory);
  };
  (define as unknown as { amd: object }).amd = {};
  vm.runInNewContext(source, { define }, { filename: fileName, timeout: 1000 });
  if (definitions.length !== 1) {
    throw new Error(`${fileName}: expected exactly one define() call, got ${definitions.length}`);
  }
  return definitions[0];
}

/** Reads and evaluates an AMD file (e.g. `src/webparts/x/loc/sv-se.js`). */
export function loadAmdFile(file: string): unknown {
  return evaluateAmd(fs.readFileSync(file, 'utf8'), file);
}
