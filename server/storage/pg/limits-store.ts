import { and, desc, eq, gt, lt } from 'drizzle-orm';
import { limitFailures } from '../../db/pg-schema';
import type { LimitStore } from '../limits-store';
import type { PgDb } from './handles';

/** The abuse limits' failure counts on PostgreSQL: every replica counts the same rows. */
export function pgLimitStore(db: PgDb): LimitStore {
  return {
    async failures(log, key, since, limit) {
      const rows = await db
        .select({ at: limitFailures.at })
        .from(limitFailures)
        .where(
          and(eq(limitFailures.log, log), eq(limitFailures.key, key), gt(limitFailures.at, since)),
        )
        .orderBy(desc(limitFailures.at))
        .limit(limit);
      return rows.map((row) => row.at);
    },

    async recordFailure(log, key, at, forgetBefore) {
      await db.transaction(async (tx) => {
        // As on SQLite: the first failure after a row's window deletes it, so the table stays as
        // small as the failures still counted.
        await tx
          .delete(limitFailures)
          .where(and(eq(limitFailures.log, log), lt(limitFailures.at, forgetBefore)));
        await tx.insert(limitFailures).values({ log, key, at });
      });
    },

    async forget(before) {
      await db.delete(limitFailures).where(lt(limitFailures.at, before));
    },
  };
}
