import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgStorage } from '../db/pg-open';
import * as pgSchema from '../db/pg-schema';
import { users } from '../db/schema';
import { createPgTestDatabase } from './pg-database';
import { createTestApp } from './test-app';

/**
 * The real app with the storage interface's stores (reports and sync, review, audit,
 * disclosures) on a fresh PostgreSQL database, for the suites of routes whose services use only
 * those. Accounts, tokens and consent stay on the app's SQLite file, as they are not behind the
 * interface yet: call `copyAccounts()` after creating users, since reports reference their
 * authors. A test arrangement only: the server itself does not start split across two engines.
 */
export async function createTestAppOnPostgres(env: Record<string, string> = {}) {
  const database = await createPgTestDatabase();
  const filesDir = mkdtempSync(join(tmpdir(), 'webtagger-test-pg-'));
  const pg = await openPgStorage(database.url, filesDir);
  const t = await createTestApp(env, {}, pg);
  return {
    ...t,
    pg,
    /** Copies the accounts the test created on SQLite to PostgreSQL. */
    async copyAccounts() {
      const rows = t.storage.db.select().from(users).all();
      if (rows.length === 0) return;
      await pg.db.insert(pgSchema.users).values(rows).onConflictDoNothing();
    },
    async dispose() {
      t.dispose();
      await pg.close();
      await database.drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
