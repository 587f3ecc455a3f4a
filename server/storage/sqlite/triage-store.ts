import { and, asc, eq, inArray, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import { materialClaims, materials, reviewSavedFilters, users } from '../../db/schema';
import { claimColumns, claimOutcome, claimWrite, heldByAnother } from '../claim-rules';
import type { ClaimRecord, ReviewStore } from '../review-store';
import { insertAuditEvent } from './audit-store';
import type { Db } from './handles';

type TriageMethods = Pick<
  ReviewStore,
  'claimsOf' | 'changeClaim' | 'savedFilters' | 'saveFilter' | 'deleteFilter'
>;

/** Only the materials nobody holds or `userId` holds (the queue must left-join the claims). */
export function openTo(userId: string | undefined): SQL | undefined {
  if (userId === undefined) return undefined;
  return or(isNull(materialClaims.userId), eq(materialClaims.userId, userId));
}

function claimsWhere(db: Pick<Db, 'select'>, where: SQL | undefined): ClaimRecord[] {
  return db
    .select(claimColumns({ materialClaims, users }))
    .from(materialClaims)
    .leftJoin(users, eq(users.id, materialClaims.userId))
    .where(and(where, isNotNull(materialClaims.userId)))
    .all() as ClaimRecord[];
}

/** The claim on a material when someone other than `userId` holds it (inside a transaction). */
export function claimOfAnother(
  db: Pick<Db, 'select'>,
  materialId: string,
  userId: string | null,
): ClaimRecord | undefined {
  const [claim] = claimsWhere(db, eq(materialClaims.materialId, materialId));
  return heldByAnother(claim, userId) ? claim : undefined;
}

/** Claims and saved filters on SQLite. */
export function sqliteTriageStore(db: Db): TriageMethods {
  return {
    async claimsOf(materialIds) {
      if (materialIds.length === 0) return [];
      return claimsWhere(db, inArray(materialClaims.materialId, materialIds));
    },

    async changeClaim(change) {
      // IMMEDIATE: the first of two claims at once commits before the second reads the row.
      return db.transaction(
        (tx) => {
          const material = tx
            .select({ id: materials.id })
            .from(materials)
            .where(eq(materials.id, change.materialId))
            .get();
          if (!material) return { kind: 'not_found' } as const;
          const row = tx
            .select()
            .from(materialClaims)
            .where(eq(materialClaims.materialId, change.materialId))
            .get();
          const current = row?.userId
            ? claimsWhere(tx, eq(materialClaims.materialId, change.materialId))[0]
            : undefined;
          const refused = claimOutcome(change, current, row?.version ?? 0);
          if (refused) return refused;
          const write = claimWrite(change, row?.version ?? 0);
          tx.insert(materialClaims)
            .values(write.row)
            .onConflictDoUpdate({ target: materialClaims.materialId, set: write.row })
            .run();
          insertAuditEvent(tx, write.audit);
          const claim = write.row.userId
            ? claimsWhere(tx, eq(materialClaims.materialId, change.materialId))[0]!
            : null;
          return { kind: 'changed', claim, version: write.row.version } as const;
        },
        { behavior: 'immediate' },
      );
    },

    async savedFilters(userId) {
      return db
        .select()
        .from(reviewSavedFilters)
        .where(eq(reviewSavedFilters.userId, userId))
        .orderBy(asc(reviewSavedFilters.name))
        .all();
    },

    async saveFilter(filter) {
      return db
        .insert(reviewSavedFilters)
        .values(filter)
        .onConflictDoUpdate({
          target: [reviewSavedFilters.userId, reviewSavedFilters.name],
          set: { query: filter.query, createdAt: filter.createdAt },
        })
        .returning()
        .get();
    },

    async deleteFilter(userId, id) {
      const deleted = db
        .delete(reviewSavedFilters)
        .where(and(eq(reviewSavedFilters.id, id), eq(reviewSavedFilters.userId, userId)))
        .returning({ id: reviewSavedFilters.id })
        .all();
      return deleted.length > 0;
    },
  };
}
