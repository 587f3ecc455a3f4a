import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Storage as StorageInterface } from '../storage';
import { sqliteStores } from '../storage/sqlite';
import type { Db } from '../storage/sqlite/handles';
import * as schema from './schema';

/**
 * The SQLite engine: the storage interface, and the connection's handles, which only the engine
 * itself, tests checking the file directly, and the process's own start and stop use.
 */
export type Storage = StorageInterface & {
  sqlite: Database.Database;
  db: Db;
  close(): void;
};

const MIGRATIONS = join(import.meta.dirname, 'migrations');

/** Opens (creating if needed) the SQLite database under the data folder and brings its schema up to date. */
export function openStorage(dataDir: string): Storage {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(join(dataDir, 'webtagger.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted and overwritten content is zeroed on disk, not left in free space (erasure duty).
  sqlite.pragma('secure_delete = ON');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS });
  return { ...sqliteStores({ sqlite, db }, dataDir), sqlite, db, close: () => sqlite.close() };
}
