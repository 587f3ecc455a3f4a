import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app';
import { loadConfig } from '../config';
import type { Storage as SqliteStorage } from '../db/open';
import { openPgStorage, type PgStorage } from '../db/pg-open';
import { recheckEngineFromConfig } from '../features/rechecks/engine-from-config';
import { silentLogger } from '../logger';
import { prepareData } from '../startup';
import type { Storage } from '../storage';
import { type ArrangedTable, arranger } from './arrange';
import { allowInsertsInto, failInsertsInto } from './failing-inserts';
import { createPgTestDatabase } from './pg-database';
import { sqliteWithReplicas } from './storage-engines';
import { TEST_ENGINE, type TestEngine } from './test-engine';

export { TEST_ENGINE, type TestEngine };

type Opened = {
  storage: Storage;
  sqlite?: SqliteStorage;
  pg?: PgStorage;
  /** Another storage on the same database, as a second server process would open it. */
  openReplica(): Promise<Storage>;
  close(): Promise<void>;
};

async function openEngine(engine: TestEngine, dataDir: string): Promise<Opened> {
  if (engine === 'SQLite') {
    const { storage, openReplica, close } = sqliteWithReplicas(dataDir);
    return { storage, sqlite: storage, openReplica, close: async () => close() };
  }
  const database = await createPgTestDatabase();
  const pg = await openPgStorage(database.url, dataDir);
  const replicas: PgStorage[] = [];
  return {
    storage: pg,
    pg,
    async openReplica() {
      const replica = await openPgStorage(database.url, dataDir);
      replicas.push(replica);
      return replica;
    },
    async close() {
      for (const replica of replicas) await replica.close();
      await pg.close();
      await database.drop();
    },
  };
}

/**
 * The real app on a fresh database of the run's engine (a SQLite file in a temporary folder, or
 * a copy of the PostgreSQL template database), with a clock tests can move. Call `dispose()` in
 * afterEach.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  /** DNS and exempt targets for the re-check client (features/rechecks). */
  recheckExtra: Parameters<typeof recheckEngineFromConfig>[1] = {},
  engine: TestEngine = TEST_ENGINE,
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'webtagger-test-'));
  const config = loadConfig({ WEBTAGGER_DATA_DIR: dataDir, ...env });
  const opened = await openEngine(engine, dataDir);
  const arrange = arranger(opened);
  const storage = arrange.awaitedBy(opened.storage);
  let clock = new Date('2026-11-24T10:00:00.000Z');
  const deps = {
    storage,
    config,
    logger: silentLogger,
    now: () => new Date(clock),
    recheck: recheckEngineFromConfig(config.recheck, recheckExtra),
  };
  await prepareData(storage, config, silentLogger, deps.now());
  const app = createApp(deps);
  return {
    app,
    deps,
    dataDir,
    engine,
    storage,
    /**
     * The SQLite file's handles, for suites about the file itself (migrations, backups, what an
     * erasure leaves on disk). Such suites run on SQLite only: vitest.config.ts names them.
     */
    get sqlite(): SqliteStorage {
      if (!opened.sqlite) throw new Error('this suite inspects the SQLite file: run it on SQLite');
      return opened.sqlite;
    },
    /**
     * The PostgreSQL pool and drizzle handle, for a suite that calls the PostgreSQL engine's own
     * functions beside SQLite's (`t.engine` says which); run on PostgreSQL only.
     */
    get postgres(): PgStorage {
      if (!opened.pg)
        throw new Error('this suite calls the PostgreSQL engine: run it on PostgreSQL');
      return opened.pg;
    },
    /**
     * Writes rows straight into the database's tables (no service, no audit), as tests arrange
     * them: at once on SQLite; on PostgreSQL in order before the app's next storage call.
     */
    insert(table: ArrangedTable, rows: object | object[]) {
      arrange.insert(table, rows);
    },
    /** Changes the row of a table with this id, as `insert` writes. */
    update(table: ArrangedTable, id: string, values: object) {
      arrange.update(table, id, values);
    },
    /**
     * Runs statements in the engine's own SQL, as `insert` writes: for what no table write can
     * arrange (a trigger, a tampering); the test gives each engine its statement (`t.engine`).
     */
    execute(statements: string) {
      arrange.execute(statements);
    },
    /** Every row of a table, after the arranged writes: for assertions on either engine. */
    rows: arrange.rows,
    /** Until every arranged row is written. */
    arranged: () => arrange.settled(),
    /**
     * Another storage on the same database, as a second server process would open it (a second
     * SQLite connection, or PostgreSQL pool); closed by `dispose()`.
     */
    openReplica: async () => arrange.awaitedBy(await opened.openReplica()),
    /** Makes every later insert into a table (its SQL name) fail, as a full disk would. */
    failInsertsInto: async (table: string) => {
      await arrange.settled();
      await failInsertsInto(opened, table);
    },
    /** Lets inserts into that table succeed again. */
    allowInsertsInto: async (table: string) => {
      await arrange.settled();
      await allowInsertsInto(opened, table);
    },
    /** Moves the clock forward. */
    advance(ms: number) {
      clock = new Date(clock.getTime() + ms);
    },
    async dispose() {
      await arrange.settled().catch(() => {});
      await deps.recheck.close();
      await opened.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
