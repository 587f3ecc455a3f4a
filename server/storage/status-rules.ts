import { canTransition, type ReviewStatus } from '#shared/review-status';
import type { AuditEvent } from './audit-store';
import type {
  ClaimRecord,
  MaterialRecord,
  StatusChange,
  StatusChangeOutcome,
} from './review-store';

/**
 * Why a status change is refused, if it is (the same rules on every engine), from the material
 * and its claim as read in the change's transaction: someone else holds it (when the change
 * respects claims), it moved since the decider saw it, or the workflow has no such step.
 */
export function statusRefusal(
  change: StatusChange,
  material: Pick<MaterialRecord, 'status' | 'version'>,
  heldByAnother: ClaimRecord | undefined,
): StatusChangeOutcome | undefined {
  if (heldByAnother) return { kind: 'claimed', claim: heldByAnother };
  if (change.expectedVersion !== undefined && change.expectedVersion !== material.version) {
    return { kind: 'moved', version: material.version };
  }
  if (!canTransition(material.status, change.to)) {
    return { kind: 'not_allowed', from: material.status };
  }
  return undefined;
}

/** What an allowed status change writes: the history step and the material's new fields. */
export function statusWrite(
  change: StatusChange,
  material: Pick<MaterialRecord, 'id' | 'status' | 'version'>,
) {
  const at = change.at.toISOString();
  const step = {
    materialId: material.id,
    fromStatus: material.status,
    toStatus: change.to,
    byUserId: change.byUserId,
    at,
    comment: change.comment ?? '',
    legalGround: change.legalGround ?? null,
    reporterComment: change.reporterComment ?? '',
  };
  const update = {
    status: change.to,
    version: material.version + 1,
    reporterComment: change.reporterComment ?? '',
    updatedAt: at,
    ...(change.to === 'duplicate' && { duplicateOf: change.duplicateOf ?? null }),
  };
  return { step, update };
}

/** The audit event of a status change, when the change asks for one. */
export function statusAudit(
  change: StatusChange,
  from: ReviewStatus,
  updated: Pick<MaterialRecord, 'id' | 'status' | 'version'>,
): AuditEvent | undefined {
  if (!change.audit) return undefined;
  return {
    ...change.audit,
    at: change.at,
    actorUserId: change.byUserId,
    subjectType: 'material',
    subjectId: updated.id,
    details: {
      from,
      to: updated.status,
      version: updated.version,
      ...(change.legalGround && { legalGround: change.legalGround.code }),
      ...(change.duplicateOf && { duplicateOf: change.duplicateOf }),
    },
  };
}
