import fs from 'fs';
import path from 'path';
import { Command, InvalidArgumentError } from 'commander';
import { startLocalSharePoint, type LocalSharePoint } from '../local-sharepoint/src/server';
import { packageGraphScopes } from './graphScopes';
import { buildHub } from './build';
import { hubStaticHandler, DEFAULT_SITE_PATH } from './server';
import { prepareDemoSite } from './demo';

const ROOT = path.resolve(__dirname, '../..');
/** Relative to the repository, wherever npm start is run from. */
const DEFAULT_DATA = '.local-sharepoint/pmo-hub.db';

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be an integer from 0 to 65535.');
  return n;
}

function envPort(): number {
  const v = process.env.PORT;
  if (!v) return 4321;
  try {
    return port(v);
  } catch {
    console.error(`npm start: PORT=${v} is not a port number (0 to 65535).`);
    return process.exit(1);
  }
}

interface StartFlags { port: number; data: string; memory?: boolean; dataFromCli?: boolean }

async function main(flags: StartFlags): Promise<void> {
  const started = Date.now();
  const data = flags.memory ? ':memory:' : path.resolve(flags.dataFromCli ? process.cwd() : ROOT, flags.data);
  if (!flags.memory) fs.mkdirSync(path.dirname(data), { recursive: true });
  const firstRun = flags.memory || !fs.existsSync(data);

  const built = await buildHub();
  console.log(`Built the hub page in ${built.ms} ms.`);

  let server: LocalSharePoint;
  try {
    server = await startLocalSharePoint({
      data, port: flags.port, staticHandler: hubStaticHandler(built.outDir), graphScopes: packageGraphScopes(),
      log: (line) => console.error(line)
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new Error(`port ${flags.port} is in use. Stop what runs there, or choose another: npm start -- --port 4322`);
    throw e;
  }

  let stopping = false;
  const stop = (signal: string): void => {
    // A second Ctrl+C while closing means "now".
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`\n${signal}: stopping the local SharePoint…`);
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const siteUrl = `${server.url}${DEFAULT_SITE_PATH}`;
  console.log(firstRun ? 'Provisioning the PMO Hub site and adding the demo data (first run)…' : 'Checking the PMO Hub site is up to date…');
  const demo = await prepareDemoSite(siteUrl, (line) => console.log(line));
  console.log(demo.writes || demo.pagesWritten ? `Provisioned: ${demo.writes} writes and ${demo.pagesWritten} pages in ${demo.provisionMs} ms.` : `Site up to date (checked in ${demo.provisionMs} ms).`);
  if (demo.seeded) console.log(`Demo data: ${Object.entries(demo.added).map(([k, v]) => `${v} ${k}`).join(', ')} (${demo.seedMs} ms).`);

  console.log('');
  console.log(`PMO Hub: ${siteUrl}`);
  console.log('  Development only: anyone who can reach this port can act as any demo user; there is no sign-in.');
  console.log(`  Data: ${flags.memory ? 'in memory (nothing is kept)' : path.relative(process.cwd(), data) || data}. Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Stop with Ctrl+C.`);
}

const program = new Command()
  .name('npm start')
  .description('Builds the local hub page, starts the local SharePoint with it, provisions the site and adds the demo data on the first run.')
  .option('--port <port>', 'port to listen on (also the PORT environment variable)', port, envPort())
  .option('--data <file>', 'SQLite file that keeps the site between runs', DEFAULT_DATA)
  .option('--memory', 'keep nothing: an in-memory database, provisioned and seeded anew')
  .action(async (flags: StartFlags) => {
    if (flags.memory && program.getOptionValueSource('data') === 'cli') program.error('error: choose --data <file> or --memory, not both.');
    try {
      await main({ ...flags, dataFromCli: program.getOptionValueSource('data') === 'cli' });
    } catch (e) {
      console.error(`npm start: ${(e as Error).message}`);
      process.exit(1);
    }
  });

void program.parseAsync(process.argv);
