import type { LocalReport, OutboxEntry, Rejection, WebTaggerDb } from '../storage/db';
import { deleteMeta } from '../storage/meta';
import { queuedReportIds, removeAnswered, reportsOfBatch } from '../storage/outbox-queries';
import type { PushResult } from './api-client';
import { filesOfEntry, releaseEvidence } from './evidence-upload';

/**
 * Applies the server's answers to a pushed batch in one transaction: answered entries leave the
 * outbox; a report whose last answered upsert was accepted becomes `synced` (with the review status
 * and version the server returned), one whose last upsert was refused becomes `rejected` with the
 * server's reason. A report queued again meanwhile stays `pending`: its newer save decides.
 * Returns how many entries were answered.
 */
export async function applyResults(
  db: WebTaggerDb,
  batch: OutboxEntry[],
  results: PushResult[],
): Promise<number> {
  const byId = new Map(results.map((result) => [result.id, result]));
  const answered = batch.filter((entry) => byId.has(entry.mutation.id));
  await db.transaction('rw', [db.outbox, db.reports, db.evidence, db.meta], async () => {
    await removeAnswered(db, batch, answered);
    const queued = await queuedReportIds(db, [...new Set(batch.map((entry) => entry.reportId))]);
    const reports = await reportsOfBatch(db, batch, 'syncing');
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
    for (const id of queued) {
      const report = changed.get(id) ?? reports.get(id);
      if (report?.state === 'syncing') changed.set(report.id, { ...report, state: 'pending' });
    }
    await db.reports.bulkPut([...changed.values()]);
    await releaseEvidence(db, answered.flatMap(filesOfEntry));
    if (repull) await deleteMeta(db, 'pullCursor');
  });
  return answered.length;
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
