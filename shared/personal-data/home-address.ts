import { addressContext, includeSettlements } from './address-context';
import { allMatches } from './all-matches';
import type { Detector, Finding } from './types';

/**
 * Street addresses down to a house or an apartment: "ул. Абая, д. 10, кв. 5", "мкр. Самал-2,
 * д. 58, кв. 14", "Абай көшесі, 150-үй, 12-пәтер", "ул. Толе би 59-12", "45 Abay Avenue, apt 12".
 * A street without a house number (митинг на ул. Абая) is a place, not an address. An address
 * that the words before it give to an organisation (юридический адрес ТОО…, офис 12) is the
 * organisation's public address, not a person's, and is not reported.
 */

// A house or apartment number: 10, 10А, 15/2.
const NUM = String.raw`\d{1,4}(?:\p{L}(?!\p{L}))?(?:\/\d{1,4}(?:\p{L}(?!\p{L}))?)?(?!\d)`;

// What may follow a house number written without д./дом: the end of the clause, an apartment
// ("59-12", "кв. 5"); not a word (ул. Абая 10 марта), a time (12:00) nor more digits (2 000 человек).
const BARE_NUMBER_END = String.raw`(?=[ \t]{0,2}(?:[,;)\]»"!?\n]|[.:](?!\d)|$|-\s?\d|(?:кв|корп|к\.|стр|блок|apt|kv|flat|unit|#|пәтер|патер|päter|pater|üi|üy)))`;

const HOUSE = String.raw`(?:[\s,]{0,4}(?:д\.|дом[аеу]?|д(?=\s)|house|bldg\.?|d\.|үй|üi|üy)\s{0,3}(?:№\s{0,2})?${NUM}|[\s,]{1,4}(?:№\s{0,2})?${NUM}\s{0,2}-?\s{0,2}(?:үй|уй|üi|üy|ui)\p{L}{0,4}|[\s,]{1,4}${NUM}${BARE_NUMBER_END})`;

const BUILDING = String.raw`(?:[\s,]{0,4}(?:корп\.?|корпус|к\.|стр\.|строение|блок|block)\s{0,3}(?:\d{1,3}|\p{Lu})(?![\p{L}\p{N}]))`;

const APARTMENT = String.raw`(?:[\s,]{0,4}(?:кв(?:\.|(?=\s))|квартир[аеуы]|кв-ра|apt\.?|apartment|flat|kv\.?|#)\s{0,3}(?:№\s{0,2})?${NUM}|[\s,]{0,4}${NUM}\s{0,2}-?\s{0,2}(?:пәтер|патер|päter|pater)\p{L}{0,4}|[\s,]{0,4}(?:пәтер|патер|päter|pater)\s{0,3}(?:№\s{0,2})?${NUM}|-\s?${NUM})`;

const REST = `${HOUSE}${BUILDING}{0,2}${APARTMENT}?`;

// Street words written before the name (ул. Абая, микрорайон Нурсат, ul. Timiryazeva).
const MARKER_BEFORE = String.raw`(?:[Уу]л\.|[Уу]л(?=\s)|[Уу]лиц(?:а|ы|е|у|ей)|[Пп]р\.|[Пп]р-к?т\.?|[Пп]росп\.|[Пп]роспект(?:а|е|у|ом)?|[Пп]ер\.|[Пп]ереул(?:ок|ка|ке)|б-р|[Бб]ульвар(?:а|е)?|[Мм]кр(?:н)?\.?|м-н|[Мм]икрорайон(?:а|е|у)?|[Шш]оссе|[Нн]аб\.|[Нн]абережн(?:ая|ой)|[Тт]ракт|[Кк]в-л|[Кк]вартал(?:а|е)?|[Жж]\/м|[Жж]илмассив(?:а|е)?|[Uu]l\.|[Uu]litsa|[Ss]tr\.|[Pp]r\.|[Pp]rospekt|[Mm]krn?\.?|[Mm]icrodistrict|[Mm]ikrorayon)`;

// A street name: a capitalised word (or "8 Марта", "Т. Рыскулова", "им. Абая"), then up to 40
// characters of name; or a bare number for a numbered microdistrict followed by д./дом.
const NAME_AFTER_MARKER = String.raw`(?:(?:им\.\s{0,2}|имени\s{1,2})?(?:\p{Lu}\.\s{0,2}){0,2}(?:\p{Lu}|\d{1,3}[\s-]{1,2}(?:лет\s{1,2})?\p{Lu})[\p{L}\p{M}\p{N}«»"'’.\- ]{0,40}?|\d{1,3}(?:-?й)?(?=[\s,]{1,4}(?:д\.|дом)))`;

// The word boundary is checked in code: a leading lookbehind would run at every position.
const MARKER_FIRST = new RegExp(
  String.raw`${MARKER_BEFORE}\s{0,3}${NAME_AFTER_MARKER}${REST}`,
  'gu',
);

// Street words written after the name (Абай көшесі, Абылай хан даңғылы, Abay street).
const MARKER_AFTER = String.raw`(?:көшес[іи]\p{L}{0,4}|кошес[иі]\p{L}{0,4}|даңғыл[ыи]\p{L}{0,4}|дангыл[ыи]\p{L}{0,4}|ықшамаудан[ыи]\p{L}{0,4}|ыкшамаудан[ыи]\p{L}{0,4}|шағын\s{1,2}аудан[ыи]?|тұйығы|k[öo][şs]es[iı]\p{L}{0,4}|da[ñn][ğg]yl[yı]\p{L}{0,4}|(?:şağyn|shagyn)\s{1,2}audan[yı]?|yqşamaudan[yı]\p{L}{0,4}|[Ss]treet|[Ss]tr?\.|[Aa]venue|[Aa]ve\.?|[Rr]oad|[Rr]d\.|[Bb]oulevard|[Bb]lvd\.?|koshesi|dangyly)`;
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}\p{N}'’.\-]{0,30}`;
const NAME_BEFORE_MARKER = String.raw`${NAME_WORD}(?:\s{1,2}(?:${NAME_WORD}|би|батыр|батыра|хан|хана|жырау|ата|ана|bi|batyr|batyra|han|khan|jyrau|ata|ana)){0,2}|\d{1,3}`;

// The street word is found first (it is rare) and the name looked for right before it: a pattern
// starting at every capital letter would cost far more.
const MARKER_AFTER_THEN_HOUSE = new RegExp(
  String.raw`${MARKER_AFTER}(?![\p{L}])(?:(?<house>${REST})|(?<apartment>${APARTMENT}))?`,
  'gu',
);

// The name before a street word, and for English order (45 Abay Avenue) the number before it.
const NAME_BEFORE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?<number>\d{1,4}[A-Za-z]?)\s{1,2})?(?<name>${NAME_BEFORE_MARKER})\s{1,2}$`,
  'du',
);
const NAME_LOOK_BEHIND = 100;
const ENGLISH_STREET = /^(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?)$/iu;

// After "проживает по адресу:" even a street without its word is an address: "Абая 10-5".
const SIGNALLED = new RegExp(
  String.raw`(?:прожива\p{L}{0,4}|прописан\p{L}{0,2}|жив[её]т)(?:\s{1,2}по\s{1,2}адресу)?\s{0,2}:?\s{0,3}(?:(?:г\.\s{0,2})?\p{Lu}[\p{L}\-]{1,30}\s{0,2},\s{0,2})?(?<street>${NAME_WORD}(?:\s{1,2}${NAME_WORD})?[\s,]{1,3}${NUM}(?:\s?[-/]\s?${NUM})?${APARTMENT}?)(?![\p{L}\p{N}])`,
  'gu',
);

// A sentence's first word that the name-before-marker pattern may sweep in: "Ол Сәтпаев көшесі".
const LEADING_FUNCTION_WORD =
  /^(?:Ол|Мен|Біз|Олар|Сол|Бұл|Ал|Және|Ol|Men|Bız|Olar|Sol|Būl|Al|Jäne|He|She|They|We|I|The)\s{1,2}/u;

function confidenceOf(context: 'home' | 'unknown', hasApartment: boolean): number {
  if (context === 'home') return 0.95;
  return hasApartment ? 0.85 : 0.7;
}

function push(findings: Finding[], text: string, start: number, end: number): void {
  if (findings.some((other) => start < other.end && end > other.start)) return;
  const hasApartment = /(?:кв|пәтер|патер|päter|pater|apt|kv|flat|-\s?\d)/u.test(
    text.slice(start, end),
  );
  const context = addressContext(text, start, end, hasApartment);
  if (context === 'business') return;
  findings.push({
    kind: 'home_address',
    start,
    end,
    confidence: confidenceOf(context, hasApartment),
  });
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Matches of a pattern that start a word: not "…кул. Абая" nor "12345 Abay Street". */
function* wordStarts(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (WORD_CHAR.test(text[match.index - 1] ?? ' ')) {
      // Try again one character on: a word may start inside what matched.
      pattern.lastIndex = match.index + 1;
      continue;
    }
    yield match;
  }
}

// Every address this detector reports holds a house number or a number before the street, so a
// text without a digit needs none of the patterns, whose street words are common letters to scan.
const DIGIT = /\d/;

/** Finds street addresses with a house (and often an apartment) number. */
export const detectAddresses: Detector = (text) => {
  if (!DIGIT.test(text)) return [];
  const findings: Finding[] = [];
  for (const match of wordStarts(text, MARKER_FIRST)) {
    push(findings, text, includeSettlements(text, match.index), match.index + match[0].length);
  }
  for (const match of allMatches(MARKER_AFTER_THEN_HOUSE, text)) {
    const from = Math.max(0, match.index - NAME_LOOK_BEHIND);
    const before = NAME_BEFORE.exec(text.slice(from, match.index));
    const indices = before?.indices?.groups;
    if (!before || !indices) continue;
    const end = match.index + match[0].length;
    if (match.groups!.house) {
      const nameStart = from + indices.name![0];
      const lead = LEADING_FUNCTION_WORD.exec(before.groups!.name!)?.[0].length ?? 0;
      push(findings, text, includeSettlements(text, nameStart + lead), end);
    } else if (indices.number && ENGLISH_STREET.test(match[0].trim().split(/[\s,]/)[0]!)) {
      push(findings, text, from + indices.number[0], end);
    }
  }
  for (const match of allMatches(SIGNALLED, text)) {
    const street = match.groups!.street!;
    const end = match.index + match[0].length;
    push(findings, text, includeSettlements(text, end - street.length), end);
  }
  return findings;
};
