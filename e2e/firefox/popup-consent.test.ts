import { expect, test } from 'vitest';
import { apiLogin, createApprovedAnalyst, publishPolicy, pullAll } from '../support/accounts';
import { launchFirefoxWithExtension } from '../support/firefox';
import {
  check,
  chooseLanguage,
  click,
  clickText,
  fieldOf,
  openPopup,
  openTab,
  signIn,
  textOf,
} from '../support/firefox-extension';
import { startPageServer } from '../support/pages';
import { startServer } from '../support/server';

test('a new policy version is asked for before reports are sent, and sending resumes once accepted', async () => {
  const server = await startServer();
  const pages = await startPageServer({
    one: { title: 'Финансовая пирамида' },
    two: { title: 'Ещё одна пирамида' },
  });
  const fx = await launchFirefoxWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const token = await apiLogin(server.url, analyst);
    const popup = await openPopup(fx, await openTab(fx, pages.url('one')));
    await signIn(popup, server.url, analyst);

    // The form is open when the admin publishes a new version: the save stays in the browser.
    await publishPolicy(server.url, '2');
    await check(popup, 'input[name=topic][value=financial_pyramid]');
    await chooseLanguage(popup, 'ru');
    await click(popup, '[data-testid=save]');
    await expect
      .poll(() => textOf(popup, '[data-testid=saved-sync]'))
      .toBe('The report will be sent once you accept the new policy version.');
    expect(await pullAll(server.url, token)).toHaveLength(0);
    await popup.close();

    // The next time the popup opens it asks first, with the version.
    const again = await openPopup(fx, await openTab(fx, pages.url('two')));
    await expect
      .poll(() => textOf(again, '[data-testid=consent-screen] [data-testid=policy-text]'))
      .toBe('Privacy policy, edition 2');
    expect(await textOf(again, '[data-testid=policy-version]')).toContain('Version 2');
    expect(await textOf(again, '[data-testid=save]')).toBeUndefined();
    expect(await fieldOf(again, 'input[name=thirdPartyTransfer]')).toMatchObject({
      checked: false,
    });
    await clickText(again, '[data-testid=consent-screen] button', 'I accept');

    // Accepted: the queued report goes, and new ones too.
    await expect.poll(async () => (await pullAll(server.url, token)).length).toBe(1);
    await check(again, 'input[name=topic][value=financial_pyramid]');
    await click(again, '[data-testid=save]');
    await expect
      .poll(() => textOf(again, '[data-testid=saved-sync]'))
      .toBe('The server accepted the report.');
    expect(await pullAll(server.url, token)).toHaveLength(2);

    const me = await fetch(`${server.url}/api/me`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json() as Promise<{ consent: unknown }>);
    expect(me.consent).toEqual({ current: true, policyVersion: '2' });
  } finally {
    await fx.dispose();
    await pages.close();
    await server.dispose();
  }
});
