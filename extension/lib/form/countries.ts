import type { UiLocale } from '#shared/labels';

// ISO 3166-1 alpha-2, every officially assigned code.
const ISO_CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR ' +
  'BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ ' +
  'EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW ' +
  'GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY ' +
  'KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV ' +
  'MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY ' +
  'QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG ' +
  'TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

/** Every ISO 3166-1 alpha-2 country code. */
export const COUNTRY_CODES: readonly string[] = ISO_CODES.split(' ');

/** The countries an analyst in Kazakhstan meets most, offered first. */
export const NEAR_COUNTRIES: readonly string[] = ['KZ', 'RU', 'KG', 'UZ', 'TJ', 'TM', 'CN', 'TR'];

/**
 * The country choices in a UI language: Kazakhstan and its neighbours first, then every other
 * country by name. Names come from the browser's own `Intl.DisplayNames`, so no list of names is
 * shipped.
 */
export function countryOptions(locale: UiLocale): { code: string; name: string }[] {
  // A browser's trimmed ICU may lack region names in a locale (Chromium's Kazakh): English then.
  const namers = [regionNames(locale), regionNames('en')];
  const nameOf = (code: string) =>
    namers.map((names) => names?.of(code)).find((name) => name && name !== code) ?? code;
  const option = (code: string) => ({ code, name: nameOf(code) });
  const rest = COUNTRY_CODES.filter((code) => !NEAR_COUNTRIES.includes(code))
    .map(option)
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return [...NEAR_COUNTRIES.map(option), ...rest];
}

function regionNames(locale: string): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  } catch {
    return undefined;
  }
}
