import type { MutationResult } from '#shared/schemas/sync';
import type { HeldReport } from '../../features/sync/rules';
import { fileHashesOf } from '../evidence-facts';
import {
  type AppliedMutation,
  isRetried,
  type MaterialRef,
  type PushState,
  type PushWriter,
  referencedKeys,
  retriedAnswer,
} from '../push-state';
import type { PushBatch } from '../reports-store';
import { insertAuditEvent } from './audit-store';
import type { SqliteHandles } from './handles';
import {
  type AppliedRow,
  type HeldRow,
  insertValues,
  type MaterialKeyRow,
  type PushStatements,
  pushStatements,
  updateValues,
} from './push-statements';
import { loadStoredReport } from './stored-report';

/**
 * Applies a push batch for one user, each mutation judged by the rules in order, all in one
 * immediate transaction: either every applied mutation is stored, or (on a crash) none is.
 */
export function applyPushBatch(handles: SqliteHandles, batch: PushBatch): MutationResult[] {
  const sql = pushStatements(handles.sqlite);
  const run = handles.sqlite.transaction(() => {
    const state = preload(sql, batch);
    const count = batch.mutations.length;
    const lastSeq = (sql.reserveChangeSeqs.get(count) as { value: number }).value;
    const answers = batch.judge(state, writer(handles, sql, batch.now), lastSeq - count + 1);
    // Retries answer with the report as it stands now, after this batch's own writes.
    return answers.map((answer) =>
      isRetried(answer)
        ? retriedAnswer(answer, loadStoredReport(handles.db, answer.retriedReport))
        : answer,
    );
  });
  return run.immediate();
}

/** Reads everything the batch refers to in three queries instead of a few per mutation. */
function preload(sql: PushStatements, batch: PushBatch): PushState {
  const ids = JSON.stringify(batch.mutations.map((m) => m.id));
  const applied = new Map<string, AppliedMutation>();
  for (const row of sql.appliedMutations.all(ids) as AppliedRow[]) {
    applied.set(row.id, { ...row, result: JSON.parse(row.result) });
  }
  const { reportIds, urlKeys } = referencedKeys(batch.checked);
  const held = new Map<string, HeldReport>();
  for (const row of sql.heldReports.all(JSON.stringify(reportIds)) as HeldRow[]) {
    held.set(row.id, {
      userId: row.userId,
      materialId: row.materialId,
      status: row.status,
      version: row.version,
      createdAt: row.createdAt,
      deleted: row.deletedAt !== null,
    });
  }
  const materials = new Map<string, MaterialRef>();
  for (const row of sql.materialsByKey.all(JSON.stringify(urlKeys)) as MaterialKeyRow[]) {
    materials.set(row.urlKey, { id: row.id, status: row.status });
  }
  // Looked up when a report first claims a document as its basis, then remembered.
  const approved = new Map<string, boolean>();
  const isApprovedRepresentation = (documentId: string) => {
    let found = approved.get(documentId);
    if (found === undefined) {
      found = sql.approvedRepresentation.get(documentId, batch.userId) !== undefined;
      approved.set(documentId, found);
    }
    return found;
  };
  return { applied, held, materials, isApprovedRepresentation };
}

/** Writes each judged change at once, through the prepared statements. */
function writer(handles: SqliteHandles, sql: PushStatements, now: Date): PushWriter {
  const at = now.toISOString();
  return {
    material(m) {
      sql.insertMaterial.run(
        m.id,
        m.urlKey,
        m.urlKeyHash,
        m.seq,
        m.url,
        m.title,
        m.createdAt,
        m.updatedAt,
        m.registrableDomain,
      );
    },
    report(report, held) {
      if (held) sql.updateReport.run(updateValues(report));
      else sql.insertReport.run(insertValues(report));
      for (const sha256 of fileHashesOf(report)) sql.recordReportFile.run(sha256, report.id);
    },
    deletion(id, changeSeq) {
      sql.deleteReport.run({ id, at, changeSeq });
    },
    applied({ id, userId, reportId, result }, appliedAt) {
      // Built by hand: the same text as JSON.stringify, once per mutation of every batch.
      const text = `{"op":"${result.op}","version":${result.version}}`;
      sql.recordApplied.run(id, userId, reportId, text, appliedAt);
    },
    audit(event) {
      insertAuditEvent(handles.db, event);
    },
  };
}
