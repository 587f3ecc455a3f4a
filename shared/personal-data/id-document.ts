import { allMatches } from './all-matches';
import type { Detector, Finding } from './types';

// Words naming an identity card, in Russian, Kazakh and English; its number has 9 digits.
const ID_CARD_WORD =
  '(?:удостоверени\\p{L}*(?:\\s+личности)?|уд\\.?\\s*личности|уд\\.\\s*л\\.|у/л|' +
  'жеке\\s+куәлі\\p{L}*|id[\\s-]?card|id[\\s-]?карт\\p{L}*|identity\\s+card)';
const ID_CARD_NUMBER = '(?<card>\\d{9})';
// Words naming a passport. Kazakh: N + 8 digits; Russian: 45 10 123456; older ones: 9 digits.
const PASSPORT_WORD = '(?:(?:загран)?паспорт\\p{L}*|төлқұжат\\p{L}*|passport)';
const PASSPORT_NUMBER = '(?<passport>[NН]\\s?\\d{8}|\\d{2}\\s?\\d{2}\\s?(?:№\\s?)?\\d{6}|\\d{9})';
// Between the word and the number: "№", "серии", "номер", "No.", "РК", "данные", punctuation.
const FILLER =
  '(?:[\\s:№#,.()«»"—–-]|данные|данных|серии|серия|series|номер\\p{L}*|нөмір\\p{L}*|number|no|nr|гражданина|личности|' +
  'РК|РФ|Республики|Казахстан\\p{L}*|Қазақстан\\p{L}*|Kazakhstan|of|the|Republic)*';
const DOCUMENT_NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${ID_CARD_WORD}${FILLER}${ID_CARD_NUMBER}|${PASSPORT_WORD}${FILLER}${PASSPORT_NUMBER})(?![\\p{L}\\p{N}])`,
  'giud',
);
// Cheap first look for the start of any of the words above.
const MAY_NAME_DOCUMENT = /удостов|уд\.|у\/л|паспорт|төлқұжат|куәлі|\bid|identity|passport/i;
// The word fixes what the number is; the format could still be mistyped.
const CONFIDENCE = 0.9;

/**
 * Finds identity card and passport numbers that follow a word naming the document. A bare
 * 9-digit number is not one: without the word it is as likely an order or a post number.
 */
export const detectIdDocuments: Detector = (text) => {
  if (!MAY_NAME_DOCUMENT.test(text) || !/\d{6}/.test(text)) return [];
  const findings: Finding[] = [];
  for (const match of allMatches(DOCUMENT_NUMBER, text)) {
    const groups = match.indices!.groups!;
    const [start, end] = groups.card ?? groups.passport!;
    findings.push({ kind: 'id_document', start, end, confidence: CONFIDENCE });
  }
  return findings;
};
