import type { MutationResult } from '#shared/schemas/sync';
import { isRetried, type PushWriter, retriedAnswer } from '../push-state';
import type { PushBatch } from '../reports-store';
import { reserveChangeSeqs } from './change-sequence';
import type { PgDb } from './handles';
import { preloadPushBatch } from './push-preload';
import { emptyWrites, type PushWrites, writePushBatch } from './push-writes';
import { loadStoredReport } from './stored-report';

/**
 * Applies a push batch for one user in one transaction. Its first statement takes the change
 * counter's row lock (held to commit), so batches run one after another as on SQLite: what a
 * batch preloads (applied mutation ids, materials by URL key) includes every batch committed
 * before it, on whichever replica, and a URL's material is created once. The rules run on what
 * was preloaded; the writes are then sent as a few multi-row statements.
 */
export async function applyPushBatch(db: PgDb, batch: PushBatch): Promise<MutationResult[]> {
  return db.transaction(async (tx) => {
    const firstSeq = await reserveChangeSeqs(tx, batch.mutations.length);
    const state = await preloadPushBatch(tx, batch.userId, batch.mutations, batch.checked);
    const writes = emptyWrites(batch.now.toISOString());
    const answers = batch.judge(state, gathering(writes), firstSeq);
    await writePushBatch(tx, writes);
    // Retries answer with the report as it stands now: read after this batch's own writes, one
    // read at a time (a transaction is one connection, which runs one query at a time).
    const results: MutationResult[] = [];
    for (const answer of answers) {
      results.push(
        isRetried(answer)
          ? retriedAnswer(answer, await loadStoredReport(tx, answer.retriedReport))
          : answer,
      );
    }
    return results;
  });
}

/** Gathers the judged changes, to be written in a few statements once all are judged. */
function gathering(writes: PushWrites): PushWriter {
  return {
    material: (row) => writes.materials.push(row),
    // A report edited twice in the batch is written once, as it stands last.
    report: (row) => writes.reports.set(row.id, row),
    deletion: (id, seq) => writes.deletions.push({ id, seq }),
    // Written out rather than spread: V8 copies a spread followed by more fields slowly.
    applied: ({ id, userId, reportId, result }, appliedAt) =>
      writes.applied.push({ id, userId, reportId, result, appliedAt }),
    audit: (event) => writes.audit.push(event),
  };
}
