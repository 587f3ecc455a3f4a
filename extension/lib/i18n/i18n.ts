import { browser } from 'wxt/browser';
import { UI_LOCALES, type UiLocale } from '#shared/labels';
import type englishMessages from '../../public/_locales/en/messages.json';
import { type LocaleMessages, renderMessage } from './render';

/** A message of the extension's locale files (every locale has the same keys: a test checks). */
export type MessageKey = keyof typeof englishMessages;

/** The analyst's own choice of UI language (options page), when it is not the browser's. */
let chosen: { locale: UiLocale; messages: LocaleMessages } | undefined;

/** The locale file the browser picked for the extension's messages (it names itself). */
function browserLocale(): UiLocale {
  const picked = browser.i18n.getMessage('uiLocale' as never) as UiLocale;
  return UI_LOCALES.includes(picked) ? picked : 'ru';
}

/**
 * The UI language: the analyst's choice, else the locale file the browser picked, so that
 * taxonomy labels always speak the language of the rest of the UI.
 */
export function uiLocale(): UiLocale {
  return chosen?.locale ?? browserLocale();
}

/** A message in the UI language; `$1`… take the substitutions. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  if (chosen) return renderMessage(chosen.messages[key], substitutions) || key;
  return browser.i18n.getMessage(key as never, substitutions) || key;
}

/**
 * Speaks `locale` from now on (undefined: the browser's language). The browser serves only its
 * own pick through `i18n.getMessage`, so another locale's file is read from the extension itself
 * (a packaged file: a few milliseconds). `fetchFile` is the page's `fetch`.
 */
export async function chooseUiLocale(
  locale: UiLocale | undefined,
  fetchFile: typeof fetch,
): Promise<void> {
  if (!locale || locale === browserLocale()) {
    chosen = undefined;
    return;
  }
  const url = browser.runtime.getURL(`/_locales/${locale}/messages.json` as '/popup.html');
  const messages = (await (await fetchFile(url)).json()) as LocaleMessages;
  chosen = { locale, messages };
}
