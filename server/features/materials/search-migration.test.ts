import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp } from '../../app';
import { loadConfig } from '../../config';
import { openStorage, type Storage } from '../../db/open';
import * as schema from '../../db/schema';
import { silentLogger } from '../../logger';
import { pushAs, sampleReport, upsertOf } from '../../testing/reports';
import { seedAccounts } from '../../testing/seed';
import { recheckEngineFromConfig } from '../rechecks/engine-from-config';

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
  const released: Storage = { sqlite, db, dataDir, close: () => sqlite.close() };
  const [analyst] = seedAccounts(released, 1, NOW);
  const auth = { authorization: `Bearer ${analyst!.token}` };
  const titles = ['Пропаганда ТЕРРОРИЗМА', 'Заңсыз ұтыс тігу', 'Online Roulette'];
  const pushed = await pushAs({ app: appOn(released) }, { auth }, [
    ...titles.map((title) => upsertOf(sampleReport({ title }))),
  ]);
  expect(pushed.body.results.map((r: { status: string }) => r.status)).toEqual(
    titles.map(() => 'applied'),
  );
  const tables = () =>
    sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'materials_search'").all();
  expect(tables()).toEqual([]);
  released.close();

  const upgraded = openStorage(dataDir);
  try {
    const [reviewer] = seedAccounts(upgraded, 1, NOW, 'reviewer');
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
