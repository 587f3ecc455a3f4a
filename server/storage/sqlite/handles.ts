import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from '../../db/schema';

/** drizzle over the SQLite connection, typed by the schema. */
export type Db = BetterSQLite3Database<typeof schema>;

/** The SQLite engine's connection: better-sqlite3 for prepared statements, drizzle over it. */
export type SqliteHandles = { sqlite: Database.Database; db: Db };
