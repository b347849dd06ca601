import fs from 'fs';
import path from 'path';
import { startLocalSharePoint } from '../local-sharepoint/src/server';
import { buildHub } from './build';
import { hubStaticHandler, DEFAULT_SITE_PATH } from './server';
import { prepareDemoSite } from './demo';
import { launchChromium, settleAnimations } from './chromium';

/**
 * The README's pictures of the portfolio overview (docs/images/portfolio-*.png): the Portfolio
 * page of a fresh demo site as the PMO member, in English, unfiltered and filtered by unit.
 *   npx tsx tools/hub/portfolioScreenshot.ts [output folder]
 */
async function main(outDir: string): Promise<void> {
  const built = await buildHub({ outDir: path.resolve(__dirname, '../../temp/hub-screenshot-portfolio') });
  const server = await startLocalSharePoint({ data: ':memory:', port: 0, staticHandler: hubStaticHandler(built.outDir) });
  const browser = await launchChromium();
  try {
    await prepareDemoSite(`${server.url}${DEFAULT_SITE_PATH}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await context.addCookies([{ name: 'pmohub-user', value: 'pmo', url: server.url }]);
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') console.error(`browser: ${m.text()}`); });
    await page.goto(`${server.url}${DEFAULT_SITE_PATH}/SitePages/Portfolio.aspx`);
    await page.getByText(/^\d+ of \d+ projects$/).first().waitFor();
    await page.locator('.ct-line').first().waitFor();
    await settleAnimations(page);
    fs.mkdirSync(outDir, { recursive: true });
    const full = path.join(outDir, 'portfolio-overview.png');
    await page.screenshot({ path: full, fullPage: true });
    console.log(`Wrote ${path.relative(process.cwd(), full)}.`);
    await page.getByRole('combobox', { name: 'Unit' }).click();
    await page.locator('.ms-Dropdown-callout').getByText('Digital Services', { exact: true }).click();
    await page.keyboard.press('Escape');
    await settleAnimations(page);
    const top = path.join(outDir, 'portfolio-filtered.png');
    await page.screenshot({ path: top });
    console.log(`Wrote ${path.relative(process.cwd(), top)}.`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main(path.resolve(process.argv[2] ?? path.join(__dirname, '../../docs/images'))).catch((e: unknown) => {
  console.error(`screenshot: ${(e as Error).message}`);
  process.exitCode = 1;
});
