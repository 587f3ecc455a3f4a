import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { Credentials } from './accounts';
import { type LocalCounts, readLocalCounts, sessionThroughApi } from './extension';
import { type FirefoxWithExtension, gotoExtensionPage } from './firefox';

/**
 * What page-side code below uses: the DOM, and in the extension's pages Firefox's `browser` API
 * (the e2e project has no DOM types).
 */
type InPage = {
  document: { querySelectorAll(selector: string): ArrayLike<DomElement> };
  browser: Omit<typeof import('@wxt-dev/browser').browser, 'browserAction'> & {
    // Manifest V2's toolbar button, as Firefox has it (promises, no callbacks).
    browserAction: Record<
      'getBadgeText' | 'getTitle',
      (details: { tabId: number }) => Promise<string>
    >;
  };
};
type DomElement = {
  textContent: string | null;
  value?: string;
  checked?: boolean;
  selectedOptions?: ArrayLike<{ textContent: string | null }>;
  getClientRects(): ArrayLike<unknown>;
  focus?(): void;
  select?(): void;
};

/** The id of the tab showing `url`. Firefox's `tabs.query({ url })` misses URLs with a port. */
export async function tabIdOf(fx: FirefoxWithExtension, url: string): Promise<number> {
  const id = await fx.control.evaluate(async (u) => {
    const { browser } = globalThis as unknown as InPage;
    return (await browser.tabs.query({})).find((tab) => tab.url === u)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Opens a test page in a tab of its own and returns that tab's id, as the extension sees it. */
export async function openTab(fx: FirefoxWithExtension, url: string): Promise<number> {
  const page = await fx.browser.newPage();
  await page.goto(url);
  return tabIdOf(fx, url);
}

/**
 * The popup for a tab, opened as a page (a popup opened as a tab would see itself as the active
 * tab, hence `?tabId=`); `view=pending` opens the review list.
 */
export async function openPopup(
  fx: FirefoxWithExtension,
  tabId: number,
  view?: 'pending',
): Promise<Page> {
  const popup = await fx.browser.newPage();
  const query = new URLSearchParams({ tabId: String(tabId), ...(view ? { view } : {}) });
  await gotoExtensionPage(popup, `${fx.origin}/popup.html?${query}`);
  return popup;
}

/** The trimmed texts of the visible elements matching `selector`, in document order. */
export function textsOf(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((s) => {
    const { document } = globalThis as unknown as InPage;
    return Array.from(document.querySelectorAll(s))
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => (e.textContent ?? '').trim());
  }, selector);
}

/** The trimmed text of the first visible element matching `selector` (undefined when none). */
export async function textOf(page: Page, selector: string): Promise<string | undefined> {
  return (await textsOf(page, selector))[0];
}

/**
 * The value and checked state of the first field matching `selector`, and for a select the text of
 * the option chosen.
 */
export function fieldOf(page: Page, selector: string) {
  return page.evaluate((s) => {
    const { document } = globalThis as unknown as InPage;
    const field = document.querySelectorAll(s)[0];
    const chosen = field?.selectedOptions?.[0]?.textContent?.trim();
    return field && { value: field.value, checked: field.checked, chosen };
  }, selector);
}

/** Waits for the first element matching `selector` whose text is exactly `text`, and clicks it. */
export async function clickText(page: Page, selector: string, text: string): Promise<void> {
  const handle = await page.waitForFunction(
    (s, t) => {
      const { document } = globalThis as unknown as InPage;
      return Array.from(document.querySelectorAll(s)).find(
        (e) => (e.textContent ?? '').trim() === t && e.getClientRects().length > 0,
      );
    },
    { polling: 100, timeout: 10_000 },
    selector,
    text,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`no ${selector} reads "${text}"`);
  await element.click();
  await handle.dispose();
}

/** Waits for `selector` to show and clicks it. */
export async function click(page: Page, selector: string): Promise<void> {
  await page.locator(selector).setTimeout(10_000).click();
}

/**
 * Adds a content language from the form's list, as an analyst does when none was read from the
 * page (only a language detected on this page is pre-filled).
 */
export async function chooseLanguage(popup: Page, code: string): Promise<void> {
  await popup.waitForSelector('fieldset select.add', { visible: true, timeout: 10_000 });
  await popup.select('fieldset select.add', code);
}

/** Ticks the checkbox `selector` unless it is ticked already. */
export async function check(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { visible: true, timeout: 10_000 });
  if (!(await fieldOf(page, selector))?.checked) await click(page, selector);
  expect((await fieldOf(page, selector))?.checked).toBe(true);
}

/**
 * Types `value` into the field `selector`, replacing what it held, as a person does: the old text
 * is selected and typed over, so every change is an input event the popup hears. (A fill that
 * empties the field silently is undone by the next render of a field whose value the popup holds.)
 */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.waitForSelector(selector, { visible: true, timeout: 10_000 });
  await page.evaluate((s) => {
    const { document } = globalThis as unknown as InPage;
    const field = document.querySelectorAll(s)[0];
    field?.focus?.();
    field?.select?.();
  }, selector);
  if (value) await page.keyboard.type(value);
  else await page.keyboard.press('Backspace');
  expect((await fieldOf(page, selector))?.value).toBe(value);
}

/**
 * Signs in through the popup's form; accepts the current policy if the server asks for it (an
 * analyst accepted the policy of the day when registering) and waits for the form.
 */
export async function signIn(popup: Page, serverUrl: string, who: Credentials): Promise<void> {
  await fill(popup, 'input[name=server]', serverUrl);
  await fill(popup, 'input[name=email]', who.email);
  await fill(popup, 'input[name=password]', who.password);
  await click(popup, 'button[type=submit]');
  await popup.waitForSelector('main[data-checked=true]', { timeout: 15_000 });
  // The form, or the report of a page the analyst already tagged.
  const ready = '[data-testid=save], [data-testid=already-reported]';
  const shown = await popup.waitForSelector(`${ready}, [data-testid=consent-accept]`, {
    visible: true,
    timeout: 15_000,
  });
  if (await shown?.evaluate((e) => e.matches('[data-testid=consent-accept]'))) {
    await shown?.click();
  }
  await popup.waitForSelector(ready, { visible: true, timeout: 15_000 });
}

/** Signs the extension in without its popup, writing the session where the extension keeps it. */
export async function signInExtension(
  fx: FirefoxWithExtension,
  serverUrl: string,
  who: Credentials,
): Promise<string> {
  const { key, session, token } = await sessionThroughApi(serverUrl, who);
  await fx.control.evaluate(
    async (k, value) => {
      const { browser } = globalThis as unknown as InPage;
      await browser.storage.local.set({ [k]: value });
    },
    key,
    session,
  );
  return token;
}

/** Counts in the extension's own database. */
export function localCounts(fx: FirefoxWithExtension): Promise<LocalCounts> {
  return fx.control.evaluate(readLocalCounts);
}

/** What the toolbar button shows for a tab: the badge text and the tooltip. */
export function badgeOf(fx: FirefoxWithExtension, tabId: number) {
  return fx.control.evaluate(async (id) => {
    const { browser } = globalThis as unknown as InPage;
    return {
      text: await browser.browserAction.getBadgeText({ tabId: id }),
      title: await browser.browserAction.getTitle({ tabId: id }),
    };
  }, tabId);
}

/** When the extension means to try sending again (the `sync-retry` alarm), if it does. */
export function retryScheduledAt(fx: FirefoxWithExtension): Promise<number | undefined> {
  return fx.control.evaluate(async () => {
    const { browser } = globalThis as unknown as InPage;
    return (await browser.alarms.get('sync-retry'))?.scheduledTime;
  });
}
