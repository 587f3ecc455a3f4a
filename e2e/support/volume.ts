import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { pullAll } from './accounts';
import type { ExtensionBrowser } from './browser';

type Pulled = Awaited<ReturnType<typeof pullAll>>[number];
export type PulledReport = Exclude<Pulled, { deleted: true }>;

/** The analyst's live reports on the server (pull, without deletions). */
export async function serverReports(serverUrl: string, token: string): Promise<PulledReport[]> {
  return (await pullAll(serverUrl, token)).filter((r): r is PulledReport => !r.deleted);
}

export const SHOTS = '/tmp/shots';

/** The page for several pages (volume.html) with its query, opened as a tab of the test. */
export async function openVolume(
  browser: ExtensionBrowser,
  query: { mode: 'tabs' | 'links' | 'list'; tabId?: number; windowId?: number },
): Promise<Page> {
  const params = new URLSearchParams({ mode: query.mode });
  if (query.tabId !== undefined) params.set('tabId', String(query.tabId));
  if (query.windowId !== undefined) params.set('windowId', String(query.windowId));
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/volume.html?${params}`);
  await page.locator('main[data-ready=true]').waitFor();
  return page;
}

/** The window a tab of the test is in, as the extension sees it. */
export async function windowOf(browser: ExtensionBrowser, url: string): Promise<number> {
  const id = await browser.worker.evaluate(
    async (u) => (await chrome.tabs.query({ url: u })).at(0)?.windowId,
    url,
  );
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Ticks the list's item of a URL. */
export async function chooseItem(page: Page, url: string) {
  await page.locator(`li.volume-item[data-url="${url}"] input[type=checkbox]`).check();
}

export async function shootVolume(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/vol-ext-${name}.png`, fullPage: true });
}

/**
 * A page of `count` links: most to pages of the test server, every fifth to a casino mirror on
 * another domain (what the domain filter singles out).
 */
export function linksPageBody(count: number, pageUrl: (name: string) => string): string {
  const links = Array.from({ length: count }, (_, i) =>
    i % 5 === 4
      ? `<li><a href="https://mirror${i}.casino-net.example/lobby">Зеркало казино ${i}</a></li>`
      : `<li><a href="${pageUrl(`item${i}`)}">Товар ${i}</a></li>`,
  ).join('');
  return `<h1>Каталог</h1><ul>${links}</ul>`;
}
