import type { StoredReport } from '#shared/schemas/report';
import type { MutationResult } from '#shared/schemas/sync';
import type { ReportRow } from '../db/schema';
import type { CheckedMutation, HeldReport, Rejection } from '../features/sync/rules';
import type { AuditEvent } from './audit-store';

/*
 * What an engine hands the push judging (server/features/sync/push-judging.ts) and takes back:
 * the state it read for a batch, and the writer the judged changes go to. Each engine reads what
 * the batch refers to, and writes what comes out (SQLite statement by statement, PostgreSQL
 * gathered into a few statements) inside the batch's transaction.
 */

export type AppliedResult = { op: 'upsert' | 'delete'; version: number };
/** A mutation id already applied: a retry of it is answered, not applied again. */
export type AppliedMutation = {
  id: string;
  userId: string;
  reportId: string;
  result: AppliedResult;
};
export type MaterialRef = { id: string; status: HeldReport['status'] };

/** A material created by the first report of its URL key. */
export type NewMaterial = {
  id: string;
  urlKey: string;
  urlKeyHash: string;
  seq: number;
  url: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  registrableDomain: string | null;
};

/** A report as a push writes it: every column but `deletedAt`, which an upsert clears. */
export type PushedReport = Omit<ReportRow, 'deletedAt'> & { deletedAt: null };

/** What the batch holds before its first mutation is judged; judging keeps it up to date. */
export type PushState = {
  applied: Map<string, AppliedMutation>;
  held: Map<string, HeldReport>;
  /** Materials by URL key. */
  materials: Map<string, MaterialRef>;
  isApprovedRepresentation(documentId: string): boolean;
};

/** Where an engine puts a judged batch's writes, in the order they are judged. */
export type PushWriter = {
  material(row: NewMaterial): void;
  /** A report upserted: a new one when nothing of its id was `held` before. */
  report(row: PushedReport, held: HeldReport | undefined): void;
  /** A report withdrawn: its tombstone at change number `seq`. */
  deletion(reportId: string, seq: number): void;
  applied(row: AppliedMutation, appliedAt: string): void;
  audit(event: AuditEvent): void;
};

/** A retried upsert, answered with its report as it stands once the batch is written. */
export type Retried = { id: string; retriedReport: string };

/** Whether an answer is still to be read back: a retried upsert. */
export function isRetried(answer: MutationResult | Retried): answer is Retried {
  return 'retriedReport' in answer;
}

/** A retried upsert's answer, with its report as the engine read it back (if it is still there). */
export function retriedAnswer({ id }: Retried, report: StoredReport | undefined): MutationResult {
  return { id, status: 'duplicate', ...(report ? { report } : {}) };
}

/**
 * What an engine reads before judging: the reports the batch names, the URL keys of its upserts,
 * and whether any upsert claims a representation document as its basis.
 */
export function referencedKeys(checked: (CheckedMutation | Rejection)[]) {
  const reportIds: string[] = [];
  const urlKeys: string[] = [];
  let claimsDocument = false;
  for (const c of checked) {
    if (c.kind === 'delete') reportIds.push(c.reportId);
    if (c.kind === 'upsert') {
      reportIds.push(c.report.id);
      urlKeys.push(c.urlKey);
      claimsDocument ||= c.report.personalDataBasis !== undefined;
    }
  }
  return { reportIds, urlKeys, claimsDocument };
}
