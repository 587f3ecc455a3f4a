import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Pool } from 'pg';
import type * as schema from '../../db/pg-schema';

/** The PostgreSQL engine's connections: a node-postgres pool, drizzle over it. */
export type PgDb = NodePgDatabase<typeof schema>;
/** A transaction's handle: what the engine's statements run on inside one. */
export type PgTx = Parameters<Parameters<PgDb['transaction']>[0]>[0];
/** Either: a statement that may run alone or inside a caller's transaction. */
export type PgRunner = PgDb | PgTx;
export type PgHandles = { pool: Pool; db: PgDb };
