import type { MaterialClaim } from '#shared/schemas/review';
import type { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import { formatTime } from '../components/format';
import type { Strings } from '../i18n';

/** A reviewer or admin, as the assignment's choices list them. */
export type Reviewer = { id: string; fullName: string };

/** The accounts a material may be assigned to: active reviewers and admins, by name. */
export async function activeReviewers(storage: Pick<Storage, 'accounts'>): Promise<Reviewer[]> {
  const active = await storage.accounts.list({ status: 'active' }, 10_000);
  return active
    .filter((u) => u.role === 'reviewer' || u.role === 'admin')
    .map((u) => ({ id: u.id, fullName: u.fullName }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName));
}

/** Who holds a material, as the pages name them: a closed account has no name left. */
export function holderName(t: Strings, claim: Pick<MaterialClaim, 'name'>): string {
  return claim.name ?? t.triage.formerAccount;
}

/** The success message after a claim change (`?claim=`), if any. */
export function claimNotice(t: Strings, done: string | undefined): string | undefined {
  if (done === 'claimed') return t.triage.claimed;
  if (done === 'released') return t.triage.released;
  if (done === 'assigned') return t.triage.assigned;
  return undefined;
}

/** Why a claim change was refused: who holds the material since when, or that it moved. */
export function refusedClaimText(t: Strings, err: ApiError): string {
  const details = err.details as { claim?: MaterialClaim | null; version?: number } | undefined;
  if (details?.version === undefined && details?.claim) {
    return t.triage.takenBy(holderName(t, details.claim), formatTime(details.claim.since));
  }
  return t.triage.claimMoved;
}

/** Why a decision was refused: another reviewer holds the material, it moved, or the step. */
export function refusedDecisionText(t: Strings, err: ApiError): string {
  const details = err.details as { claim?: MaterialClaim | null; version?: number } | undefined;
  if (details?.claim) {
    return t.triage.heldBy(holderName(t, details.claim), formatTime(details.claim.since));
  }
  return details?.version !== undefined ? t.material.conflict : t.material.notAllowed;
}
