import fs from 'fs';
import path from 'path';
import { startLocalSharePoint } from '../local-sharepoint/src/server';
import { buildHub } from './build';
import { hubStaticHandler, DEFAULT_SITE_PATH } from './server';
import { prepareDemoSite } from './demo';
import { launchChromium, settleAnimations } from './chromium';

/**
 * The README's pictures of the Community page (docs/images/community-*.png) on a fresh demo
 * site, in English. Run again after a visible change:
 *   npx tsx tools/hub/communityScreenshots.ts [output folder]
 */
async function main(outDir: string): Promise<void> {
  const built = await buildHub({ outDir: path.resolve(__dirname, '../../temp/hub-screenshot') });
  const server = await startLocalSharePoint({ data: ':memory:', port: 0, staticHandler: hubStaticHandler(built.outDir) });
  const browser = await launchChromium();
  try {
    await prepareDemoSite(`${server.url}${DEFAULT_SITE_PATH}`);
    fs.mkdirSync(outDir, { recursive: true });
    const shoot = async (user: string, name: string, act: (page: import('playwright-core').Page) => Promise<import('playwright-core').Locator>): Promise<void> => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      await context.addCookies([{ name: 'pmohub-user', value: user, url: server.url }]);
      const page = await context.newPage();
      await page.goto(`${server.url}${DEFAULT_SITE_PATH}/SitePages/Community.aspx`);
      const target = await act(page);
      await settleAnimations(page);
      const out = path.join(outDir, name);
      await target.screenshot({ path: out });
      console.log(`Wrote ${path.relative(process.cwd(), out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KiB).`);
      await context.close();
    };
    await shoot('leader', 'community-events.png', async (page) => {
      await page.getByRole('heading', { name: 'Quarterly challenge meeting Q4' }).waitFor();
      await page.getByText(/Lessons logged since the last quarterly meeting/).waitFor();
      return page.locator('section[aria-label="Community events"]');
    });
    await shoot('leader', 'community-experts.png', async (page) => {
      await page.getByText(/^\d+ of \d+ experts$/).waitFor();
      await page.getByRole('combobox', { name: 'Certification' }).click();
      await page.getByRole('option', { name: 'PRINCE2' }).click();
      await page.locator('img[src^="data:image"]').first().waitFor();
      // Away from the cards, so no tooltip covers a name.
      await page.mouse.move(1270, 890);
      await page.waitForTimeout(600);
      return page.locator('section[aria-label="Expert directory"]');
    });
    await shoot('pmo', 'community-sparring-pmo.png', async (page) => {
      await page.getByRole('tab', { name: /Open requests/ }).click();
      await page.getByRole('grid', { name: 'Sparring requests' }).waitFor();
      return page.locator('section[aria-label="Expert directory"]');
    });
    await shoot('leader', 'community-lessons.png', async (page) => {
      await page.getByRole('heading', { name: 'Steering group needs decisions, not status' }).waitFor();
      return page.locator('section[aria-label="Lessons learned"]');
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

main(path.resolve(process.argv[2] ?? path.join(__dirname, '../../docs/images'))).catch((e: unknown) => {
  console.error(`community screenshots: ${(e as Error).message}`);
  process.exitCode = 1;
});
