import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { LegalGroundChoice } from '#shared/legal-grounds';
import { canTransition, type ReviewStatus } from '#shared/review-status';
import type { Db } from '../../db/open';
import { type MaterialRow, materialStatusChanges, materials, reports } from '../../db/schema';
import { ApiError } from '../../http/errors';
import { reserveChangeSeqs } from '../sync/change-sequence';

export type StatusChange = {
  materialId: string;
  to: ReviewStatus;
  byUserId: string | null;
  /** The internal comment, for reviewers. */
  comment?: string;
  legalGround?: LegalGroundChoice;
  /** The comment for the reporters: it travels with their reports through pull. */
  reporterComment?: string;
  /** The version the decider saw: the change is refused if the material moved since. */
  expectedVersion?: number;
  at: Date;
};

/**
 * Moves a material to a new review status along the workflow, records it in the history, and
 * advances the change number of every live report of it so that their owners pull the new status.
 */
export function changeMaterialStatus(db: Db, change: StatusChange): MaterialRow {
  return db.transaction(
    (tx) => {
      const material = tx.select().from(materials).where(eq(materials.id, change.materialId)).get();
      if (!material) throw new ApiError('not_found', 'No such material.');
      if (change.expectedVersion !== undefined && change.expectedVersion !== material.version) {
        throw new ApiError('conflict', 'The material was changed meanwhile.', {
          version: material.version,
        });
      }
      if (!canTransition(material.status, change.to)) {
        throw new ApiError(
          'conflict',
          `A material cannot go from ${material.status} to ${change.to}.`,
        );
      }
      const at = change.at.toISOString();
      tx.insert(materialStatusChanges)
        .values({
          materialId: material.id,
          fromStatus: material.status,
          toStatus: change.to,
          byUserId: change.byUserId,
          at,
          comment: change.comment ?? '',
          legalGround: change.legalGround ?? null,
          reporterComment: change.reporterComment ?? '',
        })
        .run();
      const updated = tx
        .update(materials)
        .set({
          status: change.to,
          version: material.version + 1,
          reporterComment: change.reporterComment ?? '',
          updatedAt: at,
        })
        .where(eq(materials.id, material.id))
        .returning()
        .get();
      bumpReportsOfMaterial(tx, material.id);
      return updated;
    },
    { behavior: 'immediate' },
  );
}

/** Gives every live report of the material a fresh change number, in their previous order. */
function bumpReportsOfMaterial(db: Pick<Db, 'select' | 'get' | 'run'>, materialId: string): void {
  const live = and(eq(reports.materialId, materialId), isNull(reports.deletedAt));
  const n = db.select({ n: count() }).from(reports).where(live).get()?.n ?? 0;
  if (n === 0) return;
  const first = reserveChangeSeqs(db, n);
  db.run(sql`UPDATE reports SET change_seq = ${first} + ranked.n - 1
    FROM (SELECT id, row_number() OVER (ORDER BY change_seq) AS n FROM reports
          WHERE material_id = ${materialId} AND deleted_at IS NULL) AS ranked
    WHERE reports.id = ranked.id`);
}
