/**
 * `npm run doctor` (part of `npm test`): the CLI for Microsoft 365's `spfx project doctor`, which
 * compares the project with what its SPFx version (from .yo-rc.json and the @microsoft/sp-*
 * versions) expects: dependency versions, TypeScript, config files. A "Required" finding fails
 * the run, so drift is caught when it happens, not when an admin's build breaks. The CLI is
 * pinned and run through npx rather than installed as a devDependency: it brings ~400 MB of its
 * own dependencies that nothing else in the project needs. It reads local files only: no tenant,
 * no sign-in; telemetry and the update check are switched off.
 */
import { spawnSync } from 'child_process';
import path from 'path';

export const CLI_PACKAGE = '@pnp/cli-microsoft365@11.11.0';

interface Finding { id: string; title: string; description: string; severity: string; resolution: string; file?: string }

const ROOT = path.resolve(__dirname, '../..');
const run = spawnSync('npx', ['--yes', '--package', CLI_PACKAGE, '--', 'm365', 'spfx', 'project', 'doctor', '--output', 'json'], {
  cwd: ROOT,
  encoding: 'utf8',
  env: { ...process.env, CLIMICROSOFT365_NOTELEMETRY: '1', NO_UPDATE_NOTIFIER: '1' },
  maxBuffer: 16 * 1024 * 1024
});
if (run.status !== 0) {
  console.error(`m365 spfx project doctor (${CLI_PACKAGE}) did not run:\n${run.stderr}${run.stdout}`);
  process.exit(1);
}
const findings = JSON.parse(run.stdout) as Finding[];
const required = findings.filter((f) => f.severity === 'Required');
for (const f of findings) console.log(`${f.severity} ${f.id} ${f.title}: ${f.description}\n  fix: ${f.resolution}${f.file ? ` (${f.file})` : ''}`);
console.log(`m365 spfx project doctor (${CLI_PACKAGE}): ${findings.length} finding(s), ${required.length} required`);
process.exit(required.length > 0 ? 1 : 0);
