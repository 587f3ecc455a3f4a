import { expect, test } from 'vitest';
import { apiLogin, createApprovedAnalyst, publishPolicy, pullAll } from '../support/accounts';
import { launchFirefoxWithExtension } from '../support/firefox';
import {
  check,
  click,
  clickText,
  fieldOf,
  fill,
  openPopup,
  openTab,
  textOf,
} from '../support/firefox-extension';
import { startPageServer } from '../support/pages';
import { startServer } from '../support/server';

test('the popup speaks Kazakh in a Kazakh Firefox, taxonomy and policy included', async () => {
  const server = await startServer();
  const pages = await startPageServer({ page: { title: 'Алаяқтық сайт', lang: 'kk' } });
  // Firefox in Kazakh needs Debian's firefox-esr-l10n-kk.
  const fx = await launchFirefoxWithExtension({ locale: 'kk' });
  try {
    const analyst = await createApprovedAnalyst(server.url);
    await publishPolicy(server.url, '2');
    const popup = await openPopup(fx, await openTab(fx, pages.url('page')));

    await expect.poll(() => textOf(popup, 'h1')).toBe('Кіру');
    expect(await textOf(popup, 'label:has(input[name=server])')).toBe('Сервер');
    expect(await textOf(popup, 'label:has(input[name=email])')).toBe('Эл. пошта');
    expect(await textOf(popup, 'label:has(input[name=password])')).toBe('Құпиясөз');
    await fill(popup, 'input[name=server]', server.url);
    await fill(popup, 'input[name=email]', analyst.email);
    await fill(popup, 'input[name=password]', analyst.password);
    await clickText(popup, 'button', 'Кіру');

    await expect.poll(() => textOf(popup, 'h1')).toBe('Құпиялылық саясаты');
    // The heading shows at once; the policy's text once it has been fetched from the server.
    await expect
      .poll(() => textOf(popup, '[data-testid=policy-text]'))
      .toBe('Құпиялылық саясаты, 2 редакциясы');
    await clickText(popup, 'button', 'Қабылдаймын');

    await expect.poll(() => textOf(popup, '[data-testid=tab-tag]')).toBe('Белгілеу');
    expect(await textOf(popup, 'fieldset.topics legend')).toMatch(/^Тақырыптар/);
    expect(await textOf(popup, 'label:has(input[name=topic][value=fraud])')).toBe('Алаяқтық');
    await check(popup, 'input[name=topic][value=fraud]');
    expect(await fieldOf(popup, 'select[name=resourceType]')).toMatchObject({
      value: 'webpage',
      chosen: 'Сайт беті',
    });
    expect(await textOf(popup, '[data-testid=save]')).toBe('Сақтау');
    await click(popup, '[data-testid=save]');
    await expect.poll(() => textOf(popup, '[data-testid=saved]')).toBe('✓ Сақталды.');
    await expect
      .poll(() => textOf(popup, '[data-testid=saved-sync]'))
      .toBe('Сервер есепті қабылдады.');

    await click(popup, '[data-testid=tab-pending]');
    await expect
      .poll(() => textOf(popup, '[data-testid=section-sent] h2'))
      .toBe('Жіберілгендер (1)');
    expect(await textOf(popup, '[data-testid=report-status]')).toBe('Қабылданды, қарауды күтуде');

    const [stored] = await pullAll(server.url, await apiLogin(server.url, analyst));
    expect(stored).toMatchObject({ topics: ['fraud'] });
  } finally {
    await fx.dispose();
    await pages.close();
    await server.dispose();
  }
});
