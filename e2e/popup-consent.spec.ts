import { expect, test } from '@playwright/test';
import { apiLogin, createApprovedAnalyst, pullAll } from './support/accounts';
import { launchWithExtension } from './support/browser';
import { startPageServer } from './support/pages';
import { openPopup, openTab, publishPolicy, signIn } from './support/popup';
import { startServer } from './support/server';

test('a new policy version is asked for before reports are sent, and sending resumes once accepted', async () => {
  const server = await startServer();
  const pages = await startPageServer({
    one: { title: 'Финансовая пирамида' },
    two: { title: 'Ещё одна пирамида' },
  });
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const token = await apiLogin(server.url, analyst);
    const popup = await openPopup(browser, await openTab(browser, pages.url('one')));
    await signIn(popup, server.url, analyst);

    // The form is open when the admin publishes a new version: the save stays in the browser.
    await publishPolicy(server.url, '2');
    await popup.locator('input[name=topic][value=financial_pyramid]').check();
    await popup.getByTestId('save').click();
    await expect(popup.getByTestId('saved-sync')).toHaveText(
      'The report will be sent once you accept the new policy version.',
    );
    expect(await pullAll(server.url, token)).toHaveLength(0);
    await popup.close();

    // The next time the popup opens it asks first, in the UI language, with the version.
    const again = await openPopup(browser, await openTab(browser, pages.url('two')));
    const consent = again.getByTestId('consent-screen');
    await expect(consent.getByTestId('policy-text')).toHaveText('Privacy policy, edition 2');
    await expect(consent.getByTestId('policy-version')).toContainText('Version 2');
    await expect(again.getByTestId('save')).toHaveCount(0);
    const transfer = consent.locator('input[name=thirdPartyTransfer]');
    await expect(transfer).not.toBeChecked();

    // "Not now" keeps tagging locally, with a reminder that leads back to the policy.
    await consent.getByRole('button', { name: 'Not now — keep saving locally' }).click();
    await expect(again.getByTestId('consent-reminder')).toContainText(
      'will be sent once you accept it',
    );
    await again.locator('input[name=topic][value=financial_pyramid]').check();
    await again.getByTestId('save').click();
    await expect(again.getByTestId('saved-sync')).toHaveText(
      'The report will be sent once you accept the new policy version.',
    );
    expect(await pullAll(server.url, token)).toHaveLength(0);
    await again.getByTestId('consent-reminder').getByRole('button').click();
    await again.getByTestId('consent-screen').getByRole('button', { name: 'I accept' }).click();

    // Accepted: both queued reports go.
    await expect.poll(async () => (await pullAll(server.url, token)).length).toBe(2);
    await expect(again.getByTestId('consent-reminder')).toHaveCount(0);

    const me = await fetch(`${server.url}/api/me`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json() as Promise<{ consent: unknown }>);
    expect(me.consent).toEqual({ current: true, policyVersion: '2' });
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});
