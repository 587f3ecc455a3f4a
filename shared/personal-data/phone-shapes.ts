import { findDigitClusters } from './digit-clusters';
/**
 * Where a text may hold a phone number, judged by shape alone. libphonenumber validates each
 * candidate, but a failed candidate costs it up to a millisecond, so only spans written the way
 * phones are written reach it: "+…", or 10–11 digits with a Kazakh or Russian start, or 810….
 */

/** A part of the text: UTF-16 offsets, `end` exclusive. */
export type Span = { start: number; end: number };

// Digits joined by up to three of what phone numbers are written with, and up to two "+" or "("
// before them: "+7 (701) 234-56-78", "8.701.234.56.78". Read from the shared scan of digit runs.
const MAX_JOIN = 3;
const MAX_LEAD = 2;
// A date at the start of a span ("12.03.2024 10:30") holds no phone; what follows it may.
const LEADING_DATE = /^(?:\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})[ \u00a0]*/;
// "87.247.105.12" is a server, not a phone: four numbers up to 255 joined by dots.
const IP_ADDRESS = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
// "+49 30 901820": no phone number has fewer digits, even with its country code.
const MIN_INTERNATIONAL_DIGITS = 9;
// "+996 (555) 123-456" is 18 characters; longer "+…" spans are cut here.
const MAX_INTERNATIONAL_LENGTH = 32;
// "+7 701 234 56 78" has five groups, "8 10 996 555 12 34 56" seven.
const MAX_GROUPS = 7;
const KAZAKH_INTERNATIONAL_PREFIX = '810';
const MAX_E164_DIGITS = 15;

type Run = { start: number; end: number };

function digitRuns(text: string, start: number, end: number): Run[] {
  const runs: Run[] = [];
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) {
      i++;
      continue;
    }
    const runStart = i;
    while (i < end && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    runs.push({ start: runStart, end: i });
  }
  return runs;
}

/**
 * Whether a number of `length` digits starting with `start` (its first three digits) has the
 * shape of a number dialled from Kazakhstan without "+": 7 701 234 56 78, 8 701 234 56 78,
 * 701 234 56 78, 8 495 …, 8 10 996 ….
 */
export function hasDomesticPhoneShape(start: string, length: number): boolean {
  const first = start[0];
  if (length === 11) return first === '7' || first === '8';
  if (length === 10) return first !== undefined && '34789'.includes(first);
  return start === KAZAKH_INTERNATIONAL_PREFIX && length >= 10 && length <= 3 + MAX_E164_DIGITS;
}

/** The first three digits of runs[first..], for the shape check. */
function leadingDigits(text: string, runs: Run[], first: number): string {
  let digits = '';
  for (let k = first; k < runs.length && digits.length < 3; k++) {
    digits += text.slice(runs[k]!.start, runs[k]!.end);
  }
  return digits.slice(0, 3);
}

/** Windows of consecutive runs shaped like a domestic phone; earliest first, longest first. */
function domesticWindows(text: string, runs: Run[]): Span[] {
  const windows: Span[] = [];
  let first = 0;
  while (first < runs.length) {
    const lead = text[runs[first]!.start]!;
    // Only 3, 4, 7, 8 and 9 start a domestic number; skip the rest without looking further.
    const start = '34789'.includes(lead) ? leadingDigits(text, runs, first) : '';
    let length = 0;
    let best = -1;
    for (let last = first; start && last < runs.length && last - first < MAX_GROUPS; last++) {
      length += runs[last]!.end - runs[last]!.start;
      if (length > 3 + MAX_E164_DIGITS) break;
      if (hasDomesticPhoneShape(start, length)) best = last;
    }
    if (best === -1) {
      first++;
      continue;
    }
    // "(701) 234-56-78": the opening bracket belongs to the number.
    const from = runs[first]!.start;
    windows.push({ start: text[from - 1] === '(' ? from - 1 : from, end: runs[best]!.end });
    first = best + 1;
  }
  return windows;
}

function isJoinCode(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x2009 ||
    code === 0x202f ||
    code === 0x28 || // (
    code === 0x29 || // )
    code === 0x2e || // .
    code === 0x2d // -
  );
}

function isLeadCode(code: number): boolean {
  return code === 0x2b || code === 0x28; // + (
}

/** Whether only joining characters, at most three, stand between `from` and `to`. */
function isJoin(text: string, from: number, to: number): boolean {
  if (to - from > MAX_JOIN) return false;
  for (let k = from; k < to; k++) if (!isJoinCode(text.charCodeAt(k))) return false;
  return true;
}

// Ten digits, or "+" and nine, need at least ten characters.
const MIN_WRITTEN = 10;

/**
 * Runs of digits joined as phones are written, with their leading "+" or "(", in text order; only
 * those long enough to hold a phone. Read from the digit runs the shared scan already found.
 */
function writtenNumbers(text: string): Span[] {
  const numbers: Span[] = [];
  let start = 0;
  let end = 0;
  for (const cluster of findDigitClusters(text)) {
    for (const run of cluster.runs) {
      if (end > 0 && isJoin(text, end, run.start)) {
        end = run.end;
        continue;
      }
      if (end - start >= MIN_WRITTEN) numbers.push({ start, end });
      // The leading signs are not taken from the number before.
      const leadFrom = Math.max(end, run.start - MAX_LEAD);
      start = run.start;
      while (start > leadFrom && isLeadCode(text.charCodeAt(start - 1))) start--;
      end = run.end;
    }
  }
  if (end - start >= MIN_WRITTEN) numbers.push({ start, end });
  return numbers;
}

/** Spans shaped like a phone number, in text order and never overlapping. */
export function phoneShapedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const number of writtenNumbers(text)) {
    const written = text.slice(number.start, number.end);
    let start = number.start;
    const end = number.end;
    const plus = written.indexOf('+');
    if (plus !== -1) {
      // "(+7 701 …)": the number starts at its "+".
      start += plus;
      const runs = digitRuns(text, start, Math.min(end, start + MAX_INTERNATIONAL_LENGTH));
      const digits = runs.reduce((sum, run) => sum + run.end - run.start, 0);
      if (digits >= MIN_INTERNATIONAL_DIGITS) spans.push({ start, end: runs.at(-1)!.end });
      continue;
    }
    if (IP_ADDRESS.test(written)) continue;
    const date = LEADING_DATE.exec(written);
    if (date) start += date[0].length;
    spans.push(...domesticWindows(text, digitRuns(text, start, end)));
  }
  return spans;
}
