import { browser } from 'wxt/browser';
import type { TargetPage } from '../capture/page-capture';
import { type LanguageEvidence, suggestLanguages } from './language-hints';
import { suggestGeography } from './region-hints';
import type { PageHints } from './values';

/** Each source of a hint gets this long; a slow or hung tab must not hold the form back. */
const HINT_TIMEOUT_MS = 400;

function within<T>(promise: Promise<T>): Promise<T | undefined> {
  return Promise.race([
    promise.catch(() => undefined),
    new Promise<undefined>((resolve) => setTimeout(resolve, HINT_TIMEOUT_MS)),
  ]);
}

/**
 * `<html lang>` and the selected text of the tab. Runs only with the `activeTab` grant the
 * toolbar button or the shortcut gives; elsewhere (a restricted page) there is simply no hint.
 */
async function readTab(tabId: number): Promise<{ lang: string; selection: string } | undefined> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => ({
      lang: document.documentElement.lang,
      selection: String(globalThis.getSelection?.() ?? '').slice(0, 2000),
    }),
  });
  return result?.result as { lang: string; selection: string } | undefined;
}

/**
 * What the page suggests for the form: content languages from its markup, the browser's detection
 * and the Kazakh script check; a place from its host and title. A link's target was not opened:
 * its language is not suggested (the text of a link on a Kazakh page says nothing of the target),
 * only its address speaks for a place.
 */
export async function readPageHints(page: TargetPage): Promise<PageHints> {
  if (page.source === 'link') return { languages: [], geography: suggestGeography(page.url, '') };
  const tabId = page.tabId;
  const [tab, pageLanguage] = await Promise.all([
    tabId === undefined ? undefined : within(readTab(tabId)),
    tabId === undefined ? undefined : within(browser.tabs.detectLanguage(tabId)),
  ]);
  const text = [page.title, tab?.selection ?? ''].join('\n').trim();
  const detected = text ? await within(browser.i18n.detectLanguage(text)) : undefined;
  const evidence: LanguageEvidence = {
    htmlLang: tab?.lang,
    pageLanguage: pageLanguage === 'und' ? undefined : pageLanguage,
    detected,
    text,
  };
  return {
    languages: suggestLanguages(evidence),
    geography: suggestGeography(page.url, page.title),
  };
}
