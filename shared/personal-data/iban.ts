import { findDigitClusters } from './digit-clusters';
import type { Detector, Finding } from './types';

/**
 * IBAN lengths by country, from the SWIFT IBAN registry. A code that is not here has no IBAN,
 * so "AB12…" product codes are not taken for accounts.
 */
// biome-ignore format: a table of 89 countries reads best ten to a row.
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27,
  BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28,
  EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23,
  GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21,
  LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22,
  RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25,
  SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

// Country code, check digits, then letters and digits, single spaces allowed between them.
const IBAN_CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ \u00a0]?[A-Za-z0-9]){11,30}/uy;
const ALPHANUMERIC = /[A-Za-z0-9]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether an IBAN without spaces has its country's length and passes the ISO 7064 mod-97 check. */
export function isValidIban(iban: string): boolean {
  const normalized = iban.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(normalized)) return false;
  if (IBAN_LENGTHS[normalized.slice(0, 2)] !== normalized.length) return false;
  const rearranged = normalized.slice(4) + normalized.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    // Letters count as two digits: A = 10 … Z = 35.
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/** The end of the IBAN that starts at `start`: after `length` letters and digits, or -1. */
function endAfterCharacters(text: string, start: number, length: number): number {
  let seen = 0;
  let i = start;
  while (i < text.length && seen < length) {
    if (ALPHANUMERIC.test(text[i]!)) seen++;
    else if (text[i] !== ' ' && text[i] !== '\u00a0') return -1;
    i++;
  }
  return seen === length ? i : -1;
}

function isLatinLetter(code: number): boolean {
  return (code | 32) >= 97 && (code | 32) <= 122;
}

/**
 * Where an IBAN may start: two Latin letters right before two digits, so right before a run of
 * digits the shared digit scan already holds. Only these places are tried, not every character.
 */
function* ibanStarts(text: string): Generator<number> {
  for (const cluster of findDigitClusters(text)) {
    for (const run of cluster.runs) {
      const start = run.start - 2;
      if (run.end - run.start < 2 || start < 0) continue;
      if (isLatinLetter(text.charCodeAt(start)) && isLatinLetter(text.charCodeAt(start + 1))) {
        yield start;
      }
    }
  }
}

/** Finds IBANs, with or without the spaces they are printed with, in any letter case. */
export const detectIbans: Detector = (text) => {
  const findings: Finding[] = [];
  let searchedTo = 0;
  for (const start of ibanStarts(text)) {
    if (start < searchedTo) continue;
    IBAN_CANDIDATE.lastIndex = start;
    const match = IBAN_CANDIDATE.exec(text);
    if (!match) continue;
    const length = IBAN_LENGTHS[match[0].slice(0, 2).toUpperCase()];
    const end = length ? endAfterCharacters(text, start, length) : -1;
    const valid =
      end !== -1 &&
      !WORD_CHAR.test(text[end] ?? ' ') &&
      isValidIban(text.slice(start, end).replace(/[ \u00a0]/g, ''));
    if (valid) {
      findings.push({ kind: 'iban', start, end });
      searchedTo = end;
    } else {
      // The candidate may have swallowed the start of a real IBAN: look again further on.
      searchedTo = start + 4;
    }
  }
  return findings;
};
