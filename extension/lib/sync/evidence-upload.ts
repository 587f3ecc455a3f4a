import type { OutboxEntry, WebTaggerDb } from '../storage/db';
import { type ApiClient, ApiClientError } from './api-client';
import { timed } from './phase-timing';

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

/** Files uploading at once: enough to keep the link busy, few enough not to crowd the server. */
export const UPLOADS_AT_ONCE = 4;

/**
 * A run of ready entries shorter than this waits for more uploads to end before it is pushed
 * (at most `READY_WAIT_MS`): each push costs the server a transaction and its custody and
 * relations work, so a queue whose first reports share files goes in a few full batches rather
 * than in dozens of pushes of one or two reports.
 */
export const READY_AT_LEAST = 100;
/** The longest a run of ready entries waits for a fuller batch while files still upload. */
export const READY_WAIT_MS = 750;

export type EvidenceUploader = ReturnType<typeof createEvidenceUploader>;

/**
 * The uploads of one drain: files start in the order the outbox needs them, `UPLOADS_AT_ONCE` at
 * a time, and each is tried at most once per drain. A file is done once the server holds it, or
 * once it is refused or given up (the report then goes without it); files already uploaded, or
 * no longer held locally (the server already has them), are done at once. Each upload is marked as
 * it ends, so an interrupted run resumes with the files not yet marked. A failure a retry may cure
 * fails that file for this drain and starts no more uploads (those under way finish).
 */
export function createEvidenceUploader(deps: UploadDeps) {
  const outcomes = new Map<string, Promise<void>>();
  const done = new Set<string>();
  /** Uploads under way: a wait for "the next one to end" races these. */
  const running = new Map<string, Promise<void>>();
  const waiting: { sha256: string; start(): void }[] = [];
  let active = 0;
  let failed = false;

  const pump = () => {
    while (!failed && active < UPLOADS_AT_ONCE && waiting.length > 0) waiting.shift()!.start();
  };

  function want(sha256: string): Promise<void> {
    const known = outcomes.get(sha256);
    if (known) return known;
    const outcome = new Promise<void>((resolve, reject) => {
      waiting.push({
        sha256,
        start() {
          active++;
          // Never rejects: the outcome carries the failure. Settles once the file is marked.
          const settled = timed('upload', () => uploadFile(deps, sha256))
            .then(() => {
              done.add(sha256);
              resolve();
            })
            .catch((error: unknown) => {
              failed = true;
              reject(error);
            })
            .finally(() => {
              active--;
              running.delete(sha256);
              pump();
            });
          running.set(sha256, settled);
        },
      });
    });
    // Observed by whoever waits for it; one nobody waits for must not be an unhandled rejection.
    outcome.catch(() => undefined);
    outcomes.set(sha256, outcome);
    return outcome;
  }

  return {
    /**
     * Waits for the uploads under way to end and be marked, so that the drain after this one
     * starts with what this one finished rather than sending those files again.
     */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.allSettled(running.values());
    },
    /**
     * Starts the uploads of a batch's files and waits for those of its first entry; answers the
     * longest run of entries from the first whose files are all done, to be pushed while the rest
     * upload. A run shorter than `READY_AT_LEAST` waits up to `READY_WAIT_MS` for more uploads to
     * end first. Throws the first entry's upload failure, if any.
     */
    async readyPrefix(batch: OutboxEntry[]): Promise<OutboxEntry[]> {
      for (const entry of batch) for (const sha256 of filesOfEntry(entry)) want(sha256);
      pump();
      await Promise.all(filesOfEntry(batch[0]!).map(want));
      const until = Date.now() + READY_WAIT_MS;
      for (;;) {
        const blocked = batch.findIndex((entry) => !filesOfEntry(entry).every((s) => done.has(s)));
        if (blocked === -1) return batch;
        const left = until - Date.now();
        // After a failure no upload starts: waiting would gain nothing.
        if (blocked >= READY_AT_LEAST || left <= 0 || failed || running.size === 0) {
          return batch.slice(0, blocked);
        }
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          ...running.values(),
          new Promise((resolve) => {
            timer = setTimeout(resolve, left);
          }),
        ]);
        clearTimeout(timer);
      }
    },
  };
}

/** One file's upload and its mark; failures a retry may cure are thrown. */
async function uploadFile(deps: UploadDeps, sha256: string): Promise<void> {
  const blob = await deps.db.evidence.get(sha256);
  if (!blob || blob.uploadedAt !== undefined) return;
  try {
    await deps.client.uploadEvidence(deps.token, sha256, blob.mime, blob.data);
    await deps.db.evidence.update(sha256, { uploadedAt: deps.now() });
  } catch (error) {
    if (!(error instanceof ApiClientError)) throw error;
    if (FILE_REFUSALS.has(error.code)) {
      await deps.db.evidence.update(sha256, { uploadedAt: deps.now(), refusedWith: error.code });
      return;
    }
    const failures = (blob.failedAttempts ?? 0) + (error.status >= 500 ? 1 : 0);
    if (failures >= MAX_FILE_FAILURES) {
      await deps.db.evidence.update(sha256, {
        uploadedAt: deps.now(),
        refusedWith: 'gave_up',
        failedAttempts: failures,
      });
      return;
    }
    if (failures > (blob.failedAttempts ?? 0)) {
      await deps.db.evidence.update(sha256, { failedAttempts: failures });
    }
    throw error;
  }
}

/**
 * Whether any queued entry still refers to a file. One key is enough to know: counting them all
 * would walk every entry of a file that thousands of queued reports share.
 */
async function stillNeeded(db: WebTaggerDb, sha256: string): Promise<boolean> {
  const anyOf = (index: 'evidenceSha256' | 'fileShas') =>
    db.outbox.where(index).equals(sha256).limit(1).primaryKeys();
  const found = await Promise.all([anyOf('evidenceSha256'), anyOf('fileShas')]);
  return found.some((keys) => keys.length > 0);
}

/**
 * Of these files, those no queued entry refers to any more. The look-ups go out at once rather than
 * one after another: 40 files are 80 look-ups, answered together instead of in turn.
 */
async function unneeded(db: WebTaggerDb, hashes: Iterable<string>): Promise<string[]> {
  const files = [...new Set(hashes)];
  const needed = await Promise.all(files.map((sha256) => stillNeeded(db, sha256)));
  return files.filter((_, i) => !needed[i]);
}

/**
 * Drops evidence no queued entry refers to any more (its reports were answered). One transaction,
 * so that a report saved meanwhile naming the same file either keeps it or comes after it is gone.
 */
export async function releaseEvidence(db: WebTaggerDb, hashes: Iterable<string>): Promise<void> {
  await db.transaction('rw', db.outbox, db.evidence, async () => {
    await db.evidence.bulkDelete(await unneeded(db, hashes));
  });
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
  const orphans = await unneeded(db, old);
  await db.evidence.bulkDelete(orphans);
  return orphans.length;
}
