import { eq, sql } from 'drizzle-orm';
import type { Storage as SqliteStorage } from '../db/open';
import type { PgStorage } from '../db/pg-open';
import * as pgSchema from '../db/pg-schema';
import * as sqliteSchema from '../db/schema';
import type { Storage } from '../storage';

/** The tables tests write to or read directly: the same names and columns on both engines. */
export type ArrangedTable = keyof typeof sqliteSchema &
  keyof typeof pgSchema &
  {
    [K in keyof typeof sqliteSchema]: (typeof sqliteSchema)[K] extends { $inferSelect: object }
      ? K
      : never;
  }[keyof typeof sqliteSchema];

/** A row of a table, as drizzle reads it on either engine. */
export type RowOf<T extends ArrangedTable> = (typeof sqliteSchema)[T]['$inferSelect'];

/** The current policy's version, for a consent row arranged before the test knows it. */
export const CURRENT_POLICY_VERSION = sql`(SELECT version FROM policies ORDER BY published_at DESC, version DESC LIMIT 1)`;

// Plain objects of the schemas' exports, to look tables up by name.
const SQLITE_TABLES = { ...sqliteSchema };
const PG_TABLES = { ...pgSchema };

type Engines = { sqlite?: SqliteStorage; pg?: PgStorage };

/**
 * Test arrangements written straight into the tables. SQLite writes them at once. PostgreSQL
 * cannot answer synchronously, so its writes are queued in order and every call of the app's
 * stores waits for the queue first: helpers such as `createUser` stay synchronous on both.
 */
export function arranger(engines: Engines) {
  let queue: Promise<unknown> = Promise.resolve();
  const settled = () => queue;
  return {
    insert(table: ArrangedTable, rows: object | object[]) {
      const values = (Array.isArray(rows) ? rows : [rows]) as never[];
      if (engines.sqlite) {
        engines.sqlite.db
          .insert(SQLITE_TABLES[table] as never)
          .values(values)
          .run();
        return;
      }
      const { db } = engines.pg!;
      queue = queue.then(() => db.insert(PG_TABLES[table] as never).values(values));
    },
    /** Changes the row of a table with this id. */
    update(table: ArrangedTable, id: string, values: object) {
      if (engines.sqlite) {
        const target = SQLITE_TABLES[table] as unknown as { id: never };
        engines.sqlite.db
          .update(SQLITE_TABLES[table] as never)
          .set(values as never)
          .where(eq(target.id, id as never))
          .run();
        return;
      }
      const { db } = engines.pg!;
      const target = PG_TABLES[table] as unknown as { id: never };
      queue = queue.then(() =>
        db
          .update(PG_TABLES[table] as never)
          .set(values as never)
          .where(eq(target.id, id as never)),
      );
    },
    /**
     * Runs statements in the engine's own SQL (a trigger that makes a write fail, a tampered
     * row), in order with the arranged writes.
     */
    execute(statements: string) {
      if (engines.sqlite) {
        engines.sqlite.sqlite.exec(statements);
        return;
      }
      const { pool } = engines.pg!;
      queue = queue.then(() => pool.query(statements));
    },
    /** Every row of a table, read after the arranged writes. */
    async rows<T extends ArrangedTable>(table: T): Promise<RowOf<T>[]> {
      if (engines.sqlite) {
        return engines.sqlite.db
          .select()
          .from(SQLITE_TABLES[table] as never)
          .all() as RowOf<T>[];
      }
      await queue;
      return (await engines.pg!.db.select().from(PG_TABLES[table] as never)) as RowOf<T>[];
    },
    settled,
    /** The stores, each call waiting for the arranged writes before it runs. */
    awaitedBy(storage: Storage): Storage {
      if (engines.sqlite) return storage;
      const wrapped: Record<string, unknown> = { ...storage };
      for (const [name, store] of Object.entries(storage)) {
        if (typeof store !== 'object' || store === null) continue;
        wrapped[name] = Object.fromEntries(
          Object.entries(store).map(([method, fn]) => [
            method,
            typeof fn !== 'function'
              ? fn
              : async (...args: unknown[]) => {
                  await settled();
                  return (fn as (...a: unknown[]) => unknown).apply(store, args);
                },
          ]),
        );
      }
      return wrapped as Storage;
    },
  };
}
