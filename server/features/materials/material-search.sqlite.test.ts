import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asPhrase, caseVariants } from '../../storage/sqlite/material-search';
import { deleteOf, pushAs } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { report } from '../review/testing';

// SQLite's own full-text index of the materials and how its queries are written: SQLite only
// (vitest.config.ts). What a reviewer finds, on both engines, is material-search.test.ts.

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;

beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
});
afterEach(() => t.dispose());

/** Runs FTS5's own check that the index holds exactly what `materials` says. */
const indexIsInStep = () =>
  t.sqlite.sqlite
    .prepare("INSERT INTO materials_search (materials_search, rank) VALUES ('integrity-check', 1)")
    .run();

describe('the full-text index of the materials', () => {
  it('stays in step with every write to materials, a deletion in the table included', async () => {
    const kept = await report(t, analyst, { title: 'Букмекерская контора' });
    const gone = await report(t, analyst, { title: 'Удалённый отчёт о казино' });
    await pushAs(t, analyst, [deleteOf(gone.report.id)]);
    const { sqlite } = t.sqlite;
    sqlite
      .prepare("UPDATE materials SET title = 'Новое название' WHERE id = ?")
      .run(kept.materialId);
    expect(() => indexIsInStep()).not.toThrow();
    sqlite.prepare('PRAGMA foreign_keys = OFF').run();
    sqlite.prepare('DELETE FROM materials WHERE id = ?').run(gone.materialId);
    sqlite.prepare('PRAGMA foreign_keys = ON').run();
    expect(() => indexIsInStep()).not.toThrow();
  });
});

describe('search helpers', () => {
  it('spells a short text in every mix of lower and upper case', () => {
    expect(caseVariants('қa').sort()).toEqual(['Қa', 'ҚA', 'қa', 'қA'].sort());
    expect(caseVariants('1%')).toEqual(['1%']);
  });

  it('quotes a phrase so that the query syntax has no say', () => {
    expect(asPhrase('a "b" OR c')).toBe('"a ""b"" OR c"');
  });
});
