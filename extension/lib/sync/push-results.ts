import type { LocalReport, OutboxEntry, Rejection, WebTaggerDb } from '../storage/db';
import { deleteMeta } from '../storage/meta';
import { queuedReportIds, removeAnswered, reportsOfBatch } from '../storage/outbox-queries';
import { unmarkSending } from '../storage/sending';
import type { PushResult } from './api-client';
import { markFilesDue } from './evidence-upload';

/**
 * Applies the server's answers to a pushed batch in one transaction: answered entries leave the
 * outbox; a report whose last answered upsert was accepted becomes `synced` (with the review status
 * and version the server returned), one whose last upsert was refused becomes `rejected` with the
 * server's reason. A report queued again meanwhile stays `pending`: its newer save decides.
 * The evidence files the answered entries name become due for upload (at `at`), in the same
 * transaction. Returns the entries answered.
 */
export async function applyResults(
  db: WebTaggerDb,
  batch: OutboxEntry[],
  results: PushResult[],
  at: number,
): Promise<OutboxEntry[]> {
  const byId = new Map(results.map((result) => [result.id, result]));
  const answered = batch.filter((entry) => byId.has(entry.mutation.id));
  await db.transaction('rw', [db.outbox, db.reports, db.meta, db.evidence], async () => {
    await removeAnswered(db, batch, answered);
    await markFilesDue(db, answered, at);
    await unmarkSending(db, batch);
    const reports = await reportsOfBatch(db, batch, 'pending');
    const queued = await queuedAgain(db, batch, reports);
    const changed = new Map<string, LocalReport>();
    let repull = false;
    for (const entry of answered) {
      const result = byId.get(entry.mutation.id)!;
      if (entry.mutation.op === 'delete') {
        // The server kept a report it would not delete (under review): pull it back to show it.
        // Any other refusal (never had it, not ours) means there is nothing left to delete.
        if (result.status === 'rejected' && result.code === 'conflict') repull = true;
        continue;
      }
      const report = changed.get(entry.reportId) ?? reports.get(entry.reportId);
      if (!report) continue; // deleted locally meanwhile; its delete is queued
      changed.set(entry.reportId, settle(report, result, queued.has(entry.reportId)));
    }
    await db.reports.bulkPut([...changed.values()]);
    if (repull) await deleteMeta(db, 'pullCursor');
  });
  return answered;
}

/**
 * The batch's reports that still have mutations in the outbox (saved again while it was on its
 * way). A report's `updatedAt` is when its latest entry was queued (saveReport): only a report
 * whose time differs from its entry's in the batch may have a newer one, and only those are
 * looked up, instead of one count per report (a save within the same millisecond as the entry's
 * is not told apart: the report shows `synced` until its newer upsert is answered too).
 */
async function queuedAgain(
  db: WebTaggerDb,
  batch: readonly OutboxEntry[],
  reports: ReadonlyMap<string, LocalReport>,
): Promise<Set<string>> {
  const queuedAt = new Map(batch.map((entry) => [entry.reportId, entry.queuedAt]));
  const maybe = [...queuedAt].flatMap(([id, at]) => {
    const report = reports.get(id);
    return report && report.updatedAt !== at ? [id] : [];
  });
  return maybe.length === 0 ? new Set() : queuedReportIds(db, maybe);
}

function settle(report: LocalReport, result: PushResult, stillQueued: boolean): LocalReport {
  const next: LocalReport = { ...report };
  if (result.report) {
    next.reviewStatus = result.report.status;
    next.serverVersion = result.report.version;
  }
  if (stillQueued) return next;
  if (result.status === 'rejected') {
    next.state = 'rejected';
    next.rejection = rejectionOf(result);
  } else {
    next.state = 'synced';
    delete next.rejection;
  }
  return next;
}

function rejectionOf(result: PushResult): Rejection {
  return {
    code: result.code ?? 'validation_failed',
    message: result.message ?? '',
    ...(result.findings ? { findings: result.findings } : {}),
  };
}
