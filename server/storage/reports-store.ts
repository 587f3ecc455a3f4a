import type { EVIDENCE_MIME_TYPES } from '#shared/schemas/evidence';
import type { ReportChange } from '#shared/schemas/report';
import type { MutationResult } from '#shared/schemas/sync';
import type { CheckedMutation, Rejection, RuleContext, Verdict } from '../features/sync/rules';

/** A mutation as the envelope delivers it: only its id is known to be valid. */
export type RawMutation = { id: string } & Record<string, unknown>;

/** One push batch: the mutations, what the rules found of each alone, and the rules that need data. */
export type PushBatch = {
  userId: string;
  mutations: RawMutation[];
  checked: (CheckedMutation | Rejection)[];
  /** The rules that need what the server holds; pure, run inside the batch's transaction. */
  judge: (checked: CheckedMutation | Rejection, context: RuleContext) => Verdict;
  now: Date;
};

export type PullPage = { changes: ReportChange[]; lastSeq: number; hasMore: boolean };
export type KnownUrlsPage = { hashes: string[]; lastSeq: number; hasMore: boolean };

export type ImageMime = (typeof EVIDENCE_MIME_TYPES)[number];
export type EvidenceRecord = {
  sha256: string;
  mime: ImageMime;
  bytes: number;
  uploadedBy: string;
  at: Date;
};

/** Analysts' reports as they push and pull them, the materials they create, their evidence. */
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
  /** Records stored evidence bytes; `existing` when the hash was known already. */
  recordEvidence(item: EvidenceRecord): Promise<'created' | 'existing'>;
  /** The type a piece of evidence was stored as, if it was. */
  evidenceMime(sha256: string): Promise<ImageMime | undefined>;
}
