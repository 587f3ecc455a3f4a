import { expect, test } from '@playwright/test';
import { apiLogin, createApprovedAnalyst, pullAll } from './support/accounts';
import { launchWithExtension } from './support/browser';
import { startPageServer } from './support/pages';
import { openPopup, openTab, signIn } from './support/popup';
import { startServer } from './support/server';

test('a page is tagged in a click or two: the last topic offered, not ticked, the rest pre-filled from the page', async () => {
  const server = await startServer();
  const pages = await startPageServer({
    first: { title: 'Букмекерская контора без лицензии' },
    second: { title: 'Алматыдағы онлайн-казино', lang: 'kk' },
  });
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const token = await apiLogin(server.url, analyst);

    // The first report of all: the analyst picks the topic.
    const first = await openPopup(browser, await openTab(browser, pages.url('first')));
    await signIn(first, server.url, analyst);
    await first.locator('input[name=topic][value=gambling]').check();
    await first.getByTestId('save').click();
    await expect(first.getByTestId('saved')).toBeVisible();
    await expect.poll(async () => (await pullAll(server.url, token)).length).toBe(1);
    await first.close();

    // The next page: the form opens filled, but no topic is ticked for the analyst: the last one
    // is offered, one click picks it.
    const secondUrl = pages.url('second');
    const popup = await openPopup(browser, await openTab(browser, secondUrl));
    await expect(popup.getByTestId('page-url')).toHaveText(secondUrl);
    await expect(popup.locator('input[name=topic][value=gambling]')).not.toBeChecked();
    await expect(popup.locator('input[name=topic]:checked')).toHaveCount(0);
    await popup.getByTestId('topic-offers').locator('[data-topic=gambling]').click();
    await expect(popup.locator('input[name=topic][value=gambling]')).toBeChecked();
    // The Kazakh letters of the title and the city in it fill the language and the place.
    await expect(popup.locator('select[name=region]')).toHaveValue('KZ-75');
    const started = Date.now();
    await popup.getByTestId('save').click();
    await expect(popup.getByTestId('saved')).toBeVisible();
    expect(Date.now() - started).toBeLessThan(5_000);

    await expect.poll(async () => (await pullAll(server.url, token)).length).toBe(2);
    const stored = (await pullAll(server.url, token))
      .flatMap((r) => (r.deleted ? [] : [r]))
      .find((r) => r.url === secondUrl);
    expect(stored).toMatchObject({
      title: 'Алматыдағы онлайн-казино',
      topics: ['gambling'],
      geography: { indicated: true, country: 'KZ', region: 'KZ-75' },
      status: 'submitted',
    });
    expect(stored?.languages).toContain('kk-Cyrl');
    // The confirmation says the server has it.
    await expect(popup.getByTestId('saved-sync')).toHaveText('The server accepted the report.');
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});
