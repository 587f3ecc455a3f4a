import type { AuditEvent } from './audit-store';
import type { ClaimChange, ClaimOutcome, ClaimRecord } from './review-store';

/**
 * Why a claim change is refused, if it is (the same rules on every engine): a claim when someone
 * else holds the material; an assignment, or a release of someone else's claim, when the claim
 * moved since the actor saw it (`expectedVersion`). A free material may be assigned to anyone.
 */
export function claimOutcome(
  change: ClaimChange,
  current: ClaimRecord | undefined,
  version: number,
): ClaimOutcome | undefined {
  if (!current || current.userId === change.byUserId) return undefined;
  if (change.userId === change.byUserId) return { kind: 'taken', claim: current };
  if (change.expectedVersion !== version) return { kind: 'moved', claim: current, version };
  return undefined;
}

/** The claim's new row and the audit event that records the change. */
export function claimWrite(change: ClaimChange, version: number) {
  const at = change.at.toISOString();
  const assigned = change.userId !== null && change.userId !== change.byUserId;
  const row = {
    materialId: change.materialId,
    userId: change.userId,
    assignedBy: assigned ? change.byUserId : null,
    since: change.userId === null ? null : at,
    version: version + 1,
  };
  const audit: AuditEvent = {
    action:
      change.userId === null
        ? 'material.released'
        : assigned
          ? 'material.assigned'
          : 'material.claimed',
    at: change.at,
    ip: change.ip,
    actorUserId: change.byUserId,
    subjectType: 'material',
    subjectId: change.materialId,
    details: { holder: change.userId, version: row.version },
  };
  return { row, audit };
}
