import { and, asc, count, eq, gte, inArray, lt, min, sql } from 'drizzle-orm';
import { materialRechecks, materialStatusChanges, materials } from '../../db/pg-schema';
import { materialOutcomesOf } from '../follow-through-outcomes';
import type { FollowThroughStore } from '../follow-through-store';
import type { PgDb } from './handles';

// Ids per query, under the protocol's limit of 65,535 bound parameters.
const CHUNK = 10_000;

/** The follow-through statistics' reads on PostgreSQL (the arithmetic is the services'). */
export function pgFollowThroughStore(db: PgDb): FollowThroughStore {
  return {
    async materialOutcomes() {
      const blocked = await db
        .select({ id: materialStatusChanges.materialId, at: min(materialStatusChanges.at) })
        .from(materialStatusChanges)
        .where(eq(materialStatusChanges.toStatus, 'blocked'))
        .groupBy(materialStatusChanges.materialId);
      const removed = await db
        .select({ id: materialRechecks.materialId, at: min(materialRechecks.at) })
        .from(materialRechecks)
        .where(eq(materialRechecks.outcome, 'removed'))
        .groupBy(materialRechecks.materialId);
      return materialOutcomesOf(blocked, removed, async (ids) => {
        const rows: { id: string; createdAt: string }[] = [];
        for (let i = 0; i < ids.length; i += CHUNK) {
          rows.push(
            ...(await db
              .select({ id: materials.id, createdAt: materials.createdAt })
              .from(materials)
              .where(inArray(materials.id, ids.slice(i, i + CHUNK)))),
          );
        }
        return rows;
      });
    },

    async recheckOutcomes(period) {
      const day = sql<string>`substr(${materialRechecks.at}, 1, 10)`;
      // Outcome codes compared byte by byte, as SQLite does, whatever the database's collation.
      const outcome = sql`${materialRechecks.outcome} COLLATE "C"`;
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
        .orderBy(asc(day), asc(outcome));
    },
  };
}
