import { findDigitClusters, runWindows, windowDigits } from './digit-clusters';
import { hasContextBefore, isInsideLink, labelBefore } from './number-context';
import type { Detector, Finding } from './types';

const WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const RETRY_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
const IIN_LENGTH = 12;
// "88 04 12 37 87 71" is as finely as anyone splits an IIN.
const MAX_IIN_GROUPS = 6;
const IIN_CONTEXT = /(?:ИИН|ЖСН|IIN)[^\p{N}\n]{0,12}$/iu;
// Without a context word a valid IIN is still very likely one: the check digit and the date agree.
const CONFIDENCE_WITHOUT_CONTEXT = 0.9;

function weightedSum(digits: number[], weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digits[i]! * weights[i]!;
  return sum % 11;
}

/** The check digit the first 11 digits call for, or null when both weightings give 10. */
export function iinCheckDigit(digits: number[]): number | null {
  const first = weightedSum(digits, WEIGHTS);
  if (first !== 10) return first;
  const second = weightedSum(digits, RETRY_WEIGHTS);
  return second === 10 ? null : second;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Digits 1–6 are YYMMDD and digit 7 (1–6) gives the century: 1,2 → 1800s, 3,4 → 1900s, 5,6 → 2000s. */
function hasPlausibleBirthDate(digits: number[]): boolean {
  const centuryDigit = digits[6]!;
  if (centuryDigit < 1 || centuryDigit > 6) return false;
  const year = 1800 + 100 * Math.floor((centuryDigit - 1) / 2) + digits[0]! * 10 + digits[1]!;
  const month = digits[2]! * 10 + digits[3]!;
  const day = digits[4]! * 10 + digits[5]!;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whether 12 digits are a person's IIN: a plausible birth date, a valid check digit, not a BIN. */
export function isValidIin(digits: string): boolean {
  if (digits.length !== IIN_LENGTH) return false;
  const values: number[] = [];
  for (let i = 0; i < IIN_LENGTH; i++) {
    const value = digits.charCodeAt(i) - 48;
    if (value < 0 || value > 9) return false;
    values.push(value);
  }
  // A BIN (an organisation's number) has 4, 5 or 6 in the fifth position.
  if (values[4]! >= 4 && values[4]! <= 6) return false;
  if (!hasPlausibleBirthDate(values)) return false;
  return iinCheckDigit(values) === values[11];
}

/** Finds IINs written as 12 digits, whole or split into groups by spaces or hyphens. */
export const detectIins: Detector = (text) => {
  const findings: Finding[] = [];
  for (const cluster of findDigitClusters(text)) {
    let lastEnd = -1;
    for (const window of runWindows(cluster, IIN_LENGTH, IIN_LENGTH, MAX_IIN_GROUPS)) {
      if (window.start < lastEnd) continue;
      if (!isValidIin(windowDigits(text, cluster, window))) continue;
      // A post or file id in a link; "ИИН880412378771", glued to its word, still counts.
      if (isInsideLink(text, window.start, window.end)) continue;
      // An order or case number that happens to pass the checks is still an order or case number.
      if (labelBefore(text, window.start) === 'reference') continue;
      const finding: Finding = { kind: 'iin', start: window.start, end: window.end };
      if (!hasContextBefore(text, window.start, IIN_CONTEXT)) {
        finding.confidence = CONFIDENCE_WITHOUT_CONTEXT;
      }
      findings.push(finding);
      lastEnd = window.end;
    }
  }
  return findings;
};
