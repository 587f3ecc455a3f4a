import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { adminLogin, createApprovedAnalyst, pullAll } from './support/accounts';
import type { ExtensionBrowser } from './support/browser';
import { launchTestBuild, longPageBody, materialOf } from './support/evidence';
import {
  clickLinkMenuOnEach,
  liveWorker,
  metaValue,
  signInExtension,
  tabIdOf,
} from './support/extension';
import { startPageServer } from './support/pages';
import { openPopup } from './support/popup';
import { startServer } from './support/server';

/** Just what the worker-side code below uses of IndexedDB (the e2e project has no DOM types). */
type MiniIdb = {
  open(name: string): {
    result: {
      transaction(
        stores: string[],
        mode: string,
      ): {
        objectStore(name: string): {
          count(): { result: number };
          getAll(): { result: unknown[] };
        };
        oncomplete: () => void;
      };
      close(): void;
    };
    error: unknown;
    onerror: () => void;
    onsuccess: () => void;
  };
};

/** The evidence files the extension holds and the entries still queued (read in the worker). */
async function localEvidence(browser: ExtensionBrowser) {
  const worker = await liveWorker(browser);
  return worker.evaluate(
    () =>
      new Promise<{ files: number; queued: number; waiting: number }>((resolve, reject) => {
        const idb = (globalThis as unknown as { indexedDB: MiniIdb }).indexedDB;
        const open = idb.open('webtagger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['evidence', 'outbox'], 'readonly');
          const files = tx.objectStore('evidence').count();
          const entries = tx.objectStore('outbox').getAll();
          tx.oncomplete = () => {
            const all = entries.result as { awaitingCapture?: number }[];
            resolve({
              files: files.result,
              queued: all.length,
              waiting: all.filter((e) => e.awaitingCapture !== undefined).length,
            });
            db.close();
          };
        };
      }),
  );
}

/** When the last sync run of any kind (a pull alone too) ended. */
async function lastRunAt(browser: ExtensionBrowser) {
  const last = (await metaValue(await liveWorker(browser), 'lastRun')) as
    | { at: number }
    | undefined;
  return last?.at ?? 0;
}

// R2 for evidence: captured offline, kept in the profile across a browser restart, delivered once.
test('evidence saved offline reaches the server exactly once after a browser restart', async () => {
  const server = await startServer();
  const pages = await startPageServer({ long: { title: 'Магазин', body: longPageBody(4) } });
  const profileDir = mkdtempSync(join(tmpdir(), 'webtagger-evidence-restart-'));
  let browser: ExtensionBrowser | undefined = await launchTestBuild({ profileDir });
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const token = await signInExtension(browser, server.url, analyst);
    const url = pages.url('long');
    await (await browser.context.newPage()).goto(url);
    const tabId = await tabIdOf(await liveWorker(browser), url);

    await server.stop();
    const popup = await openPopup(browser, tabId);
    await popup.locator('input[name=topic][value=drugs]').check();
    await popup.getByTestId('save').click();
    await expect(popup.getByTestId('saved')).toBeVisible();
    // Both files are stored and the report is free to go; the server is down.
    await expect
      .poll(() => localEvidence(browser!), { timeout: 30_000 })
      .toEqual({ files: 2, queued: 1, waiting: 0 });
    await browser.context.close();
    browser = undefined;

    await server.restart();
    browser = await launchTestBuild({ profileDir });
    await liveWorker(browser);
    const admin = await adminLogin(server.url);
    await expect
      .poll(
        async () =>
          (await materialOf(server.url, admin, url))?.evidence.filter((f) => f.uploaded).length,
        { timeout: 60_000 },
      )
      .toBe(2);
    await expect
      .poll(() => localEvidence(browser!), { timeout: 30_000 })
      .toEqual({ files: 0, queued: 0, waiting: 0 });
    const reports = (await pullAll(server.url, token)).flatMap((r) => (r.deleted ? [] : [r]));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ version: 1 });
    expect(reports[0]?.files).toHaveLength(2);
  } finally {
    await browser?.dispose();
    rmSync(profileDir, { recursive: true, force: true });
    await pages.close();
    await server.dispose();
  }
});

// A link tagged from the menu is "reported, not captured" until the analyst opens the page.
test('a link tagged from the menu gets its capture later with one click', async () => {
  const server = await startServer();
  const pages = await startPageServer({
    list: { title: 'Каталог' },
    target: { title: 'Закладки', body: longPageBody(2) },
  });
  const browser = await launchTestBuild();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const token = await signInExtension(browser, server.url, analyst);
    const listUrl = pages.url('list');
    const targetUrl = pages.url('target');
    await (await browser.context.newPage()).goto(listUrl);
    const worker = await liveWorker(browser);
    await clickLinkMenuOnEach(worker, {
      menuItemId: 'webtagger-link-topic:drugs',
      linkUrls: [targetUrl],
      pageUrl: listUrl,
      tabId: await tabIdOf(worker, listUrl),
    });
    await expect.poll(async () => (await pullAll(server.url, token)).length).toBe(1);

    // Later the analyst opens the page: the badge and the popup say it was not captured.
    await (await browser.context.newPage()).goto(targetUrl);
    const tabId = await tabIdOf(worker, targetUrl);
    await expect
      .poll(() => worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId))
      .toContain('not captured');
    const popup = await openPopup(browser, tabId);
    await expect(popup.getByTestId('not-captured')).toBeVisible();
    await popup.screenshot({ path: '/tmp/shots/capture-not-captured-en.png' });
    await popup.getByTestId('capture-now').click();
    await expect(popup.getByTestId('capture-status')).toHaveAttribute('data-state', 'captured', {
      timeout: 30_000,
    });

    const admin = await adminLogin(server.url);
    await expect
      .poll(
        async () =>
          (await materialOf(server.url, admin, targetUrl))?.evidence.filter((f) => f.uploaded)
            .length,
        { timeout: 30_000 },
      )
      .toBe(2);
    const reports = (await pullAll(server.url, token)).flatMap((r) => (r.deleted ? [] : [r]));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ url: targetUrl, source: 'link', version: 2 });
    expect(reports[0]?.capture).toMatchObject({ finalUrl: targetUrl });
    await expect
      .poll(() => worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId))
      .not.toContain('not captured');
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});

/** What the popup's sync line says of two files still waiting, in each UI language. */
const FILES_WAITING = {
  ru: 'Файлов доказательств ждут отправки: 2.',
  kk: 'Жіберуді күтетін дәлел файлдары: 2.',
  en: 'Evidence files waiting to upload: 2.',
} as const;

/** What its status line says then: the last push's outcome, which the popup's own pull keeps. */
const FILES_RETRY = {
  ru: 'сервер недоступен; отчёты отправлены, файлы доказательств ждут.',
  kk: 'сервер қолжетімсіз; есептер жіберілді, дәлел файлдары күтуде.',
  en: 'the server could not be reached; the reports were sent, their evidence files are waiting.',
} as const;

// A file never holds a report back: the report is accepted while its files cannot be sent, the
// popup counts them, and they follow once they can, each once.
test('a report goes while its files cannot, and they follow once they can', async () => {
  const server = await startServer();
  const pages = await startPageServer({ long: { title: 'Казино', body: longPageBody(4) } });
  const browser = await launchTestBuild();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const token = await signInExtension(browser, server.url, analyst);
    const url = pages.url('long');
    // Uploads meet a broken link; pushes go through (the worker's requests are routed too).
    await browser.context.route('**/api/evidence/**', (route) => route.abort('connectionreset'));
    await (await browser.context.newPage()).goto(url);
    const tabId = await tabIdOf(await liveWorker(browser), url);
    const popup = await openPopup(browser, tabId);
    await popup.locator('input[name=topic][value=gambling]').check();
    await popup.getByTestId('save').click();
    await expect(popup.getByTestId('capture-status')).toHaveAttribute('data-state', 'captured', {
      timeout: 30_000,
    });
    await expect.poll(async () => (await pullAll(server.url, token)).length).toBe(1);
    const admin = await adminLogin(server.url);
    const uploaded = async () =>
      (await materialOf(server.url, admin, url))?.evidence.filter((f) => f.uploaded).length;
    expect(await uploaded()).toBe(0);
    await expect
      .poll(() => localEvidence(browser), { timeout: 30_000 })
      .toEqual({ files: 2, queued: 0, waiting: 0 });
    await popup.close();

    for (const locale of ['ru', 'kk', 'en'] as const) {
      await browser.worker.evaluate(
        (value) => chrome.storage.local.set({ settings: { locale: value } }),
        locale,
      );
      const opened = Date.now();
      const list = await openPopup(browser, tabId, 'pending');
      await expect(list.getByTestId('files-waiting')).toHaveText(FILES_WAITING[locale]);
      // The list's own pull has reached the server, and the line still speaks of the files.
      await expect.poll(() => lastRunAt(browser), { timeout: 15_000 }).toBeGreaterThan(opened);
      await expect(list.getByTestId('sync-status')).toContainText(FILES_RETRY[locale]);
      await list.screenshot({ path: `/tmp/shots/files-waiting-${locale}.png` });
      if (locale !== 'en') await list.close();
      else {
        await browser.context.unroute('**/api/evidence/**');
        await list.getByTestId('submit-all').click();
        await expect(list.getByTestId('files-waiting')).toHaveCount(0, { timeout: 30_000 });
      }
    }
    await expect.poll(uploaded, { timeout: 30_000 }).toBe(2);
    await expect
      .poll(() => localEvidence(browser), { timeout: 30_000 })
      .toEqual({ files: 0, queued: 0, waiting: 0 });
    // The report went once, and was not sent again for its files.
    expect((await pullAll(server.url, token)).map((r) => r.version)).toEqual([1]);
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});
