import { expect, type Page } from '@playwright/test';
import type { Credentials } from './accounts';
import type { ExtensionBrowser } from './browser';

/** Opens a test page in a tab of its own and returns that tab's id, as the extension sees it. */
export async function openTab(browser: ExtensionBrowser, url: string): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const tabId = await browser.worker.evaluate(
    async (target) => (await chrome.tabs.query({ url: target })).at(0)?.id,
    url,
  );
  if (tabId === undefined) throw new Error(`no tab for ${url}`);
  return tabId;
}

/**
 * The popup for a tab, opened as a page (a popup opened as a tab would see itself as the active
 * tab, hence `?tabId=`); `view=pending` opens the review list.
 */
export async function openPopup(
  browser: ExtensionBrowser,
  tabId: number,
  view?: 'pending',
): Promise<Page> {
  const popup = await browser.context.newPage();
  const query = new URLSearchParams({ tabId: String(tabId), ...(view ? { view } : {}) });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?${query}`);
  return popup;
}

/**
 * Signs in through the popup's form; accepts the current policy if the server asks for it (an
 * analyst accepted the policy of the day when registering) and waits for the form (or, on a page
 * already reported, that report).
 */
export async function signIn(popup: Page, serverUrl: string, who: Credentials) {
  await popup.locator('input[name=server]').fill(serverUrl);
  await popup.locator('input[name=email]').fill(who.email);
  await popup.locator('input[name=password]').fill(who.password);
  await popup.locator('button[type=submit]').click();
  // Once the server has answered, what shows (the form, or the policy to accept) stays.
  await expect(popup.locator('main[data-checked=true]')).toBeVisible();
  const accept = popup.getByTestId('consent-accept');
  // The form, or the report of a page the analyst already tagged.
  const ready = popup.getByTestId('save').or(popup.getByTestId('already-reported'));
  await expect(ready.or(accept)).toBeVisible();
  if (await accept.isVisible()) await accept.click();
  await expect(ready).toBeVisible();
}

// Lives with the other API helpers; re-exported for the specs that take it from here.
export { publishPolicy } from './accounts';
