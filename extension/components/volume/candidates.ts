import { browser } from 'wxt/browser';
import { listPageLinks } from '@/lib/capture/page-links';
import type { WebTaggerDb } from '@/lib/storage/db';
import { isAlreadyReported } from '@/lib/sync/known-urls';
import type { VolumeItem } from '@/lib/volume/batch';
import type { ItemMark } from './ItemList';

const isWeb = (url: string | undefined): url is string => !!url && /^https?:/i.test(url);

/**
 * The web pages open in the analyst's window (the page named by `windowId`, else the last focused
 * ordinary window), in tab order. The extension's own pages and the browser's are left out.
 */
export async function windowTabs(windowId: number | undefined): Promise<VolumeItem[]> {
  const id = windowId ?? (await browser.windows.getLastFocused({ windowTypes: ['normal'] })).id;
  const tabs = await browser.tabs.query({ windowId: id });
  return tabs
    .filter((tab) => isWeb(tab.url) && tab.id !== undefined)
    .map((tab) => ({
      id: crypto.randomUUID(),
      url: tab.url!,
      title: tab.title ?? '',
      tabId: tab.id,
      windowId: tab.windowId,
    }));
}

/** The links of the analyst's page as candidates (page-links.ts). */
export async function pageLinkItems(tabId: number): Promise<VolumeItem[]> {
  const links = await listPageLinks(tabId);
  return links.map((link) => ({ id: crypto.randomUUID(), url: link.url, title: link.text }));
}

/** Which candidates are already reported, decided locally as the badge decides it. */
export async function markReported(
  db: WebTaggerDb,
  items: readonly VolumeItem[],
): Promise<Map<string, ItemMark>> {
  const marks = new Map<string, ItemMark>();
  // Two indexed look-ups each, all at once: a page of a few hundred links is marked at once.
  const found = await Promise.all(
    items.map((item) => isAlreadyReported(db, item.url).catch(() => undefined)),
  );
  found.forEach((answer, i) => {
    if (answer?.status === 'own' || answer?.status === 'known')
      marks.set(items[i]!.id, answer.status);
  });
  return marks;
}
