/**
 * "Nearly the same page": a MinHash signature of the page's visible text, compared position by
 * position, which estimates the Jaccard similarity of the two texts' sets of word 4-grams.
 *
 * - Text is lowercased, cut into words of letters and digits, and every run of digits becomes 0, so that
 *   dates, counters and prices that change between two loads of one page do not count.
 * - 128 hash functions (an estimate within ±0.05 of the true similarity, one standard deviation);
 *   the signature is split into 32 bands of 4, and materials sharing any band are the candidates
 *   (two texts with similarity 0.6 share one with probability 0.99).
 * - Two texts are nearly the same when the estimate reaches NEAR_SAME_THRESHOLD. The tests in
 *   text-fingerprint.test.ts hold it between the same page with other ads and dates (linked)
 *   and two pages of one site sharing menus and footers (not linked): the first measure about
 *   0.9, the second about 0.1, a mirror whose brand name differs in a few places about 0.7.
 * - A text under MIN_WORDS words (an error page, an empty shell that scripts fill) gets no
 *   signature: such pages look alike whatever they are.
 */

export const SIGNATURE_SIZE = 128;
export const BANDS = 32;
const ROWS = SIGNATURE_SIZE / BANDS;
const SHINGLE = 4;
export const MIN_WORDS = 40;
export const NEAR_SAME_THRESHOLD = 0.6;

/** Fixed seeds (from a counter through the mixer): signatures stay comparable across versions. */
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 * (i + 1)));

/** Murmur3's finalizer: a bijection on 32 bits that spreads every input bit. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;
const SPACE = 0x20;

/** FNV-1a continued over UTF-16 units `from` to `to`. */
function fnv1a(units: Uint16Array, from: number, to: number, h = FNV_OFFSET): number {
  for (let i = from; i < to; i++) {
    h ^= units[i] as number;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * FNV-1a of `SHINGLE` words from `start` joined by single spaces, hashed in place: a page has tens
 * of thousands of shingles, and joining each into a string first cost more than hashing it.
 */
function shingleHash({ units, ends }: Words, start: number): number {
  let h = fnv1a(units, start === 0 ? 0 : (ends[start - 1] as number), ends[start] as number);
  for (let k = start + 1; k < start + SHINGLE; k++) {
    h = Math.imul(h ^ SPACE, 0x01000193);
    h = fnv1a(units, ends[k - 1] as number, ends[k] as number, h);
  }
  return h;
}

/** The words of a text, one after another in `units`, each ending where `ends` says. */
type Words = { units: Uint16Array; ends: number[] };

const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const DIGIT_CHAR = /^\p{N}$/u;
const LETTER_CHAR = /^\p{L}$/u;
// The class of each code point below U+10000, found once (-1 until then): a page has hundreds of
// thousands of characters of a few hundred kinds.
const BMP_CLASSES = new Int8Array(0x10000).fill(-1);

/** Whether a code point is a letter, a digit (any Unicode number) or neither. */
function classOf(codePoint: number): number {
  const known = codePoint < 0x10000 ? (BMP_CLASSES[codePoint] as number) : -1;
  if (known >= 0) return known;
  const char = String.fromCodePoint(codePoint);
  const found = DIGIT_CHAR.test(char) ? DIGIT : LETTER_CHAR.test(char) ? LETTER : OTHER;
  if (codePoint < 0x10000) BMP_CLASSES[codePoint] = found;
  return found;
}

/**
 * The words of a text as compared: lowercased, letters and digits only, every run of digits as 0.
 * Cut in one pass into one array of UTF-16 units rather than a string per word: a page copy has
 * tens of thousands of words, and as strings they all outlived the young generation.
 */
function normalizedWords(text: string): Words {
  const lower = text.toLowerCase();
  const units = new Uint16Array(lower.length);
  const ends: number[] = [];
  let length = 0;
  let inWord = false;
  let inDigits = false;
  for (let i = 0; i < lower.length; i++) {
    const unit = lower.charCodeAt(i);
    const next = lower.charCodeAt(i + 1);
    const pair = unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    const kind = classOf(pair ? ((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000 : unit);
    if (kind === OTHER) {
      if (inWord) ends.push(length);
      inWord = false;
    } else if (kind === LETTER) {
      units[length++] = unit;
      if (pair) units[length++] = next;
      inWord = true;
    } else if (!inDigits) {
      units[length++] = 0x30;
      inWord = true;
    }
    inDigits = kind === DIGIT;
    if (pair) i++;
  }
  if (inWord) ends.push(length);
  return { units, ends };
}

/** The MinHash signature of a text, or undefined when it is too short to tell pages apart. */
export function textSignature(text: string): Uint32Array | undefined {
  const words = normalizedWords(text);
  const count = words.ends.length;
  if (count < MIN_WORDS) return undefined;
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const seen = new Set<number>();
  for (let i = 0; i + SHINGLE <= count; i++) {
    const shingle = shingleHash(words, i);
    if (seen.has(shingle)) continue;
    seen.add(shingle);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = mix(shingle ^ (SEEDS[k] as number));
      if (h < (signature[k] as number)) signature[k] = h;
    }
  }
  return signature;
}

/** The estimated Jaccard similarity of two texts' word 4-grams: 0 to 1. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) equal++;
  return equal / SIGNATURE_SIZE;
}

export const signatureHex = (signature: Uint32Array) =>
  Array.from(signature, (v) => v.toString(16).padStart(8, '0')).join('');

export function signatureFromHex(hex: string): Uint32Array | undefined {
  if (!/^[0-9a-f]+$/.test(hex) || hex.length !== SIGNATURE_SIZE * 8) return undefined;
  return Uint32Array.from({ length: SIGNATURE_SIZE }, (_, k) =>
    Number.parseInt(hex.slice(k * 8, k * 8 + 8), 16),
  );
}

/** The signature's bands as stored for the candidate look-up: `[band, hash]` pairs. */
export function signatureBands(signature: Uint32Array): { band: number; bandHash: string }[] {
  const hex = signatureHex(signature);
  return Array.from({ length: BANDS }, (_, band) => ({
    band,
    bandHash: hex.slice(band * ROWS * 8, (band + 1) * ROWS * 8),
  }));
}
