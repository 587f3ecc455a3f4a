import type { LocalReport, LocalState, OutboxEntry, WebTaggerDb } from './db';
import { getMeta, setMeta } from './meta';

/*
 * Batched reads and writes of many reports at once. IndexedDB answers many independent requests
 * in one go, while a cursor over `anyOf` costs one round trip per key: with batches of 500 the
 * difference is most of the sync's time. Fewer requests are cheaper still (in Chromium each one is
 * a message to the browser process), so a batch is read and removed by key range where it can be.
 */

/** Which of these reports still have mutations in the outbox. */
export async function queuedReportIds(db: WebTaggerDb, ids: string[]): Promise<Set<string>> {
  const counts = await Promise.all(ids.map((id) => db.outbox.where('reportId').equals(id).count()));
  return new Set(ids.filter((_, i) => (counts[i] ?? 0) > 0));
}

/**
 * The reports of a batch of outbox entries, by id. A report's `updatedAt` is when its latest entry
 * was queued (saveReport), so the batch's reports in `state` lie in one range of the
 * `[state+updatedAt]` index: one request instead of one per report. Those not found there (saved
 * again since, in another state, deleted) are read one by one.
 */
export async function reportsOfBatch(
  db: WebTaggerDb,
  batch: readonly OutboxEntry[],
  state: LocalState,
): Promise<Map<string, LocalReport>> {
  const found = new Map<string, LocalReport>();
  if (batch.length === 0) return found;
  const ids = new Set(batch.map((entry) => entry.reportId));
  const times = batch.map((entry) => entry.queuedAt);
  const inRange = await db.reports
    .where('[state+updatedAt]')
    .between([state, Math.min(...times)], [state, Math.max(...times)], true, true)
    .toArray();
  for (const report of inRange) if (ids.has(report.id)) found.set(report.id, report);
  const missing = [...ids].filter((id) => !found.has(id));
  if (missing.length > 0) {
    for (const report of await db.reports.bulkGet(missing)) {
      if (report) found.set(report.id, report);
    }
  }
  return found;
}

/**
 * Removes answered entries of a batch from the outbox. A batch is every entry between its first
 * and last `seq` (read in order, and new entries get higher ones), so when all were answered it
 * goes as one key range.
 */
export async function removeAnswered(
  db: WebTaggerDb,
  batch: readonly OutboxEntry[],
  answered: readonly OutboxEntry[],
): Promise<void> {
  const first = batch[0]?.seq;
  const last = batch.at(-1)?.seq;
  if (answered.length === batch.length && first !== undefined && last !== undefined) {
    await db.outbox.where('seq').between(first, last, true, true).delete();
  } else {
    await db.outbox.bulkDelete(answered.map((entry) => entry.seq!));
  }
}

/**
 * The highest outbox `seq` ever handed to the server. The outbox is always sent from its oldest
 * entry, so every entry at or below this mark has been sent at least once, and one above it never:
 * an edit may replace only the latter.
 */
export async function sentUpTo(db: WebTaggerDb): Promise<number> {
  return (await getMeta(db, 'sentUpTo')) ?? 0;
}

/** Records that the outbox has been sent up to this `seq`. */
export async function markSentUpTo(db: WebTaggerDb, seq: number): Promise<void> {
  if (seq > (await sentUpTo(db))) await setMeta(db, 'sentUpTo', seq);
}
