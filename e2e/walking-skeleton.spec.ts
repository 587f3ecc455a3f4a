import { expect, test } from '@playwright/test';
import { apiLogin, createApprovedAnalyst, pullAll } from './support/accounts';
import { launchWithExtension } from './support/browser';
import { startPageServer } from './support/pages';
import { startServer } from './support/server';

test('a page tagged in the popup is stored by the server', async () => {
  const server = await startServer();
  const pages = await startPageServer({ casino: { title: 'Лучшее онлайн-казино' } });
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const pageUrl = pages.url('casino?utm_source=tg');
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    const tabId = await browser.worker.evaluate(
      async (url) => (await chrome.tabs.query({ url })).at(0)?.id,
      pageUrl,
    );

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('input[name=server]').fill(server.url);
    await popup.locator('input[name=email]').fill(analyst.email);
    await popup.locator('input[name=password]').fill(analyst.password);
    await popup.locator('button[type=submit]').click();
    // The analyst accepted the current policy when registering: the form comes straight away.
    await expect(popup.getByTestId('page-url')).toHaveText(pageUrl);
    await popup.locator('input[name=topic][value=gambling]').check();
    await popup.locator('button[type=submit]').click();
    await expect(popup.getByTestId('saved')).toBeVisible();

    const token = await apiLogin(server.url, analyst);
    await expect
      .poll(async () => (await pullAll(server.url, token)).length, { timeout: 15_000 })
      .toBe(1);
    const [stored] = await pullAll(server.url, token);
    expect(stored).toMatchObject({
      url: pageUrl,
      title: 'Лучшее онлайн-казино',
      topics: ['gambling'],
      status: 'submitted',
      // The key drops tracking parameters and always uses https (url-key.md).
      urlKey: pages.url('casino').replace(/^http:/, 'https:'),
    });
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});
