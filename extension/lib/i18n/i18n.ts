import { browser } from 'wxt/browser';
import { UI_LOCALES, type UiLocale } from '#shared/labels';
import type englishMessages from '../../public/_locales/en/messages.json';

/** A message of the extension's locale files (every locale has the same keys: a test checks). */
export type MessageKey = keyof typeof englishMessages;

/**
 * The UI language: the locale file the browser picked for the extension's messages (it names
 * itself), so that taxonomy labels always speak the language of the rest of the UI.
 */
export function uiLocale(): UiLocale {
  const picked = browser.i18n.getMessage('uiLocale' as never) as UiLocale;
  return UI_LOCALES.includes(picked) ? picked : 'ru';
}

/** A message in the UI language; `$1`… take the substitutions. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key as never, substitutions) || key;
}
