import { expect, test } from '@playwright/test';
import { createApprovedAnalyst, pullAll } from './support/accounts';
import { launchWithExtension } from './support/browser';
import {
  clickLinkMenu,
  clickLinkMenuOnEach,
  liveWorker,
  localCounts,
  signInExtension,
  stopServiceWorker,
  tabIdOf,
} from './support/extension';
import { startHoldingProxy } from './support/holding-proxy';
import { startPageServer } from './support/pages';
import { startServer } from './support/server';

test('a report saved while the server is down reaches it exactly once when it is back', async () => {
  const server = await startServer();
  const pages = await startPageServer({ list: { title: 'Каталог' } });
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const token = await signInExtension(browser, server.url, analyst);
    const pageUrl = pages.url('list');
    await (await browser.context.newPage()).goto(pageUrl);
    const worker = await liveWorker(browser);
    const tabId = await tabIdOf(worker, pageUrl);
    await server.stop();

    const linkUrl = pages.url('pyramid');
    await clickLinkMenu(worker, {
      menuItemId: 'webtagger-link-topic:fraud',
      linkUrl,
      pageUrl,
      tabId,
    });
    // Saved locally; the attempt to send it failed and a retry is scheduled.
    await expect
      .poll(() => localCounts(worker))
      .toMatchObject({ outbox: 1, byState: { pending: 1 } });
    await expect
      .poll(() =>
        worker.evaluate(async () => (await chrome.alarms.get('sync-retry'))?.scheduledTime),
      )
      .toBeGreaterThan(0);

    await server.restart();
    await expect
      .poll(async () => (await pullAll(server.url, token)).length, { timeout: 60_000 })
      .toBe(1);
    await expect
      .poll(() => localCounts(worker))
      .toMatchObject({ outbox: 0, byState: { synced: 1 } });
    const stored = await pullAll(server.url, token);
    expect(stored).toHaveLength(1);
    // Version 1: the upsert was applied once, never twice.
    expect(stored[0]).toMatchObject({
      url: linkUrl,
      source: 'link',
      topics: ['fraud'],
      version: 1,
    });
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});

test('reports saved offline reach the server exactly once though the worker is stopped mid-sync', async () => {
  const count = 1_100;
  // Two batches of 500 are on their way at once (engine.ts); the last 100 have not left yet.
  const onTheirWay = 1_000;
  const server = await startServer();
  const proxy = await startHoldingProxy(server.port);
  const pages = await startPageServer({ list: { title: 'Каталог' }, next: { title: 'Дальше' } });
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const token = await signInExtension(browser, server.url, analyst, {
      extensionServerUrl: proxy.url,
    });
    const pageUrl = pages.url('list');
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    let worker = await liveWorker(browser);
    const tabId = await tabIdOf(worker, pageUrl);

    // Offline: every report is saved locally.
    await server.stop();
    await clickLinkMenu(worker, {
      menuItemId: 'webtagger-link-topic:gambling',
      linkUrl: pages.url('casino-0'),
      pageUrl,
      tabId,
    });
    await clickLinkMenuOnEach(worker, {
      menuItemId: 'webtagger-link-topic:gambling',
      linkUrls: Array.from({ length: count - 1 }, (_, i) => pages.url(`casino-${i + 1}`)),
      pageUrl,
      tabId,
    });
    await expect
      .poll(() => localCounts(worker), { timeout: 30_000 })
      .toMatchObject({ outbox: count, reports: count });

    // The server is back but the answer to the next push will not arrive: stop the worker while
    // it waits for it, with a full batch marked as being sent.
    // Held before the server is back: a retry already due could otherwise get a batch through.
    proxy.hold('POST /api/sync/push');
    await server.restart();
    await worker.evaluate(() => chrome.alarms.create('sync-retry', { when: Date.now() }));
    await expect.poll(() => proxy.heldText(), { timeout: 30_000 }).toContain('POST /api/sync/push');
    await expect
      .poll(() => localCounts(worker))
      .toMatchObject({ byState: { syncing: onTheirWay } });
    await stopServiceWorker(browser);
    proxy.release();
    // The server applied the batches; their answers went nowhere.
    await expect.poll(async () => (await pullAll(server.url, token)).length).toBe(onTheirWay);

    // Browsing on wakes the worker, which resumes the interrupted sync.
    await page.goto(pages.url('next'));
    worker = await liveWorker(browser);
    await expect
      .poll(async () => (await pullAll(server.url, token)).length, { timeout: 60_000 })
      .toBe(count);
    await expect
      .poll(() => localCounts(worker), { timeout: 30_000 })
      .toMatchObject({ outbox: 0, byState: { synced: count } });

    const stored = await pullAll(server.url, token);
    expect(new Set(stored.map((r) => r.id)).size).toBe(count);
    const live = stored.flatMap((r) => (r.deleted ? [] : [r]));
    expect(new Set(live.map((r) => r.url)).size).toBe(count);
    expect(live.every((r) => r.version === 1)).toBe(true);
  } finally {
    await browser.dispose();
    await proxy.close();
    await pages.close();
    await server.dispose();
  }
});
