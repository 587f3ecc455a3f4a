import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgStorage } from '../db/pg-open';
import { createPgTestDatabase } from './pg-database';
import { createTestApp } from './test-app';

/**
 * The real app with every store the PostgreSQL engine holds (storage/pg) on a fresh PostgreSQL
 * database: sign-in, accounts and consent included, so requests are authenticated there. The
 * stores PostgreSQL lacks yet (`NOT_YET_ON_POSTGRESQL`) stay on the app's SQLite file: suites
 * that reach them run on SQLite only. A test arrangement: the server itself does not start split
 * across two engines (storage/create.ts).
 */
export async function createTestAppOnPostgres(env: Record<string, string> = {}) {
  const database = await createPgTestDatabase();
  const filesDir = mkdtempSync(join(tmpdir(), 'webtagger-test-pg-'));
  const pg = await openPgStorage(database.url, filesDir);
  const { pool: _pool, db: _db, close: _close, dataDir: _dataDir, ...stores } = pg;
  const t = await createTestApp(env, {}, stores);
  return {
    ...t,
    pg,
    async dispose() {
      t.dispose();
      await pg.close();
      await database.drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** Both ways to build the app for the suites that run on either engine's stores. */
export const TEST_APP_ENGINES = [
  { engine: 'SQLite', create: (env: Record<string, string> = {}) => createTestApp(env) },
  { engine: 'PostgreSQL', create: createTestAppOnPostgres },
] as const;
