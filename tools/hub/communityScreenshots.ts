import fs from 'fs';
import path from 'path';
import { startLocalSharePoint } from '../local-sharepoint/src/server';
import { buildHub } from './build';
import { hubStaticHandler, DEFAULT_SITE_PATH } from './server';
import { prepareDemoSite } from './demo';
import { launchChromium, settleAnimations } from './chromium';
import { DEMO_NOW, pinClock, withCalendarClock } from '../../test/fixtures/demoClock';

/**
 * The README's pictures of the Community page (docs/images/community-*.png) on a fresh demo
 * site, in English. Run again after a visible change:
 *   npx tsx tools/hub/communityScreenshots.ts [output folder]
 */
async function main(outDir: string): Promise<void> {
  // The pictures show the demo on its own day (the tests' DEMO_NOW), whatever day they are retaken:
  // "the next quarterly meeting" is then always the seeded Q4 one.
  pinClock(DEMO_NOW);
  const built = await buildHub({ outDir: path.resolve(__dirname, '../../temp/hub-screenshot') });
  const server = await startLocalSharePoint({ data: ':memory:', port: 0, staticHandler: hubStaticHandler(built.outDir) });
  const browser = await launchChromium();
  try {
    await prepareDemoSite(`${server.url}${DEFAULT_SITE_PATH}`);
    fs.mkdirSync(outDir, { recursive: true });
    const shoot = async (user: string, name: string, act: (page: import('playwright-core').Page) => Promise<import('playwright-core').Locator>, locale: string = 'en-US'): Promise<void> => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
      const time = Date.now();
      await withCalendarClock(() => context.clock.install({ time }));
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
    // The forms, each in a language whose way of writing dates and times it shows.
    await shoot('pmo', 'community-event-form.png', async (page) => {
      await page.getByRole('button', { name: 'Nyt arrangement' }).click();
      const panel = page.getByRole('dialog', { name: 'Nyt arrangement' });
      await panel.getByLabel(/^Titel/).fill('Kvartalsmøde Q1 2027');
      await panel.getByLabel(/^Start$/).fill('15.01.2027');
      await panel.getByLabel(/^Start: klokkeslæt/).fill('14.30');
      await panel.getByLabel(/^Slut$/).fill('15.01.2027');
      await panel.getByLabel(/^Slut: klokkeslæt/).fill('16,00');
      await panel.getByLabel(/^Sted/).fill('Mødelokale 3, Aarhus');
      await panel.getByRole('button', { name: 'Gem', exact: true }).click();
      // A time that cannot be read is an error under its field, nothing is saved.
      await panel.getByText(/Det er ikke et klokkeslæt/).waitFor();
      return page.locator('.ms-Panel-main');
    }, 'da-DK');
    await shoot('leader', 'community-sparring-request.png', async (page) => {
      await page.getByRole('button', { name: 'Sparring aanvragen: Lars Nielsen' }).click();
      const panel = page.getByRole('dialog', { name: /Lars Nielsen/ });
      await panel.getByLabel(/^Onderwerp/).fill('Stuurgroep voor het dataplatform');
      await panel.getByLabel(/^Voorkeursdatum/).fill('01-02-2027');
      await panel.getByLabel(/^Bericht/).fill('Kunnen we het hebben over de "stop"-beslissingen?');
      return page.locator('.ms-Panel-main');
    }, 'nl-NL');
  } finally {
    await browser.close();
    await server.close();
  }
}

main(path.resolve(process.argv[2] ?? path.join(__dirname, '../../docs/images'))).catch((e: unknown) => {
  console.error(`community screenshots: ${(e as Error).message}`);
  process.exitCode = 1;
});
