import { expect, test } from 'vitest';
import { apiLogin, createApprovedAnalyst, pullAll } from '../support/accounts';
import { launchFirefoxWithExtension } from '../support/firefox';
import {
  check,
  click,
  clickText,
  fieldOf,
  fill,
  openPopup,
  openTab,
  signIn,
  textOf,
  textsOf,
} from '../support/firefox-extension';
import { startPageServer } from '../support/pages';
import { startServer } from '../support/server';

test('a report refused for personal data is explained, fixed in the review list and accepted', async () => {
  const server = await startServer();
  const pages = await startPageServer({ shop: { title: 'Продажа аккаунтов' } });
  const fx = await launchFirefoxWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const pageUrl = pages.url('shop');
    const popup = await openPopup(fx, await openTab(fx, pageUrl));
    await signIn(popup, server.url, analyst);

    await check(popup, 'input[name=topic][value=fraud]');
    await fill(popup, 'textarea[name=note]', 'Продавец, ИИН 880412378771');
    // The same detector as the server's marks it while typing, before anything is queued.
    await expect
      .poll(() => textOf(popup, '[data-testid=pd-warning-note]'))
      .toContain('IIN: 880412378771');
    expect(await textsOf(popup, '[data-testid=pd-warning-note] mark')).toEqual(['880412378771']);
    expect(await textOf(popup, '[data-testid=save]')).toBe('Save anyway');

    // Ignored: saved anyway; the server decides, and refuses.
    await click(popup, '[data-testid=save]');
    await expect
      .poll(() => textOf(popup, '[data-testid=saved-sync]'))
      .toMatch(/^The server refused the report.*personal data/s);

    await click(popup, '[data-testid=tab-pending]');
    const refused = '[data-testid=section-rejected] [data-testid=report-item]';
    await expect.poll(() => textsOf(popup, refused)).toHaveLength(1);
    const rejection = await textOf(popup, `${refused} [data-testid=rejection]`);
    expect(rejection).toContain('The text contains third parties’ personal data');
    expect(rejection).toContain('IIN: 880412378771');

    // Fixed in the form the review list opens, and sent again.
    await clickText(popup, `${refused} button`, 'Edit');
    await expect
      .poll(async () => (await fieldOf(popup, 'textarea[name=note]'))?.value)
      .toBe('Продавец, ИИН 880412378771');
    await fill(popup, 'textarea[name=note]', 'Продавец аккаунтов без лицензии');
    await expect.poll(() => textOf(popup, '[data-testid=pd-warning-note]')).toBeUndefined();
    await click(popup, '[data-testid=save]');
    await expect
      .poll(() => textOf(popup, '[data-testid=saved-sync]'))
      .toBe('The server accepted the report.');

    await click(popup, '[data-testid=tab-pending]');
    await expect
      .poll(() => textOf(popup, '[data-testid=section-sent] [data-testid=report-status]'))
      .toBe('Received, awaiting review');
    expect(await textOf(popup, '[data-testid=section-rejected]')).toBeUndefined();

    const [stored] = await pullAll(server.url, await apiLogin(server.url, analyst));
    expect(stored).toMatchObject({
      url: pageUrl,
      note: 'Продавец аккаунтов без лицензии',
      status: 'submitted',
    });
  } finally {
    await fx.dispose();
    await pages.close();
    await server.dispose();
  }
});
