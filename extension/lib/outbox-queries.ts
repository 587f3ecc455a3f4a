import type { LocalState, WebTaggerDb } from './db';
import { getMeta, setMeta } from './meta';

/*
 * Batched reads and writes of many reports at once. IndexedDB answers many independent requests
 * in one go, while a cursor over `anyOf` costs one round trip per key: with batches of 500 the
 * difference is most of the sync's time.
 */

/** Which of these reports still have mutations in the outbox. */
export async function queuedReportIds(db: WebTaggerDb, ids: string[]): Promise<Set<string>> {
  const counts = await Promise.all(ids.map((id) => db.outbox.where('reportId').equals(id).count()));
  return new Set(ids.filter((_, i) => (counts[i] ?? 0) > 0));
}

/** Moves these reports from one state to another (those in another state are left alone). */
export async function moveStates(
  db: WebTaggerDb,
  ids: string[],
  from: LocalState,
  to: LocalState,
): Promise<number> {
  const reports = await db.reports.bulkGet(ids);
  const moved = reports.flatMap((r) => (r?.state === from ? [{ ...r, state: to }] : []));
  await db.reports.bulkPut(moved);
  return moved.length;
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
