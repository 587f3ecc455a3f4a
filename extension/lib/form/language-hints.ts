import { LANGUAGE_CODES, type Language } from '#shared/taxonomy';
import { FORM_LIMITS } from './limits';

/** What the browser could tell about a page's language. */
export type LanguageEvidence = {
  /** `<html lang>` of the page, as written (`kk-KZ`, `ru`, `en-us`…). */
  htmlLang?: string;
  /** The language the browser detected in the page's content (`tabs.detectLanguage`). */
  pageLanguage?: string;
  /** `i18n.detectLanguage` on the title and the selection. */
  detected?: { isReliable: boolean; languages: { language: string; percentage: number }[] };
  /** The title and the selected text, for the script check. */
  text?: string;
};

type Alphabet = Readonly<Record<string, readonly Language[]>>;

// Letters of Kazakh Cyrillic that Russian lacks, with the other languages of the taxonomy that
// also write each one: a lone `і` in a Ukrainian text is not a Kazakh hint.
const KAZAKH_CYRILLIC: Alphabet = {
  ә: [],
  ғ: ['tg'],
  қ: ['tg'],
  ң: ['ky'],
  ө: ['ky'],
  ұ: [],
  ү: ['ky'],
  һ: [],
  і: ['uk'],
};

// Letters of the Kazakh Latin alphabet (2021) that plain Latin lacks, likewise.
const KAZAKH_LATIN: Alphabet = {
  ä: ['de'],
  ğ: ['tr', 'az'],
  ñ: [],
  ö: ['tr', 'az', 'de'],
  ū: [],
  ü: ['tr', 'az', 'de'],
  ı: ['tr', 'az'],
  ş: ['tr', 'az'],
};

// Below this share a detected language is noise.
const MIN_DETECTED_PERCENTAGE = 30;
// A text this long says more about its language than a title does.
const MIN_DETECTED_TEXT = 80;

/** The taxonomy's language code for a BCP 47 tag, or undefined when the taxonomy has none. */
export function languageFromTag(tag: string | undefined): Language | undefined {
  if (!tag) return undefined;
  const [primary = '', ...rest] = tag.trim().replace(/_/g, '-').split('-');
  const base = primary.toLowerCase();
  if (base === 'kk') {
    const script = rest.find((part) => part.length === 4)?.toLowerCase();
    if (script === 'latn') return 'kk-Latn';
    if (script === 'cyrl') return 'kk-Cyrl';
    if (script === 'arab') return 'kk-Arab';
    return 'kk';
  }
  const known =
    (LANGUAGE_CODES as readonly string[]).includes(base) && base !== 'other' && base !== 'und';
  return known ? (base as Language) : undefined;
}

/** How many distinct letters of an alphabet the text has that none of `others` writes. */
function markCount(text: string, alphabet: Alphabet, others: readonly Language[]): number {
  const lower = text.toLowerCase();
  return Object.entries(alphabet).filter(
    ([letter, writers]) => lower.includes(letter) && !writers.some((l) => others.includes(l)),
  ).length;
}

/**
 * The Kazakh script a text is written in, judged by letters only Kazakh writes: Cyrillic Ә Ғ Қ Ң
 * Ө Ұ Ү Һ І or Latin ä ğ ñ ö ū ü ı ş. Letters that a language in `others` also writes do not
 * count, so Ukrainian or Turkish text is left alone.
 */
export function kazakhScriptOf(
  text: string,
  others: readonly Language[] = [],
): 'kk-Cyrl' | 'kk-Latn' | undefined {
  const cyrillic = markCount(text, KAZAKH_CYRILLIC, others);
  const latin = markCount(text, KAZAKH_LATIN, others);
  if (cyrillic === 0 && latin === 0) return undefined;
  return cyrillic >= latin ? 'kk-Cyrl' : 'kk-Latn';
}

/**
 * Content languages to suggest for a page, most likely first: its declared language, what the
 * browser detected, refined by the Kazakh script check. The analyst decides; this fills the form.
 */
export function suggestLanguages(evidence: LanguageEvidence): Language[] {
  const declared = languageFromTag(evidence.htmlLang);
  const detected: Language[] = [];
  const add = (language: Language | undefined) => {
    if (language && language !== declared && !detected.includes(language)) detected.push(language);
  };
  const pageLanguage = languageFromTag(evidence.pageLanguage);
  add(pageLanguage);
  // Detection on a title is a guess (Chromium takes «Онлайн-казино в Алматы» for Kyrgyz): it
  // speaks only when the page says nothing itself, or for a text long enough (a selection).
  const text = evidence.text ?? '';
  const pageSilent = !declared && !pageLanguage;
  if (evidence.detected?.isReliable && (pageSilent || text.length >= MIN_DETECTED_TEXT)) {
    for (const { language, percentage } of evidence.detected.languages) {
      if (percentage >= MIN_DETECTED_PERCENTAGE) add(languageFromTag(language));
    }
  }

  // Detectors trained on Cyrillic Kazakh take Latin Kazakh for Turkish or Azerbaijani: letters a
  // detected (not declared) language explains still hint at Kazakh, next to that language.
  const others = (list: (Language | undefined)[]) =>
    list.filter((l): l is Language => !!l && !l.startsWith('kk'));
  const certain = kazakhScriptOf(text, others([declared, ...detected]));
  const possible = markCount(text, KAZAKH_LATIN, others([declared])) > 0 ? 'kk-Latn' : undefined;
  const script = certain ?? possible;

  let languages = [declared, ...detected].filter((l): l is Language => !!l);
  if (script) {
    const plain = languages.indexOf('kk');
    if (plain >= 0) languages[plain] = script;
    else if (!languages.some((l) => l.startsWith('kk-'))) {
      languages.splice(certain && declared ? 1 : languages.length, 0, script);
    }
    if (certain === 'kk-Latn') {
      languages = languages.filter((l) => l === declared || (l !== 'tr' && l !== 'az'));
    }
  }
  return [...new Set(languages)].slice(0, FORM_LIMITS.maxLanguages);
}
