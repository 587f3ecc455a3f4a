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
import { canonicalUrl } from '#shared/url-key';
import { createApp } from '../../app';
import { loadConfig } from '../../config';
import { openStorage, type Storage } from '../../db/open';
import { openPgStorage } from '../../db/pg-open';
import * as pgSchema from '../../db/pg-schema';
import * as schema from '../../db/schema';
import { silentLogger } from '../../logger';
import type { Storage as Stores } from '../../storage';
import { pgStores } from '../../storage/pg';
import { sqliteStores } from '../../storage/sqlite';
import { createPgTestDatabase } from '../../testing/pg-database';
import { pushAs, sampleReport, upsertOf } from '../../testing/reports';
import { seedAccounts } from '../../testing/seed';
import { recheckEngineFromConfig } from '../rechecks/engine-from-config';
import { materialKeyHash } from '../sync/material-key-hash';
import { newMaterialId } from './material-ids';

// Each engine's search came with a migration (SQLite: its full-text index, which must be filled
// from the rows already there; PostgreSQL: trigram indexes): both are checked on a database made
// before it, so the suite opens both engines itself and runs once (vitest.config.ts).
const MIGRATIONS = join(import.meta.dirname, '../../db/migrations');
const PG_MIGRATIONS = join(import.meta.dirname, '../../db/pg-migrations');
const NOW = new Date('2026-11-24T10:00:00.000Z');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'webtagger-search-upgrade-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of an engine's migrations folder as it was released: 0000_init alone. */
function initialMigrations(migrations = MIGRATIONS): string {
  const folder = join(dir, `migrations-0000-${migrations === MIGRATIONS ? 'sqlite' : 'pg'}`);
  mkdirSync(join(folder, 'meta'), { recursive: true });
  copyFileSync(join(migrations, '0000_init.sql'), join(folder, '0000_init.sql'));
  const journal = JSON.parse(readFileSync(join(migrations, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag === '0000_init');
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  return folder;
}

/**
 * A report and its material as the released schema (0000_init) holds them: each statement with
 * its values, the placeholders numbered as PostgreSQL takes them.
 */
function releasedReport(userId: string, report: ReturnType<typeof sampleReport>, seq: number) {
  const urlKey = canonicalUrl(report.url);
  const materialId = newMaterialId(NOW.getTime() + seq);
  const at = NOW.toISOString();
  const insert = (table: string, row: Record<string, unknown>) => ({
    sql: `INSERT INTO ${table} (${Object.keys(row).join(', ')})
      VALUES (${Object.keys(row).map((_, i) => `$${i + 1}`)})`,
    values: Object.values(row),
  });
  return [
    insert('materials', {
      id: materialId,
      url_key: urlKey,
      url_key_hash: materialKeyHash(urlKey),
      seq,
      status: 'submitted',
      version: 1,
      url: report.url,
      title: report.title,
      created_at: at,
      updated_at: at,
    }),
    insert('reports', {
      id: report.id,
      user_id: userId,
      material_id: materialId,
      url_key: urlKey,
      url: report.url,
      title: report.title,
      source: report.source,
      resource_type: report.resourceType,
      languages: JSON.stringify(report.languages),
      geography: JSON.stringify(report.geography),
      openness: report.openness,
      availability: report.availability,
      topics: JSON.stringify(report.topics),
      note: report.note,
      captured_at: report.capturedAt,
      version: 1,
      created_at: at,
      updated_at: at,
      change_seq: seq,
    }),
  ];
}

const TITLES = ['Пропаганда ТЕРРОРИЗМА', 'Заңсыз ұтыс тігу', 'Online Roulette'];

/** The real app on a storage, as the server would build it. */
const appOn = (storage: Stores) => {
  const config = loadConfig({ WEBTAGGER_DATA_DIR: storage.dataDir });
  return createApp({
    storage,
    config,
    logger: silentLogger,
    now: () => NOW,
    recheck: recheckEngineFromConfig(config.recheck),
  });
};

it('makes the materials of a SQLite database created before the full-text index searchable', async () => {
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const sqlite = new Database(join(dataDir, 'webtagger.sqlite'));
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: initialMigrations() });
  const released: Storage = {
    ...sqliteStores({ sqlite, db }, dataDir),
    sqlite,
    db,
    close: () => sqlite.close(),
  };
  const [analyst] = await seedAccounts(released, 1, NOW);
  // Rows as the released version wrote them (today's push writes columns it did not have).
  for (const [i, title] of TITLES.entries()) {
    for (const statement of releasedReport(analyst!.id, sampleReport({ title }), i + 1)) {
      sqlite.prepare(statement.sql.replace(/\$\d+/g, '?')).run(...statement.values);
    }
  }
  sqlite.prepare("INSERT INTO sync_counters (name, value) VALUES ('change', ?)").run(TITLES.length);
  const tables = () =>
    sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'materials_search'").all();
  expect(tables()).toEqual([]);
  released.close();

  const upgraded = openStorage(dataDir);
  try {
    await expectSearchable(upgraded, analyst!.token);
  } finally {
    upgraded.close();
  }
});

it('makes the materials of a PostgreSQL database created before the trigram indexes searchable', async () => {
  const dataDir = join(dir, 'data');
  const database = await createPgTestDatabase({ empty: true });
  const pool = new pg.Pool({ connectionString: database.url });
  try {
    const db = drizzlePg(pool, { schema: pgSchema });
    await migratePg(db, { migrationsFolder: initialMigrations(PG_MIGRATIONS) });
    const [analyst] = await seedAccounts(pgStores(db, dataDir), 1, NOW);
    for (const [i, title] of TITLES.entries()) {
      for (const statement of releasedReport(analyst!.id, sampleReport({ title }), i + 1)) {
        await pool.query(statement.sql, statement.values);
      }
    }
    await pool.query("INSERT INTO sync_counters (name, value) VALUES ('change', $1)", [
      TITLES.length,
    ]);
    const trigramIndexes = async (on: pg.Pool) =>
      (await on.query("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%trgm%'")).rows;
    expect(await trigramIndexes(pool)).toEqual([]);
    await pool.end();

    const upgraded = await openPgStorage(database.url, dataDir);
    try {
      expect(await trigramIndexes(upgraded.pool)).toHaveLength(2);
      await expectSearchable(upgraded, analyst!.token);
    } finally {
      await upgraded.close();
    }
  } finally {
    await pool.end().catch(() => {});
    await database.drop();
  }
});

/** Every released material, and one recorded after the upgrade, found in any letter case. */
async function expectSearchable(upgraded: Stores, analystToken: string) {
  const auth = { authorization: `Bearer ${analystToken}` };
  const [reviewer] = await seedAccounts(upgraded, 1, NOW, 'reviewer');
  const app = appOn(upgraded);
  const search = async (q: string) => {
    const response = await app.request(`/api/materials?q=${encodeURIComponent(q)}`, {
      headers: { authorization: `Bearer ${reviewer!.token}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { materials: { title: string }[] };
    return body.materials.map((m) => m.title);
  };
  expect(await search('терроризма')).toEqual(['Пропаганда ТЕРРОРИЗМА']);
  expect(await search('ҰТЫС ТІГУ')).toEqual(['Заңсыз ұтыс тігу']);
  expect(await search('ROULETTE')).toEqual(['Online Roulette']);
  // Materials recorded after the upgrade are found alike.
  await pushAs({ app }, { auth }, [upsertOf(sampleReport({ title: 'Новый ТЕРРОР-канал' }))]);
  expect(await search('террор')).toEqual(['Новый ТЕРРОР-канал', 'Пропаганда ТЕРРОРИЗМА']);
}
