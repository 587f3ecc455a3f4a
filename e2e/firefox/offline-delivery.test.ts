import { expect, test } from 'vitest';
import { apiLogin, createApprovedAnalyst, pullAll } from '../support/accounts';
import { launchFirefoxWithExtension } from '../support/firefox';
import {
  check,
  chooseLanguage,
  click,
  localCounts,
  openPopup,
  openTab,
  retryScheduledAt,
  signIn,
  textOf,
  textsOf,
} from '../support/firefox-extension';
import { startPageServer } from '../support/pages';
import { startServer } from '../support/server';

test('a report saved offline waits in the browser and reaches the server exactly once when it is back', async () => {
  const server = await startServer();
  const pages = await startPageServer({ one: { title: 'Казино' }, two: { title: 'Ещё казино' } });
  const fx = await launchFirefoxWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const first = await openPopup(fx, await openTab(fx, pages.url('one')));
    await signIn(first, server.url, analyst);
    await first.close();

    await server.stop();
    const popup = await openPopup(fx, await openTab(fx, pages.url('two')));
    await expect.poll(() => textOf(popup, '[data-testid=offline]')).toBeDefined();
    await check(popup, 'input[name=topic][value=gambling]');
    await chooseLanguage(popup, 'ru');
    await click(popup, '[data-testid=save]');
    await expect
      .poll(() => textOf(popup, '[data-testid=saved-sync]'))
      .toBe('The report will be sent when the server can be reached.');
    // Saved locally; the attempt to send it failed and a retry is scheduled.
    await expect.poll(() => localCounts(fx)).toMatchObject({ outbox: 1, byState: { pending: 1 } });
    await expect.poll(() => retryScheduledAt(fx)).toBeGreaterThan(0);
    await click(popup, '[data-testid=tab-pending]');
    await expect
      .poll(() => textsOf(popup, '[data-testid=section-waiting] [data-testid=report-item]'))
      .toHaveLength(1);

    // Back: the scheduled retry delivers it, once.
    await server.restart();
    const token = await apiLogin(server.url, analyst);
    await expect
      .poll(async () => (await pullAll(server.url, token)).length, { timeout: 60_000 })
      .toBe(1);
    await expect.poll(() => localCounts(fx)).toMatchObject({ outbox: 0, byState: { synced: 1 } });
    const stored = await pullAll(server.url, token);
    expect(stored).toHaveLength(1);
    // Version 1: the upsert was applied once, never twice.
    expect(stored[0]).toMatchObject({ url: pages.url('two'), topics: ['gambling'], version: 1 });
  } finally {
    await fx.dispose();
    await pages.close();
    await server.dispose();
  }
});
