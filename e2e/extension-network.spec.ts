import { expect, test } from '@playwright/test';
import { createApprovedAnalyst } from './support/accounts';
import { launchWithExtension } from './support/browser';
import { startPageServer } from './support/pages';
import { openPopup, openTab, signIn } from './support/popup';
import { startServer } from './support/server';

type Seen = { url: string; from: 'worker' | 'page'; page?: string; navigation?: boolean };

test('the extension talks to the configured server only, through a whole session', async () => {
  const server = await startServer();
  const pages = await startPageServer({
    a: { title: 'Онлайн-казино', lang: 'ru' },
    b: { title: 'Мошенники в Караганде' },
  });
  const browser = await launchWithExtension();
  const seen: Seen[] = [];
  // Pages (popup, options, the analyst's tabs) and the service worker alike.
  browser.context.on('request', (request) => {
    const worker = request.serviceWorker();
    seen.push(
      worker
        ? { url: request.url(), from: 'worker' }
        : {
            url: request.url(),
            from: 'page',
            page: request.frame().page().url(),
            navigation: request.isNavigationRequest(),
          },
    );
  });
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const popup = await openPopup(browser, await openTab(browser, pages.url('a')));
    await signIn(popup, server.url, analyst);
    await popup.locator('input[name=topic][value=gambling]').check();
    await popup.getByTestId('save').click();
    await expect(popup.getByTestId('saved-sync')).toHaveText('The server accepted the report.');
    await popup.getByTestId('tab-pending').click();
    await popup.getByTestId('submit-all').click();
    await popup.getByTestId('tab-account').click();
    await expect(popup.getByTestId('account-name')).toContainText(analyst.email);

    const second = await openPopup(browser, await openTab(browser, pages.url('b')));
    await second.locator('textarea[name=note]').fill('Звонят с номера +7 701 234 56 78');
    await expect(second.getByTestId('pd-warning-note')).toBeVisible();
    await second.locator('textarea[name=note]').fill('Звонят мошенники');
    // No topic is ticked for the analyst: the last one is offered.
    await second.getByTestId('topic-offers').locator('[data-topic=gambling]').click();
    await second.getByTestId('save').click();
    await expect(second.getByTestId('saved-sync')).toHaveText('The server accepted the report.');
    await browser.context
      .newPage()
      .then((p) => p.goto(`chrome-extension://${browser.extensionId}/options.html`));
    await expect.poll(() => seen.some((r) => r.url.includes('/api/known-urls'))).toBe(true);

    const extensionOrigin = `chrome-extension://${browser.extensionId}`;
    const pageOrigin = new URL(pages.url('a')).origin;
    const foreign = seen.filter((r) => {
      const origin = new URL(r.url).origin;
      if (origin === server.url || r.url.startsWith(extensionOrigin)) return false;
      // The analyst's own tabs load their pages: that is the browser, not the extension.
      const ownTab = r.from === 'page' && !r.page?.startsWith(extensionOrigin);
      return !(origin === pageOrigin && ownTab && (r.navigation || r.page?.startsWith(pageOrigin)));
    });
    expect(foreign).toEqual([]);
    // The record does include the worker's traffic: pushes and pulls go from there.
    const fromWorker = seen.filter((r) => r.from === 'worker').map((r) => new URL(r.url).pathname);
    expect(fromWorker).toEqual(expect.arrayContaining(['/api/sync/push']));
    expect(seen.filter((r) => r.from === 'worker').every((r) => r.url.startsWith(server.url))).toBe(
      true,
    );
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});
