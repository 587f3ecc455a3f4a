import type { UiLocale } from '#shared/labels';
import { en, type Strings } from './en';
import { kk } from './kk';
import { ru } from './ru';

export type { Strings };

const STRINGS: Record<UiLocale, Strings> = { ru, kk, en };

/** The site's strings in a language. */
export function stringsFor(lang: UiLocale): Strings {
  return STRINGS[lang];
}

/** The name of each language in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<UiLocale, string> = {
  ru: 'Русский',
  kk: 'Қазақша',
  en: 'English',
};
