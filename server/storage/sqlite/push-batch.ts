import type { MutationResult } from '#shared/schemas/sync';
import { newMaterialId } from '../../features/materials/material-ids';
import { registrableDomain } from '../../features/relations/registrable-domain';
import { materialKeyHash } from '../../features/sync/material-key-hash';
import type { CheckedMutation, HeldReport, Rejection, Verdict } from '../../features/sync/rules';
import { fileHashesOf } from '../evidence-facts';
import { storedReport } from '../report-codec';
import type { PushBatch as PushBatchInput, RawMutation } from '../reports-store';
import { insertAuditEvent } from './audit-store';
import type { SqliteHandles } from './handles';
import {
  type AppliedRow,
  type HeldRow,
  insertValues,
  type MaterialKeyRow,
  type PushStatements,
  pushStatements,
  type ReportParams,
  updateValues,
} from './push-statements';
import { loadStoredReport } from './reports-store';

type AppliedResult = { op: 'upsert' | 'delete'; version: number };
type Material = { id: string; status: HeldReport['status'] };

/**
 * Applies a push batch for one user, each mutation judged by the rules in order, all in one
 * immediate transaction: either every applied mutation is stored, or (on a crash) none is.
 */
export function applyPushBatch(handles: SqliteHandles, batch: PushBatchInput): MutationResult[] {
  const statements = pushStatements(handles.sqlite);
  const run = handles.sqlite.transaction(() =>
    new PushBatch(handles, statements, batch).apply(batch.mutations, batch.checked),
  );
  return run.immediate();
}

/** The state of one push batch while it runs inside its transaction. */
class PushBatch {
  private readonly applied = new Map<string, AppliedRow>();
  private readonly held = new Map<string, HeldReport>();
  private readonly materials = new Map<string, Material>();
  private readonly approvedDocuments = new Map<string, boolean>();
  private readonly at: string;
  private readonly userId: string;
  private readonly now: Date;

  constructor(
    private readonly handles: SqliteHandles,
    private readonly sql: PushStatements,
    private readonly batch: PushBatchInput,
  ) {
    this.userId = batch.userId;
    this.now = batch.now;
    this.at = batch.now.toISOString();
  }

  apply(mutations: RawMutation[], checked: (CheckedMutation | Rejection)[]): MutationResult[] {
    this.preload(mutations, checked);
    const lastSeq = (this.sql.reserveChangeSeqs.get(mutations.length) as { value: number }).value;
    const firstSeq = lastSeq - mutations.length + 1;
    const context = {
      userId: this.userId,
      heldReport: (id: string) => this.held.get(id),
      isApprovedRepresentation: (documentId: string) => this.isApproved(documentId),
    };
    return mutations.map((mutation, i) => {
      const earlier = this.applied.get(mutation.id);
      if (earlier) return this.answerDuplicate(earlier);
      const verdict = this.batch.judge(checked[i] as CheckedMutation | Rejection, context);
      if (verdict.kind === 'rejected') return this.reject(mutation.id, verdict, checked[i]);
      const seq = firstSeq + i;
      return verdict.kind === 'upsert'
        ? this.upsert(mutation.id, verdict, seq)
        : this.delete(mutation.id, verdict, seq);
    });
  }

  /** Reads everything the batch refers to in three queries instead of a few per mutation. */
  private preload(mutations: RawMutation[], checked: (CheckedMutation | Rejection)[]) {
    const ids = JSON.stringify(mutations.map((m) => m.id));
    for (const row of this.sql.appliedMutations.all(ids) as AppliedRow[]) {
      this.applied.set(row.id, row);
    }
    const reportIds: string[] = [];
    const urlKeys: string[] = [];
    for (const c of checked) {
      if (c.kind === 'delete') reportIds.push(c.reportId);
      if (c.kind === 'upsert') {
        reportIds.push(c.report.id);
        urlKeys.push(c.urlKey);
      }
    }
    for (const row of this.sql.heldReports.all(JSON.stringify(reportIds)) as HeldRow[]) {
      this.held.set(row.id, {
        userId: row.userId,
        materialId: row.materialId,
        status: row.status,
        version: row.version,
        createdAt: row.createdAt,
        deleted: row.deletedAt !== null,
      });
    }
    for (const row of this.sql.materialsByKey.all(JSON.stringify(urlKeys)) as MaterialKeyRow[]) {
      this.materials.set(row.urlKey, { id: row.id, status: row.status });
    }
  }

  private upsert(
    mutationId: string,
    verdict: Extract<Verdict, { kind: 'upsert' }>,
    seq: number,
  ): MutationResult {
    const { report, urlKey, held, personalDataKinds } = verdict;
    const material = this.materialFor(urlKey, report.url, report.title, seq);
    const version = held ? held.version + 1 : 1;
    const createdAt = held?.createdAt ?? this.at;
    const geography = report.geography;
    const params: ReportParams = {
      id: report.id,
      userId: this.userId,
      createdAt,
      materialId: material.id,
      urlKey,
      url: report.url,
      title: report.title,
      source: report.source,
      resourceType: report.resourceType,
      languages: JSON.stringify(report.languages),
      geography: JSON.stringify(geography),
      country: geography.indicated ? geography.country : null,
      region: geography.indicated ? (geography.region ?? null) : null,
      openness: report.openness,
      availability: report.availability,
      topics: JSON.stringify(report.topics),
      note: report.note,
      capturedAt: report.capturedAt,
      evidence: report.evidence ? JSON.stringify(report.evidence) : null,
      files: report.files?.length ? JSON.stringify(report.files) : null,
      capture: report.capture ? JSON.stringify(report.capture) : null,
      personalDataBasis: report.personalDataBasis ? JSON.stringify(report.personalDataBasis) : null,
      personalDataKinds: personalDataKinds.length ? JSON.stringify(personalDataKinds) : null,
      version,
      updatedAt: this.at,
      changeSeq: seq,
    };
    if (held) this.sql.updateReport.run(updateValues(params));
    else this.sql.insertReport.run(insertValues(params));
    for (const sha256 of fileHashesOf(report)) this.sql.recordReportFile.run(sha256, report.id);
    this.held.set(report.id, {
      userId: this.userId,
      materialId: material.id,
      status: material.status,
      version,
      createdAt,
      deleted: false,
    });
    this.recordApplied(mutationId, report.id, { op: 'upsert', version });
    if (personalDataKinds.length > 0 && report.personalDataBasis) {
      insertAuditEvent(this.handles.db, {
        action: 'report.personal_data_by_representation',
        at: this.now,
        actorUserId: this.userId,
        subjectType: 'report',
        subjectId: report.id,
        details: { documentId: report.personalDataBasis.documentId, kinds: personalDataKinds },
      });
    }
    const stored = storedReport(report, {
      userId: this.userId,
      urlKey,
      status: material.status,
      version,
      createdAt,
      updatedAt: this.at,
      personalDataKinds,
    });
    return { id: mutationId, status: 'applied', report: stored };
  }

  private delete(
    mutationId: string,
    verdict: Extract<Verdict, { kind: 'delete' }>,
    seq: number,
  ): MutationResult {
    const { reportId, held } = verdict;
    // Deleting what is not there (never accepted, or deleted already) leaves nothing to change.
    let version = 0;
    if (held) {
      this.sql.deleteReport.run({ id: reportId, at: this.at, changeSeq: seq });
      version = held.version + 1;
      this.held.set(reportId, { ...held, version, deleted: true });
      // A report that reached the server leaves a trace when its reporter withdraws it.
      insertAuditEvent(this.handles.db, {
        action: 'report.withdrawn',
        at: this.now,
        actorUserId: this.userId,
        subjectType: 'report',
        subjectId: reportId,
        ip: this.batch.ip,
        details: { materialId: held.materialId },
      });
    }
    this.recordApplied(mutationId, reportId, { op: 'delete', version });
    return { id: mutationId, status: 'applied' };
  }

  private reject(
    mutationId: string,
    rejection: Rejection,
    checked: CheckedMutation | Rejection | undefined,
  ): MutationResult {
    if (rejection.code === 'third_party_personal_data' && checked?.kind === 'upsert') {
      insertAuditEvent(this.handles.db, {
        action: 'report.personal_data_rejected',
        at: this.now,
        actorUserId: this.userId,
        subjectType: 'report',
        subjectId: checked.report.id,
        details: { kinds: [...new Set(checked.findings.map((f) => f.kind))].sort() },
      });
    }
    const { kind: _, ...answer } = rejection;
    return { id: mutationId, status: 'rejected', ...answer };
  }

  /** The material of a URL key, created (status `submitted`) by the first report of it. */
  private materialFor(urlKey: string, url: string, title: string, seq: number): Material {
    let material = this.materials.get(urlKey);
    if (!material) {
      material = { id: newMaterialId(this.now.getTime()), status: 'submitted' };
      this.sql.insertMaterial.run(
        material.id,
        urlKey,
        materialKeyHash(urlKey),
        seq,
        url,
        title,
        this.at,
        this.at,
        registrableDomain(url),
      );
      this.materials.set(urlKey, material);
    }
    return material;
  }

  private recordApplied(mutationId: string, reportId: string, result: AppliedResult) {
    // Built by hand: the same text as JSON.stringify, once per mutation of every batch.
    const json = `{"op":"${result.op}","version":${result.version}}`;
    this.sql.recordApplied.run(mutationId, this.userId, reportId, json, this.at);
    this.applied.set(mutationId, { id: mutationId, userId: this.userId, reportId, result: json });
  }

  /** A retried mutation: nothing changes; its owner gets the report as it stands now. */
  private answerDuplicate(earlier: AppliedRow): MutationResult {
    if (earlier.userId !== this.userId) {
      return {
        id: earlier.id,
        status: 'rejected',
        code: 'conflict',
        message: 'This mutation id was already used.',
      };
    }
    const { op } = JSON.parse(earlier.result) as AppliedResult;
    const report =
      op === 'upsert' ? loadStoredReport(this.handles.db, earlier.reportId) : undefined;
    return { id: earlier.id, status: 'duplicate', ...(report ? { report } : {}) };
  }

  private isApproved(documentId: string): boolean {
    let approved = this.approvedDocuments.get(documentId);
    if (approved === undefined) {
      approved = this.sql.approvedRepresentation.get(documentId, this.userId) !== undefined;
      this.approvedDocuments.set(documentId, approved);
    }
    return approved;
  }
}
