import { allMatches } from './all-matches';

/**
 * What surrounds a street address: the settlement written before it (г. Алматы, Астана қаласы,
 * Карасайский р-н), and whether the words around it make it a person's home or a business's.
 */

const CAP = String.raw`\p{Lu}[\p{L}\p{M}\-]{1,30}`;

// Cities often written without г. before a street: "Павлодар, ул. Кутузова, 204".
const CITIES = [
  'Алматы',
  'Астана',
  'Нур-Султан',
  'Шымкент',
  'Караганда',
  'Қарағанды',
  'Актобе',
  'Ақтөбе',
  'Тараз',
  'Павлодар',
  'Усть-Каменогорск',
  'Өскемен',
  'Семей',
  'Атырау',
  'Костанай',
  'Қостанай',
  'Кызылорда',
  'Қызылорда',
  'Уральск',
  'Орал',
  'Петропавловск',
  'Петропавл',
  'Актау',
  'Ақтау',
  'Темиртау',
  'Туркестан',
  'Түркістан',
  'Кокшетау',
  'Көкшетау',
  'Талдыкорган',
  'Талдықорған',
  'Экибастуз',
  'Екібастұз',
  'Рудный',
  'Жезказган',
  'Жезқазған',
  'Балхаш',
  'Балқаш',
  'Конаев',
  'Қонаев',
  'Каскелен',
  'Қаскелең',
  'Almaty',
  'Astana',
  'Shymkent',
  'Karaganda',
  'Aktobe',
].join('|');

// One settlement component ending right before the address (a comma may follow it).
const SETTLEMENT_BEFORE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:` +
    String.raw`(?:[Гг]|[Гг]ор|[Сс]|[Пп]ос|[Пп]|[Аа]|[Сс]т)\.\s{0,2}${CAP}` +
    String.raw`|(?:[Гг]ород|[Сс]ело|[Пп]ос[её]лок|[Аа]ул|[Аа]уыл|[Cc]ity)\s{1,2}${CAP}` +
    String.raw`|${CAP}\s{1,2}(?:қ\.|қаласы|ауылы|кенті|обл\.|област\p{L}{1,2}|облысы|р-н|район|ауданы|q\.|qalasy|auyly|oblysy|audany)` +
    String.raw`|(?:${CITIES}))\s{0,2},?\s{0,2}$`,
  'u',
);

const MAX_SETTLEMENTS = 3;
const LOOK_BEHIND = 60;

/** Moves the start of an address back over the settlements written before it. */
export function includeSettlements(text: string, start: number): number {
  let current = start;
  for (let i = 0; i < MAX_SETTLEMENTS; i++) {
    const from = Math.max(0, current - LOOK_BEHIND);
    const match = SETTLEMENT_BEFORE.exec(text.slice(from, current));
    if (!match) break;
    current = from + match.index;
  }
  return current;
}

// Words that say the address is where a person lives, and words that merely introduce an address
// (an organisation is also "зарегистрировано по адресу").
const HOME_SIGNAL =
  /(?:прожива\p{L}{0,4}|прописан\p{L}{0,2}|адрес\s{1,2}проживания|домашн\p{L}{0,3}\s{1,2}адрес\p{L}{0,2}|жив[её]т|тұрады|тұратын|tūrady|tūratyn|tūrğylyqty|lives\s{1,2}at|resides|home\s{1,2}address)/giu;
const ADDRESS_SIGNAL =
  /(?:по\s{1,2}адресу|адрес\s{0,2}:|мекенжай\p{L}{0,6}|mekenjai\p{L}{0,6}|зарегистрирован\p{L}{0,2}|registered\s{1,2}at)/iu;

// Words that say the address is an organisation's: its registered or office address. A company's
// address is in the public register and is not a third person's data (privacy policy 3.4).
// Case matters for the abbreviations: "ақ" is also the Kazakh word for white.
const BUSINESS_SIGNAL =
  /(?:[Юю]ридическ\p{L}{0,4}\s{1,2}адрес|[Юю]р\.\s{0,2}адрес|[Зз]аңды\s{1,2}мекенжай|[Zz]añdy\s{1,2}mekenjai|[Rr]egistered\s{1,2}office|[Ll]egal\s{1,2}address|[Оо]фис\p{L}{0,3}|[Oo]fis\p{L}{0,3}|[Кк]еңсе\p{L}{0,3}|[Kk]eñse\p{L}{0,3})/gu;
// Words for an organisation or its premises: a flat number says the place is still someone's home
// ("склад закладок в квартире: ул. Сатпаева, 30А, кв. 12").
const PREMISES_SIGNAL =
  /(?:(?<![\p{L}])(?:ТОО|АО|ЖШС|АҚ|JŞS|AQ|LLP|LLC|JSC|ТРЦ|ТЦ|БЦ)(?![\p{L}])|[Бб]изнес-центр\p{L}{0,3}|[Фф]илиал\p{L}{0,3}|[Оо]тделени\p{L}{0,3}|[Сс]клад\p{L}{0,3})/gu;

const BUSINESS_AFTER =
  /^[\s,]{0,3}(?:офис|оф\.|office|suite|ofis|каб\.|кабинет|бутик|павильон|БЦ|ТЦ|ТРЦ)/iu;
const HOME_AFTER = /^[\s,]{0,3}(?:тұрады|тұратын|tūrady|tūratyn|проживает|живёт|живет)/iu;
const CONTEXT_WINDOW = 80;

function lastIndexOf(pattern: RegExp, window: string): number {
  let last = -1;
  for (const match of allMatches(pattern, window)) last = match.index;
  return last;
}

/** How the words around an address read: a home, an organisation's premises, or unsaid. */
export function addressContext(
  text: string,
  start: number,
  end: number,
  hasApartment = false,
): 'home' | 'business' | 'unknown' {
  if (BUSINESS_AFTER.test(text.slice(end, end + 24))) return 'business';
  const window = text.slice(Math.max(0, start - CONTEXT_WINDOW), start);
  const home = lastIndexOf(HOME_SIGNAL, window);
  const business = Math.max(
    lastIndexOf(BUSINESS_SIGNAL, window),
    hasApartment ? -1 : lastIndexOf(PREMISES_SIGNAL, window),
  );
  // A later home signal wins: "директор ТОО … проживает по адресу" is a home.
  if (home > business) return 'home';
  if (business >= 0) return 'business';
  if (ADDRESS_SIGNAL.test(window) || HOME_AFTER.test(text.slice(end, end + 24))) return 'home';
  return 'unknown';
}
