import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createApprovedAnalyst, pullAll } from './support/accounts';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import {
  clickLinkMenuOnEach,
  liveWorker,
  localCounts,
  signInExtension,
  tabIdOf,
} from './support/extension';
import { startHoldingProxy } from './support/holding-proxy';
import { startPageServer } from './support/pages';
import { startServer } from './support/server';

// R2, the browser half: reports saved offline stay in the profile when the browser quits — even
// with a batch on the wire whose answer is lost — and the browser started again on the same
// profile delivers every one exactly once, without the analyst doing anything.
test('reports saved offline reach the server exactly once though the browser quits mid-sync', async () => {
  const count = 1_100;
  // Two batches of 500 are on their way at once (engine.ts); the last 100 have not left yet.
  const onTheirWay = 1_000;
  const server = await startServer();
  const proxy = await startHoldingProxy(server.port);
  const pages = await startPageServer({ list: { title: 'Каталог' } });
  const profileDir = mkdtempSync(join(tmpdir(), 'webtagger-restart-'));
  let browser: ExtensionBrowser | undefined = await launchWithExtension({ profileDir });
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const token = await signInExtension(browser, server.url, analyst, {
      extensionServerUrl: proxy.url,
    });
    const pageUrl = pages.url('list');
    await (await browser.context.newPage()).goto(pageUrl);
    const worker = await liveWorker(browser);
    const tabId = await tabIdOf(worker, pageUrl);

    // Offline: each link tagged from the menu is saved locally, as an analyst's clicks are.
    await server.stop();
    await clickLinkMenuOnEach(worker, {
      menuItemId: 'webtagger-link-topic:drugs',
      linkUrls: Array.from({ length: count }, (_, i) => pages.url(`shop-${i}`)),
      pageUrl,
      tabId,
    });
    await expect
      .poll(() => localCounts(worker), { timeout: 30_000 })
      .toMatchObject({ outbox: count, reports: count });

    // The server is back, but the answer to the first batch is held; the browser quits meanwhile.
    // Held before the server is back: a retry already due could otherwise get a batch through.
    proxy.hold('POST /api/sync/push');
    await server.restart();
    await worker.evaluate(() => chrome.alarms.create('sync-retry', { when: Date.now() }));
    await expect.poll(() => proxy.heldText(), { timeout: 30_000 }).toContain('POST /api/sync/push');
    await expect
      .poll(() => localCounts(worker))
      .toMatchObject({ byState: { syncing: onTheirWay } });
    await browser.context.close();
    browser = undefined;
    proxy.release();
    // The server applied those batches; their answers reached no one.
    await expect.poll(async () => (await pullAll(server.url, token)).length).toBe(onTheirWay);

    // The browser starts again on the same profile: the extension resumes on its own.
    browser = await launchWithExtension({ profileDir });
    const restarted = await liveWorker(browser);
    await expect
      .poll(async () => (await pullAll(server.url, token)).length, { timeout: 60_000 })
      .toBe(count);
    await expect
      .poll(() => localCounts(restarted), { timeout: 30_000 })
      .toMatchObject({ outbox: 0, reports: count, byState: { synced: count } });

    const stored = await pullAll(server.url, token);
    const live = stored.flatMap((r) => (r.deleted ? [] : [r]));
    expect(new Set(live.map((r) => r.id)).size).toBe(count);
    expect(new Set(live.map((r) => r.url)).size).toBe(count);
    // Each report applied once: the batch sent again after the restart was answered `duplicate`.
    expect(live.every((r) => r.version === 1)).toBe(true);
  } finally {
    await browser?.dispose();
    rmSync(profileDir, { recursive: true, force: true });
    await proxy.close();
    await pages.close();
    await server.dispose();
  }
});
