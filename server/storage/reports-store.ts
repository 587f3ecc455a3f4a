import type { ReviewStatus } from '#shared/review-status';
import type { ReportChange } from '#shared/schemas/report';
import type { MutationResult } from '#shared/schemas/sync';
import type { Topic } from '#shared/taxonomy';
import type { CheckedMutation, Rejection } from '../features/sync/rules';
import type { PushState, PushWriter, Retried } from './push-state';

/** A mutation as the envelope delivers it: only its id is known to be valid. */
export type RawMutation = { id: string } & Record<string, unknown>;

/** One push batch: the mutations, what the rules found of each alone, and the rules that need data. */
export type PushBatch = {
  userId: string;
  mutations: RawMutation[];
  checked: (CheckedMutation | Rejection)[];
  /**
   * Judges the batch by the rules that need what the server holds, on the state the engine read,
   * handing each write to `writer` and numbering the changes from `firstSeq`; pure, run inside
   * the batch's transaction. Answers each mutation, or the report a retried upsert is to be
   * answered with once the batch is written.
   */
  judge: (state: PushState, writer: PushWriter, firstSeq: number) => (MutationResult | Retried)[];
  now: Date;
  /** The client's address, for the audit log. */
  ip: string | null;
};

export type PullPage = { changes: ReportChange[]; lastSeq: number; hasMore: boolean };
export type KnownUrlsPage = { hashes: string[]; lastSeq: number; hasMore: boolean };

/** A live report as its author sees it on the site: what they sent and what became of it. */
export type OwnReport = {
  id: string;
  url: string;
  title: string;
  topics: Topic[];
  note: string;
  createdAt: string;
  status: ReviewStatus;
  reporterComment: string;
};

/** Which of their own live reports: by material status, topic and period (ISO timestamps). */
export type OwnReportsQuery = {
  status?: ReviewStatus;
  topic?: Topic;
  from?: string;
  before?: string;
};

/** Analysts' reports as they push and pull them, and the materials they create. */
export interface ReportStore {
  /**
   * Applies a push batch in one transaction, each mutation judged in order: either every applied
   * mutation is stored with its change number, or none is.
   */
  push(batch: PushBatch): Promise<MutationResult[]>;
  /** The user's reports changed after `afterSeq`, in change order. */
  pull(userId: string, afterSeq: number, limit: number): Promise<PullPage>;
  /** The URL key hashes of materials created after `afterSeq`, oldest first. */
  knownUrlHashes(afterSeq: number, limit: number): Promise<KnownUrlsPage>;
  /** The user's live reports matching the query, newest first. */
  ownReports(userId: string, query: OwnReportsQuery): Promise<OwnReport[]>;
}
