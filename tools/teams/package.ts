/**
 * `npm run package`, after `gulp package-solution --ship`: writes one Teams app package per web
 * part to sharepoint/solution/teams/<alias>.zip (manifest.json, the two icons, a localisation
 * file per language), files at the zip's root as Teams requires.
 */
import fs from 'fs';
import path from 'path';
import JSZip from 'jszip';
import { ROOT, TEAMS_OUT_DIR, teamsApps } from './teamsApps';

async function main(): Promise<void> {
  fs.rmSync(TEAMS_OUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(TEAMS_OUT_DIR, { recursive: true });
  for (const app of teamsApps()) {
    const zip = new JSZip();
    zip.file('manifest.json', JSON.stringify(app.manifest, null, 2));
    for (const [name, json] of Object.entries(app.localizations)) zip.file(name, JSON.stringify(json, null, 2));
    for (const icon of [app.colorIcon, app.outlineIcon]) zip.file(icon, fs.readFileSync(path.join(ROOT, 'teams', icon)));
    const out = path.join(TEAMS_OUT_DIR, `${app.alias}.zip`);
    fs.writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    console.log(`Teams app: ${path.relative(ROOT, out)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
