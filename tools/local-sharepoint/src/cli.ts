#!/usr/bin/env node
import fs from 'fs';
import path from 'path';
import { Command, InvalidArgumentError } from 'commander';
import { startLocalSharePoint } from './server';
import { DIRECTORY } from './directory';

function int(name: string, min: number, max: number): (v: string) => number {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}.`);
    return n;
  };
}

function rate(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('must be a number from 0 to 1, e.g. 0.3 for 30 %.');
  return n;
}

const program = new Command()
  .name('local-sharepoint')
  .description('A SharePoint-REST-compatible server on an embedded database, for development and tests only.')
  .option('--port <port>', 'port to listen on', int('--port', 0, 65535), 4321)
  .option('--host <host>', 'address to listen on (loopback unless you really mean otherwise)', '127.0.0.1')
  .option('--data <file>', 'SQLite file that keeps the sites between runs', '.local-sharepoint/pmo-hub.db')
  .option('--memory', 'keep nothing: an in-memory database')
  .option('--site <path...>', 'sites to create if missing, e.g. /sites/pmo', ['/sites/pmo'])
  .option('--no-threshold', 'switch off the 5,000-item list view threshold (SharePoint Online cannot)')
  .option('--throttle <rate>', 'answer this share of requests with 429 and Retry-After', rate, 0)
  .option('--retry-after <seconds>', 'Retry-After seconds for throttled requests', int('--retry-after', 0, 3600), 1)
  .option('--latency <ms>', 'added latency per request', int('--latency', 0, 60000), 0)
  .option('--max-upload-mb <mb>', 'largest single-request upload', int('--max-upload-mb', 1, 250), 250)
  .option('--graph-scopes <scopes>', 'Microsoft Graph delegated scopes granted, comma-separated (the package\'s webApiPermissionRequests)', 'User.ReadBasic.All')
  .action(async (o: { port: number; host: string; data: string; memory?: boolean; site: string[]; threshold: boolean; throttle: number; retryAfter: number; latency: number; maxUploadMb: number; graphScopes: string }) => {
    if (o.memory && program.getOptionValueSource('data') === 'cli') program.error('error: choose --data <file> or --memory, not both.');
    const data = o.memory ? ':memory:' : path.resolve(o.data);
    if (!o.memory) fs.mkdirSync(path.dirname(data), { recursive: true });
    const sites = o.site.map((s) => {
      const p = s.startsWith('/') ? s.replace(/\/+$/, '') : `/sites/${s}`;
      return { path: p, title: p.split('/').pop()?.toUpperCase() ?? 'PMO' };
    });
    try {
      const sp = await startLocalSharePoint({
        data, port: o.port, host: o.host, sites, threshold: o.threshold, maxUploadBytes: o.maxUploadMb * 1024 * 1024,
        chaos: { throttleRate: o.throttle, retryAfterSeconds: o.retryAfter, latencyMs: o.latency },
        graphScopes: o.graphScopes.split(',').map((x) => x.trim()).filter(Boolean),
        log: (l) => process.stderr.write(`${l}\n`)
      });
      const shown = o.host === '127.0.0.1' || o.host === 'localhost' ? `http://localhost:${sp.port}` : `http://${o.host}:${sp.port}`;
      process.stdout.write(`Local SharePoint (development only — no authentication) on ${o.host}:${sp.port}\n`);
      for (const s of sites) process.stdout.write(`  site: ${shown}${s.path}\n`);
      process.stdout.write(`  data: ${o.memory ? 'in memory (nothing is kept)' : data}\n`);
      process.stdout.write(`  act as: header X-PMOHub-User or cookie pmohub-user = ${DIRECTORY.slice(0, 4).map((u) => u.alias).join(' | ')} (default owner)\n`);
      process.stdout.write(`  Microsoft Graph scopes: ${o.graphScopes}\n`);
      if (o.throttle || o.latency) process.stdout.write(`  chaos: ${o.throttle * 100} % throttled, ${o.latency} ms latency\n`);
      const stop = (): void => { void sp.close().then(() => process.exit(0)); };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EADDRINUSE') program.error(`error: port ${o.port} is in use; choose another with --port.`);
      program.error(`error: ${err.message}`);
    }
  });

void program.parseAsync(process.argv);
