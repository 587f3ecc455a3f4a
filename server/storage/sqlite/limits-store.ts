import { and, desc, eq, gt, lt } from 'drizzle-orm';
import { limitFailures } from '../../db/schema';
import type { LimitStore } from '../limits-store';
import type { Db } from './handles';

/** The abuse limits' failure counts on SQLite. */
export function sqliteLimitStore(db: Db): LimitStore {
  return {
    async failures(log, key, since, limit) {
      return db
        .select({ at: limitFailures.at })
        .from(limitFailures)
        .where(
          and(eq(limitFailures.log, log), eq(limitFailures.key, key), gt(limitFailures.at, since)),
        )
        .orderBy(desc(limitFailures.at))
        .limit(limit)
        .all()
        .map((row) => row.at);
    },

    async recordFailure(log, key, at, forgetBefore) {
      db.transaction((tx) => {
        // Each row is deleted once, by the first failure after its window: the table stays as
        // small as the failures still counted, however many addresses a spray uses.
        tx.delete(limitFailures)
          .where(and(eq(limitFailures.log, log), lt(limitFailures.at, forgetBefore)))
          .run();
        tx.insert(limitFailures).values({ log, key, at }).run();
      });
    },

    async forget(before) {
      db.delete(limitFailures).where(lt(limitFailures.at, before)).run();
    },
  };
}
