import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from './find-personal-data';
import { ORDINARY_NOTES } from './fixtures/ordinary-notes';

/**
 * The detector's findings, span by span, on every corpus and on two generated long texts, against
 * the findings recorded from the detector before its speed-ups (fixtures/recorded-findings.txt,
 * written by `vitest -u` from that code). A faster detector must find exactly the same things;
 * a change meant to alter what it finds re-records the file and shows the difference in review.
 */

const CORPORA = ['samples', 'notes', 'held-out', 'analyst-notes'] as const;

function corpus(name: string): string[] {
  return readFileSync(new URL(`./fixtures/${name}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

const texts = new Map<string, readonly string[]>([
  ...CORPORA.map((name) => [name, corpus(name)] as const),
  ['ordinary-notes', ORDINARY_NOTES],
]);
const everyText = [...texts.values()].flat();

/** A seeded source (mulberry32), so the generated texts are the same on every run. */
function seeded(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

/** Whole notes one after another, as in a long pasted text. */
function joinedNotes(length: number): string {
  const random = seeded(17);
  const parts: string[] = [];
  for (let size = 0; size < length; size += parts[parts.length - 1]!.length + 2) {
    parts.push(everyText[random(everyText.length)]!);
  }
  return parts.join('.\n');
}

// Cuts fall inside words, numbers and addresses, and the glue puts triggers ("@", digits, street
// words) next to text they were never beside: the edges of every shortcut are exercised.
const GLUE = [' ', '', '. ', ', ', '\n', ' @ ', '@', ' 8 ', '-', ' ул. ', ' д. 5', ' кв. ', ' +7 '];

/** Pieces of notes cut at random places and glued back in random order. */
function splicedNotes(length: number): string {
  const random = seeded(71);
  let text = '';
  while (text.length < length) {
    const note = everyText[random(everyText.length)]!;
    const from = random(note.length);
    text += note.slice(from, from + 1 + random(120)) + GLUE[random(GLUE.length)]!;
  }
  return text;
}

/** One line per finding: where it was found, its kind, span and confidence. */
function describeFindings(label: string, text: string): string[] {
  return findPersonalData(text).map(({ kind, start, end, confidence }) =>
    [label, kind, `${start}-${end}`, confidence ?? 'certain'].join(' '),
  );
}

describe('findPersonalData against the findings recorded before its speed-ups', () => {
  it('finds the same spans in every note of every corpus', async () => {
    const lines = [...texts].flatMap(([name, notes]) =>
      notes.flatMap((text, i) => describeFindings(`${name}:${i + 1}`, text)),
    );
    expect(lines.length).toBeGreaterThan(500);
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('./fixtures/recorded-findings.txt');
  });

  it('finds the same spans in long generated texts', async () => {
    const lines = [
      ...describeFindings('joined', joinedNotes(150_000)),
      ...describeFindings('spliced', splicedNotes(150_000)),
    ];
    expect(lines.length).toBeGreaterThan(1000);
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot(
      './fixtures/recorded-findings-long.txt',
    );
  });
});
