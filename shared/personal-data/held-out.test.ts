import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from './find-personal-data';

// An independent set of realistic analyst notes, written apart from the detector, so that these
// figures estimate how it behaves on notes its authors never saw. The set must not be tuned to it.
type Expected = { kind: string; value: string };
type Note = { text: string; expect: Expected[] };
type Miss = { text: string; kind: string; value: string };
type Alarm = { text: string; kinds: string[] };

const notes: Note[] = readFileSync(new URL('./fixtures/held-out.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Note);

const withData = notes.filter((note) => note.expect.length > 0);
const ordinary = notes.filter((note) => note.expect.length === 0);

/** Whether a finding of the expected kind overlaps the expected value's span in the note. */
function isFound(note: Note, expected: Expected): boolean {
  const start = note.text.indexOf(expected.value);
  const end = start + expected.value.length;
  return findPersonalData(note.text).some(
    (finding) => finding.kind === expected.kind && finding.start < end && finding.end > start,
  );
}

function measure() {
  const perKind = new Map<string, { found: number; total: number }>();
  const misses: Miss[] = [];
  let found = 0;
  let total = 0;
  for (const note of withData) {
    for (const expected of note.expect) {
      const tally = perKind.get(expected.kind) ?? { found: 0, total: 0 };
      tally.total += 1;
      total += 1;
      if (isFound(note, expected)) {
        tally.found += 1;
        found += 1;
      } else {
        misses.push({ text: note.text, kind: expected.kind, value: expected.value });
      }
      perKind.set(expected.kind, tally);
    }
  }
  const alarms: Alarm[] = ordinary
    .map((note) => ({ text: note.text, kinds: findPersonalData(note.text).map((f) => f.kind) }))
    .filter((alarm) => alarm.kinds.length > 0);
  return {
    recall: found / total,
    found,
    total,
    perKind,
    misses,
    alarms,
    falseAlarmRate: alarms.length / ordinary.length,
  };
}

const result = measure();

function report(): string {
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `held-out notes: ${notes.length} (${withData.length} with personal data, ${ordinary.length} ordinary)`,
    `recall: ${percent(result.recall)} (${result.found}/${result.total})`,
    ...[...result.perKind.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, t]) => `  ${kind}: ${percent(t.found / t.total)} (${t.found}/${t.total})`),
    `false alarms: ${percent(result.falseAlarmRate)} (${result.alarms.length}/${ordinary.length})`,
    ...result.misses.map((m) => `MISS [${m.kind}] "${m.value}" in: ${m.text}`),
    ...result.alarms.map((a) => `ALARM [${a.kinds.join(', ')}] in: ${a.text}`),
  ];
  return lines.join('\n');
}

console.log(report());

describe('findPersonalData on the held-out analyst notes', () => {
  it('has a well-formed set: every expected value occurs in its note', () => {
    expect(notes.length).toBeGreaterThanOrEqual(200);
    expect(ordinary.length).toBeGreaterThan(0);
    for (const note of withData) {
      for (const expected of note.expect) expect(note.text).toContain(expected.value);
    }
  });

  it('finds at least 95% of the third-party personal data', () => {
    expect(result.recall, report()).toBeGreaterThanOrEqual(0.95);
  });

  it('raises an alarm on at most 5% of ordinary notes', () => {
    expect(result.falseAlarmRate, report()).toBeLessThanOrEqual(0.05);
  });
});
