import fs from 'fs';
import path from 'path';
import { startLocalSharePoint } from '../local-sharepoint/src/server';
import { buildHub } from './build';
import { hubStaticHandler, DEFAULT_SITE_PATH } from './server';
import { prepareDemoSite } from './demo';
import { launchChromium, settleAnimations } from './chromium';

/**
 * The README's pictures of the portfolio planning web parts (docs/images/portfolio-*.png): the
 * Portfolio page of a fresh demo site as the PMO member, in English. Run again after a visible change:
 *   npx tsx tools/hub/screenshotPlanning.ts [output-folder]
 */
async function main(outDir: string): Promise<void> {
  const built = await buildHub({ outDir: path.resolve(__dirname, '../../temp/hub-screenshot-planning') });
  const server = await startLocalSharePoint({ data: ':memory:', port: 0, staticHandler: hubStaticHandler(built.outDir) });
  const browser = await launchChromium();
  try {
    await prepareDemoSite(`${server.url}${DEFAULT_SITE_PATH}`);
    fs.mkdirSync(outDir, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await context.addCookies([{ name: 'pmohub-user', value: 'pmo', url: server.url }]);
    const page = await context.newPage();
    await page.goto(`${server.url}${DEFAULT_SITE_PATH}/SitePages/Portfolio.aspx`);
    const roadmap = page.getByRole('region', { name: 'Roadmap', exact: true });
    const heat = page.getByRole('region', { name: 'Portfolio risk heat map', exact: true });
    const criteria = page.getByRole('table', { name: 'Criteria' });
    await criteria.waitFor();
    await heat.getByRole('group', { name: 'Heat map of open risks' }).waitFor();
    // The roadmap with a project's row focused (the keyboard's view of it).
    await roadmap.getByRole('group', { name: /^Roadmap\. / }).getByRole('button').nth(2).focus();
    // A heat map cell chosen: its risks listed under the map.
    await heat.locator('[role="button"][data-band="critical"]').first().click();
    await settleAnimations(page);
    const write = async (file: string, shoot: (out: string) => Promise<unknown>): Promise<void> => {
      const out = path.join(outDir, file);
      await shoot(out);
      console.log(`Wrote ${path.relative(process.cwd(), out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KiB).`);
    };
    await write('portfolio-roadmap.png', (out) => roadmap.screenshot({ path: out }));
    await write('portfolio-risk-heat-map.png', (out) => heat.screenshot({ path: out }));
    // The matrix, the ranked list and the criteria with their edit commands: the whole prioritisation web part.
    await page.setViewportSize({ width: 1280, height: 2400 });
    await settleAnimations(page);
    await write('portfolio-prioritisation.png', (out) => page.locator('[data-webpart="prioritisation"]').screenshot({ path: out }));

    // The criterion form as a Swede types a weight: 12,5.
    const sv = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await sv.addCookies([{ name: 'pmohub-user', value: 'pmo', url: server.url }]);
    const svPage = await sv.newPage();
    await svPage.goto(`${server.url}${DEFAULT_SITE_PATH}/SitePages/Portfolio.aspx`);
    await svPage.getByRole('table', { name: 'Kriterier' }).waitFor();
    await svPage.getByRole('button', { name: 'Lägg till kriterium' }).click();
    const panel = svPage.getByRole('dialog', { name: 'Nytt kriterium' });
    await panel.getByLabel(/^Titel/).fill('Kundnytta');
    await panel.getByLabel(/^Vikt/).fill('12,5');
    await panel.getByLabel(/^Beskrivning/).fill('Vad ger projektet kunderna?');
    await settleAnimations(svPage);
    await write('portfolio-criterion-form.png', (out) => svPage.locator('.ms-Panel-main').screenshot({ path: out }));
    await sv.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

main(path.resolve(process.argv[2] ?? path.join(__dirname, '../../docs/images'))).catch((e: unknown) => {
  console.error(`screenshot: ${(e as Error).message}`);
  process.exitCode = 1;
});
