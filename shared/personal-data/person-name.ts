import { ROLE, type Token, tokenize } from './name-tokens';
import type { Detector, Finding } from './types';

/**
 * Full names: surname + given name (+ patronymic) in the orders Russian and Kazakh texts use, or
 * surname + initials. A lone capitalised word never is one: a surname needs a given name, a
 * patronymic or initials beside it, and a given name alone (спросить Ерлана) is not a finding.
 */

type Pattern = { roles: number[]; confidence: number };

const { surname, given, nominativeGiven, patronymic, apart, initial, anyGiven, unmarked } = ROLE;

// Longest first: the first pattern that fits at a token wins.
const PATTERNS: Pattern[] = [
  { roles: [surname, given, anyGiven, apart], confidence: 0.95 }, // Нұрланов Ерлан Болат ұлы
  { roles: [surname, anyGiven, patronymic], confidence: 0.95 }, // Иванов Иван Иванович
  { roles: [anyGiven, patronymic, surname], confidence: 0.95 }, // Иван Иванович Иванов
  { roles: [given, anyGiven, apart], confidence: 0.9 }, // Ерлан Болат ұлы
  { roles: [unmarked, given, patronymic], confidence: 0.8 }, // Ким Виктор Алексеевич
  { roles: [given, patronymic, unmarked], confidence: 0.8 }, // Sergey Viktorovich Pak
  { roles: [initial, initial, surname], confidence: 0.9 }, // И. И. Иванов
  { roles: [surname, initial, initial], confidence: 0.9 }, // Иванов И.И.
  { roles: [given, patronymic], confidence: 0.75 }, // Иван Иванович, Ерлан Болатұлы
  { roles: [surname, given], confidence: 0.8 }, // Иванов Иван
  { roles: [given, surname], confidence: 0.8 }, // Иван Иванов
  // Kazakh surnames without a Russian ending (a father's name): the given name marks the pair.
  { roles: [nominativeGiven, unmarked], confidence: 0.7 }, // Ерлан Жақып, Aidos Sağyntai
  { roles: [unmarked, nominativeGiven], confidence: 0.7 }, // Жақып Ерлан, Ömırzaq Almas
  { roles: [initial, surname], confidence: 0.8 }, // И. Иванов
  { roles: [surname, initial], confidence: 0.75 }, // Иванов И.
];

// A name in capitals (ИВАНОВ ИВАН ИВАНОВИЧ) or with only the surname in capitals (ИВАНОВ Иван
// Иванович); any other capitalised word must be in title case.
function consistentCase(tokens: Token[], roles: number[]): boolean {
  if (tokens.every((token) => token.shape === 'upper')) return true;
  return tokens.every(
    (token, i) =>
      token.initial || token.shape === 'title' || roles[i] === surname || roles[i] === apart,
  );
}

// Two given names side by side (Марина Алина) are two people or a list, not a name and surname.
function isTwoGivenNames(tokens: Token[], roles: number[]): boolean {
  const surnameAt = roles.indexOf(surname);
  return (
    tokens.length === 2 && surnameAt >= 0 && (tokens[surnameAt]!.roles & ROLE.nominativeGiven) > 0
  );
}

// Plural genitives of common nouns (подписчиков, видеороликов, материалов, митингов) capitalised
// only because they open a sentence; a bare pair there needs a surname that looks like one.
const NOUN_GENITIVE = /(?:чик|щик|лик|ист|ент|инг|ал)ов$/u;

function opensWithNoun(tokens: Token[], roles: number[]): boolean {
  const first = tokens[0]!;
  return (
    tokens.length === 2 &&
    roles[0] === surname &&
    first.sentenceStart &&
    NOUN_GENITIVE.test(first.text.toLowerCase())
  );
}

// Streets, schools, monuments and awards named after a person: ул. Т. Рыскулова, имени Л.Н.
// Гумилёва, памятник Абаю Кунанбаеву, Абай Құнанбайұлы атындағы, Қаныш Сәтбаев көшесі.
// "От имени" (on behalf of) is not one.
const NAMED_AFTER_BEFORE =
  /(?:(?:^|[^\p{L}])(?:ул|пр|просп|пр-т|пр-кт|мкр|пер|им|б-р|бульв|пл|ul|pr|str)\.|улиц\p{L}{0,3}|проспект\p{L}{0,2}|микрорайон\p{L}{0,2}|переул\p{L}{0,3}|бульвар\p{L}{0,2}|площад\p{L}{0,2}|памятник\p{L}{0,2}|монумент\p{L}{0,2}|мемориал\p{L}{0,2}|музе[йяюе]|monument\p{L}{0,2}|memorial|(?<!от\s{1,2})имени)\s*$/iu;
const NAMED_AFTER_AFTER =
  /^\s*(?:көше\p{L}*|кошес\p{L}*|даңғыл\p{L}*|дангыл\p{L}*|ықшамаудан\p{L}*|атында\p{L}*|k[öo][şs]es\p{L}*|da[ñn][ğg]yl\p{L}*|atynda\p{L}*|ескерткіш\p{L}*|мұражай\p{L}*|eskertkış\p{L}*|mūrajai\p{L}*|şağyn|street|avenue|ave\.|st\.|str\.|ул\.|улица)/iu;

// Organisations and brands named after a person: ТОО «Ерлан Строй», «Айгерім Строй» ЖШС.
const ORGANISATION_BEFORE =
  /(?:(?<![\p{L}])(?:ТОО|ИП|АО|ЖШС|ЖК|АҚ|LLP|LLC|JSC|JŞS|AQ)|[Кк]омпани\p{L}*|[Фф]ирм\p{L}*|[Бб]ренд\p{L}*|[Мм]агазин\p{L}*|[Сс]алон\p{L}*|[Bb]rand|[Cc]ompany)\s{0,2}[«"“]?\s{0,2}$/u;
const ORGANISATION_AFTER =
  /^\s{0,2}[»"”]?\s{0,2}(?:ТОО|ЖШС|АҚ|АО|LLP|LLC|JSC|JŞS|AQ|Ltd|Inc)(?![\p{L}])/u;

function isNamedAfter(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 16), start);
  const after = text.slice(end, end + 16);
  return (
    NAMED_AFTER_BEFORE.test(before) ||
    NAMED_AFTER_AFTER.test(after) ||
    ORGANISATION_BEFORE.test(before) ||
    ORGANISATION_AFTER.test(after) ||
    // A name that is the whole of a quoted title is a brand's or a channel's: «Айгерим Бьюти».
    (before.endsWith('«') && after.startsWith('»'))
  );
}

function fits(tokens: Token[], at: number, roles: number[]): boolean {
  if (at + roles.length > tokens.length) return false;
  for (let i = 0; i < roles.length; i++) {
    const token = tokens[at + i]!;
    if ((token.roles & roles[i]!) === 0) return false;
    if (i < roles.length - 1 && !token.joinedToNext) return false;
  }
  return true;
}

/** A run of tokens shaped like a name; `isPerson` is false when it names a street or a school. */
type Match = { start: number; end: number; isPerson: boolean; confidence: number };

function matchAt(tokens: Token[], at: number, text: string): Match | null {
  for (const { roles, confidence } of PATTERNS) {
    if (!fits(tokens, at, roles)) continue;
    const span = tokens.slice(at, at + roles.length);
    if (!consistentCase(span, roles) || isTwoGivenNames(span, roles)) continue;
    if (opensWithNoun(span, roles)) continue;
    const start = span[0]!.start;
    const end = span[span.length - 1]!.end;
    // A street or school named after a person consumes the name, initials and all.
    return { start, end, isPerson: !isNamedAfter(text, start, end), confidence };
  }
  return null;
}

/** Finds full names of persons (surname with given name, patronymic or initials). */
export const detectNames: Detector = (text) => {
  const tokens = tokenize(text);
  const findings: Finding[] = [];
  let at = 0;
  while (at < tokens.length) {
    const match = tokens[at]!.roles === 0 ? null : matchAt(tokens, at, text);
    if (!match) {
      at++;
      continue;
    }
    if (match.isPerson) {
      findings.push({
        kind: 'person_name',
        start: match.start,
        end: match.end,
        confidence: match.confidence,
      });
    }
    while (at < tokens.length && tokens[at]!.start < match.end) at++;
  }
  return findings;
};
