import fs from 'fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium: browsers cannot be downloaded here (no `playwright install`), so the
 * e2e tests and the screenshot script drive the system one.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: string[] = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'
];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing. Install Debian's Chromium first: apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Waits for every finite animation (Fluent fades rows and panels in), so a screenshot shows
 * the settled page. The code is a string because it runs in the page, and this file is
 * type-checked without DOM types.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(`Promise.all(document.getAnimations()
    .filter((a) => !a.effect || a.effect.getComputedTiming().iterations !== Infinity)
    .map((a) => a.finished.catch(() => undefined))).then(() => undefined)`);
}
