import type { ReviewStatus } from '#shared/review-status';
import type { MaterialRecheckRow } from '../db/schema';
import type { AuditEvent } from './audit-store';

export type { MaterialRecheckRow };

/** A material to re-check: where it is and what status it has. */
export type RecheckTarget = { id: string; url: string; status: ReviewStatus };
/** A check to store. */
export type NewRecheck = Omit<MaterialRecheckRow, 'at'> & { at: Date };

/** What a scheduler claims: due materials in the followed statuses, leased until then. */
export type RecheckClaim = {
  now: Date;
  leaseUntil: Date;
  owner: string;
  statuses: readonly ReviewStatus[];
  limit: number;
};

/** Reachability re-checks of materials and their schedule. */
export interface RecheckStore {
  /** The material a re-check is about. */
  target(materialId: string): Promise<RecheckTarget | undefined>;
  /** The content hash of the material's last live check, to tell whether the page changed. */
  lastLiveSha256(materialId: string): Promise<string | undefined>;
  /**
   * Stores a check with its audit event, if any; with `nextDueAt` the material's schedule moves
   * on and its lease is released, in the same transaction.
   */
  record(
    check: NewRecheck,
    nextDueAt: Date | undefined,
    audit: ((row: MaterialRecheckRow) => AuditEvent) | undefined,
  ): Promise<MaterialRecheckRow>;
  /** The material's checks, newest first. */
  list(materialId: string): Promise<MaterialRecheckRow[]>;
  /**
   * Finds up to `limit` materials due for a scheduled check (in a followed status, never checked
   * or past their due time, and not leased by a live claim) and leases them to `owner` until
   * `leaseUntil`, in one write transaction: two schedulers on one database never claim the same.
   */
  claimDue(claim: RecheckClaim): Promise<RecheckTarget[]>;
  /** Gives a claimed check back (it failed to run), so that the next tick may take it again. */
  releaseLease(materialId: string, owner: string): Promise<void>;
}
