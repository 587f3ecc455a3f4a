import Dexie from 'dexie';
import type { LocalReport, OutboxEntry, WebTaggerDb } from './db';
import { deleteMeta, getMeta, setMeta } from './meta';
import { markSentUpTo } from './outbox-queries';

/*
 * Which reports are on their way to the server. The sync engine marks batches, not reports: one
 * small write of the meta table before a batch leaves (its report ids, and the `sentUpTo` mark),
 * instead of writing every report of it as `syncing` and back. The review list shows a pending
 * report of such a batch as `syncing` (showSending).
 */

/**
 * Before a batch leaves: its entries count as sent from now on, its reports as on their way.
 * The batch may have been read a while before (the engine reads the next one while the pushes are
 * on their way), and an edit meanwhile replaces an entry never sent by a new one at a higher `seq`
 * (reports.ts): so it is marked only if every entry between its first and last is still queued,
 * in the same transaction as the mark, and false tells the caller to read it again.
 */
export async function markSending(
  db: WebTaggerDb,
  batch: readonly OutboxEntry[],
): Promise<boolean> {
  const first = batch[0]!.seq!;
  const last = batch.at(-1)!.seq!;
  return db.transaction('rw', db.outbox, db.meta, async () => {
    const still = await db.outbox.where('seq').between(first, last, true, true).count();
    if (still !== batch.length) return false;
    await markSentUpTo(db, last);
    const sending = (await getMeta(db, 'sending')) ?? [];
    await setMeta(db, 'sending', [...sending, ...batch.map((entry) => entry.reportId)]);
    return true;
  });
}

/**
 * The batch is no longer on its way (answered, or failed and still queued). Runs in the caller's
 * transaction when it has one on `meta` (push-results.ts stores the answers in the same one), else
 * in its own: another batch may be marked meanwhile, and its ids must not be lost.
 */
export async function unmarkSending(db: WebTaggerDb, batch: readonly OutboxEntry[]): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const sending = (await getMeta(db, 'sending')) ?? [];
    const done = new Set(batch.map((entry) => entry.reportId));
    const left = sending.filter((id) => !done.has(id));
    if (left.length === 0) await deleteMeta(db, 'sending');
    else await setMeta(db, 'sending', left);
  });
}

/**
 * Forgets every batch on its way: a run that was cut short (the worker was stopped) sends them
 * again. Returns whether there were any. Reports that earlier versions left `syncing` are pending.
 */
export async function forgetSending(db: WebTaggerDb): Promise<boolean> {
  const legacy = await syncingRows(db).toArray();
  if (legacy.length > 0) await db.reports.bulkPut(legacy.map((r) => ({ ...r, state: 'pending' })));
  const sending = await getMeta(db, 'sending');
  if (sending) await deleteMeta(db, 'sending');
  return legacy.length > 0 || (sending?.length ?? 0) > 0;
}

/** Whether a batch was left on its way (a run cut short), without changing anything. */
export async function anySending(db: WebTaggerDb): Promise<boolean> {
  const sending = await getMeta(db, 'sending');
  return (sending?.length ?? 0) > 0 || (await syncingRows(db).count()) > 0;
}

/** The reports as the review list shows them: pending ones of a batch on its way are `syncing`. */
export async function showSending(db: WebTaggerDb, reports: LocalReport[]): Promise<LocalReport[]> {
  const sending = new Set((await getMeta(db, 'sending')) ?? []);
  if (sending.size === 0) return reports;
  return reports.map((report) =>
    report.state === 'pending' && sending.has(report.id) ? { ...report, state: 'syncing' } : report,
  );
}

/** Reports that versions before batches were marked left `syncing` (pending-query.ts's inState). */
function syncingRows(db: WebTaggerDb) {
  return db.reports
    .where('[state+updatedAt]')
    .between(['syncing', Dexie.minKey], ['syncing', Dexie.maxKey]);
}
