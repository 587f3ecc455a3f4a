import type { AnyColumn } from 'drizzle-orm';
import type { AuditEvent } from './audit-store';
import { pick } from './columns';
import type { ClaimChange, ClaimOutcome, ClaimRecord } from './review-store';

/**
 * Whether someone other than `userId` holds the material: a claim is a soft lock, so the material
 * is then theirs to decide. The one statement of that rule for the stores' checks and the pages.
 */
export function heldByAnother(
  claim: { userId: string } | null | undefined,
  userId: string | null | undefined,
): boolean {
  return claim != null && claim.userId !== userId;
}

/**
 * Why a claim change is refused, if it is (the same rules on every engine). A claim is a soft
 * lock: nobody but its holder decides the material, and only the holder or an admin lets it go.
 * So a claim, an assignment or a release is refused (`taken`) when someone else holds the
 * material, unless an admin releases or reassigns it — and then only if the claim did not move
 * since the admin saw it (`expectedVersion`). A free material may be assigned to anyone.
 */
export function claimOutcome(
  change: ClaimChange,
  current: ClaimRecord | undefined,
  version: number,
): ClaimOutcome | undefined {
  if (!current || !heldByAnother(current, change.byUserId)) return undefined;
  if (change.userId === change.byUserId || !change.byAdmin)
    return { kind: 'taken', claim: current };
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

const CLAIM_FACTS = ['materialId', 'userId', 'since', 'assignedBy', 'version'] as const;
type ClaimColumns = Record<(typeof CLAIM_FACTS)[number], AnyColumn>;

/** A claim with its holder's name (`ClaimRecord`), of either engine's tables. */
export function claimColumns<C extends ClaimColumns, U extends { fullName: AnyColumn }>(tables: {
  materialClaims: C;
  users: U;
}) {
  const { materialClaims: c, users } = tables;
  const { materialId, userId, since, assignedBy, version } = pick(c, CLAIM_FACTS);
  return { materialId, userId, name: users.fullName as U['fullName'], since, assignedBy, version };
}
