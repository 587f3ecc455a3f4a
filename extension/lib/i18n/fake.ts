import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { UiLocale } from '#shared/labels';
import en from '../../public/_locales/en/messages.json';
import kk from '../../public/_locales/kk/messages.json';
import ru from '../../public/_locales/ru/messages.json';
import { type LocaleMessages, renderMessage } from './render';

export { renderMessage };

/** The locale files, for tests that compare or render them. */
export const LOCALE_MESSAGES: Record<UiLocale, LocaleMessages> = { ru, kk, en };

/** Makes the fake browser speak a UI language from the extension's own locale files. */
export function fakeUiLocale(locale: UiLocale): void {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(locale);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((
    key: string,
    substitutions?: string | string[],
  ) => renderMessage(LOCALE_MESSAGES[locale][key], substitutions)) as never);
}
