import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ORDINARY_NOTES } from '#shared/personal-data/fixtures/ordinary-notes';
import type { Random } from './random';

const FIXTURES = resolve(import.meta.dirname, '../../shared/personal-data/fixtures');

/** Sentences with personal data in them, from the detector's labelled examples. */
function notesWithPersonalData(): string[] {
  return readFileSync(resolve(FIXTURES, 'notes.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

/**
 * Text as analysts write it, `length` characters long: ordinary notes, with one sentence in five
 * holding a name, a phone, an IIN or an address.
 */
export function analystText(r: Random, length: number): string {
  const personal = notesWithPersonalData();
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const sentence = r.next() < 0.2 ? r.pick(personal) : r.pick(ORDINARY_NOTES);
    parts.push(sentence);
    size += sentence.length + 2;
  }
  return parts.join(r.next() < 0.5 ? '. ' : '.\n').slice(0, length);
}
