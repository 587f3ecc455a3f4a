import type { DecisionRequest, MaterialSummary } from '#shared/schemas/review';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import { changeMaterialStatus } from '../materials/material-status';
import { summarizeMaterials } from './material-summaries';

export type Decision = DecisionRequest & {
  materialId: string;
  byUserId: string;
  at: Date;
  ip: string;
};

/**
 * A reviewer's decision on a material: refused with `conflict` if another reviewer holds it
 * (`details.claim`: the holder or an admin releases it first), if the material moved since the
 * reviewer saw it (`expectedVersion`) or the workflow does not allow the step. The new status
 * reaches the reporters through pull; the decision is audited in the same transaction.
 */
export async function decideMaterial(
  storage: Pick<Storage, 'review' | 'relations'>,
  decision: Decision,
): Promise<MaterialSummary> {
  if (decision.duplicateOf !== undefined) await checkOriginal(storage, decision);
  const material = await changeMaterialStatus(storage, {
    materialId: decision.materialId,
    to: decision.status,
    byUserId: decision.byUserId,
    comment: decision.comment,
    legalGround: decision.legalGround,
    reporterComment: decision.reporterComment,
    expectedVersion: decision.expectedVersion,
    respectClaims: true,
    duplicateOf: decision.duplicateOf,
    at: decision.at,
    audit: { action: 'material.status_changed', ip: decision.ip },
  });
  return (await summarizeMaterials(storage, [material]))[0]!;
}

/** A duplicate's original must be another material that exists and is not itself a duplicate. */
async function checkOriginal(storage: Pick<Storage, 'relations'>, decision: Decision) {
  const [original] = await storage.relations.briefs([decision.duplicateOf!]);
  if (!original || original.id === decision.materialId) {
    throw new ApiError('validation_failed', 'duplicateOf must name another existing material.', {
      field: 'duplicateOf',
    });
  }
  if (original.status === 'duplicate') {
    throw new ApiError(
      'validation_failed',
      'duplicateOf must name the original, not a duplicate.',
      {
        field: 'duplicateOf',
      },
    );
  }
}
