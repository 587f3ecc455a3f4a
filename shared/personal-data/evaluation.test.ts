import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from './find-personal-data';
import type { Finding, PersonalDataKind } from './types';

/**
 * A held-out evaluation over analyst notes written independently of the detector: about half
 * carry third-party personal data, half are ordinary notes where nothing may be found.
 */

type Note = { text: string; expect: { kind: PersonalDataKind; value: string }[] };

const notes: Note[] = readFileSync(new URL('./fixtures/notes.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Note);

type Tally = { expected: number; found: number };

function overlaps(finding: Finding, start: number, end: number): boolean {
  return finding.start < end && finding.end > start;
}

function evaluate() {
  const byKind = new Map<PersonalDataKind, Tally>();
  const missed: string[] = [];
  const alarms: string[] = [];
  let ordinary = 0;
  for (const note of notes) {
    const findings = findPersonalData(note.text);
    if (note.expect.length === 0) {
      ordinary++;
      if (findings.length > 0) alarms.push(note.text);
      continue;
    }
    for (const { kind, value } of note.expect) {
      const start = note.text.indexOf(value);
      const end = start + value.length;
      const tally = byKind.get(kind) ?? { expected: 0, found: 0 };
      tally.expected++;
      if (findings.some((f) => f.kind === kind && overlaps(f, start, end))) tally.found++;
      else missed.push(`${kind}: ${value}`);
      byKind.set(kind, tally);
    }
  }
  const expected = [...byKind.values()].reduce((sum, t) => sum + t.expected, 0);
  const found = [...byKind.values()].reduce((sum, t) => sum + t.found, 0);
  return {
    byKind,
    missed,
    alarms,
    recall: found / expected,
    falseAlarmRate: alarms.length / ordinary,
    ordinary,
  };
}

describe('held-out evaluation of findPersonalData', () => {
  const result = evaluate();
  const table = [...result.byKind]
    .map(([kind, t]) => `${kind.padEnd(12)} ${t.found}/${t.expected}`)
    .join('\n');
  console.info(
    `notes: ${notes.length} (${result.ordinary} ordinary)\n${table}\n` +
      `recall ${result.recall.toFixed(3)}, false alarms ${result.falseAlarmRate.toFixed(3)}\n` +
      `missed: ${result.missed.join(' | ') || 'none'}\nalarms: ${result.alarms.join(' | ') || 'none'}`,
  );

  it('has enough notes of both sorts to mean something', () => {
    expect(notes.length).toBeGreaterThanOrEqual(150);
    expect(result.ordinary).toBeGreaterThanOrEqual(notes.length * 0.4);
    expect(notes.length - result.ordinary).toBeGreaterThanOrEqual(notes.length * 0.4);
  });

  it('finds at least 95 % of the expected personal data with the right kind and span', () => {
    expect(result.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('raises a false alarm on at most 5 % of ordinary notes', () => {
    expect(result.falseAlarmRate).toBeLessThanOrEqual(0.05);
  });
});
