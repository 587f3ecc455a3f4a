import { expect, test } from 'vitest';
import { apiLogin, createApprovedAnalyst, pullAll } from '../support/accounts';
import { launchFirefoxWithExtension } from '../support/firefox';
import {
  check,
  click,
  fieldOf,
  openPopup,
  openTab,
  signIn,
  textOf,
} from '../support/firefox-extension';
import { startPageServer } from '../support/pages';
import { startServer } from '../support/server';

test('an analyst signs in from the popup, tags a page in a click or two, and the server stores it', async () => {
  const server = await startServer();
  const pages = await startPageServer({
    first: { title: 'Букмекерская контора без лицензии' },
    second: { title: 'Алматыдағы онлайн-казино', lang: 'kk' },
  });
  const fx = await launchFirefoxWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const token = await apiLogin(server.url, analyst);

    const firstUrl = pages.url('first?utm_source=tg');
    const first = await openPopup(fx, await openTab(fx, firstUrl));
    await signIn(first, server.url, analyst);
    expect(await textOf(first, '[data-testid=page-url]')).toBe(firstUrl);
    await check(first, 'input[name=topic][value=gambling]');
    await click(first, '[data-testid=save]');
    await expect
      .poll(() => textOf(first, '[data-testid=saved-sync]'))
      .toBe('The server accepted the report.');
    await first.close();

    // The next page: the form opens filled from the page; the last topic is offered, not ticked.
    const secondUrl = pages.url('second');
    const popup = await openPopup(fx, await openTab(fx, secondUrl));
    await expect.poll(() => textOf(popup, '[data-testid=page-url]')).toBe(secondUrl);
    expect(await fieldOf(popup, 'input[name=topic][value=gambling]')).toMatchObject({
      checked: false,
    });
    await click(popup, '[data-testid=topic-offers] [data-topic=gambling]');
    await expect
      .poll(async () => (await fieldOf(popup, 'input[name=topic][value=gambling]'))?.checked)
      .toBe(true);
    await expect
      .poll(async () => (await fieldOf(popup, 'select[name=region]'))?.value)
      .toBe('KZ-75');
    await click(popup, '[data-testid=save]');
    await expect
      .poll(() => textOf(popup, '[data-testid=saved-sync]'))
      .toBe('The server accepted the report.');

    const stored = (await pullAll(server.url, token)).flatMap((r) => (r.deleted ? [] : [r]));
    expect(stored).toHaveLength(2);
    expect(stored.find((r) => r.url === firstUrl)).toMatchObject({
      title: 'Букмекерская контора без лицензии',
      topics: ['gambling'],
      status: 'submitted',
      // The key drops tracking parameters and always uses https (url-key.md).
      urlKey: pages.url('first').replace(/^http:/, 'https:'),
    });
    const second = stored.find((r) => r.url === secondUrl);
    expect(second).toMatchObject({
      title: 'Алматыдағы онлайн-казино',
      topics: ['gambling'],
      geography: { indicated: true, country: 'KZ', region: 'KZ-75' },
    });
    expect(second?.languages).toContain('kk-Cyrl');
  } finally {
    await fx.dispose();
    await pages.close();
    await server.dispose();
  }
});
