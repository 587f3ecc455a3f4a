import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openStorage } from '../db/open';
import { openPgStorage, type PgStorage } from '../db/pg-open';
import * as pgSchema from '../db/pg-schema';
import * as sqliteSchema from '../db/schema';
import type { Storage } from '../storage';
import { createPgTestDatabase } from './pg-database';

/** An account row as the engines store it (what accounts' services would have written). */
export type TestUser = typeof sqliteSchema.users.$inferInsert;

/** A storage on a fresh database of one engine, with what tests need to set it up. */
export type EngineUnderTest = {
  storage: Storage;
  /** Adds accounts directly, as if the accounts' services had written them. */
  addUsers(...users: TestUser[]): Promise<void>;
  /**
   * Another storage on the same database, as a second server process would open it (a second
   * connection, or connection pool); closed with the first.
   */
  openReplica(): Promise<Storage>;
  close(): Promise<void>;
};

/**
 * A SQLite storage on `dataDir` and the replicas opened on the same folder later, as second
 * server processes would open it; `close` closes them all.
 */
export function sqliteWithReplicas(dataDir: string) {
  const storage = openStorage(dataDir);
  const replicas: ReturnType<typeof openStorage>[] = [];
  return {
    storage,
    async openReplica(): Promise<Storage> {
      const replica = openStorage(dataDir);
      replicas.push(replica);
      return replica;
    },
    close() {
      for (const replica of replicas) replica.close();
      storage.close();
    },
  };
}

/**
 * Both engines, for suites that must hold on each: `describe.each(STORAGE_ENGINES)`. The
 * PostgreSQL one is a fresh copy of the run's migrated template database (pg-global-setup.ts).
 */
export const STORAGE_ENGINES = [
  {
    engine: 'SQLite',
    async open(): Promise<EngineUnderTest> {
      const dataDir = mkdtempSync(join(tmpdir(), 'webtagger-test-'));
      const { storage, openReplica, close } = sqliteWithReplicas(dataDir);
      return {
        storage,
        async addUsers(...users) {
          storage.db.insert(sqliteSchema.users).values(users).run();
        },
        openReplica,
        async close() {
          close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    engine: 'PostgreSQL',
    async open(): Promise<EngineUnderTest> {
      const dataDir = mkdtempSync(join(tmpdir(), 'webtagger-test-'));
      const database = await createPgTestDatabase();
      const storage = await openPgStorage(database.url, dataDir);
      const replicas: PgStorage[] = [];
      return {
        storage,
        async addUsers(...users) {
          await storage.db.insert(pgSchema.users).values(users);
        },
        async openReplica() {
          const replica = await openPgStorage(database.url, dataDir);
          replicas.push(replica);
          return replica;
        },
        async close() {
          for (const replica of replicas) await replica.close();
          await storage.close();
          await database.drop();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
] as const;

let userCount = 0;

/** An active analyst account; override any field. */
export function testUser(overrides: Partial<TestUser> = {}): TestUser {
  userCount += 1;
  return {
    id: randomUUID(),
    email: `analyst${userCount}@agency.kz`,
    fullName: `Analyst ${userCount}`,
    organization: 'Agency',
    position: 'Analyst',
    passwordHash: 'not-a-password',
    role: 'analyst',
    status: 'active',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

/**
 * A fresh storage of one engine for each test of the suite, with these accounts in it, closed
 * after the test: the answer's `storage` and `reopen` are the current test's.
 */
export function freshStorageEach(
  open: () => Promise<EngineUnderTest>,
  ...users: TestUser[]
): EngineUnderTest {
  const engine = {} as EngineUnderTest;
  beforeEach(async () => {
    Object.assign(engine, await open());
    if (users.length > 0) await engine.addUsers(...users);
  });
  afterEach(() => engine.close());
  return engine;
}
