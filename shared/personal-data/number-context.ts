/**
 * What the words around a number say it is. A note's numbers are mostly order, case and tax
 * numbers, amounts and counts; these checks keep them from being taken for phones or cards.
 */

/** The label written right before a number, by what it names. */
export type NumberLabel =
  /** ИНН, БИН, ИИН…: a tax identifier, never a phone or a card. */
  | 'tax'
  /** An order, article, tracking, case, contract or court decision number. */
  | 'reference'
  /** A bare `№`, `#`, `No.` or `ID`. */
  | 'sign';

const LOOK_AHEAD = 24;

const TAX_WORDS = new Set([
  'инн',
  'бин',
  'иин',
  'жсн',
  'рнн',
  'огрн',
  'кпп',
  'окпо',
  'iin',
  'bin',
  'tin',
]);
// Whole words with their case endings, so that "заказчика" (a customer) is not an order.
const REFERENCE_WORD =
  /^(?:заказ(?:а|у|ом|е|ы|ов)?|артикул(?:а|у|ом|е|ы)?|трек(?:а|у|ом|е)?|накладн(?:ая|ой|ую)|договор(?:а|у|ом|е)?|(?:решени|постановлени)(?:е|я|ю|ем|и)|(?:приговор|протокол)(?:а|у|ом|е)?|фактур(?:а|ы|е|у|ой)|дел(?:о|а|у|ом|е)|order|sku|case|track|tracking|invoice)$/;
const SIGN_WORDS = new Set(['id', 'no', 'nr']);
// Words that may stand between a label and its number: "заказ номер 123", "order No. 123".
const NUMBER_WORDS = new Set(['номер', 'number', 'no', 'nr', 'id']);

function isFillerCode(code: number): boolean {
  // Whitespace, ":", ".", "-".
  return code === 0x3a || code === 0x2e || code === 0x2d || code <= 0x20 || code === 0xa0;
}

function isSignCode(code: number): boolean {
  return code === 0x2116 || code === 0x23; // "№", "#"
}

function isLetterCode(code: number): boolean {
  // Latin, Cyrillic (with the Kazakh letters): enough for the label words above.
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x400 && code <= 0x4ff)
  );
}

function classifyWord(word: string): NumberLabel | null {
  if (TAX_WORDS.has(word)) return 'tax';
  if (REFERENCE_WORD.test(word)) return 'reference';
  return SIGN_WORDS.has(word) ? 'sign' : null;
}

/**
 * The label that directly precedes `start` in `text`, if any: "ИНН 7707…", "Номер заказа: 96…",
 * "дело № 2-1234", "арт. 5012…". Read backwards word by word, so it costs a few characters.
 */
export function labelBefore(text: string, start: number): NumberLabel | null {
  let i = start;
  let sign = false;
  // At most three words back: "заказ номер №", "order No.".
  for (let words = 0; words < 3; words++) {
    while (i > 0 && isFillerCode(text.charCodeAt(i - 1))) i--;
    if (i > 0 && isSignCode(text.charCodeAt(i - 1))) {
      sign = true;
      i--;
      continue;
    }
    const end = i;
    while (i > 0 && isLetterCode(text.charCodeAt(i - 1))) i--;
    if (i === end || (i > 0 && /[\p{L}\p{N}_]/u.test(text[i - 1]!))) break;
    const word = text.slice(i, end).toLowerCase();
    // "арт." only with its dot, so that the word "арт" (art) is not a label.
    if (word === 'арт' && text[end] === '.') return 'reference';
    const label = classifyWord(word);
    if (label && label !== 'sign') return label;
    if (!NUMBER_WORDS.has(word)) return label ?? (sign ? 'sign' : null);
    if (label) sign = true;
  }
  return sign ? 'sign' : null;
}

// Currencies, multipliers and counted things: "15 000 тенге", "12 000 подписчиков".
const UNIT_AFTER = new RegExp(
  '^[\\s\\u00a0]*(?:[₸$€₽%]|(?:тенге|тг|руб\\p{L}*|р\\.|сом\\p{L}*|сум\\p{L}*|долл\\p{L}*|' +
    'евро|usd|eur|kzt|rub|млн|млрд|тыс\\p{L}*|трлн|процент\\p{L}*|просмотр\\p{L}*|' +
    'подписчик\\p{L}*|лайк\\p{L}*|репост\\p{L}*|комментари\\p{L}*|человек\\p{L}*|чел\\.|' +
    'раз|штук\\p{L}*|шт|км|кг|лет|год\\p{L}*|views|subscribers|followers|likes|' +
    'қарау|жазылушы\\p{L}*|адам)(?![\\p{L}\\p{N}]))',
  'iu',
);

/** Whether the number ending at `end` is followed by a unit, so it is an amount or a count. */
export function isFollowedByUnit(text: string, end: number): boolean {
  return UNIT_AFTER.test(text.slice(end, end + LOOK_AHEAD));
}

// Characters that glue a number into a URL, an e-mail, a handle or a code.
const GLUE = /[\p{L}\p{N}_/\\@=&%]/u;

/** Whether the span stands on its own rather than inside a URL, an address or a longer code. */
export function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  if (GLUE.test(before) || GLUE.test(after)) return false;
  // "wall-1234" or "id-87012345678": a hyphen glued to a word is part of an identifier.
  if (before === '-' && GLUE.test(text[start - 2] ?? ' ')) return false;
  return true;
}

// Characters that put a number inside a link, a query or an e-mail address.
const LINK_GLUE = /[/\\=_@&?#%]/;

/** Whether the span sits inside a link or an address ("t.me/c/880412378771", "id=…"). */
export function isInsideLink(text: string, start: number, end: number): boolean {
  return LINK_GLUE.test(text[start - 1] ?? ' ') || LINK_GLUE.test(text[end] ?? ' ');
}

/** Whether the text right before `start` ends with one of the given context words. */
export function hasContextBefore(
  text: string,
  start: number,
  context: RegExp,
  lookBehind = 32,
): boolean {
  return context.test(text.slice(Math.max(0, start - lookBehind), start));
}
