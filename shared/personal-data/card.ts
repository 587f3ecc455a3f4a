import {
  type DigitCluster,
  findDigitClusters,
  type RunWindow,
  runWindows,
  windowDigits,
} from './digit-clusters';
import { hasContextBefore, labelBefore, standsAlone } from './number-context';
import type { Detector, Finding } from './types';

const MIN_LENGTH = 13;
const MAX_LENGTH = 19;
// Group sizes cards are printed in: 4-4-4-4, 4-4-4-4-3 (19 digits), Amex 4-6-5, Diners 4-6-4.
const PRINTED_GROUPINGS = ['4,4,4,4', '4,4,4,4,3', '4,6,5', '4,6,4'];
const MAX_PRINTED_GROUPS = 5;
// Mir and Mastercard 2, Amex/Diners/JCB 3, Visa 4, Mastercard/Maestro 5, UnionPay/Maestro/Discover 6.
const ISSUER_FIRST_DIGITS = '23456';
const CARD_CONTEXT =
  /(?:карт\p{L}*|card|visa|mastercard|master card|мир|kaspi gold)[^\p{N}\n]{0,16}$/iu;
// A single run of digits is also how long order and post numbers look.
const CONFIDENCE_OF_SINGLE_RUN = 0.8;

/** Whether a digit string passes the Luhn check. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let value = digits.charCodeAt(i) - 48;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Whether digits can be a payment card number: length, issuer, Luhn, not one digit repeated. */
export function isPlausibleCardNumber(digits: string): boolean {
  if (digits.length < MIN_LENGTH || digits.length > MAX_LENGTH) return false;
  if (!ISSUER_FIRST_DIGITS.includes(digits[0]!)) return false;
  if (/^(\d)\1+$/.test(digits)) return false;
  return isLuhnValid(digits);
}

function isPrintedGrouping(cluster: DigitCluster, window: RunWindow): boolean {
  // Every printed grouping starts with four digits: most windows stop here, cheaply.
  if (cluster.runs[window.first]!.end - cluster.runs[window.first]!.start !== 4) return false;
  const sizes: number[] = [];
  for (let k = window.first; k <= window.last; k++) {
    sizes.push(cluster.runs[k]!.end - cluster.runs[k]!.start);
  }
  if (!PRINTED_GROUPINGS.includes(sizes.join(','))) return false;
  // The same separator throughout: "4400 8792 1742 1804" or "4400-8792-1742-1804".
  const separators = cluster.separators.slice(window.first, window.last);
  return separators.every((separator) => separator === separators[0]);
}

/** Finds payment card numbers written as one run or in the printed groups of four. */
export const detectCards: Detector = (text) => {
  const findings: Finding[] = [];
  for (const cluster of findDigitClusters(text)) {
    let lastEnd = -1;
    for (const window of runWindows(cluster, MIN_LENGTH, MAX_LENGTH, MAX_PRINTED_GROUPS)) {
      if (window.start < lastEnd) continue;
      const singleRun = window.first === window.last;
      if (!singleRun && !isPrintedGrouping(cluster, window)) continue;
      if (!isPlausibleCardNumber(windowDigits(text, cluster, window))) continue;
      if (!standsAlone(text, window.start, window.end)) continue;
      // "Номер заказа 4400…", "№ 4400…": a Luhn-valid number that is labelled as something else.
      if (labelBefore(text, window.start)) continue;
      const finding: Finding = { kind: 'card', start: window.start, end: window.end };
      if (singleRun && !hasContextBefore(text, window.start, CARD_CONTEXT)) {
        finding.confidence = CONFIDENCE_OF_SINGLE_RUN;
      }
      findings.push(finding);
      lastEnd = window.end;
    }
  }
  return findings;
};
