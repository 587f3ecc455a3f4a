import type { OutboxEntry, WebTaggerDb } from '../storage/db';
import { type ApiClient, ApiClientError } from './api-client';

type UploadDeps = { db: WebTaggerDb; client: ApiClient; token: string; now(): number };

/** Refusals of the file itself: sending it again would not help. */
const FILE_REFUSALS = new Set(['validation_failed', 'unsupported_media_type', 'payload_too_large']);

/**
 * Server failures (5xx answers) one file may meet before it is given up, so that a file the server
 * can never store does not hold its report back for ever. Unreachable servers and "too many
 * requests" do not count: being offline for a week loses nothing.
 */
export const MAX_FILE_FAILURES = 8;

/** The evidence files an outbox entry needs uploaded before it is pushed. */
export function filesOfEntry(entry: OutboxEntry): string[] {
  return [...(entry.evidenceSha256 ? [entry.evidenceSha256] : []), ...(entry.fileShas ?? [])];
}

/**
 * Uploads the evidence files a batch of outbox entries refers to, before the batch is pushed, so
 * the server holds each file when the report naming it arrives. Files already uploaded, or no
 * longer held locally (then the server already has them), are skipped; each uploaded file is
 * marked at once, so an interrupted run resumes with the next one. Failures that a retry may cure
 * are thrown, and the batch waits.
 */
export async function uploadEvidenceOf(deps: UploadDeps, batch: OutboxEntry[]): Promise<number> {
  const hashes = [...new Set(batch.flatMap(filesOfEntry))];
  let uploaded = 0;
  for (const sha256 of hashes) {
    const blob = await deps.db.evidence.get(sha256);
    if (!blob || blob.uploadedAt !== undefined) continue;
    try {
      await deps.client.uploadEvidence(deps.token, sha256, blob.mime, blob.data);
      await deps.db.evidence.update(sha256, { uploadedAt: deps.now() });
      uploaded++;
    } catch (error) {
      if (!(error instanceof ApiClientError)) throw error;
      if (FILE_REFUSALS.has(error.code)) {
        await deps.db.evidence.update(sha256, { uploadedAt: deps.now(), refusedWith: error.code });
        continue;
      }
      const failures = (blob.failedAttempts ?? 0) + (error.status >= 500 ? 1 : 0);
      if (failures >= MAX_FILE_FAILURES) {
        await deps.db.evidence.update(sha256, {
          uploadedAt: deps.now(),
          refusedWith: 'gave_up',
          failedAttempts: failures,
        });
        continue;
      }
      if (failures > (blob.failedAttempts ?? 0)) {
        await deps.db.evidence.update(sha256, { failedAttempts: failures });
      }
      throw error;
    }
  }
  return uploaded;
}

/** Whether any queued entry still refers to a file. */
async function stillNeeded(db: WebTaggerDb, sha256: string): Promise<boolean> {
  const single = await db.outbox.where('evidenceSha256').equals(sha256).count();
  return single > 0 || (await db.outbox.where('fileShas').equals(sha256).count()) > 0;
}

/** Drops evidence no queued entry refers to any more (its reports were answered). */
export async function releaseEvidence(db: WebTaggerDb, hashes: Iterable<string>): Promise<void> {
  for (const sha256 of new Set(hashes)) {
    if (!(await stillNeeded(db, sha256))) await db.evidence.delete(sha256);
  }
}

/** Drops captured evidence that no report ever queued (the capture was abandoned). */
export async function pruneOrphanEvidence(
  db: WebTaggerDb,
  now: number,
  graceMs = 60 * 60_000,
): Promise<number> {
  const old = await db.evidence
    .where('storedAt')
    .below(now - graceMs)
    .primaryKeys();
  let pruned = 0;
  for (const sha256 of old) {
    if (!(await stillNeeded(db, sha256))) {
      await db.evidence.delete(sha256);
      pruned++;
    }
  }
  return pruned;
}
