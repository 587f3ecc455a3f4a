import { and, asc, count, eq, gte, inArray, lt, min, sql } from 'drizzle-orm';
import { materialRechecks, materialStatusChanges, materials } from '../../db/schema';
import { materialOutcomesOf } from '../follow-through-outcomes';
import type { FollowThroughStore } from '../follow-through-store';
import type { Db } from './handles';

// Ids per query, well under SQLite's limit on bound parameters.
const CHUNK = 500;

/** The follow-through statistics' reads on SQLite. */
export function sqliteFollowThroughStore(db: Db): FollowThroughStore {
  return {
    async materialOutcomes() {
      const blocked = db
        .select({ id: materialStatusChanges.materialId, at: min(materialStatusChanges.at) })
        .from(materialStatusChanges)
        .where(eq(materialStatusChanges.toStatus, 'blocked'))
        .groupBy(materialStatusChanges.materialId)
        .all();
      const removed = db
        .select({ id: materialRechecks.materialId, at: min(materialRechecks.at) })
        .from(materialRechecks)
        .where(eq(materialRechecks.outcome, 'removed'))
        .groupBy(materialRechecks.materialId)
        .all();
      return materialOutcomesOf(blocked, removed, async (ids) => {
        const rows: { id: string; createdAt: string }[] = [];
        for (let i = 0; i < ids.length; i += CHUNK) {
          rows.push(
            ...db
              .select({ id: materials.id, createdAt: materials.createdAt })
              .from(materials)
              .where(inArray(materials.id, ids.slice(i, i + CHUNK)))
              .all(),
          );
        }
        return rows;
      });
    },

    async recheckOutcomes(period) {
      const day = sql<string>`substr(${materialRechecks.at}, 1, 10)`;
      return db
        .select({ day, outcome: materialRechecks.outcome, count: count() })
        .from(materialRechecks)
        .where(
          and(
            period.from ? gte(materialRechecks.at, period.from) : undefined,
            period.before ? lt(materialRechecks.at, period.before) : undefined,
          ),
        )
        .groupBy(day, materialRechecks.outcome)
        .orderBy(asc(day), asc(materialRechecks.outcome))
        .all();
    },
  };
}
