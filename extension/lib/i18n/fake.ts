import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { UiLocale } from '#shared/labels';
import en from '../../public/_locales/en/messages.json';
import kk from '../../public/_locales/kk/messages.json';
import ru from '../../public/_locales/ru/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
type Messages = Record<string, Entry>;

/** The locale files, for tests that compare or render them. */
export const LOCALE_MESSAGES: Record<UiLocale, Messages> = { ru, kk, en };

/** A message as the browser renders it: named placeholders, then `$1`…`$9`, then `$$`. */
export function renderMessage(entry: Entry | undefined, substitutions?: string | string[]): string {
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const withPlaceholders = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const found = Object.entries(entry.placeholders ?? {}).find(
      ([key]) => key.toLowerCase() === name.toLowerCase(),
    );
    return found ? found[1].content : whole;
  });
  return withPlaceholders
    .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '')
    .replace(/\$\$/g, '$');
}

/** Makes the fake browser speak a UI language from the extension's own locale files. */
export function fakeUiLocale(locale: UiLocale): void {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(locale);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((
    key: string,
    substitutions?: string | string[],
  ) => renderMessage(LOCALE_MESSAGES[locale][key], substitutions)) as never);
}
