import type { OutboxEntry, WebTaggerDb } from '../storage/db';
import { dropEvidenceFiles } from '../storage/evidence-files';
import { type ApiClient, ApiClientError } from './api-client';
import { timed } from './phase-timing';

type UploadDeps = { db: WebTaggerDb; client: ApiClient; token: string; now(): number };

/**
 * Refusals that sending the file again would not change: of the file itself, or of the account
 * (a role that may not send evidence, an account not yet approved), which refuses its reports too.
 */
const FILE_REFUSALS = new Set([
  'validation_failed',
  'unsupported_media_type',
  'payload_too_large',
  'forbidden',
  'account_pending',
]);

/**
 * Server failures (5xx answers) one file may meet before it is given up, so that a file the server
 * can never store is not sent again for ever. Unreachable servers and "too many requests" do not
 * count: being offline for a week loses nothing.
 */
export const MAX_FILE_FAILURES = 8;

/** The evidence files an outbox entry's report lists: uploaded once the server has the report. */
export function filesOfEntry(entry: OutboxEntry): string[] {
  return [...(entry.evidenceSha256 ? [entry.evidenceSha256] : []), ...(entry.fileShas ?? [])];
}

/** Files uploading at once: enough to keep the link busy, few enough not to crowd the server. */
export const UPLOADS_AT_ONCE = 4;

/**
 * Marks the files of answered entries due for upload, unless the server holds them already. Runs
 * in the transaction that stores the answers (push-results.ts): a worker stopped right after it
 * still knows which files to send. A file many queued reports share is marked by the first answer.
 * The records are read by key all at once and only those to mark are written: a cursor over
 * `anyOf` costs a round trip per file, and a batch of 500 reports may list a thousand.
 */
export async function markFilesDue(
  db: WebTaggerDb,
  answered: readonly OutboxEntry[],
  at: number,
): Promise<void> {
  const files = [...new Set(answered.flatMap(filesOfEntry))];
  if (files.length === 0) return;
  const toMark = (await db.evidence.bulkGet(files)).flatMap((file) =>
    file && file.uploadedAt === undefined && file.dueAt === undefined
      ? [{ ...file, dueAt: at }]
      : [],
  );
  if (toMark.length > 0) await db.evidence.bulkPut(toMark);
}

/** What a round of uploads did: the files now done with, and the failure that stopped it. */
export type UploadRound = { done: string[]; failure?: { error: unknown } };

/**
 * Uploads the files due (their reports answered), in the order they became due,
 * `UPLOADS_AT_ONCE` at a time. Each upload is marked as it ends, so an interrupted run resumes
 * with the files not yet marked. A file is done once the server holds it, or once it is refused
 * or given up; a failure a retry may cure starts no more uploads (those under way finish) and is
 * answered with the files done before it.
 */
export async function uploadDueFiles(deps: UploadDeps): Promise<UploadRound> {
  const due = await deps.db.evidence.orderBy('dueAt').primaryKeys();
  const round: UploadRound = { done: [] };
  let next = 0;
  const uploader = async () => {
    while (!round.failure && next < due.length) {
      const sha256 = due[next++]!;
      try {
        if (await timed('upload', () => uploadFile(deps, sha256))) round.done.push(sha256);
      } catch (error) {
        round.failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(UPLOADS_AT_ONCE, due.length) }, uploader));
  return round;
}

/**
 * One file's upload and its mark: answers whether it is done with (false when it was no longer
 * due); failures a retry may cure are thrown.
 */
async function uploadFile(deps: UploadDeps, sha256: string): Promise<boolean> {
  const file = await deps.db.evidence.get(sha256);
  if (file?.dueAt === undefined) return false;
  const finish = (marks: { refusedWith?: string; failedAttempts?: number } = {}) =>
    deps.db.evidence.update(sha256, { uploadedAt: deps.now(), dueAt: undefined, ...marks });
  const stored = await deps.db.evidenceBytes.get(sha256);
  // Nothing to send: both are written and dropped together, but a record must never wait for ever.
  if (!stored) {
    await finish({ refusedWith: 'missing' });
    return true;
  }
  try {
    await deps.client.uploadEvidence(deps.token, sha256, file.mime, stored.data);
    await finish();
    return true;
  } catch (error) {
    if (!(error instanceof ApiClientError)) throw error;
    if (FILE_REFUSALS.has(error.code)) {
      await finish({ refusedWith: error.code });
      return true;
    }
    const failures = (file.failedAttempts ?? 0) + (error.status >= 500 ? 1 : 0);
    if (failures >= MAX_FILE_FAILURES) {
      await finish({ refusedWith: 'gave_up', failedAttempts: failures });
      return true;
    }
    if (failures > (file.failedAttempts ?? 0)) {
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
 * Of these files, those that may go: done with (or never due: a capture no report kept) and
 * named by no queued entry. The look-ups go out at once rather than one after another: 40 files
 * are 80 look-ups, answered together instead of in turn.
 */
async function unneeded(db: WebTaggerDb, hashes: Iterable<string>): Promise<string[]> {
  const files = (await db.evidence.bulkGet([...new Set(hashes)])).flatMap((file) =>
    file && file.dueAt === undefined ? [file.sha256] : [],
  );
  const needed = await Promise.all(files.map((sha256) => stillNeeded(db, sha256)));
  return files.filter((_, i) => !needed[i]);
}

/**
 * Drops the files of `hashes` that are done with and that no queued entry refers to any more. One
 * transaction, so that a report saved meanwhile naming the same file either keeps it or comes
 * after it is gone.
 */
export async function releaseEvidence(db: WebTaggerDb, hashes: Iterable<string>): Promise<void> {
  await db.transaction('rw', db.outbox, db.evidence, db.evidenceBytes, async () => {
    await dropEvidenceFiles(db, await unneeded(db, hashes));
  });
}

/**
 * Drops captured evidence that no report ever queued (the capture was abandoned), and any file
 * done with that a drain cut short left behind. A file waiting for its upload is kept.
 */
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
  await dropEvidenceFiles(db, orphans);
  return orphans.length;
}
