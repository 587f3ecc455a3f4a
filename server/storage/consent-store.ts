import type { ConsentRow, PolicyRow } from '../db/schema';
import type { AuditEvent } from './audit-store';

export type { ConsentRow, PolicyRow };

/** A consent record to append (its id is given by the storage). */
export type NewConsent = Omit<ConsentRow, 'id'>;

/** What a consent or a publication is decided on, read in the transaction that records it. */
export type PolicyFacts = {
  /** The current (most recently published) policy version. */
  current: PolicyRow | undefined;
};

/** What recording a consent writes: the record, whether the user's tokens die, its audit. */
export type ConsentEntry = { consent: NewConsent; revokeTokens: boolean; audit: AuditEvent };

/** Published policy versions and users' consent records (append-only). */
export interface ConsentStore {
  /** The current policy: the most recently published version. */
  currentPolicy(): Promise<PolicyRow | undefined>;
  /** Every published version, newest first. */
  policyVersions(): Promise<PolicyRow[]>;
  /** One published version. */
  policyByVersion(version: string): Promise<PolicyRow | undefined>;
  /**
   * Publishes what `build` (pure; it may throw, or answer undefined, to publish nothing) makes of
   * the current policy and the version already published under that number, with its audit
   * event, in one transaction.
   */
  publish(
    version: string,
    build: (
      facts: PolicyFacts & { existing: PolicyRow | undefined },
    ) => { row: PolicyRow; audit?: AuditEvent } | undefined,
  ): Promise<PolicyRow | undefined>;
  /** The user's newest consent record and the current policy. */
  standing(userId: string): Promise<PolicyFacts & { latest: ConsentRow | undefined }>;
  /**
   * Appends what `build` (pure; it may throw to record nothing) makes of the user's standing,
   * revoking every token of the user when it says so, in one transaction.
   */
  record(
    userId: string,
    build: (facts: PolicyFacts & { latest: ConsentRow | undefined }) => ConsentEntry,
  ): Promise<ConsentRow>;
}
