import type { Worker } from '@playwright/test';
import type { Credentials } from './accounts';
import type { ExtensionBrowser } from './browser';

/** The key and shape of the session in chrome.storage.local (extension/lib/browser/session.ts). */
const SESSION_KEY = 'session';

async function json<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return body as T;
}

/**
 * A session of the extension made without its popup: logs in through the API and accepts the
 * current policy through the API (unless `consent` is false). `extensionServerUrl` is the address
 * the extension should use, when it differs (a proxy in front of the server).
 */
export async function sessionThroughApi(
  serverUrl: string,
  who: Credentials,
  options: { consent?: boolean; extensionServerUrl?: string } = {},
): Promise<{ key: string; session: Record<string, unknown>; token: string }> {
  const login = await json<{ token: string; expiresAt: string; user: unknown }>(
    await fetch(`${serverUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...who, deviceName: 'WebTagger e2e' }),
    }),
  );
  if (options.consent !== false) {
    const policy = await json<{ version: string }>(await fetch(`${serverUrl}/api/policy/current`));
    await json(
      await fetch(`${serverUrl}/api/consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
        body: JSON.stringify({
          policyVersion: policy.version,
          scopes: { processing: true, thirdPartyTransfer: false },
        }),
      }),
    );
  }
  const session = {
    serverUrl: options.extensionServerUrl ?? serverUrl,
    token: login.token,
    expiresAt: login.expiresAt,
    user: login.user,
  };
  return { key: SESSION_KEY, session, token: login.token };
}

/**
 * Signs the extension in without its popup (sessionThroughApi), writing the session where the
 * extension keeps it. Returns the bearer token.
 */
export async function signInExtension(
  browser: ExtensionBrowser,
  serverUrl: string,
  who: Credentials,
  options: { consent?: boolean; extensionServerUrl?: string } = {},
): Promise<string> {
  const { key, session, token } = await sessionThroughApi(serverUrl, who, options);
  await (await liveWorker(browser)).evaluate(
    ([k, value]) => chrome.storage.local.set({ [k as string]: value }),
    [key, session] as const,
  );
  return token;
}

/** The extension's service worker as it runs now (it may have been stopped and started again). */
export async function liveWorker(browser: ExtensionBrowser, timeout = 20_000): Promise<Worker> {
  const prefix = `chrome-extension://${browser.extensionId}/`;
  const running = browser.context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  if (running) return running;
  return browser.context.waitForEvent('serviceworker', {
    predicate: (w) => w.url().startsWith(prefix),
    timeout,
  });
}

/** Stops the extension's service worker, as the browser does when it is idle or under pressure. */
export async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const cdp = await browser.context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(
      (t) =>
        t.type === 'service_worker' &&
        t.url.startsWith(`chrome-extension://${browser.extensionId}/`),
    );
    if (!worker) throw new Error('the extension has no running service worker');
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  } finally {
    await cdp.detach();
  }
}

/** Clicks an item of the link menu on a link of a tab, as the browser would (real listener). */
export async function clickLinkMenu(
  worker: Worker,
  click: { menuItemId: string; linkUrl: string; pageUrl: string; tabId: number },
): Promise<void> {
  await clickLinkMenuOnEach(worker, { ...click, linkUrls: [click.linkUrl] });
}

/** The same click on each of many links of the tab, one after another, as fast as the worker takes them. */
export async function clickLinkMenuOnEach(
  worker: Worker,
  clicks: { menuItemId: string; linkUrls: string[]; pageUrl: string; tabId: number },
): Promise<void> {
  await worker.evaluate(async ({ menuItemId, linkUrls, pageUrl, tabId }) => {
    // The items are created by onInstalled; wait for them before clicking.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const exists = await chrome.contextMenus.update(menuItemId, {}).then(
        () => true,
        () => false,
      );
      if (exists) break;
      if (Date.now() > deadline) throw new Error(`no menu item ${menuItemId}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const tab = await chrome.tabs.get(tabId);
    const clicked = chrome.contextMenus.onClicked as unknown as {
      dispatch(...args: unknown[]): void;
    };
    for (const linkUrl of linkUrls) {
      clicked.dispatch({ menuItemId, linkUrl, pageUrl, editable: false, frameId: 0 }, tab);
    }
  }, clicks);
}

/** The id of the tab showing a URL. */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(
    async (u) => (await chrome.tabs.query({ url: u })).at(0)?.id,
    url,
  );
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

export type LocalCounts = { outbox: number; reports: number; byState: Record<string, number> };

/** Just what the worker-side code below uses of IndexedDB (the e2e project has no DOM types). */
type Idb = {
  open(name: string): {
    result: {
      transaction(
        stores: string[],
        mode: string,
      ): {
        objectStore(name: string): {
          count(): { result: number };
          getAll(): { result: unknown[] };
          get(key: string): { result: unknown };
        };
        oncomplete: () => void;
        onerror: () => void;
        error: unknown;
      };
      close(): void;
    };
    error: unknown;
    onsuccess: () => void;
    onerror: () => void;
  };
};

/**
 * Counts in the extension's own database (IndexedDB `webtagger`). Runs inside the extension: pass
 * it to `evaluate` of a worker or an extension page.
 */
export function readLocalCounts(): Promise<LocalCounts> {
  return new Promise<LocalCounts>((resolve, reject) => {
    const open = (globalThis as unknown as { indexedDB: Idb }).indexedDB.open('webtagger');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['outbox', 'reports', 'meta'], 'readonly');
      const outbox = tx.objectStore('outbox').count();
      const reports = tx.objectStore('reports').getAll();
      // Pending reports of a batch on its way count as syncing, as the review list shows them.
      const sending = tx.objectStore('meta').get('sending');
      tx.oncomplete = () => {
        const onTheirWay = new Set((sending.result as { value: string[] } | undefined)?.value);
        const byState: Record<string, number> = {};
        for (const r of reports.result as { id: string; state: string }[]) {
          const state = r.state === 'pending' && onTheirWay.has(r.id) ? 'syncing' : r.state;
          byState[state] = (byState[state] ?? 0) + 1;
        }
        db.close();
        resolve({ outbox: outbox.result, reports: reports.result.length, byState });
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Counts in the extension's own database, read from the worker. */
export async function localCounts(worker: Worker): Promise<LocalCounts> {
  return worker.evaluate(readLocalCounts);
}

/**
 * A value of the extension's `meta` table (its `key`), read from the worker. Runs inside the
 * extension, as `readLocalCounts` does.
 */
export async function metaValue(worker: Worker, key: string): Promise<unknown> {
  return worker.evaluate(
    (name) =>
      new Promise<unknown>((resolve, reject) => {
        const open = (globalThis as unknown as { indexedDB: Idb }).indexedDB.open('webtagger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['meta'], 'readonly');
          const entry = tx.objectStore('meta').get(name);
          tx.oncomplete = () => {
            db.close();
            resolve((entry.result as { value?: unknown } | undefined)?.value);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    key,
  );
}
