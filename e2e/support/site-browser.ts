import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { ensureChromium, HEADLESS_ARGS } from './chromium';

/** The hostile strings R6 is proven with: markup that would run script if it were not escaped. */
export const HOSTILE = {
  title: '"><script>window.__xss = 1</script><img src=x onerror=alert(1)>',
  note: '<img src=x onerror=alert(1)> <svg onload=alert(2)></svg> </textarea><script>alert(3)</script>',
  name: '<img src=x onerror=alert(1)> Иван',
} as const;

export type SiteBrowser = {
  browser: Browser;
  /** A new browsing context (its own cookies) with one page; dialogs are recorded, never accepted. */
  newPage(options?: { locale?: string }): Promise<Page>;
  /** Messages of every dialog any page opened: must stay empty. */
  dialogs: string[];
  dispose(): Promise<void>;
};

/** Launches Debian's Chromium headless for the site's pages (no extension). */
export async function launchSiteBrowser(): Promise<SiteBrowser> {
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: [...HEADLESS_ARGS],
  });
  const dialogs: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    browser,
    dialogs,
    async newPage(options = {}) {
      const context = await browser.newContext({ locale: options.locale ?? 'en-US' });
      contexts.push(context);
      const page = await context.newPage();
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      return page;
    },
    async dispose() {
      for (const context of contexts) await context.close();
      await browser.close();
    },
  };
}

/**
 * What hostile input would have left on the page had it become markup: images pointing at `x`,
 * inline event handlers, script elements (but the site's own, served from /static/) and the flag
 * an injected script sets. The CSP would stop inline script anyway; these prove the text was escaped.
 */
export async function injectedMarkup(page: Page) {
  return {
    images: await page.locator('img[src="x"]').count(),
    handlers: await page.locator('[onerror], [onload]').count(),
    scripts: await page.locator('script:not([src^="/static/"])').count(),
    flag: await page.evaluate('window.__xss ?? null'),
  };
}
