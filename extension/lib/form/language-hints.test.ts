import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '#shared/taxonomy';
import { kazakhScriptOf, languageFromTag, suggestLanguages } from './language-hints';

describe('languageFromTag', () => {
  it('reads the primary subtag of a BCP 47 tag in any case or separator', () => {
    expect(languageFromTag('ru-RU')).toBe('ru');
    expect(languageFromTag('EN_us')).toBe('en');
    expect(languageFromTag(' zh-Hant-TW ')).toBe('zh');
  });

  it('keeps the script of Kazakh and drops its region', () => {
    expect(languageFromTag('kk')).toBe('kk');
    expect(languageFromTag('kk-KZ')).toBe('kk');
    expect(languageFromTag('kk-Latn-KZ')).toBe('kk-Latn');
    expect(languageFromTag('kk-cyrl')).toBe('kk-Cyrl');
    expect(languageFromTag('kk-Arab')).toBe('kk-Arab');
  });

  it('gives nothing for languages outside the taxonomy or empty tags', () => {
    expect(languageFromTag('fr')).toBeUndefined();
    expect(languageFromTag('')).toBeUndefined();
    expect(languageFromTag(undefined)).toBeUndefined();
    expect(languageFromTag('und')).toBeUndefined();
    expect(languageFromTag('other')).toBeUndefined();
  });
});

describe('kazakhScriptOf', () => {
  it('sees Kazakh Cyrillic by its own letters', () => {
    expect(kazakhScriptOf('Қазақстан Республикасының Үкіметі')).toBe('kk-Cyrl');
    expect(kazakhScriptOf('ӘЛЕМ')).toBe('kk-Cyrl');
  });

  it('sees Kazakh Latin by its own letters', () => {
    expect(kazakhScriptOf('Qazaqstan Respublikasynyñ Ükımetı')).toBe('kk-Latn');
    expect(kazakhScriptOf('Bügın Almatyda jañbyr jauady')).toBe('kk-Latn');
  });

  it('finds nothing in Russian, English or plain Latin text', () => {
    expect(kazakhScriptOf('Лучшее онлайн-казино Казахстана')).toBeUndefined();
    expect(kazakhScriptOf('Best online casino in Kazakhstan')).toBeUndefined();
  });

  it('lets another language explain the letters it shares with Kazakh', () => {
    expect(kazakhScriptOf('Київ і Харків', ['uk'])).toBeUndefined();
    expect(kazakhScriptOf('Київ і Харків')).toBe('kk-Cyrl');
    expect(kazakhScriptOf('Güneşli bir gün', ['tr'])).toBeUndefined();
    expect(kazakhScriptOf('Schöne Grüße', ['de'])).toBeUndefined();
    expect(kazakhScriptOf('Жаңылыктар бүгүн', ['ky'])).toBeUndefined();
  });

  it('still sees Kazakh when a letter no other language explains is there', () => {
    expect(kazakhScriptOf('Ұлттық жаңалықтар і', ['uk'])).toBe('kk-Cyrl');
    expect(kazakhScriptOf('Qazaqşa jañalyqtar', ['tr'])).toBe('kk-Latn');
  });
});

describe('suggestLanguages', () => {
  it('puts the declared language first, then what the browser found in the page', () => {
    expect(suggestLanguages({ htmlLang: 'ru', pageLanguage: 'en' })).toEqual(['ru', 'en']);
  });

  it('does not let a guess on a short title override what the page says', () => {
    const kyrgyzGuess = { isReliable: true, languages: [{ language: 'ky', percentage: 100 }] };
    expect(
      suggestLanguages({ htmlLang: 'ru', detected: kyrgyzGuess, text: 'Онлайн-казино в Алматы' }),
    ).toEqual(['ru']);
  });

  it('uses a reliable detection when the page says nothing, or on a long selection', () => {
    const english = { isReliable: true, languages: [{ language: 'en', percentage: 90 }] };
    expect(suggestLanguages({ detected: english, text: 'Casino' })).toEqual(['en']);
    expect(suggestLanguages({ htmlLang: 'ru', detected: english, text: 'x'.repeat(80) })).toEqual([
      'ru',
      'en',
    ]);
  });

  it('ignores unreliable or minor detections', () => {
    const unreliable = { isReliable: false, languages: [{ language: 'de', percentage: 90 }] };
    expect(suggestLanguages({ detected: unreliable, text: 'Kasino' })).toEqual([]);
    const minor = {
      isReliable: true,
      languages: [
        { language: 'ru', percentage: 80 },
        { language: 'uk', percentage: 12 },
      ],
    };
    expect(suggestLanguages({ detected: minor, text: 'Казино' })).toEqual(['ru']);
  });

  it('uses the page language the browser detected when the page declares none', () => {
    expect(suggestLanguages({ pageLanguage: 'uz' })).toEqual(['uz']);
  });

  it('refines a declared Kazakh with the script of the title', () => {
    expect(suggestLanguages({ htmlLang: 'kk', text: 'Жаңалықтар' })).toEqual(['kk-Cyrl']);
    expect(suggestLanguages({ htmlLang: 'kk-KZ', text: 'Jañalyqtar' })).toEqual(['kk-Latn']);
    expect(suggestLanguages({ htmlLang: 'kk', text: 'News' })).toEqual(['kk']);
  });

  it('adds Kazakh after the declared language when the title is Kazakh', () => {
    expect(suggestLanguages({ htmlLang: 'ru', text: 'Онлайн-казино: ұтыс ойындары' })).toEqual([
      'ru',
      'kk-Cyrl',
    ]);
  });

  it('overrules a detector that takes Latin Kazakh for Turkish', () => {
    const evidence = {
      detected: { isReliable: true, languages: [{ language: 'tr', percentage: 90 }] },
      text: 'Qazaqstan jañalyqtary',
    };
    expect(suggestLanguages(evidence)).toEqual(['kk-Latn']);
  });

  it('offers Latin Kazakh beside a detected Turkish when only shared letters are seen', () => {
    const evidence = {
      detected: { isReliable: true, languages: [{ language: 'tr', percentage: 90 }] },
      text: 'Bügın ne bolyp jatyr',
    };
    expect(suggestLanguages(evidence)).toEqual(['tr', 'kk-Latn']);
  });

  it('believes a page that declares Turkish', () => {
    expect(suggestLanguages({ htmlLang: 'tr', text: 'Bugün güneşli' })).toEqual(['tr']);
  });

  it('does not repeat Kazakh with and without its script', () => {
    expect(suggestLanguages({ htmlLang: 'kk-Cyrl', pageLanguage: 'kk', text: 'Қала' })).toEqual([
      'kk-Cyrl',
    ]);
  });

  it('suggests nothing when nothing is known', () => {
    expect(suggestLanguages({})).toEqual([]);
  });

  it('always answers 0–5 distinct codes of the taxonomy', () => {
    const tag = fc.oneof(
      fc.constantFrom(...LANGUAGE_CODES, 'kk-Latn-KZ', 'fr', 'und'),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.option(tag, { nil: undefined }),
        fc.option(tag, { nil: undefined }),
        fc.array(fc.record({ language: tag, percentage: fc.integer({ min: 0, max: 100 }) })),
        fc.boolean(),
        fc.string(),
        (htmlLang, pageLanguage, languages, isReliable, text) => {
          const result = suggestLanguages({
            htmlLang,
            pageLanguage,
            detected: { isReliable, languages },
            text,
          });
          expect(result.length).toBeLessThanOrEqual(5);
          expect(new Set(result).size).toBe(result.length);
          for (const code of result) expect(LANGUAGE_CODES).toContain(code);
        },
      ),
      { numRuns: 300 },
    );
  });
});
