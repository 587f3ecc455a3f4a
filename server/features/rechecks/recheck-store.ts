import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ReviewStatus } from '#shared/review-status';
import type { Db } from '../../db/open';
import {
  type MaterialRecheckRow,
  materialRecheckSchedule,
  materialRechecks,
  materials,
} from '../../db/schema';
import { recordAudit } from '../audit/audit-service';

// Every database access of re-checks lives here, as async functions over the handle, so that the
// feature moves behind the storage interface in one place.

export type RecheckTarget = { id: string; url: string; status: ReviewStatus };
export type NewRecheck = Omit<MaterialRecheckRow, 'at'> & { at: Date };

/** The material a re-check is about, or undefined. */
export async function materialForRecheck(db: Db, id: string): Promise<RecheckTarget | undefined> {
  return db
    .select({ id: materials.id, url: materials.url, status: materials.status })
    .from(materials)
    .where(eq(materials.id, id))
    .get();
}

/** The content hash of the material's last live check, to tell whether the page changed. */
export async function lastLiveSha256(db: Db, materialId: string): Promise<string | undefined> {
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
}

/**
 * Stores a check; with `nextDueAt` the material's schedule moves on and its lease is released in
 * the same transaction. A blocked material found live again is audited for the reviewers.
 */
export async function recordRecheck(
  db: Db,
  check: NewRecheck,
  nextDueAt: Date | undefined,
): Promise<MaterialRecheckRow> {
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
      if (check.suggestion === 'restored') {
        recordAudit(tx, {
          action: 'material.recheck_found_live',
          at: check.at,
          actorUserId: check.byUserId,
          subjectType: 'material',
          subjectId: check.materialId,
          details: { check: row.id, suggestion: 'restored' },
        });
      }
      return row;
    },
    { behavior: 'immediate' },
  );
}

/** The material's checks, newest first. */
export async function listRechecks(db: Db, materialId: string): Promise<MaterialRecheckRow[]> {
  return db
    .select()
    .from(materialRechecks)
    .where(eq(materialRechecks.materialId, materialId))
    .orderBy(desc(materialRechecks.at), desc(sql`rowid`))
    .all();
}

/**
 * Finds up to `limit` materials due for a scheduled check (in a followed status, never checked or
 * past their due time, and not leased by a live claim) and leases them to `owner` until
 * `leaseUntil`, in one write transaction: two schedulers on one database never claim the same one.
 */
export async function claimDueRechecks(
  db: Db,
  claim: {
    now: Date;
    leaseUntil: Date;
    owner: string;
    statuses: readonly ReviewStatus[];
    limit: number;
  },
): Promise<RecheckTarget[]> {
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
}

/** Gives a claimed check back (it failed to run), so that the next tick may take it again. */
export async function releaseRecheckLease(db: Db, materialId: string, owner: string) {
  db.update(materialRecheckSchedule)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(
      and(
        eq(materialRecheckSchedule.materialId, materialId),
        eq(materialRecheckSchedule.leaseOwner, owner),
      ),
    )
    .run();
}
