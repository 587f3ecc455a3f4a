/**
 * Word forms that make a capitalised word part of a person's name: surname and patronymic
 * endings (with their case endings), in Cyrillic with Kazakh letters and in Latin transliteration.
 */

// Kazakh letters folded to their Russian look-alikes, so one ending list serves both spellings.
// The Kazakh і stays: "-ін" is a Kazakh grammatical ending (бүгін, кейін), not the surname "-ин".
const KAZAKH_FOLD: Record<string, string> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  ё: 'е',
  ь: '',
  ъ: '',
};

const NEEDS_FOLD = /[әғқңөұүһёьъ]/;
const FOLDED_LETTER = /[әғқңөұүһёьъ]/g;

/** Lower-cases a Cyrillic word and folds Kazakh letters (except і) and soft signs away. */
export function foldCyrillic(word: string): string {
  const lower = word.toLowerCase();
  return NEEDS_FOLD.test(lower)
    ? lower.replace(FOLDED_LETTER, (char) => KAZAKH_FOLD[char]!)
    : lower;
}

// Kazakh case suffixes that follow the last word of a name: Нұрлановқа, Болатұлының.
const KAZAKH_CASE = '(?:[ндт][ыі]н|[гк][ае]|[ндт][ае]н?|[нсдт][ыі]|[мбп]ен)?';
const MIN_STEM = '[а-яі-]{2,30}';

const CYRILLIC_SURNAME = new RegExp(
  `^(?:${MIN_STEM}(?:(?:ов|ев|ин)(?:а|у|ым|ой|ом|е|ых|ыми|ы)?|цын(?:а|у|ым|ой|е)?)${KAZAKH_CASE}` +
    `|${MIN_STEM}[сц]к(?:ий|ая|ого|ому|им|ом|ой|ую|ие|их)` +
    `|${MIN_STEM}(?:бек(?:а|у|ом|е)?|ба(?:й|я|ю|ем|е))` +
    `|${MIN_STEM}енко` +
    `|[а-яі-]{3,30}[ую]к(?:а|у|ом|е)?` +
    `|${MIN_STEM}(?:улы|кызы)${KAZAKH_CASE})$`,
  'u',
);

const CYRILLIC_PATRONYMIC = new RegExp(
  `^(?:${MIN_STEM}ич(?:а|у|ем|е)?|${MIN_STEM}(?:[ое]вн|ичн)(?:а|ы|е|у|ой)` +
    `|[а-яі-]{3,30}(?:улы|кызы)${KAZAKH_CASE})$`,
  'u',
);

const SEPARATE_PATRONYMIC = new RegExp(`^(?:улы|кызы)${KAZAKH_CASE}$`, 'u');

const LATIN_SURNAME =
  /^[a-z-]{2,30}(?:y?ov|y?ev|iev|in|y?ova|y?eva|ina|sk(?:y|iy|ii|aya)|tsk(?:y|iy|aya)|bek|ba[yi]|enko|[yc]?uk|uly|uli|[kq]yzy)$/;
// Kazakh Latin spells қызы "qyzy" (2021) or "qızı" (2018); ұлы "ūly"; folded, these lose their marks.
const LATIN_PATRONYMIC = /^[a-z-]{2,30}(?:[oe]vich|[oe]vna|ichna|uly|uli|ulu|[kq][yi]z[yi])$/;
const LATIN_SEPARATE_PATRONYMIC = /^(?:uly|uli|ulu|[kq][yi]z[yi])$/;

// Common words and places with a surname ending: a shop, a drug, a country, a city, a role.
const NOT_SURNAME =
  /^(?:один|магазин|бензин|карантин|героин|кокаин|амфетамин|метамфетамин|кетамин|витамин|кофеин|гражданин|господин|админ|мусульманин|христианин|украин|киев|ростов|саратов|псков|тамбов|кишинев|львов|харьков|чернигов|берлин|пекин|дуба[йеяю]|бугин|кейин|внук|мужчин|женщин|машин|картин|причин|половин|витрин|корзин|вершин|остров|готов|здоров|admin|login|bitcoin|berlin|kremlin|linkedin|begin|within|origin|margin|plugin|domain|main|again|chain|coin|join|skin|heroin|vitamin|protein|geneva|china|argentina|ukrain|casanova|supernova|dubai|mumbai|bombay|whisky|kiev)/u;

// Korean surnames, common in Kazakhstan, carry no ending; the given name beside them must be known.
const KOREAN_SURNAMES = new Set(
  'ким пак цой ли тен шин огай югай хегай когай тян лим kim pak park tsoy choi li lee ten shin ogay yugay khegay kogay'.split(
    ' ',
  ),
);

// Diacritics of the Kazakh Latin alphabets, folded before the skeleton is taken.
const LATIN_FOLD: Record<string, string> = { ş: 'sh', ç: 'ch', ı: 'i' };
const NON_ASCII = /[^ -~]/;

/** Lower-cases a Latin word and removes diacritics (Ä, Ğ, Ñ, Ö, Ū, Ü, Ş…). */
export function foldLatin(word: string): string {
  const lower = word.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  let folded = '';
  for (const char of lower) folded += LATIN_FOLD[char] ?? char;
  return folded.normalize('NFD').replace(/\p{M}/gu, '');
}

/** A word's script and its folded spelling, worked out once and shared by every test below. */
export type WordForm = { script: 'cyrillic' | 'latin' | 'other'; folded: string };

function scriptOf(word: string): WordForm['script'] {
  let cyrillic = false;
  let latin = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x400 && code <= 0x52f) cyrillic = true;
    else if ((code | 32) >= 97 && (code | 32) <= 122) latin = true;
    else if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) latin = true;
    else if (code >= 0x300 && code <= 0x36f) continue;
    else if (code !== 45 && code !== 39 && code !== 0x2019) return 'other';
  }
  if (cyrillic === latin) return 'other';
  return cyrillic ? 'cyrillic' : 'latin';
}

/** The script and folded spelling of a word. */
export function wordForm(word: string): WordForm {
  const script = scriptOf(word);
  if (script === 'cyrillic') return { script, folded: foldCyrillic(word) };
  if (script === 'latin') return { script, folded: foldLatin(word) };
  return { script, folded: word.toLowerCase() };
}

/** Whether a word has the form of a surname: Иванов, Иванову, Сейтқазиева, Ковальчук, Ivanova… */
export function isSurnameForm({ script, folded }: WordForm): boolean {
  if (script === 'other') return false;
  if (KOREAN_SURNAMES.has(folded)) return true;
  const pattern = script === 'cyrillic' ? CYRILLIC_SURNAME : LATIN_SURNAME;
  return pattern.test(folded) && !NOT_SURNAME.test(folded);
}

/** Whether a word is a patronymic: Иванович, Ивановной, Болатұлы, Серікқызы, Ivanovich, Bolatuly. */
export function isPatronymicForm({ script, folded }: WordForm): boolean {
  if (script === 'cyrillic') return CYRILLIC_PATRONYMIC.test(folded);
  if (script === 'latin') return LATIN_PATRONYMIC.test(folded);
  return false;
}

/** Whether a word is a Kazakh patronymic written apart from the father's name: ұлы, қызы, uly. */
export function isSeparatePatronymic({ script, folded }: WordForm): boolean {
  if (script === 'cyrillic') return SEPARATE_PATRONYMIC.test(folded);
  if (script === 'latin') return LATIN_SEPARATE_PATRONYMIC.test(folded);
  return false;
}
