import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { UI_LOCALES } from '#shared/labels';
import { fakeUiLocale, LOCALE_MESSAGES, renderMessage } from './fake';
import { chooseUiLocale, t, uiLocale } from './i18n';

const placeholdersOf = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]?.toLowerCase()).sort();

describe('the locale files', () => {
  it('give every message in Russian, Kazakh and English', () => {
    const keys = Object.keys(LOCALE_MESSAGES.en).sort();
    for (const locale of UI_LOCALES)
      expect(Object.keys(LOCALE_MESSAGES[locale]).sort()).toEqual(keys);
  });

  it('use the same placeholders in every language, each one defined', () => {
    for (const [key, entry] of Object.entries(LOCALE_MESSAGES.en)) {
      for (const locale of UI_LOCALES) {
        const other = LOCALE_MESSAGES[locale][key]!;
        expect(placeholdersOf(other.message), `${locale} ${key}`).toEqual(
          placeholdersOf(entry.message),
        );
        for (const name of placeholdersOf(other.message)) {
          expect(Object.keys(other.placeholders ?? {}).map((k) => k.toLowerCase())).toContain(name);
        }
      }
    }
  });

  it('have no empty or untranslated message outside names and codes', () => {
    const sameEverywhere = new Set(['extName', 'serverLabel', 'geographyLabel', 'pdKind_phone']);
    for (const [key, entry] of Object.entries(LOCALE_MESSAGES.en)) {
      for (const locale of UI_LOCALES)
        expect(LOCALE_MESSAGES[locale][key]?.message.trim()).not.toBe('');
      if (sameEverywhere.has(key) || key.startsWith('menu') || key.startsWith('badge')) continue;
      expect(LOCALE_MESSAGES.ru[key]?.message, key).not.toBe(entry.message);
      expect(LOCALE_MESSAGES.kk[key]?.message, key).not.toBe(entry.message);
    }
  });
});

describe('uiLocale', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is the locale whose messages the browser picked, so labels and messages agree', () => {
    for (const locale of UI_LOCALES) {
      fakeUiLocale(locale);
      // The browser's own UI language may differ from the locale file it picked.
      fakeBrowser.i18n.getUILanguage = () => 'de-DE';
      expect(uiLocale()).toBe(locale);
    }
  });

  it('falls back to Russian, the default locale, when no message answers', () => {
    fakeBrowser.i18n.getMessage = () => '';
    expect(uiLocale()).toBe('ru');
  });
});

describe('t', () => {
  it('renders a message with its substitutions in the UI language', () => {
    fakeUiLocale('kk');
    expect(t('characterCount', ['12', '2000'])).toBe('2000 ішінен 12');
    fakeUiLocale('en');
    expect(t('consentVersion', ['3', '01.02.2027'])).toBe('Version 3 of 01.02.2027');
  });

  it('shows the key rather than nothing when a message is missing', () => {
    fakeUiLocale('en');
    expect(t('no-such-key' as never)).toBe('no-such-key');
  });

  it('renders placeholders the way the browser does', () => {
    const entry = {
      message: 'A $ONE$ and $TWO$ $$',
      placeholders: { one: { content: '$1' }, Two: { content: '$2' } },
    };
    expect(renderMessage(entry, ['x', 'y'])).toBe('A x and y $');
  });
});

describe('chooseUiLocale', () => {
  // The locale files as the extension serves them to itself.
  const fetchFile = (async (url: string) => {
    const locale = /_locales\/(\w+)\//.exec(String(url))?.[1] as keyof typeof LOCALE_MESSAGES;
    return new Response(JSON.stringify(LOCALE_MESSAGES[locale]));
  }) as typeof fetch;

  it('speaks the analyst’s choice over the browser’s language, and the browser’s once unset', async () => {
    fakeBrowser.reset();
    fakeUiLocale('ru');
    await chooseUiLocale('kk', fetchFile);
    expect(uiLocale()).toBe('kk');
    expect(t('characterCount', ['12', '2000'])).toBe('2000 ішінен 12');
    await chooseUiLocale(undefined, fetchFile);
    expect(uiLocale()).toBe('ru');
    expect(t('tabTag')).toBe(LOCALE_MESSAGES.ru.tabTag?.message);
  });
});

describe('the components', () => {
  // Every visible string comes from the locale files: JSX text may hold only symbols.
  const sources = import.meta.glob('../../components/**/*.tsx', {
    query: '?raw',
    import: 'default',
    eager: true,
  }) as Record<string, string>;

  it('hold no hard-coded words between tags', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    for (const [file, source] of Object.entries(sources)) {
      if (file.endsWith('.test.tsx')) continue;
      // Text between tags on one line, or alone on lines between a tag's end and a tag's start.
      const inline = [...source.matchAll(/(?<![=-])>([^<>{}\n]*)</g)].map((m) => m[1] ?? '');
      const block = [...source.matchAll(/>\n((?:[^<>{}\n]*\n)+?)\s*</g)].map((m) => m[1] ?? '');
      const words = [...inline, ...block]
        .map((text) => text.trim())
        .filter((text) => /\p{L}/u.test(text) && !/[;=()'"`]/.test(text));
      expect(words, file).toEqual([]);
    }
  });
});
