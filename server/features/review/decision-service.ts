import { eq } from 'drizzle-orm';
import type { DecisionRequest, MaterialSummary } from '#shared/schemas/review';
import type { Db } from '../../db/open';
import { materials } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { changeMaterialStatus } from '../materials/material-status';
import { summarizeMaterials } from './material-summaries';

export type Decision = DecisionRequest & {
  materialId: string;
  byUserId: string;
  at: Date;
  ip: string;
};

/**
 * A reviewer's decision on a material: refused with `conflict` if the material moved since the
 * reviewer saw it (`expectedVersion`) or the workflow does not allow the step. The new status
 * reaches the reporters through pull; the decision is audited in the same transaction.
 */
export function decideMaterial(db: Db, decision: Decision): MaterialSummary {
  const updated = db.transaction(
    (tx) => {
      const from = tx
        .select({ status: materials.status })
        .from(materials)
        .where(eq(materials.id, decision.materialId))
        .get()?.status;
      const material = changeMaterialStatus(db, {
        materialId: decision.materialId,
        to: decision.status,
        byUserId: decision.byUserId,
        comment: decision.comment,
        legalGround: decision.legalGround,
        reporterComment: decision.reporterComment,
        expectedVersion: decision.expectedVersion,
        at: decision.at,
      });
      recordAudit(tx, {
        action: 'material.status_changed',
        at: decision.at,
        actorUserId: decision.byUserId,
        subjectType: 'material',
        subjectId: material.id,
        ip: decision.ip,
        details: {
          from: from ?? null,
          to: material.status,
          version: material.version,
          ...(decision.legalGround && { legalGround: decision.legalGround.code }),
        },
      });
      return material;
    },
    { behavior: 'immediate' },
  );
  return summarizeMaterials(db, [updated])[0]!;
}
