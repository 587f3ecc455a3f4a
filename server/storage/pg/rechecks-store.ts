import { and, desc, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { materialRecheckSchedule, materialRechecks, materials } from '../../db/pg-schema';
import type { RecheckStore, RecheckTarget } from '../rechecks-store';
import { insertAuditEvent } from './audit-store';
import type { PgDb } from './handles';

const targetColumns = { id: materials.id, url: materials.url, status: materials.status };

/** Re-checks on PostgreSQL. */
export function pgRecheckStore(db: PgDb): RecheckStore {
  return {
    async target(id) {
      const [row] = await db.select(targetColumns).from(materials).where(eq(materials.id, id));
      return row;
    },

    async lastLiveSha256(materialId) {
      const [row] = await db
        .select({ sha: materialRechecks.contentSha256 })
        .from(materialRechecks)
        .where(
          and(
            eq(materialRechecks.materialId, materialId),
            eq(materialRechecks.outcome, 'live'),
            isNotNull(materialRechecks.contentSha256),
          ),
        )
        .orderBy(desc(materialRechecks.at), desc(materialRechecks.id))
        .limit(1);
      return row?.sha ?? undefined;
    },

    async record(check, nextDueAt, audit) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(materialRechecks)
          .values({ ...check, at: check.at.toISOString() })
          .returning();
        if (nextDueAt) {
          const due = nextDueAt.toISOString();
          await tx
            .insert(materialRecheckSchedule)
            .values({ materialId: check.materialId, nextDueAt: due })
            .onConflictDoUpdate({
              target: materialRecheckSchedule.materialId,
              set: { nextDueAt: due, leaseOwner: null, leaseUntil: null },
            });
        }
        if (audit) await insertAuditEvent(tx, audit(row!));
        return row!;
      });
    },

    async list(materialId) {
      return db
        .select()
        .from(materialRechecks)
        .where(eq(materialRechecks.materialId, materialId))
        .orderBy(desc(materialRechecks.at), desc(materialRechecks.id));
    },

    async claimDue(claim) {
      if (claim.statuses.length === 0) return [];
      const now = claim.now.toISOString();
      const s = materialRecheckSchedule;
      const followed = inArray(materials.status, [...claim.statuses]);
      const free = and(lte(s.nextDueAt, now), or(isNull(s.leaseUntil), lte(s.leaseUntil, now)));
      return db.transaction(async (tx) => {
        // Schedule rows another scheduler holds locked are passed over, not waited for.
        const due = await tx
          .select(targetColumns)
          .from(s)
          .innerJoin(materials, eq(materials.id, s.materialId))
          .where(and(free, followed))
          .orderBy(s.nextDueAt, s.materialId)
          .limit(claim.limit)
          .for('update', { of: s, skipLocked: true });
        const fresh =
          due.length < claim.limit
            ? await tx
                .select(targetColumns)
                .from(materials)
                .where(
                  and(
                    followed,
                    sql`NOT EXISTS (SELECT 1 FROM ${s} WHERE ${s.materialId} = ${materials.id})`,
                  ),
                )
                .orderBy(materials.seq)
                .limit(claim.limit - due.length)
                // Nor are never-checked materials another scheduler is claiming (a row lock
                // that leaves reports free to refer to them).
                .for('no key update', { of: materials, skipLocked: true })
            : [];
        const lease = { leaseOwner: claim.owner, leaseUntil: claim.leaseUntil.toISOString() };
        const claimed: RecheckTarget[] = [];
        for (const target of [...due, ...fresh]) {
          // Decided on the row as last committed: a material another scheduler scheduled or
          // leased after this one's read (a never-checked one has no row to lock) is left to it.
          const [taken] = await tx
            .insert(s)
            .values({ materialId: target.id, nextDueAt: now, ...lease })
            .onConflictDoUpdate({ target: s.materialId, set: lease, setWhere: free })
            .returning({ id: s.materialId });
          if (taken) claimed.push(target);
        }
        return claimed;
      });
    },

    async releaseLease(materialId, owner) {
      await db
        .update(materialRecheckSchedule)
        .set({ leaseOwner: null, leaseUntil: null })
        .where(
          and(
            eq(materialRecheckSchedule.materialId, materialId),
            eq(materialRecheckSchedule.leaseOwner, owner),
          ),
        );
    },
  };
}
