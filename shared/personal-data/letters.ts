/**
 * Letters, letter case and word shape by character code: the name tokenizer asks these of every
 * capital in a note, so the common scripts (ASCII, Latin-1, Latin Extended, Cyrillic with the
 * Kazakh letters) are answered from code ranges and only the rest is asked of Unicode.
 */

/** How a word is written. */
export type Shape = 'title' | 'upper' | 'lower' | 'other';

const OTHER_LETTER = /[\p{L}\p{M}]/u;

/** Whether the character at `i` is a letter or a combining mark; false outside the text. */
export function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (Number.isNaN(code)) return false;
  if (code < 0x80) return (code | 32) >= 97 && (code | 32) <= 122;
  if (code >= 0x400 && code <= 0x52f) return true;
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  if (code >= 0x300 && code <= 0x36f) return true;
  return OTHER_LETTER.test(text[i]!);
}

/** Whether a character joins the parts of one word: Иванова-Петрова, O'Brien. */
export function isJoiner(char: string | undefined): boolean {
  return char === '-' || char === "'" || char === '’';
}

/** The end of the word starting at `start`: letters, joined by hyphens or apostrophes. */
export function wordEnd(text: string, start: number): number {
  let i = start;
  while (isLetterAt(text, i) || (isJoiner(text[i]) && isLetterAt(text, i + 1) && i > start)) i++;
  return i;
}

/** 1 for a capital letter, -1 for a small one, 0 for anything else. */
function letterCase(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return code >= 65 && code <= 90 ? 1 : code >= 97 && code <= 122 ? -1 : 0;
  if (code >= 0x400 && code <= 0x42f) return 1;
  if (code >= 0x430 && code <= 0x45f) return -1;
  // Cyrillic Supplement pairs (ҒғҚқ Ңң Үү Ұұ Һһ Әә Өө) put the capital on the even code point.
  if (
    (code >= 0x460 && code <= 0x481) ||
    (code >= 0x48a && code <= 0x4bf) ||
    (code >= 0x4d0 && code <= 0x52f)
  ) {
    return code % 2 === 0 ? 1 : -1;
  }
  const char = text[i]!;
  if (char !== char.toLowerCase()) return 1;
  return char !== char.toUpperCase() ? -1 : 0;
}

const CAPITAL_AT = /\p{Lu}/uy;

/**
 * The index of the first capital letter at or after `from`, or -1: what \p{Lu} finds, read from
 * character codes for the common scripts (a regexp class this large costs tens of ns a character).
 */
export function nextCapital(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x41) continue;
    if (code <= 0x5a) return i;
    if (code < 0xc0) continue;
    if (code >= 0x430 && code <= 0x45f) continue;
    if (code >= 0xd800 && code <= 0xdfff) {
      // A letter outside the Basic Multilingual Plane: asked of Unicode.
      CAPITAL_AT.lastIndex = i;
      if (CAPITAL_AT.test(text)) return i;
      continue;
    }
    if (letterCase(text, i) === 1) return i;
  }
  return -1;
}

/**
 * How a word is written: all small, all capitals, title case (a capital first, small letters
 * after; a later part may start with either, as in Иванова-Петрова), or mixed.
 */
export function shapeOf(word: string): Shape {
  let upper = 0;
  let lower = 0;
  let title = letterCase(word, 0) === 1;
  let partStart = false;
  for (let i = 0; i < word.length; i++) {
    const letter = letterCase(word, i);
    if (letter === 1) upper++;
    else if (letter === -1) lower++;
    if (isJoiner(word[i])) partStart = true;
    else {
      if (i > 0 && letter === 1 && !partStart) title = false;
      partStart = false;
    }
  }
  if (upper === 0) return 'lower';
  if (lower === 0) return word.length > 1 ? 'upper' : 'title';
  return title ? 'title' : 'other';
}
