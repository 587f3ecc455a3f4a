import { type Capture, type EvidenceFile, LIMITS } from '#shared/schemas/report';
import type { WebTaggerDb } from './db';
import { reportInputOf, saveReport } from './reports';

/** Why a report has no evidence, or only part of it; the popup says so in the analyst's words. */
export type CaptureProblem =
  | 'not_allowed'
  | 'tab_gone'
  | 'storage_full'
  | 'too_large'
  | 'interrupted'
  | 'failed';

/** What a capture produced: its files (stored locally already), its facts, what went wrong. */
export type CaptureOutcome = { files: EvidenceFile[]; capture?: Capture; problem?: CaptureProblem };

/**
 * A capture that has not ended after this long is given up (the worker that ran it was stopped,
 * the browser closed): its report is pushed without the evidence rather than held back.
 */
export const CAPTURE_GIVE_UP_MS = 2 * 60_000;

/**
 * Ends the capture of a report's evidence: the files and facts join the report, and its upsert —
 * the one that waited for them, or a new one if it went already — is free to be pushed. A report
 * deleted meanwhile is left deleted (its files are pruned later as orphans).
 */
export async function completeCapture(
  db: WebTaggerDb,
  reportId: string,
  outcome: CaptureOutcome,
  at: number,
): Promise<void> {
  await db.transaction('rw', db.reports, db.outbox, db.meta, async () => {
    const report = await db.reports.get(reportId);
    if (!report) return;
    const input = reportInputOf(report);
    const known = new Set(outcome.files.map((f) => f.sha256));
    const files = [...outcome.files, ...(input.files ?? []).filter((f) => !known.has(f.sha256))];
    if (files.length > 0) input.files = files.slice(0, LIMITS.maxEvidenceFiles);
    if (outcome.capture) input.capture = outcome.capture;
    const waiting = await db.outbox
      .where('reportId')
      .equals(reportId)
      .filter((entry) => entry.awaitingCapture !== undefined)
      .toArray();
    if (waiting.length > 0) {
      // Never sent (the drain stops before it): its payload can still change.
      for (const entry of waiting) {
        if (entry.mutation.op !== 'upsert') continue;
        const { awaitingCapture: _began, ...rest } = entry;
        await db.outbox.put({
          ...rest,
          mutation: { ...entry.mutation, report: input },
          ...(input.files?.length ? { fileShas: input.files.map((f) => f.sha256) } : {}),
        });
      }
    } else if (outcome.files.length > 0) {
      await saveReport(db, input, { at, rememberForm: false });
    }
    const stored = (await db.reports.get(reportId)) ?? report;
    const { captureProblem: _old, ...rest } = stored;
    await db.reports.put({
      ...rest,
      ...(input.files ? { files: input.files } : {}),
      ...(input.capture ? { capture: input.capture } : {}),
      evidenceState: outcome.files.length > 0 ? 'captured' : 'failed',
      ...(outcome.problem ? { captureProblem: outcome.problem } : {}),
    });
  });
}

/** Gives up captures that never ended (see CAPTURE_GIVE_UP_MS); returns how many. */
export async function giveUpStaleCaptures(db: WebTaggerDb, now: number): Promise<number> {
  const stale = await db.outbox
    .where('awaitingCapture')
    .below(now - CAPTURE_GIVE_UP_MS)
    .toArray();
  const reportIds = new Set(stale.map((entry) => entry.reportId));
  for (const reportId of reportIds) {
    await completeCapture(db, reportId, { files: [], problem: 'interrupted' }, now);
  }
  return reportIds.size;
}

/** The first queued entry that waits for its capture (the drain pushes only what is before it). */
export async function firstAwaitingCapture(db: WebTaggerDb): Promise<number | undefined> {
  const waiting = await db.outbox.where('awaitingCapture').aboveOrEqual(0).toArray();
  return waiting.length > 0 ? Math.min(...waiting.map((entry) => entry.seq!)) : undefined;
}
