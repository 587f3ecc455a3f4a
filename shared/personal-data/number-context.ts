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
  'бсн',
  'рнн',
  'огрн',
  'кпп',
  'окпо',
  'iin',
  'bin',
  'tin',
  'jsn',
  'bsn',
]);

/** Every form of each stem with each ending: a closed list, so "заказчика" is not an order. */
function forms(stems: string, endings: string): string[] {
  const tails = endings.split(' ').map((tail) => (tail === '0' ? '' : tail));
  return stems.split(' ').flatMap((stem) => tails.map((tail) => stem + tail));
}

// Russian nouns by declension, Kazakh stems with their case suffixes, in Cyrillic and in the
// 2021 Latin alphabet, and English words: what a note labels an order, an account, a lot…
const MASCULINE = '0 а у ом е ы ов ам ами ах';
const FEMININE = 'а ы и е у ой ей ю я';
const NEUTER = 'о е а я у ю ом ем и';
const KAZAKH = '0 ы і ін ын ға ге қа ке на не да де та те дан ден тан тен ның нің тың тің сы сі';
const KAZAKH_LATIN =
  '0 y ı yn ın ğa ge qa ke na ne da de ta te dan den tan ten nyñ nıñ tyñ tıñ sy sı';
const REFERENCE_WORDS = new Set([
  ...forms(
    'заказ артикул трек договор контракт приговор протокол лот промокод купон ваучер счёт счет чек тикет билд',
    MASCULINE,
  ),
  ...forms('платеж платёж', '0 а у ом е и ей'),
  ...forms('кошел', 'ёк ек ька ьку ьком ьке'),
  ...forms('накладн', 'ая ой ую ые ых'),
  ...forms('квитанци транзакци парти верси', 'я и ю ей'),
  ...forms('заявк фактур сборк', FEMININE),
  ...forms('дел', 'о а у ом е'),
  ...forms('решени постановлени обращени', NEUTER),
  ...forms('лицев', 'ой ого ом ому'),
  ...forms('серийн', 'ый ого ом'),
  ...forms('шот тапсырыс келісімшарт лот промокод трек түбіртек әмиян іс нұсқа нұсқас', KAZAKH),
  ...forms('түбіртег', 'і ін іне інің'),
  ...forms(
    'şot tapsyrys kelısımşart kelisimshart lot promokod trek tübırtek ämian ıs nūsqa nūsqas',
    KAZAKH_LATIN,
  ),
  ...forms('tübırteg', 'ı ın ıne ınıñ'),
  ...'order orders sku case track tracking invoice account acct lot promo code coupon voucher contract reference ref transaction txn ticket customer serial batch article receipt payment wallet bill version build release'.split(
    ' ',
  ),
]);
const SIGN_WORDS = new Set(['id', 'no', 'nr']);
// Words that may stand between a label and its number: "заказ номер 123", "order No. 123".
const NUMBER_WORDS = new Set([
  ...forms('номер', '0 а у ом е'),
  ...forms('нөмір', '0 і ін іне інің'),
  ...forms('nömır nömir', '0 ı i ın in'),
  'number',
  'no',
  'nr',
  'id',
  'код',
  'кода',
  'коду',
]);
// A word that says the number is a phone: the label search stops there ("тел. заказа" is rare).
const PHONE_WORD =
  /^(?:тел|телефон\p{L}*|моб\p{L}*|сот\p{L}*|whatsapp|ватсап\p{L}*|вотсап\p{L}*|viber|вайбер\p{L}*|telegram|телеграм\p{L}*|phone|tel|call|байланыс\p{L}*|baılanys|bailanys)$/u;
// A noun in the genitive that a label may govern: "счёт абонента", "номер устройства".
const GOVERNED = /(?:а|я|ы|и|ов|ев|ей|ого|его)$/u;

function isFillerCode(code: number): boolean {
  // Whitespace, ":", ".", "-", "/".
  return (
    code === 0x3a ||
    code === 0x2e ||
    code === 0x2d ||
    code === 0x2f ||
    code <= 0x20 ||
    code === 0xa0
  );
}

function isSignCode(code: number): boolean {
  return code === 0x2116 || code === 0x23; // "№", "#"
}

function isLetterCode(code: number): boolean {
  // Latin with the Kazakh Latin letters (ä ğ ı ñ ö ş ū ü), Cyrillic with the Kazakh letters.
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x400 && code <= 0x4ff)
  );
}

function classifyWord(word: string): NumberLabel | null {
  if (TAX_WORDS.has(word)) return 'tax';
  if (REFERENCE_WORDS.has(word)) return 'reference';
  return SIGN_WORDS.has(word) ? 'sign' : null;
}

/**
 * The label that precedes `start` in `text`, if any: "ИНН 7707…", "Номер заказа: 96…",
 * "дело № 2-1234", "арт. 5012…", "лицевой счёт абонента 7…", "promo code 77…", "şot nömırı 70…".
 * Read backwards word by word over "номер", "№" and one governed noun, so it costs a few characters.
 */
export function labelBefore(text: string, start: number): NumberLabel | null {
  let i = start;
  let sign = false;
  let governed = false;
  // At most four words back: "заказ номер №", "серийный номер устройства".
  for (let words = 0; words < 4; words++) {
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
    if (label === 'reference' || (label === 'tax' && !governed)) return label;
    if (label === 'sign') sign = true;
    else if (NUMBER_WORDS.has(word)) continue;
    // One noun in the genitive may stand between a label and its number, never a phone word.
    else if (!governed && !sign && !PHONE_WORD.test(word) && GOVERNED.test(word)) governed = true;
    else break;
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
