import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from './find-personal-data';
import type { PersonalDataKind } from './types';

/** The kinds whose findings must match the samples exactly; the rest are not checked yet. */
const KINDS_UNDER_TEST = new Set<PersonalDataKind>([
  'iin',
  'phone',
  'email',
  'iban',
  'card',
  'id_document',
]);

type Sample = { text: string; expect: { kind: PersonalDataKind; value: string }[] };

// The reference samples of docs/personal-data.md.
const samples: Sample[] = readFileSync(new URL('./fixtures/samples.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Sample);

describe('findPersonalData on the reference samples', () => {
  it('has all the samples', () => {
    expect(samples).toHaveLength(22);
  });

  it.each(samples)('finds exactly what the sample expects in $text', ({ text, expect: wanted }) => {
    const found = findPersonalData(text)
      .filter((finding) => KINDS_UNDER_TEST.has(finding.kind))
      .map((finding) => ({ kind: finding.kind, value: text.slice(finding.start, finding.end) }));
    expect(found).toEqual(wanted.filter((item) => KINDS_UNDER_TEST.has(item.kind)));
  });
});
