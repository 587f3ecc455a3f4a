import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';

/** The SQLite engine's connection: better-sqlite3 for prepared statements, drizzle over it. */
export type SqliteHandles = { sqlite: Database.Database; db: Db };
