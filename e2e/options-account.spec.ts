import { expect, test } from '@playwright/test';
import { createApprovedAnalyst } from './support/accounts';
import { launchWithExtension } from './support/browser';
import { startPageServer } from './support/pages';
import { openPopup, openTab, signIn } from './support/popup';
import { startServer } from './support/server';

test('sign-in on the options page serves the popup; sign-out ends the session and keeps reports', async () => {
  const server = await startServer();
  const pages = await startPageServer({ page: { title: 'Незаконная торговля' } });
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Server').fill(server.url);
    await options.getByLabel('E-mail').fill(analyst.email);
    await options.getByLabel('Password').fill(analyst.password);
    await options.getByRole('button', { name: 'Sign in' }).click();
    await expect(options.getByTestId('account-name')).toContainText(analyst.email);
    await expect(options.getByTestId('account-consent')).toHaveText('version 1 accepted');

    // The popup shares the session: straight to the form.
    const popup = await openPopup(browser, await openTab(browser, pages.url('page')));
    await popup.locator('input[name=topic][value=illegal_trade]').check();
    await popup.getByTestId('save').click();
    await expect(popup.getByTestId('saved-sync')).toHaveText('The server accepted the report.');
    const token = await popup.evaluate(
      async () => ((await chrome.storage.local.get('session')).session as { token: string }).token,
    );

    await popup.getByTestId('tab-account').click();
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await expect(popup.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    const meAfter = await fetch(`${server.url}/api/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(meAfter.status).toBe(401);

    // The reports saved in this browser are still there after signing in again.
    await signIn(popup, server.url, analyst);
    await popup.getByTestId('tab-pending').click();
    await expect(popup.getByTestId('section-sent').getByTestId('report-item')).toHaveCount(1);
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});
