import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStorage } from '../db/open';
import { openPgStorage } from '../db/pg-open';
import * as pgSchema from '../db/pg-schema';
import * as schema from '../db/schema';
import { sha256Hex } from '../features/evidence/evidence-files';
import { textFingerprint } from '../features/relations/fingerprints';
import { htmlText } from '../features/relations/page-text';
import { contentRelations, heldFingerprints } from '../features/relations/relate-service';
import { casinoPage } from '../features/relations/testing/pages';
import { createPgTestDatabase } from '../testing/pg-database';
import type { Storage } from '.';

// Text bands were kept per material until 0011 (SQLite) and 0007 (PostgreSQL) keyed them by
// content: a database holding bands the old way must relate its materials as it did.
const MIGRATIONS = join(import.meta.dirname, '../db/migrations');
const PG_MIGRATIONS = join(import.meta.dirname, '../db/pg-migrations');
const AT = '2026-12-01T10:00:00.000Z';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'webtagger-bands-upgrade-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of an engine's migrations folder as released before bands were kept by content. */
function migrationsBefore(folder: string, tag: string): string {
  const copy = join(dir, `before-${tag}`);
  mkdirSync(join(copy, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8'));
  const stop = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
  expect(stop).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, stop);
  for (const entry of journal.entries) {
    copyFileSync(join(folder, `${entry.tag}.sql`), join(copy, `${entry.tag}.sql`));
  }
  writeFileSync(join(copy, 'meta/_journal.json'), JSON.stringify(journal));
  return copy;
}

const page = (name: string) => {
  const html = casinoPage(name);
  return textFingerprint(sha256Hex(new TextEncoder().encode(html)), 'page_copy', htmlText(html));
};
const shared = page('Vulkan777');
const near = page('Vulkan-Kz');
/** Two materials showing one page copy, a third a nearly equal page. */
const HELD = [
  { id: 'm-1', print: shared },
  { id: 'm-2', print: shared },
  { id: 'm-3', print: near },
];

/** The rows the released version wrote, each statement with its values ($n placeholders). */
function releasedRows(): { sql: string; values: (string | number | null)[] }[] {
  return HELD.flatMap(({ id, print }, i) => [
    {
      sql: `INSERT INTO materials (id, url_key, url_key_hash, seq, status, version, url, title,
        created_at, updated_at) VALUES ($1, $2, $3, $4, 'submitted', 1, $5, 'Казино', $6, $7)`,
      values: [id, `example.kz/${id}`, `hash-${id}`, i + 1, `https://example.kz/${id}`, AT, AT],
    },
    {
      sql: `INSERT INTO material_fingerprints (material_id, content_sha256, source, signature, at)
        VALUES ($1, $2, 'page_copy', $3, $4)`,
      values: [id, print.contentSha256, print.signature, AT],
    },
    ...print.bands.map((b) => ({
      sql: `INSERT INTO material_text_bands (material_id, content_sha256, band, band_hash)
        VALUES ($1, $2, $3, $4)`,
      values: [id, print.contentSha256, b.band, b.bandHash],
    })),
  ]);
}

/** How each material relates after the upgrade: the same as when bands were kept per material. */
async function expectRelatedAsBefore(storage: Pick<Storage, 'relations' | 'dataDir'>) {
  const related = async (id: string) =>
    (await contentRelations(storage, id, await heldFingerprints(storage, id))).map((r) => [
      r.id,
      r.signal,
    ]);
  expect(await related('m-1')).toEqual([
    ['m-2', 'same_content'],
    ['m-3', 'near_same_text'],
  ]);
  expect(await related('m-3')).toEqual([
    ['m-1', 'near_same_text'],
    ['m-2', 'near_same_text'],
  ]);
}

it('keeps the text bands of a SQLite database once per content, relating as before', async () => {
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const sqlite = new Database(join(dataDir, 'webtagger.sqlite'));
  migrate(drizzle(sqlite, { schema }), {
    migrationsFolder: migrationsBefore(MIGRATIONS, '0011_content_text_bands'),
  });
  for (const row of releasedRows()) {
    sqlite.prepare(row.sql.replace(/\$\d+/g, '?')).run(...row.values);
  }
  sqlite.close();

  const upgraded = openStorage(dataDir);
  try {
    const count = upgraded.sqlite.prepare('SELECT count(*) AS n FROM content_text_bands').get();
    expect(count).toEqual({ n: 2 * shared.bands.length });
    await expectRelatedAsBefore(upgraded);
  } finally {
    upgraded.close();
  }
});

it('keeps the text bands of a PostgreSQL database once per content, relating as before', async () => {
  const database = await createPgTestDatabase({ empty: true });
  const pool = new pg.Pool({ connectionString: database.url });
  try {
    await migratePg(drizzlePg(pool, { schema: pgSchema }), {
      migrationsFolder: migrationsBefore(PG_MIGRATIONS, '0007_content_text_bands'),
    });
    for (const row of releasedRows()) await pool.query(row.sql, row.values);
    await pool.end();

    const upgraded = await openPgStorage(database.url, join(dir, 'data'));
    try {
      const { rows } = await upgraded.pool.query(
        'SELECT count(*)::int AS n FROM content_text_bands',
      );
      expect(rows).toEqual([{ n: 2 * shared.bands.length }]);
      await expectRelatedAsBefore(upgraded);
    } finally {
      await upgraded.close();
    }
  } finally {
    await pool.end().catch(() => {});
    await database.drop();
  }
});
