import type { UiLocale } from '#shared/labels';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

/** Every string the site shows, in one language. */
export type Strings = typeof en;

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
