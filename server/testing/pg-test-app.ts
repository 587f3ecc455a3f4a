import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openPgStorage } from '../db/pg-open';
import * as pgSchema from '../db/pg-schema';
import { users } from '../db/schema';
import type { Storage } from '../storage';
import { createPgTestDatabase } from './pg-database';
import { createTestApp } from './test-app';

type Stores = Pick<Storage, 'reports' | 'review' | 'audit' | 'disclosures' | 'relations'>;

/**
 * The real app with the storage interface's stores (reports and sync, review, audit,
 * disclosures, relations) on a fresh PostgreSQL database, for the suites of routes whose services use only
 * those. Accounts, tokens and consent stay on the app's SQLite file, as they are not behind the
 * interface yet; since reports reference their authors, every store call first copies the
 * accounts the test created to PostgreSQL. A test arrangement only: the server itself does not
 * start split across two engines (storage/create.ts).
 */
export async function createTestAppOnPostgres(env: Record<string, string> = {}) {
  const database = await createPgTestDatabase();
  const filesDir = mkdtempSync(join(tmpdir(), 'webtagger-test-pg-'));
  const pg = await openPgStorage(database.url, filesDir);
  let copyAccounts = async () => {};
  const stores = withBefore(pg, () => copyAccounts());
  const t = await createTestApp(env, {}, stores);
  copyAccounts = async () => {
    const rows = t.storage.db.select().from(users).all();
    if (rows.length === 0) return;
    await pg.db
      .insert(pgSchema.users)
      .values(rows)
      .onConflictDoUpdate({
        target: pgSchema.users.id,
        set: { status: sqlExcluded('status'), role: sqlExcluded('role') },
      });
  };
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

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

/** The stores with `before` awaited ahead of every call. */
function withBefore(stores: Stores, before: () => Promise<void>): Stores {
  const wrap = <T extends object>(store: T): T =>
    Object.fromEntries(
      Object.entries(store).map(([name, method]) => [
        name,
        async (...args: unknown[]) => {
          await before();
          return (method as (...a: unknown[]) => unknown).apply(store, args);
        },
      ]),
    ) as T;
  return {
    reports: wrap(stores.reports),
    review: wrap(stores.review),
    audit: wrap(stores.audit),
    disclosures: wrap(stores.disclosures),
    relations: wrap(stores.relations),
  };
}

/** Both ways to build the app for the suites that run on either engine's stores. */
export const TEST_APP_ENGINES = [
  { engine: 'SQLite', create: (env: Record<string, string> = {}) => createTestApp(env) },
  { engine: 'PostgreSQL', create: createTestAppOnPostgres },
] as const;
