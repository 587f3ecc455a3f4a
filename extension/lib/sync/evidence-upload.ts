import type { OutboxEntry, WebTaggerDb } from '../storage/db';
import { type ApiClient, ApiClientError } from './api-client';

type UploadDeps = { db: WebTaggerDb; client: ApiClient; token: string; now(): number };

/** Refusals of the image itself: sending it again would not help. */
const IMAGE_REFUSALS = new Set([
  'validation_failed',
  'unsupported_media_type',
  'payload_too_large',
]);

/**
 * Uploads the evidence a batch of outbox entries refers to, before the batch is pushed, so the
 * server holds the image when the report naming it arrives. Evidence already uploaded, or no
 * longer held locally (then the server already has it), is skipped. Failures that a retry may
 * cure are thrown, and the batch waits.
 */
export async function uploadEvidenceOf(deps: UploadDeps, batch: OutboxEntry[]): Promise<number> {
  const hashes = [...new Set(batch.flatMap((e) => (e.evidenceSha256 ? [e.evidenceSha256] : [])))];
  let uploaded = 0;
  for (const sha256 of hashes) {
    const blob = await deps.db.evidence.get(sha256);
    if (!blob || blob.uploadedAt !== undefined) continue;
    try {
      await deps.client.uploadEvidence(deps.token, sha256, blob.mime, blob.data);
      await deps.db.evidence.update(sha256, { uploadedAt: deps.now() });
      uploaded++;
    } catch (error) {
      if (!(error instanceof ApiClientError) || !IMAGE_REFUSALS.has(error.code)) throw error;
      await deps.db.evidence.update(sha256, { uploadedAt: deps.now(), refusedWith: error.code });
    }
  }
  return uploaded;
}

/** Drops evidence no queued entry refers to any more (its reports were answered). */
export async function releaseEvidence(db: WebTaggerDb, hashes: Iterable<string>): Promise<void> {
  for (const sha256 of new Set(hashes)) {
    const stillNeeded = await db.outbox.where('evidenceSha256').equals(sha256).count();
    if (stillNeeded === 0) await db.evidence.delete(sha256);
  }
}

/** Drops captured evidence that no report ever queued (the form was closed without saving). */
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
    const needed = await db.outbox.where('evidenceSha256').equals(sha256).count();
    if (needed === 0) {
      await db.evidence.delete(sha256);
      pruned++;
    }
  }
  return pruned;
}
