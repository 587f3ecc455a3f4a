import { sql } from 'drizzle-orm';
import type { PgTx } from './handles';

/**
 * Reserves `count` consecutive change numbers and returns the first. PostgreSQL runs writers
 * concurrently, so a sequence would hand out numbers in start order, not commit order: instead
 * the counter's row is updated, which locks it until the transaction ends. Every transaction that
 * changes what users pull takes its numbers here, so those transactions commit one after another
 * in number order, and a reader that has seen number n never later finds a new change below n.
 */
export async function reserveChangeSeqs(tx: PgTx, count: number): Promise<number> {
  const result = await tx.execute<{ value: number }>(
    sql`INSERT INTO sync_counters (name, value) VALUES ('change', ${count})
      ON CONFLICT (name) DO UPDATE SET value = sync_counters.value + excluded.value
      RETURNING value`,
  );
  return Number(result.rows[0]!.value) - count + 1;
}

/**
 * Takes the counter's lock without advancing it, first thing in a transaction that will take
 * numbers once it has read what it changes: it then reads after every earlier writer committed.
 */
export async function lockChangeCounter(tx: PgTx): Promise<void> {
  await reserveChangeSeqs(tx, 0);
}
