import type { DecisionRequest, MaterialSummary } from '#shared/schemas/review';
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
 * A reviewer's decision on a material: refused with `conflict` if the material moved since the
 * reviewer saw it (`expectedVersion`) or the workflow does not allow the step. The new status
 * reaches the reporters through pull; the decision is audited in the same transaction.
 */
export async function decideMaterial(
  storage: Pick<Storage, 'review'>,
  decision: Decision,
): Promise<MaterialSummary> {
  const material = await changeMaterialStatus(storage, {
    materialId: decision.materialId,
    to: decision.status,
    byUserId: decision.byUserId,
    comment: decision.comment,
    legalGround: decision.legalGround,
    reporterComment: decision.reporterComment,
    expectedVersion: decision.expectedVersion,
    at: decision.at,
    audit: { action: 'material.status_changed', ip: decision.ip },
  });
  return (await summarizeMaterials(storage, [material]))[0]!;
}
