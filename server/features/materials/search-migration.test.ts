import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { canonicalUrl } from '#shared/url-key';
import { createApp } from '../../app';
import { loadConfig } from '../../config';
import { openStorage, type Storage } from '../../db/open';
import * as schema from '../../db/schema';
import { silentLogger } from '../../logger';
import { sqliteStores } from '../../storage/sqlite';
import { pushAs, sampleReport, upsertOf } from '../../testing/reports';
import { seedAccounts } from '../../testing/seed';
import { recheckEngineFromConfig } from '../rechecks/engine-from-config';
import { materialKeyHash } from '../sync/material-key-hash';
import { newMaterialId } from './material-ids';

const MIGRATIONS = join(import.meta.dirname, '../../db/migrations');
const NOW = new Date('2026-11-24T10:00:00.000Z');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'webtagger-search-upgrade-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the migrations folder as it was released: 0000_init alone. */
function initialMigrations(): string {
  const folder = join(dir, 'migrations-0000');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  copyFileSync(join(MIGRATIONS, '0000_init.sql'), join(folder, '0000_init.sql'));
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag === '0000_init');
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  return folder;
}

/** A report and its material as the released schema (0000_init) holds them. */
function insertReleasedReport(
  sqlite: Database.Database,
  userId: string,
  report: ReturnType<typeof sampleReport>,
  seq: number,
) {
  const urlKey = canonicalUrl(report.url);
  const materialId = newMaterialId(NOW.getTime() + seq);
  const at = NOW.toISOString();
  sqlite
    .prepare(
      `INSERT INTO materials (id, url_key, url_key_hash, seq, status, version, url, title, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'submitted', 1, ?, ?, ?, ?)`,
    )
    .run(materialId, urlKey, materialKeyHash(urlKey), seq, report.url, report.title, at, at);
  sqlite
    .prepare(
      `INSERT INTO reports (id, user_id, material_id, url_key, url, title, source, resource_type,
         languages, geography, openness, availability, topics, note, captured_at, version,
         created_at, updated_at, change_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    )
    .run(
      report.id,
      userId,
      materialId,
      urlKey,
      report.url,
      report.title,
      report.source,
      report.resourceType,
      JSON.stringify(report.languages),
      JSON.stringify(report.geography),
      report.openness,
      report.availability,
      JSON.stringify(report.topics),
      report.note,
      report.capturedAt,
      at,
      at,
      seq,
    );
}

/** The real app on a storage, as the server would build it. */
const appOn = (storage: Storage) => {
  const config = loadConfig({ WEBTAGGER_DATA_DIR: storage.dataDir });
  return createApp({
    storage,
    config,
    logger: silentLogger,
    now: () => NOW,
    recheck: recheckEngineFromConfig(config.recheck),
  });
};

it('makes the materials of a database created before the search index searchable', async () => {
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
  const auth = { authorization: `Bearer ${analyst!.token}` };
  const titles = ['Пропаганда ТЕРРОРИЗМА', 'Заңсыз ұтыс тігу', 'Online Roulette'];
  // Rows as the released version wrote them (today's push writes columns it did not have).
  for (const [i, title] of titles.entries()) {
    insertReleasedReport(sqlite, analyst!.id, sampleReport({ title }), i + 1);
  }
  sqlite.prepare("INSERT INTO sync_counters (name, value) VALUES ('change', ?)").run(titles.length);
  const tables = () =>
    sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'materials_search'").all();
  expect(tables()).toEqual([]);
  released.close();

  const upgraded = openStorage(dataDir);
  try {
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
  } finally {
    upgraded.close();
  }
});
