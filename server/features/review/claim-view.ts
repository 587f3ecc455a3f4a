import type { MaterialClaim } from '#shared/schemas/review';
import type { ClaimRecord } from '../../storage/review-store';

/** A claim as the API shows it (in summaries and in a refusal's `details.claim`). */
export const claimView = (claim: ClaimRecord | null): MaterialClaim | null =>
  claim && {
    userId: claim.userId,
    name: claim.name,
    since: claim.since,
    assignedBy: claim.assignedBy,
    version: claim.version,
  };
