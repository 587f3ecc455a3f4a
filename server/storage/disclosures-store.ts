import type { DisclosureScope } from '#shared/schemas/disclosures';
import type { ConsentRow, DisclosureRow, UserRow } from '../db/schema';
import type { AuditEvent } from './audit-store';
import type { MaterialRecord, ReportRecord, StatusChangeRecord } from './review-store';

export type DisclosureRecordRow = DisclosureRow;

/** A reporter in a disclosure's scope, with what decides whether they may be identified. */
export type ScopeReporter = {
  user: UserRow;
  /** Their personal data was destroyed after their account was closed. */
  destroyed: boolean;
  latestConsent: ConsentRow | undefined;
};

/** What the storage holds of a disclosure's scope, read in the transaction that records it. */
export type ScopeFacts = {
  unknownMaterialIds: string[];
  unknownUserIds: string[];
  /** Live reports matching every criterion, oldest first; `reportLimit + 1` at most. */
  reports: ReportRecord[];
  reporters: Map<string, ScopeReporter>;
  /** The named materials and those of the reports, in seq order, with their histories. */
  materials: { material: MaterialRecord; history: StatusChangeRecord[] }[];
};

/** What a disclosure records: its row, whose reports it holds, and its audit event. */
export type DisclosureEntry = {
  row: DisclosureRow;
  subjects: { userId: string; identified: boolean; reportCount: number }[];
  audit: AuditEvent;
};

/** Disclosures to state bodies and third parties. */
export interface DisclosureStore {
  /**
   * Reads the scope's facts and records what `build` makes of them, in one transaction; `build`
   * (pure) may throw to record nothing.
   */
  record<T>(
    scope: DisclosureScope,
    reportLimit: number,
    build: (facts: ScopeFacts) => { entry: DisclosureEntry; answer: T },
  ): Promise<T>;
  /** One disclosure record, if it exists. */
  find(id: string): Promise<DisclosureRow | undefined>;
  /**
   * Reads a recorded disclosure and its scope's facts as they are now, and records the audit event
   * `build` (pure; it may throw to record nothing) makes of them, in one transaction. Undefined
   * when there is no such disclosure.
   */
  collectAgain<T>(
    id: string,
    reportLimit: number,
    build: (row: DisclosureRow, facts: ScopeFacts) => { audit: AuditEvent; answer: T },
  ): Promise<T | undefined>;
  /** Up to `limit` records, newest first, older than the cursor; the read is audited. */
  list(
    after: { createdAt: string; id: string } | undefined,
    limit: number,
    audit: (rows: DisclosureRow[]) => AuditEvent,
  ): Promise<DisclosureRow[]>;
}
