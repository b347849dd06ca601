import type { BrowserContext, Page } from 'playwright-core';

/**
 * Closes a visit's browser context once its page has settled: no request for half a second
 * (Playwright's `networkidle`; at most 60 s). A page goes on reading after the moment a bench
 * times (the trend's 100,000 reports, the change logs, the icon fonts); closed at once, that tail
 * ran on into the next visit, whose first render then shared the two cores with the previous
 * browser's requests and the local SharePoint answering them (the Projects page's new browser:
 * 1.33–1.45 s in visits that waited, 1.72 s in the bench's that did not, same code and hour).
 */
export async function closeWhenSettled(context: BrowserContext, page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
  await context.close();
}
