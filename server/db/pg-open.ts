import { mkdirSync } from 'node:fs';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Storage } from '../storage';
import { pgStores } from '../storage/pg';
import type { PgDb } from '../storage/pg/handles';
import { migratePg } from './pg-migrate';
import * as schema from './pg-schema';

/** The PostgreSQL engine: the storage interface, its pool and drizzle handle. */
export type PgStorage = Storage & { pool: pg.Pool; db: PgDb; close(): Promise<void> };

/**
 * Connects to the database of a `postgres://` URL and brings its schema up to date. Files kept
 * beside the database (evidence, documents) stay under the data folder.
 */
export async function openPgStorage(url: string, dataDir: string): Promise<PgStorage> {
  mkdirSync(dataDir, { recursive: true });
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closed (a restart, a failover, an administrator) is dropped by
  // the pool and the next query opens another; unhandled, the event would end the process.
  pool.on('error', () => {});
  await migratePg(pool);
  const db = drizzle(pool, { schema });
  return { ...pgStores(db, dataDir), pool, db, close: () => pool.end() };
}
