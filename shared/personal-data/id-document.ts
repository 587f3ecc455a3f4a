import { allMatches } from './all-matches';
import { labelBefore } from './number-context';
import type { Detector, Finding } from './types';

/**
 * Identity card and passport numbers, found as numbers of the right shape that a word naming the
 * document precedes within the same clause: "удостоверения личности за № 045 781 236",
 * "жеке куәлігінің нөмірі 046205318", "jeke kuäligı № 037-552-148", "passport no. N10445590".
 */

// Words naming an identity card, in any case form: Russian, Kazakh in Cyrillic and in Latin, English.
const ID_CARD_WORD = String.raw`(?<card>удостоверени\p{L}*|уд\.?\s{0,2}л(?:ичности|\.)|у\/л|ку[аә]л[іи][кг]\p{L}*|ku[aä]l[iı][kg]\p{L}*|id[\s-]?(?:card|карт\p{L}*|number|no\.?|nr\.?)|identity\s+card)`;
// Words naming a passport.
const PASSPORT_WORD = String.raw`(?<passport>(?:загран)?паспорт\p{L}*|төлқұжат\p{L}*|t[öo]lq[ūu]jat\p{L}*|pasport\p{L}*|passport\p{L}*)`;
// Between the word and the number: other words of the clause, but no digit, no clause break and
// no new sentence ("No. N…" and "уд. личности" keep going; ". Номер заказа" does not).
const MAX_GAP = 48;
const GAP = new RegExp(String.raw`^(?:(?!\.\s+\p{Lu}\p{Ll})[^\d\n!?;]){0,${MAX_GAP}}$`, 'u');
// The longest number below with its "N" and "№": "45 12 № 384756".
const MAX_NUMBER = 16;
// Where a document word may start (cheap, found first) and the whole word read from there.
const MAY_START_WORD =
  /удостов|уд\.|у\/л|паспорт|загран|төлқұжат|t[öo]lq[ūu]jat|ку[аә]л[іи]|ku[aä]l[iı]|id|identity|passport|pasport/giu;
const DOCUMENT_WORD = new RegExp(`(?:${ID_CARD_WORD}|${PASSPORT_WORD})`, 'iuy');
const WORD_CHAR = /[\p{L}\p{N}]/u;

// An identity card has 9 digits, in one run or in groups of three; a Kazakh passport N and 8
// digits (N 1204 5531); a Russian one 45 12 № 384756; older passports 9 digits.
const DOCUMENT_NUMBER =
  /(?<![\p{L}\p{N}])(?:(?<latin>[NН]\s?(?:\d{8}|\d{4}\s\d{4}|\d{2}\s\d{3}\s\d{3}))|(?<nine>\d{3}(?<sep>[ \u00a0-]?)\d{3}\k<sep>\d{3})|(?<russian>\d{2}\s?\d{2}\s?(?:№\s?)?\d{6}))(?![\p{L}\p{N}]|[ \u00a0-]\d)/gu;

// The same, read at one place of the whole text: the window above may cut a longer number short.
const DOCUMENT_NUMBER_AT = new RegExp(DOCUMENT_NUMBER.source, 'uy');

// The word fixes what the number is; the format could still be mistyped.
const CONFIDENCE = 0.9;

/** The number right after a document word, if only the words of one clause stand between. */
function numberAfter(text: string, wordEnd: number): RegExpExecArray | null {
  const window = text.slice(wordEnd, wordEnd + MAX_GAP + MAX_NUMBER);
  DOCUMENT_NUMBER.lastIndex = 0;
  const number = DOCUMENT_NUMBER.exec(window);
  if (!number || !GAP.test(window.slice(0, number.index))) return null;
  DOCUMENT_NUMBER_AT.lastIndex = wordEnd + number.index;
  return DOCUMENT_NUMBER_AT.exec(text);
}

/**
 * Finds identity card and passport numbers that follow a word naming the document. A bare
 * 9-digit number is not one: without the word it is as likely an order or a post number.
 */
export const detectIdDocuments: Detector = (text) => {
  // The document word nearest before a number says what it is: later words overwrite earlier ones.
  const named = new Map<number, { kind: 'card' | 'passport'; number: RegExpExecArray }>();
  for (const candidate of allMatches(MAY_START_WORD, text)) {
    if (WORD_CHAR.test(text[candidate.index - 1] ?? ' ')) continue;
    DOCUMENT_WORD.lastIndex = candidate.index;
    const word = DOCUMENT_WORD.exec(text);
    if (!word) continue;
    const number = numberAfter(text, DOCUMENT_WORD.lastIndex);
    if (number) named.set(number.index, { kind: word.groups!.card ? 'card' : 'passport', number });
  }
  const findings: Finding[] = [];
  for (const [start, { kind, number }] of named) {
    // An identity card number is 9 digits; the other shapes are passports'.
    if (kind === 'card' && !number.groups!.nine) continue;
    // "паспорт был утерян, заказ 045612378": the nearer label says what the number is.
    const label = labelBefore(text, start);
    if (label === 'reference' || label === 'tax') continue;
    findings.push({
      kind: 'id_document',
      start,
      end: start + number[0].length,
      confidence: CONFIDENCE,
    });
  }
  return findings.sort((a, b) => a.start - b.start);
};
