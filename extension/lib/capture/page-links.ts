import type { PageLink } from '../volume/link-filter';
import { runInPage } from './in-page';

/** The most links a page's list offers (a search results page has a few hundred). */
export const MAX_PAGE_LINKS = 2000;

/**
 * Runs in the page (serialized alone: nothing from outside its body). Every http(s) link of the
 * document in order, the first of each address, with its visible text (or its title or label).
 */
export function readPageLinks(max: number): { url: string; text: string }[] {
  const seen = new Set<string>();
  const links: { url: string; text: string }[] = [];
  for (const anchor of Array.from(document.querySelectorAll('a[href]'))) {
    const a = anchor as HTMLAnchorElement;
    if (a.protocol !== 'http:' && a.protocol !== 'https:') continue;
    const url = a.href.split('#')[0] ?? a.href;
    if (seen.has(url)) continue;
    seen.add(url);
    const text = (a.textContent || a.title || a.getAttribute('aria-label') || '')
      .replace(/\s+/g, ' ')
      .trim();
    links.push({ url, text: text.slice(0, 300) });
    if (links.length >= max) break;
  }
  return links;
}

/**
 * The links of a tab's page. Needs the `activeTab` grant the analyst's click on the toolbar
 * button or on the page's menu gives for that tab (no host permission is asked at install);
 * rejects where the browser refuses.
 */
export async function listPageLinks(tabId: number): Promise<PageLink[]> {
  return (await runInPage(tabId, readPageLinks, MAX_PAGE_LINKS)) ?? [];
}
