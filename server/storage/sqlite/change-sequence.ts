import { sql } from 'drizzle-orm';
import type { Db } from './handles';

/**
 * Advances the change counter by `?` and returns its new value. Run only inside the write
 * transaction that makes the changes: SQLite has one writer, so numbers are handed out in commit
 * order and a reader that has seen number n will never later find a new change below n.
 */
export const RESERVE_CHANGE_SEQS_SQL = `INSERT INTO sync_counters (name, value) VALUES ('change', ?)
  ON CONFLICT (name) DO UPDATE SET value = value + excluded.value RETURNING value`;

/** Reserves `count` consecutive change numbers (inside a write transaction); returns the first. */
export function reserveChangeSeqs(db: Pick<Db, 'get'>, count: number): number {
  const row = db.get<{ value: number }>(
    sql`INSERT INTO sync_counters (name, value) VALUES ('change', ${count})
      ON CONFLICT (name) DO UPDATE SET value = value + excluded.value RETURNING value`,
  );
  return row.value - count + 1;
}
