import type { AuditEvent } from './audit-store';

/** What destroying a batch of accounts' personal data changed, by kind of record. */
export type DestructionCounts = {
  documents: number;
  consentRecords: number;
  auditEvents: number;
  sessions: number;
  reportsRedacted: number;
};

/** One account whose personal data is destroyed, and the e-mail that replaces theirs. */
export type DestroyedAccount = { userId: string; pseudonym: string };

/** What retention reads and destroys. Times are ISO strings. */
export interface RetentionStore {
  /** Up to `limit` closed accounts, closed at or before `cutoff`, whose data is not destroyed yet. */
  dueClosed(cutoff: string, limit: number): Promise<string[]>;
  /** Up to `limit` registrations still pending, created at or before `cutoff`. */
  duePending(cutoff: string, limit: number): Promise<string[]>;
  /** The ids of these accounts' documents (their files are named by them). */
  documentIdsOf(userIds: string[]): Promise<string[]>;
  /**
   * Destroys the accounts' personal data in one transaction: profile (the e-mail replaced by the
   * pseudonym), documents' names, where consents and audited actions came from, sessions, and
   * the text of reports given on a representation basis; records the erasure and the audit event
   * `audit` makes of the counts. With `closePendingAt`, still-pending accounts are closed first.
   */
  destroy(
    accounts: DestroyedAccount[],
    at: string,
    options: { closePendingAt?: string },
    audit: (counts: DestructionCounts) => AuditEvent,
  ): Promise<DestructionCounts>;
  /**
   * Makes what was deleted or overwritten unreadable in the database's files too, not only to
   * queries; `rebuild` also rewrites them whole (for space freed before that was guaranteed).
   */
  eraseFreedSpace(options: { rebuild: boolean }): Promise<void>;
  /**
   * Takes the scheduled run of `period` (a day) for `owner`, a server process: answers false when
   * another process on the database took it already, so that of several replicas one runs it.
   */
  claimRun(period: string, owner: string, at: string): Promise<boolean>;
}
