import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { materialRecheckSchedule, materialRechecks, materials } from '../../db/schema';
import type { RecheckStore } from '../rechecks-store';
import { insertAuditEvent } from './audit-store';
import type { Db } from './handles';

/** Re-checks on SQLite. */
export function sqliteRecheckStore(db: Db): RecheckStore {
  return {
    async target(id) {
      return db
        .select({ id: materials.id, url: materials.url, status: materials.status })
        .from(materials)
        .where(eq(materials.id, id))
        .get();
    },

    async lastLiveSha256(materialId) {
      const row = db
        .select({ sha: materialRechecks.contentSha256 })
        .from(materialRechecks)
        .where(
          and(
            eq(materialRechecks.materialId, materialId),
            eq(materialRechecks.outcome, 'live'),
            isNotNull(materialRechecks.contentSha256),
          ),
        )
        .orderBy(desc(materialRechecks.at), desc(sql`rowid`))
        .limit(1)
        .get();
      return row?.sha ?? undefined;
    },

    async record(check, nextDueAt, audit) {
      return db.transaction(
        (tx) => {
          const row = tx
            .insert(materialRechecks)
            .values({ ...check, at: check.at.toISOString() })
            .returning()
            .get();
          if (nextDueAt) {
            const due = nextDueAt.toISOString();
            tx.insert(materialRecheckSchedule)
              .values({ materialId: check.materialId, nextDueAt: due })
              .onConflictDoUpdate({
                target: materialRecheckSchedule.materialId,
                set: { nextDueAt: due, leaseOwner: null, leaseUntil: null },
              })
              .run();
          }
          if (audit) insertAuditEvent(tx, audit(row));
          return row;
        },
        { behavior: 'immediate' },
      );
    },

    async list(materialId) {
      return db
        .select()
        .from(materialRechecks)
        .where(eq(materialRechecks.materialId, materialId))
        .orderBy(desc(materialRechecks.at), desc(sql`rowid`))
        .all();
    },

    async claimDue(claim) {
      if (claim.statuses.length === 0) return [];
      const now = claim.now.toISOString();
      const s = materialRecheckSchedule;
      return db.transaction(
        (tx) => {
          const followed = inArray(materials.status, [...claim.statuses]);
          const due = tx
            .select({ id: materials.id, url: materials.url, status: materials.status })
            .from(s)
            .innerJoin(materials, eq(materials.id, s.materialId))
            .where(
              and(
                sql`${s.nextDueAt} <= ${now}`,
                sql`(${s.leaseUntil} IS NULL OR ${s.leaseUntil} <= ${now})`,
                followed,
              ),
            )
            .orderBy(s.nextDueAt)
            .limit(claim.limit)
            .all();
          const fresh =
            due.length < claim.limit
              ? tx
                  .select({ id: materials.id, url: materials.url, status: materials.status })
                  .from(materials)
                  .where(
                    and(
                      followed,
                      sql`NOT EXISTS (SELECT 1 FROM ${s} WHERE ${s.materialId} = ${materials.id})`,
                    ),
                  )
                  .limit(claim.limit - due.length)
                  .all()
              : [];
          const claimed = [...due, ...fresh];
          const lease = { leaseOwner: claim.owner, leaseUntil: claim.leaseUntil.toISOString() };
          for (const target of claimed) {
            tx.insert(s)
              .values({ materialId: target.id, nextDueAt: now, ...lease })
              .onConflictDoUpdate({ target: s.materialId, set: lease })
              .run();
          }
          return claimed;
        },
        { behavior: 'immediate' },
      );
    },

    async releaseLease(materialId, owner) {
      db.update(materialRecheckSchedule)
        .set({ leaseOwner: null, leaseUntil: null })
        .where(
          and(
            eq(materialRecheckSchedule.materialId, materialId),
            eq(materialRecheckSchedule.leaseOwner, owner),
          ),
        )
        .run();
    },
  };
}
