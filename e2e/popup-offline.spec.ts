import { expect, test } from '@playwright/test';
import { apiLogin, createApprovedAnalyst, pullAll } from './support/accounts';
import { launchWithExtension } from './support/browser';
import { startPageServer } from './support/pages';
import { openPopup, openTab, signIn } from './support/popup';
import { startServer } from './support/server';

test('offline the form still saves, says the report waits, and Submit all sends it later, clearing the offline notice', async () => {
  const server = await startServer();
  const pages = await startPageServer({ one: { title: 'Казино' }, two: { title: 'Ещё казино' } });
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const first = await openPopup(browser, await openTab(browser, pages.url('one')));
    await signIn(first, server.url, analyst);
    await first.close();

    await server.stop();
    const popup = await openPopup(browser, await openTab(browser, pages.url('two')));
    await expect(popup.getByTestId('offline')).toBeVisible();
    await popup.locator('input[name=topic][value=gambling]').check();
    await popup.getByTestId('save').click();
    await expect(popup.getByTestId('saved')).toBeVisible();
    await expect(popup.getByTestId('saved-sync')).toHaveText(
      'The report will be sent when the server can be reached.',
    );
    await popup.getByTestId('tab-pending').click();
    await expect(popup.getByTestId('section-waiting').getByTestId('report-item')).toHaveCount(1);

    await server.restart();
    await popup.getByTestId('submit-all').click();
    await expect(popup.getByTestId('section-sent').getByTestId('report-item')).toHaveCount(1, {
      timeout: 20_000,
    });
    // The popup stops saying it has no connection as soon as a sync succeeds, not on reopening.
    await expect(popup.getByTestId('offline')).toHaveCount(0);
    const stored = await pullAll(server.url, await apiLogin(server.url, analyst));
    expect(stored.flatMap((r) => (r.deleted ? [] : [r.url]))).toEqual([pages.url('two')]);
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});
