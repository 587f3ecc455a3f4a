import { sql } from 'drizzle-orm';
import type { PgTx } from './handles';

// Any fixed number, apart from the migration lock (db/pg-migrate.ts): the first key of every
// lock the stores take, so that they cannot collide with other users of advisory locks.
const STORES = 0x77747331;

/** The decisions that read more than one row and must see each other's outcome. */
export const DECISION = {
  /** Role and status changes: who the other active admins are. */
  accountChange: 1,
  /** The first admin: whether any admin exists. */
  firstAdmin: 2,
  /** Which policy is current, and whether a version is taken. */
  policyPublication: 3,
} as const;

/**
 * Makes transactions deciding the same thing run one after another, as SQLite's one writer does:
 * held until the transaction ends, by whichever replica runs it.
 */
export async function decideAlone(
  tx: PgTx,
  decision: (typeof DECISION)[keyof typeof DECISION],
): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${STORES}, ${decision})`);
}
