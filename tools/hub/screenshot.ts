import fs from 'fs';
import path from 'path';
import { startLocalSharePoint } from '../local-sharepoint/src/server';
import { buildHub } from './build';
import { hubStaticHandler, DEFAULT_SITE_PATH } from './server';
import { prepareDemoSite } from './demo';
import { launchChromium, settleAnimations } from './chromium';

/**
 * The README's picture of the hub (docs/images/hub-projects.png): the Projects page of a fresh
 * demo site as the project leader, in English. Run again after a visible change:
 *   npx tsx tools/hub/screenshot.ts [output.png]
 */
async function main(out: string): Promise<void> {
  const built = await buildHub({ outDir: path.resolve(__dirname, '../../temp/hub-screenshot') });
  const server = await startLocalSharePoint({ data: ':memory:', port: 0, staticHandler: hubStaticHandler(built.outDir) });
  const browser = await launchChromium();
  try {
    await prepareDemoSite(`${server.url}${DEFAULT_SITE_PATH}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await context.addCookies([{ name: 'pmohub-user', value: 'leader', url: server.url }]);
    const page = await context.newPage();
    await page.goto(`${server.url}${DEFAULT_SITE_PATH}/SitePages/Projects.aspx`);
    await page.getByText(/^\d+ of \d+ projects$/).waitFor();
    await settleAnimations(page);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`Wrote ${path.relative(process.cwd(), out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KiB).`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main(path.resolve(process.argv[2] ?? path.join(__dirname, '../../docs/images/hub-projects.png'))).catch((e: unknown) => {
  console.error(`screenshot: ${(e as Error).message}`);
  process.exitCode = 1;
});
