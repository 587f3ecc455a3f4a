import { expect, type Page, test } from '@playwright/test';
import { createApprovedAnalyst } from './support/accounts';
import { launchWithExtension } from './support/browser';
import { startPageServer } from './support/pages';
import { openPopup, openTab, signIn } from './support/popup';
import { startServer } from './support/server';

const HOSTILE_TITLE = '<img src=x onerror="window.pwned=1;alert(1)">';
const HOSTILE_NOTE = '<img src=x onerror="window.pwned=2;alert(2)"><script>window.pwned=3</script>';

/** Fails on any sign that markup from the page or the note ran in the popup. */
async function expectInert(popup: Page, dialogs: string[]) {
  await expect(popup.locator('img')).toHaveCount(0);
  await expect(popup.locator('#app script')).toHaveCount(0);
  expect(await popup.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
}

test('a hostile page title and note are shown as text in the form and in the review list', async () => {
  const server = await startServer();
  const pages = await startPageServer({ evil: { title: HOSTILE_TITLE, body: '<p>page</p>' } });
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const popup = await openPopup(browser, await openTab(browser, pages.url('evil')));
    const dialogs: string[] = [];
    popup.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(popup, server.url, analyst);

    await expect(popup.getByTestId('page-title')).toHaveText(HOSTILE_TITLE);
    await popup.locator('input[name=topic][value=other]').check();
    await popup.locator('textarea[name=note]').fill(HOSTILE_NOTE);
    await popup.getByTestId('save').click();
    await expect(popup.getByTestId('saved')).toBeVisible();
    await expectInert(popup, dialogs);

    await popup.getByTestId('tab-pending').click();
    const item = popup.getByTestId('report-item');
    await expect(item.getByTestId('report-title')).toHaveText(HOSTILE_TITLE);
    await expect(item.getByTestId('report-note')).toHaveText(HOSTILE_NOTE);
    await expectInert(popup, dialogs);

    // And once more in the form that edits it.
    await item.getByRole('button', { name: 'Edit' }).click();
    await expect(popup.locator('textarea[name=note]')).toHaveValue(HOSTILE_NOTE);
    await expect(popup.getByTestId('page-title')).toHaveText(HOSTILE_TITLE);
    await expectInert(popup, dialogs);
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});
