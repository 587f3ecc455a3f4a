import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from './find-personal-data';
import { type Finding, PERSONAL_DATA_KINDS, type PersonalDataKind } from './types';

/**
 * The project's own evaluation corpus: analyst notes as they are written — Russian, Kazakh in
 * Cyrillic and in the 2021 Latin alphabet, English, mixed — with identity documents in groups and
 * in any case form, obfuscated e-mails, messenger links, Kazakh surnames, and ordinary notes full
 * of numbers labelled as something else. Recall by kind, false alarms and precision are printed.
 */

const LANGUAGES = ['ru', 'kk', 'kk-latn', 'en', 'mixed'] as const;
type Expected = { kind: PersonalDataKind; value: string };
type Note = { lang: (typeof LANGUAGES)[number]; text: string; expect: Expected[] };

const notes: Note[] = readFileSync(
  new URL('./fixtures/analyst-notes.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Note);

const ordinary = notes.filter((note) => note.expect.length === 0);

function overlaps(finding: Finding, start: number, end: number): boolean {
  return finding.start < end && finding.end > start;
}

function measure() {
  const perKind = new Map<PersonalDataKind, { found: number; total: number }>();
  const misses: string[] = [];
  const wrong: string[] = [];
  const alarms: string[] = [];
  let findings = 0;
  let rightFindings = 0;
  for (const note of notes) {
    const found = findPersonalData(note.text);
    const spans = note.expect.map(({ kind, value }) => {
      const start = note.text.indexOf(value);
      return { kind, value, start, end: start + value.length };
    });
    for (const span of spans) {
      const tally = perKind.get(span.kind) ?? { found: 0, total: 0 };
      tally.total += 1;
      if (found.some((f) => f.kind === span.kind && overlaps(f, span.start, span.end))) {
        tally.found += 1;
      } else {
        misses.push(`MISS [${span.kind}] "${span.value}" in: ${note.text}`);
      }
      perKind.set(span.kind, tally);
    }
    for (const finding of found) {
      findings += 1;
      const right = spans.some((s) => s.kind === finding.kind && overlaps(finding, s.start, s.end));
      if (right) rightFindings += 1;
      else {
        const value = note.text.slice(finding.start, finding.end);
        wrong.push(`WRONG [${finding.kind}] "${value}" in: ${note.text}`);
      }
    }
    if (note.expect.length === 0 && found.length > 0) alarms.push(note.text);
  }
  const total = [...perKind.values()].reduce((sum, t) => sum + t.total, 0);
  const foundTotal = [...perKind.values()].reduce((sum, t) => sum + t.found, 0);
  return {
    perKind,
    misses,
    wrong,
    recall: foundTotal / total,
    found: foundTotal,
    total,
    falseAlarmRate: alarms.length / ordinary.length,
    alarms,
    precision: findings === 0 ? 0 : rightFindings / findings,
    findings,
    rightFindings,
  };
}

const result = measure();

function report(): string {
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
  const byLanguage = LANGUAGES.map((lang) => {
    const mine = notes.filter((note) => note.lang === lang);
    const clean = mine.filter((note) => note.expect.length === 0).length;
    return `${lang} ${mine.length - clean}+${clean}`;
  }).join(', ');
  return [
    `analyst notes: ${notes.length} (${notes.length - ordinary.length} with personal data, ${ordinary.length} ordinary); by language (data+ordinary): ${byLanguage}`,
    `recall: ${percent(result.recall)} (${result.found}/${result.total})`,
    ...[...result.perKind.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, t]) => `  ${kind}: ${percent(t.found / t.total)} (${t.found}/${t.total})`),
    `ordinary notes flagged: ${percent(result.falseAlarmRate)} (${result.alarms.length}/${ordinary.length})`,
    `precision: ${percent(result.precision)} (${result.rightFindings}/${result.findings})`,
    ...result.misses,
    ...result.wrong,
  ].join('\n');
}

console.log(report());

describe('findPersonalData on the analyst-notes corpus', () => {
  it('is well formed: every expected value occurs in its note, every language is there', () => {
    for (const note of notes) {
      expect(LANGUAGES).toContain(note.lang);
      for (const expected of note.expect) {
        expect(PERSONAL_DATA_KINDS).toContain(expected.kind);
        expect(note.text).toContain(expected.value);
      }
    }
    for (const lang of LANGUAGES) {
      const mine = notes.filter((note) => note.lang === lang);
      expect(
        mine.some((note) => note.expect.length > 0),
        lang,
      ).toBe(true);
      expect(
        mine.some((note) => note.expect.length === 0),
        lang,
      ).toBe(true);
    }
  });

  it('has enough of every kind and of ordinary notes for the figures to mean something', () => {
    expect(ordinary.length).toBeGreaterThanOrEqual(100);
    for (const kind of PERSONAL_DATA_KINDS) {
      expect(result.perKind.get(kind)?.total ?? 0, kind).toBeGreaterThanOrEqual(4);
    }
    for (const kind of ['id_document', 'email', 'home_address', 'person_name', 'phone'] as const) {
      expect(result.perKind.get(kind)!.total, kind).toBeGreaterThanOrEqual(20);
    }
  });

  it('finds at least 98% of the personal data overall', () => {
    expect(result.recall, report()).toBeGreaterThanOrEqual(0.98);
  });

  it.each(PERSONAL_DATA_KINDS)('finds at least 95 percent of %s', (kind) => {
    const tally = result.perKind.get(kind)!;
    expect(tally.found / tally.total, report()).toBeGreaterThanOrEqual(0.95);
  });

  it('flags at most 2% of ordinary notes', () => {
    expect(result.falseAlarmRate, report()).toBeLessThanOrEqual(0.02);
  });

  it('is right about at least 98% of what it reports', () => {
    expect(result.precision, report()).toBeGreaterThanOrEqual(0.98);
  });
});
