import fs from 'fs';
import path from 'path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { connect, explain, CliError, type ConnectOptions } from './connect';
import { computePlan, describeStep, readSite, writesOf } from '../../src/provisioning/plan';
import { planSite, provision, type ApplyResult, type FullPlan } from '../../src/provisioning/apply';
import { describePageStep, pageStepWrites } from '../../src/provisioning/pages';
import { describeNavStep } from '../../src/provisioning/navigation';
import { DEFAULT_PROFILE, PROFILE_KEYS, profilePages } from '../../src/pages/profiles';
import type { PmoProfile } from '../../src/pages/hubPages';
import { pageTextsFor } from './pageTexts';
import { exportSiteScripts, serializeSiteScript } from '../../src/provisioning/siteScript';
import { seed, type SeedScale } from '../../src/provisioning/seed';
import { DEMO_LANGUAGES, type DemoLanguage } from '../../src/provisioning/demoTexts';

interface SiteFlags extends ConnectOptions { site: string; json?: boolean }

function authOptions(cmd: Command): Command {
  return cmd
    .requiredOption('--site <url>', 'the SharePoint site, e.g. https://contoso.sharepoint.com/sites/pmo or http://localhost:4321/sites/pmo')
    .addOption(new Option('--auth <mode>', 'how to sign in').choices(['none', 'certificate', 'device-code']).default('none'))
    .option('--client-id <id>', 'Entra ID app (client) id, for --auth certificate or device-code')
    .option('--tenant <tenant>', 'tenant id or domain, e.g. contoso.onmicrosoft.com')
    .option('--certificate-key <file>', 'PEM private key of the app certificate (--auth certificate)')
    .option('--thumbprint <thumbprint>', 'thumbprint of the app certificate (--auth certificate)')
    .option('--as <user>', 'local SharePoint only: act as a demo user (owner, pmo, leader, visitor)')
    .option('--json', 'print the result as JSON');
}

function log(flags: { json?: boolean }, line: string): void {
  // Progress goes to stderr so --json output on stdout stays parseable.
  process.stderr.write(`${line}\n`);
  void flags;
}

async function run(action: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (e) {
    const err = e instanceof CliError ? e : explain(e, '');
    process.stderr.write(`pmo-hub: ${err.message}\n`);
    process.exitCode = err.exitCode;
  }
}

export function buildProgram(): Command {
  const program = new Command().name('pmo-hub').description('PMO Hub: provision, seed and export a SharePoint site for the PMO.')
    .showHelpAfterError();

  authOptions(program.command('provision').description('create or upgrade every list, library, column, view, index, group and hub page of PMO Hub on a site'))
    .option('--dry-run', 'print the plan and make no changes')
    .addOption(new Option('--profile <profile>', `the kind of PMO the site is for; stored in the site and kept on later runs unless given again (default on a new site: ${DEFAULT_PROFILE})`)
      .choices([...PROFILE_KEYS]))
    .action((flags: SiteFlags & { dryRun?: boolean; profile?: PmoProfile }) => run(async () => {
      const sp = await connect(flags.site, flags);
      let full: FullPlan;
      let texts: Awaited<ReturnType<typeof pageTextsFor>>;
      try {
        texts = await pageTextsFor(sp);
        full = await planSite(sp, { profile: flags.profile, texts });
      } catch (e) {
        throw explain(e, flags.site);
      }
      const { plan, profile } = full;
      const cost = plan.steps.reduce((n, s) => n + writesOf(s), 0);
      const profileChange = full.storedProfile !== profile ? `store PMO profile '${profile}'${full.storedProfile ? ` (was '${full.storedProfile}')` : ''}` : undefined;
      if (flags.dryRun) {
        // A site without the settings list yet gets every page of the profile once the lists exist.
        const pageLines = full.pages
          ? [...full.pages.steps.map((st) => `${pageStepWrites(st) ? '+' : '='} ${describePageStep(st)}`),
            ...full.pages.nav.map((st) => `${st.kind === 'addLink' ? '+' : '='} ${describeNavStep(st)}`)]
          : profilePages(profile).map((pg) => `+ create page ${pg.fileName} (${pg.webParts.length} web parts) and link it in the Quick Launch`);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({
            site: flags.site, schemaVersion: plan.schemaVersion, profile, dryRun: true,
            upToDate: plan.steps.length === 0 && !profileChange && !pageLines.some((l) => l.startsWith('+')),
            plannedWrites: cost, steps: [...plan.steps.map(describeStep), ...(profileChange ? [profileChange] : [])], pages: pageLines, conflicts: plan.conflicts
          }, null, 2)}\n`);
        } else {
          const lines = [...plan.steps.map((s) => `  + ${describeStep(s)}`), ...(profileChange ? [`  + ${profileChange}`] : []), ...pageLines.map((l) => `  ${l}`)];
          process.stdout.write(lines.some((l) => l.startsWith('  +'))
            ? `Plan for ${flags.site}, PMO profile '${profile}' (${plan.steps.length} list and group steps, ${cost} writes; pages below):\n${lines.join('\n')}\n`
            : `${flags.site} is up to date (schema ${plan.schemaVersion}, PMO profile '${profile}').\n${pageLines.map((l) => `  ${l}`).join('\n')}${pageLines.length ? '\n' : ''}`);
          for (const c of plan.conflicts) process.stdout.write(`  ! ${c.message}\n`);
        }
        return plan.conflicts.length ? 2 : 0;
      }
      let result: ApplyResult;
      try {
        result = await provision(sp, {
          profile, texts, onStep: (d, i, n) => log(flags, `[${i + 1}/${n}] ${d}`), onPage: (line) => log(flags, line)
        });
      } catch (e) {
        throw explain(e, flags.site);
      }
      const pages = [...(result.pageSteps ?? []).map(describePageStep), ...(result.navSteps ?? []).map(describeNavStep)];
      const out = {
        site: flags.site, schemaVersion: plan.schemaVersion, profile, upToDate: result.upToDate, writes: result.writes, pagesWritten: result.pagesWritten ?? 0, linksAdded: result.linksAdded ?? 0,
        steps: plan.steps.map(describeStep), pages, conflicts: plan.conflicts
      };
      if (flags.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      else {
        process.stdout.write(result.upToDate
          ? `${flags.site} is up to date (schema ${plan.schemaVersion}, PMO profile '${profile}'); no writes.\n`
          : `Provisioned ${flags.site} for PMO profile '${profile}': ${plan.steps.length} steps, ${result.writes} writes, ${out.pagesWritten} pages written, ${out.linksAdded} Quick Launch links added.\n`);
        for (const line of (result.pageSteps ?? []).filter((st) => !pageStepWrites(st)).map(describePageStep)) process.stdout.write(`  = ${line}\n`);
        for (const line of (result.navSteps ?? []).filter((st) => st.kind !== 'addLink').map(describeNavStep)) process.stdout.write(`  = ${line}\n`);
        for (const c of plan.conflicts) process.stdout.write(`Conflict (left unchanged): ${c.message}\n`);
      }
      return plan.conflicts.length ? 2 : 0;
    }));

  authOptions(program.command('seed').description('fill a provisioned site with demo data (re-running adds nothing twice)'))
    .addOption(new Option('--scale <scale>', 'demo: a believable PMO; large: + 10,000 projects and 100,000 status reports').choices(['demo', 'large']).default('demo'))
    .option('--today <yyyy-mm-dd>', 'date the demo as if seeded on this day (default: today)', isoDay)
    .addOption(new Option('--language <language>', 'the demo\'s language (default: the site\'s); all: the front door texts and news in all four')
      .choices([...DEMO_LANGUAGES, 'all']))
    .action((flags: SiteFlags & { scale: SeedScale; today?: number; language?: DemoLanguage | 'all' }) => run(async () => {
      const sp = await connect(flags.site, flags);
      let state;
      try {
        state = await readSite(sp);
      } catch (e) {
        throw explain(e, flags.site);
      }
      // A site that exists but lacks our lists would answer 404 on the first list, which read as
      // "there is no SharePoint site at that URL": say what is missing and what to run instead.
      const plan = computePlan(state);
      if (plan.steps.length) {
        const created = plan.steps.filter((st) => st.kind === 'createList').length;
        // The demo fills every list; a smaller profile's site lacks some on purpose, and provisioning it again would not add them.
        const profile = created ? (await planSite(sp)).storedProfile : undefined;
        if (profile && profile !== 'enterprise') {
          throw new CliError(`${flags.site} is provisioned for the PMO profile '${profile}', which has fewer lists than the demo data fills (${created} missing). `
            + `Seed a site provisioned with --profile enterprise, or run: pmo-hub provision --site ${flags.site} --profile enterprise`);
        }
        throw new CliError(created
          ? `${flags.site} is a SharePoint site, but PMO Hub is not provisioned on it (${created} lists missing). Run first: pmo-hub provision --site ${flags.site}`
          : `${flags.site} has PMO Hub lists of an older schema (${plan.steps.length} changes to make for schema ${plan.schemaVersion}). Run first: pmo-hub provision --site ${flags.site}`);
      }
      try {
        const r = await seed(sp, flags.scale, (line) => log(flags, line), { now: flags.today, language: flags.language });
        if (flags.json) process.stdout.write(`${JSON.stringify({ site: flags.site, scale: flags.scale, ...r }, null, 2)}\n`);
        else process.stdout.write(`Seeded ${flags.site} (${flags.scale}): ${Object.entries(r.added).map(([k, v]) => `${v} ${k}`).join(', ') || 'nothing new'}.\n`);
        return 0;
      } catch (e) {
        throw explain(e, flags.site);
      }
    }));

  program.command('export').description('write the schema in another form')
    .requiredOption('--site-script <dir>', 'folder for SharePoint site script JSON files (created if missing)')
    .option('--json', 'print the written files as JSON')
    .action((flags: { siteScript: string; json?: boolean }) => run(async () => {
      const dir = path.resolve(flags.siteScript);
      if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new CliError(`${dir} exists and is not a folder.`);
      fs.mkdirSync(dir, { recursive: true });
      const files = exportSiteScripts();
      for (const f of files) fs.writeFileSync(path.join(dir, f.fileName), `${serializeSiteScript(f.script)}\n`);
      if (flags.json) process.stdout.write(`${JSON.stringify(files.map((f) => ({ file: path.join(dir, f.fileName) })), null, 2)}\n`);
      else process.stdout.write(`Wrote ${files.length} site scripts to ${dir}:\n${files.map((f) => `  ${f.fileName}`).join('\n')}\nApply them in order (Add-SPOSiteScript, then Add-SPOSiteDesign / Invoke-SPOSiteDesign).\n`
        + `Site scripts cannot create modern pages, web parts or their connections, groups or permissions, nor store the PMO profile: run afterwards\n`
        + `  pmo-hub provision --site <url> [--profile <profile>]\n`);
      return 0;
    }));
  return program;
}

/** A calendar day as YYYY-MM-DD (a day that exists), as UTC midnight in ms. */
export function isoDay(v: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(t).toISOString().slice(0, 10) !== v) throw new InvalidArgumentError('must be a day written YYYY-MM-DD, e.g. 2027-03-15.');
  return t;
}

export function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer.');
  return n;
}

if (require.main === module || process.argv[1]?.endsWith('pmo-hub.js') || process.argv[1]?.endsWith('pmo-hub')) {
  void buildProgram().parseAsync(process.argv);
}
