import type { KzRegion } from '#shared/taxonomy';

/** Where a page openly says it is about, as far as its address and title tell. */
export type GeographyHint = { country: 'KZ'; region?: KzRegion };

/** «Алматинская область» in the cases a title uses; the adjective alone may mean the city. */
const oblast = (stem: string) => ['ая', 'ой', 'ую'].map((ending) => `${stem}${ending} обл`);

// Word beginnings (lower case, ё written е) that name a region or one of its cities in Russian,
// Kazakh or English. Russian nouns decline, so most are stems: «в Караганде», «из Шымкента».
// Regions named after their centre list the region phrase first: «Алматинская область» is KZ-19,
// «Алматы» alone the city KZ-75.
const REGION_NAMES: readonly (readonly [KzRegion, readonly string[]])[] = [
  [
    'KZ-19',
    [...oblast('алматинск'), 'алматы облыс', 'almaty region', 'almaty oblys', 'конаев', 'қонаев'],
  ],
  [
    'KZ-10',
    [
      'области абай',
      'область абай',
      'абай облыс',
      'abai region',
      'г. семей',
      'семей қала',
      'семипалатинск',
      'semey',
    ],
  ],
  [
    'KZ-11',
    [...oblast('акмолинск'), 'ақмола облыс', 'akmola region', 'кокшетау', 'көкшетау', 'kokshetau'],
  ],
  ['KZ-15', ['актюбинск', 'актобе', 'ақтөбе', 'aktobe', 'aqtobe']],
  ['KZ-23', ['атырау', 'atyrau']],
  [
    'KZ-27',
    ['зко$', 'западно-казахстанск', 'батыс қазақстан', 'west kazakhstan', 'уральск', 'uralsk'],
  ],
  ['KZ-31', ['жамбыл', 'zhambyl', 'тараз', 'taraz']],
  [
    'KZ-33',
    ['жетісу', 'жетысу', 'zhetisu', 'zhetysu', 'талдыкорган', 'талдықорған', 'taldykorgan'],
  ],
  ['KZ-35', ['караганд', 'қарағанды', 'karagand', 'qaraghand', 'темиртау', 'теміртау', 'temirtau']],
  ['KZ-39', ['костана', 'қостанай', 'kostana']],
  ['KZ-43', ['кызылорд', 'қызылорда', 'kyzylorda', 'qyzylorda']],
  [
    'KZ-47',
    ['мангистау', 'мангыстау', 'маңғыстау', 'mangystau', 'mangistau', 'актау', 'ақтау', 'aktau'],
  ],
  ['KZ-55', ['павлодар', 'pavlodar', 'экибастуз', 'екібастұз', 'ekibastuz']],
  [
    'KZ-59',
    [
      'ско$',
      'северо-казахстанск',
      'солтүстік қазақстан',
      'north kazakhstan',
      'петропавл',
      'petropavl',
    ],
  ],
  ['KZ-61', ['туркестан', 'түркістан', 'turkistan', 'turkestan']],
  ['KZ-62', ['ұлытау', 'улытау', 'ulytau', 'жезказган', 'жезқазған', 'zhezkazgan']],
  [
    'KZ-63',
    [
      'вко$',
      'восточно-казахстанск',
      'шығыс қазақстан',
      'east kazakhstan',
      'усть-каменогорск',
      'өскемен',
      'оскемен',
      'oskemen',
    ],
  ],
  ['KZ-71', ['астан', 'astana', 'нур-султан', 'нұр-сұлтан', 'nur-sultan']],
  ['KZ-75', ['алматы', 'алматинск', 'almaty', 'алма-ат']],
  ['KZ-79', ['шымкент', 'shymkent', 'чимкент']],
];

// Names that start like a Kazakh one but are elsewhere.
const NOT_KAZAKH = ['петропавловск-камчат'];

const COUNTRY_NAMES = ['казахстан', 'қазақстан', 'kazakhstan', 'qazaqstan'];

// A name ending in `$` is a whole word (ВКО, not the start of «вкусно»).
const namePattern = (name: string) =>
  name.replace(/[.*+?^{}()|[\]\\]/g, '\\$&').replace(/\$$/, '(?![\\p{L}\\p{N}])');
// A name counts only at the start of a word.
const wordStart = (names: readonly string[], flags = 'u') =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(namePattern).join('|')})`, flags);
const REGION_PATTERNS = REGION_NAMES.map(
  ([region, names]) => [region, wordStart(names, 'gu')] as const,
);
const NOT_KAZAKH_PATTERN = wordStart(NOT_KAZAKH, 'gu');
const COUNTRY_PATTERN = wordStart(COUNTRY_NAMES);

/** Whether the host is under Kazakhstan's country domains (.kz, .қаз). */
export function isKazakhHost(host: string): boolean {
  const lower = host.toLowerCase().replace(/\.$/, '');
  return lower.endsWith('.kz') || lower.endsWith('.xn--80ao21a') || lower.endsWith('.қаз');
}

/** The KZ region a title names, when it names exactly one (two regions say nothing certain). */
export function regionInTitle(title: string): KzRegion | undefined {
  let text = title.toLowerCase().replace(/ё/g, 'е').replace(NOT_KAZAKH_PATTERN, ' ');
  const found = new Set<KzRegion>();
  for (const [region, pattern] of REGION_PATTERNS) {
    const before = text;
    // Removed once seen: «Алматинская область» is not also the city of Almaty.
    text = text.replace(pattern, ' ');
    if (text !== before) found.add(region);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * Geography to suggest for a page: Kazakhstan when its host is under .kz or its title names the
 * country, a region or a city of it; the region when the title names exactly one.
 */
export function suggestGeography(url: string, title: string): GeographyHint | undefined {
  const region = regionInTitle(title);
  if (region) return { country: 'KZ', region };
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // An unparsable address gives no hint.
  }
  const lowerTitle = title.toLowerCase();
  if (isKazakhHost(host) || COUNTRY_PATTERN.test(lowerTitle)) {
    return { country: 'KZ' };
  }
  return undefined;
}
