import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { startLocalSharePoint } from '../local-sharepoint/src/server';
import { buildHub } from './build';
import { hubStaticHandler, DEFAULT_SITE_PATH } from './server';
import { prepareDemoSite } from './demo';
import { launchChromium, settleAnimations } from './chromium';

/**
 * The README's pictures of the hub (docs/images): a fresh demo site as the project leader, in
 * English. Run again after a visible change:
 *   npx tsx tools/hub/screenshot.ts [output-folder]
 */

/** The demo project every control-loop picture shows (it has status history and risks in several cells). */
const DEMO_PROJECT = { code: 'PMO-2024-001', title: 'Ny kundportal' };

interface Shot {
  file: string;
  /** Taller than the default 800 px when the picture is a long form. */
  height?: number;
  /** Brings the page to what the picture shows; the page starts on the Projects page, loaded. */
  show(page: Page): Promise<void>;
}

async function openDetails(page: Page): Promise<void> {
  await page.getByRole('button', { name: `Open details of ${DEMO_PROJECT.title}`, exact: true }).click();
  await page.getByRole('dialog', { name: `${DEMO_PROJECT.code} · ${DEMO_PROJECT.title}` })
    .getByRole('button', { name: 'Status reports', exact: true }).waitFor();
}

const SHOTS: Shot[] = [
  { file: 'hub-projects.png', show: async () => undefined },
  {
    // Details → Edit: the form with person pickers, money and dates in the user's format.
    file: 'control-loop-edit.png',
    show: async (page) => {
      await openDetails(page);
      await page.getByRole('dialog', { name: `${DEMO_PROJECT.code} · ${DEMO_PROJECT.title}` }).getByRole('button', { name: 'Edit', exact: true }).click();
      await page.getByRole('form', { name: `Edit ${DEMO_PROJECT.title}` }).waitFor();
    }
  },
  {
    // Details → Status reports → New: pre-filled from the previous report, with the trend behind it.
    file: 'control-loop-status-report.png',
    height: 1400,
    show: async (page) => {
      await openDetails(page);
      await page.getByRole('button', { name: 'Status reports', exact: true }).click();
      const reports = page.getByRole('region', { name: `Status reports of ${DEMO_PROJECT.title}` });
      await reports.getByRole('button', { name: 'New status report' }).click();
      await reports.getByRole('form', { name: 'New status report' }).getByRole('radio', { name: 'Overall: Red' }).waitFor({ state: 'attached' });
    }
  },
  {
    // Details → Risks: the project's 5×5 heat map and its risk register.
    file: 'control-loop-risks.png',
    show: async (page) => {
      await openDetails(page);
      await page.getByRole('button', { name: 'Risks', exact: true }).click();
      await page.getByRole('group', { name: 'Heat map of open risks' }).waitFor();
    }
  }
];

async function main(outDir: string): Promise<void> {
  const built = await buildHub({ outDir: path.resolve(__dirname, '../../temp/hub-screenshot') });
  const server = await startLocalSharePoint({ data: ':memory:', port: 0, staticHandler: hubStaticHandler(built.outDir) });
  const browser = await launchChromium();
  try {
    await prepareDemoSite(`${server.url}${DEFAULT_SITE_PATH}`);
    fs.mkdirSync(outDir, { recursive: true });
    for (const shot of SHOTS) {
      const context = await browser.newContext({ viewport: { width: 1280, height: shot.height ?? 800 }, locale: 'en-US' });
      await context.addCookies([{ name: 'pmohub-user', value: 'leader', url: server.url }]);
      const page = await context.newPage();
      await page.goto(`${server.url}${DEFAULT_SITE_PATH}/SitePages/Projects.aspx`);
      await page.getByText(/^\d+ of \d+ projects$/).waitFor();
      await shot.show(page);
      await settleAnimations(page);
      const out = path.join(outDir, shot.file);
      await page.screenshot({ path: out });
      console.log(`Wrote ${path.relative(process.cwd(), out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KiB).`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main(path.resolve(process.argv[2] ?? path.join(__dirname, '../../docs/images'))).catch((e: unknown) => {
  console.error(`screenshot: ${(e as Error).message}`);
  process.exitCode = 1;
});
