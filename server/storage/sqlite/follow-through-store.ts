import { and, asc, count, eq, gte, inArray, lt, min, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { materialRechecks, materialStatusChanges, materials } from '../../db/schema';
import type { FollowThroughStore, MaterialOutcome } from '../follow-through-store';

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
      const found = new Map<string, MaterialOutcome>();
      const entry = (id: string) => {
        const known = found.get(id) ?? {
          materialId: id,
          firstReportedAt: '',
          blockedAt: null,
          removedAt: null,
        };
        found.set(id, known);
        return known;
      };
      for (const row of blocked) entry(row.id).blockedAt = row.at;
      for (const row of removed) entry(row.id).removedAt = row.at;
      if (found.size === 0) return [];
      const ids = [...found.keys()];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const created = db
          .select({ id: materials.id, createdAt: materials.createdAt })
          .from(materials)
          .where(inArray(materials.id, ids.slice(i, i + CHUNK)))
          .all();
        for (const row of created) found.get(row.id)!.firstReportedAt = row.createdAt;
      }
      return [...found.values()];
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
