import { findDigitClusters } from './digit-clusters';
import { isFollowedByUnit, labelBefore } from './number-context';
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
// no new sentence ("No. N…" and "уд. личности" keep going; ". Номер заказа" does not). The
// greedy start makes the nearest word the one that names the number.
const GAP = String.raw`(?:(?!\.\s+\p{Lu}\p{Ll})[^\d\n!?;])`;
const MAX_GAP = 48;
const WORD_THEN_GAP = new RegExp(
  String.raw`^[\s\S]*(?<![\p{L}\p{N}])(?:${ID_CARD_WORD}|${PASSPORT_WORD})${GAP}{0,${MAX_GAP}}$`,
  'iu',
);
const LOOK_BEHIND = 96;
// Cheap first look for the start of any of the words above.
const MAY_NAME_DOCUMENT =
  /удостов|уд\.|у\/л|паспорт|төлқұжат|t[öo]lq[ūu]jat|ку[аә]л[іи]|ku[aä]l[iı]|id|identity|passport|pasport/i;

// An identity card has 9 digits, in one run or in groups of three; a Kazakh passport N and 8
// digits (N 1204 5531); a Russian one 45 12 № 384756; older passports 9 digits.
const DOCUMENT_NUMBER_AT =
  /(?<![\p{L}\p{N}])(?:(?<latin>[NН]\s?(?:\d{8}|\d{4}\s\d{4}|\d{2}\s\d{3}\s\d{3}))|(?<nine>\d{3}(?<sep>[ \u00a0-]?)\d{3}\k<sep>\d{3})|(?<russian>\d{2}\s?\d{2}\s?(?:№\s?)?\d{6}))(?![\p{L}\p{N}]|[ \u00a0-]\d)/uy;

// The word fixes what the number is; the format could still be mistyped.
const CONFIDENCE = 0.9;

/** What the nearest document word before `start` names, if one governs the number there. */
function documentNamedBefore(text: string, start: number): 'card' | 'passport' | null {
  const window = text.slice(Math.max(0, start - LOOK_BEHIND), start);
  if (!MAY_NAME_DOCUMENT.test(window)) return null;
  const match = WORD_THEN_GAP.exec(window);
  if (!match) return null;
  return match.groups!.card ? 'card' : 'passport';
}

/**
 * Finds identity card and passport numbers that follow a word naming the document. A bare
 * 9-digit number is not one: without the word it is as likely an order or a post number.
 * Numbers are rarer than words, so each group of digits (shared with the IIN and card scans) is
 * tried as a document number, "N" included, and only then are the words before it read.
 */
export const detectIdDocuments: Detector = (text) => {
  const findings: Finding[] = [];
  let searchedTo = 0;
  for (const cluster of findDigitClusters(text)) {
    if (cluster.end - cluster.start < 4) continue;
    for (let start = Math.max(searchedTo, cluster.start - 2); start <= cluster.start; start++) {
      DOCUMENT_NUMBER_AT.lastIndex = start;
      const number = DOCUMENT_NUMBER_AT.exec(text);
      if (!number) continue;
      const end = start + number[0].length;
      searchedTo = end;
      const named = documentNamedBefore(text, start);
      // An identity card number is 9 digits; the other shapes are passports'.
      if (!named || (named === 'card' && !number.groups!.nine)) break;
      // "паспорт был утерян, заказ 045612378": the nearer label says what the number is, and
      // "паспорта по 150 000 000 тенге" is an amount.
      const label = labelBefore(text, start);
      if (label === 'reference' || label === 'tax' || isFollowedByUnit(text, end)) break;
      findings.push({ kind: 'id_document', start, end, confidence: CONFIDENCE });
      break;
    }
  }
  return findings;
};
