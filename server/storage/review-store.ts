import type { LegalGroundChoice } from '#shared/legal-grounds';
import type { ReviewStatus } from '#shared/review-status';
import type { MaterialsQuery } from '#shared/schemas/review';
import type { MaterialRow, MaterialStatusChangeRow, ReportRow } from '../db/schema';
import type { AuditEvent } from './audit-store';

export type MaterialRecord = MaterialRow;
export type ReportRecord = ReportRow;
export type StatusChangeRecord = MaterialStatusChangeRow;

/** What the queue aggregates of one report, live or withdrawn (`deletedAt`). */
export type ReportFacts = Pick<
  ReportRow,
  | 'materialId'
  | 'userId'
  | 'topics'
  | 'languages'
  | 'region'
  | 'resourceType'
  | 'evidence'
  | 'files'
  | 'createdAt'
  | 'deletedAt'
>;

/** A live report of a material with what reviewers may see of its reporter. */
export type ReportOfMaterial = {
  report: ReportRecord;
  reporterStatus: string;
  organization: string;
};

/** A withdrawn report of a material: who withdrew what, when; nothing of its content. */
export type WithdrawnReportOfMaterial = {
  id: string;
  userId: string;
  createdAt: string;
  deletedAt: string | null;
  reporterStatus: string;
  organization: string;
};

/** A step of a material's history with the decider's name and account status, if any. */
export type HistoryEntry = {
  change: StatusChangeRecord;
  byName: string | null;
  byStatus: string | null;
};

export type MaterialFile = {
  material: MaterialRecord;
  /** Live reports, oldest first. */
  reports: ReportOfMaterial[];
  /** Withdrawn reports, in the order they were withdrawn. */
  withdrawn: WithdrawnReportOfMaterial[];
  history: HistoryEntry[];
};

export type StatusChange = {
  materialId: string;
  to: ReviewStatus;
  byUserId: string | null;
  /** The internal comment, for reviewers. */
  comment?: string;
  legalGround?: LegalGroundChoice;
  /** The comment for the reporters: it travels with their reports through pull. */
  reporterComment?: string;
  /** On a move to `duplicate`: the original material, kept on the duplicate. */
  duplicateOf?: string;
  /** The version the decider saw: the change is refused if the material moved since. */
  expectedVersion?: number;
  /**
   * A reviewer's decision: refused (`claimed`) when anyone but `byUserId` holds the material,
   * read in the same transaction as the change, so a claim made meanwhile is never overridden.
   */
  respectClaims?: boolean;
  at: Date;
  /** Recorded in the same transaction, with the change's from/to/version added to its details. */
  audit?: Pick<AuditEvent, 'action' | 'ip'>;
};

export type StatusChangeOutcome =
  | { kind: 'changed'; material: MaterialRecord }
  | { kind: 'not_found' }
  | { kind: 'claimed'; claim: ClaimRecord }
  | { kind: 'moved'; version: number }
  | { kind: 'not_allowed'; from: ReviewStatus };

export type BlockingRow = {
  urlKey: string;
  url: string;
  title: string;
  status: ReviewStatus;
  firstReportedAt: string;
  /** When the material last moved to its status. */
  decidedAt: string | null;
  /** The topics the material's live reports name, in any order, repeated or not. */
  topics: string[];
  /** The grounds its decisions cited, oldest first, repeated or not. */
  legalGrounds: LegalGroundChoice[];
  /** The SHA-256 of its live reports' evidence files, repeated or not. */
  evidenceSha256: string[];
};

/** Which materials the blocking list holds: in one of `statuses`, reached in the period. */
export type BlockingQuery = {
  statuses: readonly ReviewStatus[];
  /** ISO timestamps: from (included) and before (excluded). */
  from?: string;
  before?: string;
};

/** Per-day counts of the read model: by one facet, or (`total`) all reports. */
export type DailyCountQuery = { facet: string; from?: string; to?: string; byDay: boolean };
export type Bucket = { key: string; count: number };

/** A position in the queue: the sort column's value (absent when sorting by creation) and seq. */
export type QueueCursor = { seq: number; value?: string | number };

/** A material in the queue with its sort column's value (null when sorted by creation). */
export type QueueRow = MaterialRecord & { sortKey: string | number | null };

/** Narrows a queue page: `openTo` leaves out the materials claimed by anyone but that reviewer. */
export type QueueScope = { openTo?: string };

/** A material's current holder, with their name (null once their account was closed). */
export type ClaimRecord = {
  materialId: string;
  userId: string;
  name: string | null;
  since: string;
  assignedBy: string | null;
  version: number;
};

/**
 * A claim (`userId` is the actor), an assignment (`userId` is someone else) or a release
 * (`userId` null). A claim succeeds only if nobody else holds the material; an assignment or a
 * release of someone else's claim only by an admin, and only if that claim is still at
 * `expectedVersion`.
 */
export type ClaimChange = {
  materialId: string;
  userId: string | null;
  byUserId: string;
  /** Only an admin (or the holder) releases or reassigns a material someone else holds. */
  byAdmin?: boolean;
  expectedVersion?: number;
  at: Date;
  ip: string;
};

export type ClaimOutcome =
  | { kind: 'changed'; claim: ClaimRecord | null; version: number }
  | { kind: 'not_found' }
  | { kind: 'taken'; claim: ClaimRecord }
  | { kind: 'moved'; claim: ClaimRecord | null; version: number };

export type SavedFilterRecord = {
  id: string;
  userId: string;
  name: string;
  /** The queue's query string (filters and sort). */
  query: string;
  createdAt: string;
};

/** Materials as reviewers see them: the queue, a material's file, decisions, exports, statistics. */
export interface ReviewStore {
  /** Brings the read model (queue filters, daily counts) up to date with every change. */
  refresh(): Promise<void>;
  /**
   * One page (`limit + 1` rows tell whether there is more) of the queue after a seq cursor; with
   * `withdrawn`, of the materials whose every report was withdrawn.
   */
  materialsPage(
    query: MaterialsQuery,
    after: QueueCursor | undefined,
    scope?: QueueScope,
  ): Promise<QueueRow[]>;
  /** The reports (live and withdrawn) of these materials, as the queue aggregates them. */
  reportFacts(materialIds: string[]): Promise<ReportFacts[]>;
  /** A material with its live and withdrawn reports and its history, if it exists. */
  materialFile(materialId: string): Promise<MaterialFile | undefined>;
  /**
   * Moves a material along the workflow, records the step in its history, and renumbers every
   * live report of it so that their owners pull the new status: one transaction.
   */
  changeStatus(change: StatusChange): Promise<StatusChangeOutcome>;
  /** Materials in the query's statuses, reached in its period, in the order first reported. */
  blockingList(query: BlockingQuery): Promise<BlockingRow[]>;
  /** Sums of the daily counts by day or by value, zero sums left out, sorted by key. */
  dailyCounts(query: DailyCountQuery): Promise<Bucket[]>;
  /** The sum of the daily totals in the period. */
  totalReports(query: Omit<DailyCountQuery, 'facet' | 'byDay'>): Promise<number>;
  /** Who holds these materials (those nobody holds are left out). */
  claimsOf(materialIds: string[]): Promise<ClaimRecord[]>;
  /** Claims, assigns or releases a material, audited in the same transaction. */
  changeClaim(change: ClaimChange): Promise<ClaimOutcome>;
  /** A reviewer's saved filters, by name. */
  savedFilters(userId: string): Promise<SavedFilterRecord[]>;
  /** Saves a filter; one of the same name by the same reviewer is replaced. */
  saveFilter(filter: SavedFilterRecord): Promise<SavedFilterRecord>;
  /** Deletes one of the reviewer's saved filters; false if they have none of that id. */
  deleteFilter(userId: string, id: string): Promise<boolean>;
}
