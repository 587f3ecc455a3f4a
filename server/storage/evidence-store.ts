import type { ReviewStatus } from '#shared/review-status';
import type { EvidenceFileMime } from '#shared/schemas/report';
import type { EvidenceRow, EvidenceTimestampRow, MaterialRow } from '../db/schema';

export type { EvidenceRow, EvidenceTimestampRow };

/** What the database holds of a material that its custody log must record. */
export type CustodyFacts = {
  materialId: string;
  reports: {
    id: string;
    version: number;
    userId: string;
    url: string;
    updatedAt: string;
    files: string[];
  }[];
  evidence: { sha256: string; mime: EvidenceFileMime; bytes: number; createdAt: string }[];
  stamps: { sha256: string; genTime: string; tokenSha256: string; tsaUrl: string | null }[];
  decisions: {
    id: number;
    fromStatus: ReviewStatus;
    toStatus: ReviewStatus;
    byUserId: string | null;
    at: string;
    comment: string;
  }[];
};

/** A custody event placed in a log: numbered, chained, serialized whole as `event`. */
export type SealedCustodyEvent = { seq: number; type: string; at: string; hash: string };
/** A report version a push stored, whose receipt its material's log records. */
export type ReceivedVersion = { id: string; version: number };

/** A custody log's row: its number, hash, and the event as JSON. */
export type CustodyLogRow = { seq: number; hash: string; event: string };

/** A file a material's live report refers to, with the kind the report gave it. */
export type MaterialFile = {
  sha256: string;
  mime: EvidenceFileMime;
  bytes: number;
  kind: 'screenshot' | 'page_copy';
  reportId: string;
};

/** What a time-stamp run claims: files due at `now`, held until `leaseUntil`. */
export type TimestampClaim = { now: Date; leaseUntil: Date; limit: number };

/** Evidence files' records, their RFC 3161 time-stamps, and materials' custody logs. */
export interface EvidenceStore {
  /** Records a stored evidence file; `existing` if it was recorded before. */
  insertEvidence(item: {
    sha256: string;
    mime: EvidenceFileMime;
    bytes: number;
    uploadedBy: string;
    at: Date;
  }): Promise<'created' | 'existing'>;
  evidenceRow(sha256: string): Promise<EvidenceRow | undefined>;
  evidenceRows(shas: string[]): Promise<EvidenceRow[]>;
  /** Every evidence file's record, oldest first (then by hash: the same order on every engine). */
  allEvidence(): Promise<EvidenceRow[]>;
  timestampRows(shas: string[]): Promise<EvidenceTimestampRow[]>;
  /** Every time-stamp that holds a token, by its file's hash: a report in the same order on every engine. */
  stampedTimestamps(): Promise<EvidenceTimestampRow[]>;
  /**
   * Finds up to `limit` evidence files with no token yet whose next attempt is due (or that were
   * never tried) and moves their next attempt to `leaseUntil`, in one transaction: two
   * processes on one database never claim the same file, and a claim whose process died is due
   * again once its lease runs out. Recording the attempt sets the real next attempt.
   */
  claimDueForTimestamp(claim: TimestampClaim): Promise<{ sha256: string; attempts: number }[]>;
  /** Records a verified token for a file (its bytes are already in place); a kept one stays. */
  recordTimestamp(stamp: {
    sha256: string;
    genTime: string;
    tokenSha256: string;
    tsaUrl: string;
    at: Date;
  }): Promise<void>;
  /** Records a failed attempt and when to try again. */
  recordTimestampFailure(failure: {
    sha256: string;
    error: string;
    nextAttemptAt: Date;
  }): Promise<void>;
  /** The materials whose live reports refer to the file. */
  materialsReferencing(sha256: string): Promise<string[]>;
  /** The live reports that refer to the file. */
  reportsReferencing(sha256: string): Promise<string[]>;
  /** The materials of these reports. */
  materialsOfReports(reportIds: string[]): Promise<string[]>;
  materialById(id: string): Promise<MaterialRow | undefined>;
  /** The files the material's live reports refer to. */
  filesOfMaterial(materialId: string): Promise<MaterialFile[]>;
  /** A material's custody log, oldest first. */
  custodyLog(materialId: string): Promise<CustodyLogRow[]>;
  /** Every material that has a custody log. */
  materialsWithCustody(): Promise<string[]>;
  /**
   * In one transaction for all the materials: reads each one's log and what the database holds of
   * it (`facts.materialId` says whose), and appends to its log the events `seal` (pure) makes of
   * them. Answers how many were appended in all.
   */
  catchUpCustody(
    materialIds: string[],
    seal: (log: CustodyLogRow[], facts: CustodyFacts) => SealedCustodyEvent[],
  ): Promise<number>;
  /**
   * What a push adds to its materials' logs, read from it alone: each received version still
   * live, and the files it lists that the log lacks. `seal` gets, in place of the whole log, the
   * logged events of those files followed by the log's last event, and facts of those reports
   * and files only (no decisions). Appends in one transaction, as `catchUpCustody` does, whose
   * output it equals while the log held everything before the push; `catchUpCustody` stays the
   * repair for anything else.
   */
  recordReceipt(
    received: ReceivedVersion[],
    seal: (log: CustodyLogRow[], facts: CustodyFacts) => SealedCustodyEvent[],
  ): Promise<number>;
}
