import { findPhoneNumbersInText, type NumberFound } from 'libphonenumber-js/max';
import type { Span } from './phone-shapes';

/** A number libphonenumber found and validated, with offsets into the text. */
export type PhoneMatch = Span & {
  /** A hotline or paid service number (toll-free, premium, shared cost). */
  service: boolean;
};

type Relative = { startsAt: number; endsAt: number; service: boolean };

// Hotlines and paid service numbers belong to organisations, not to persons.
const SERVICE_NUMBER_TYPES = new Set(['TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST']);
// A line break ends a candidate for libphonenumber and is neither punctuation nor an extension.
const SPAN_JOINER = '\n\n';
// The detector runs on every keystroke over a note that barely changes, and the library
// spends tens of microseconds on each number: remember its answers per written span.
const CACHE_LIMIT = 512;
const cache = new Map<string, Relative[]>();

function isServiceNumber(found: NumberFound): boolean {
  const type = found.number.getType();
  return type !== undefined && SERVICE_NUMBER_TYPES.has(type);
}

/** Asks the library once for all spans (each call has a high fixed cost), split per span. */
function askLibrary(written: string[]): Relative[][] {
  const perSpan: Relative[][] = written.map(() => []);
  let found: NumberFound[];
  try {
    found = findPhoneNumbersInText(written.join(SPAN_JOINER), { defaultCountry: 'KZ' });
  } catch {
    // A detector never throws; a library failure on odd input means no phone there.
    return perSpan;
  }
  // Offsets are UTF-16 indices into the joined text; find the span each one falls in.
  let index = 0;
  let spanStart = 0;
  for (const number of found) {
    while (index < written.length - 1 && number.startsAt >= spanStart + written[index]!.length) {
      spanStart += written[index]!.length + SPAN_JOINER.length;
      index++;
    }
    perSpan[index]!.push({
      startsAt: number.startsAt - spanStart,
      endsAt: number.endsAt - spanStart,
      service: isServiceNumber(number),
    });
  }
  return perSpan;
}

/** The valid phone numbers libphonenumber finds in each span (default country KZ). */
export function lookUpPhones(text: string, spans: Span[]): PhoneMatch[] {
  const written = spans.map((span) => text.slice(span.start, span.end));
  const answers = new Map<string, Relative[]>();
  const unknown: string[] = [];
  for (const span of written) {
    const known = cache.get(span);
    if (known) answers.set(span, known);
    else if (!answers.has(span)) {
      answers.set(span, []);
      unknown.push(span);
    }
  }
  if (unknown.length > 0) {
    const found = askLibrary(unknown);
    for (const [i, span] of unknown.entries()) answers.set(span, found[i]!);
    // A note longer than the cache holds is answered without being remembered.
    if (unknown.length <= CACHE_LIMIT) {
      if (cache.size + unknown.length > CACHE_LIMIT) cache.clear();
      for (const [i, span] of unknown.entries()) cache.set(span, found[i]!);
    }
  }
  return spans.flatMap((span, i) =>
    answers.get(written[i]!)!.map(({ startsAt, endsAt, service }) => ({
      start: span.start + startsAt,
      end: span.start + endsAt,
      service,
    })),
  );
}
