import type { MutationResult } from '#shared/schemas/sync';
import { newMaterialId } from '../../features/materials/material-ids';
import { registrableDomain } from '../../features/relations/registrable-domain';
import { materialKeyHash } from '../../features/sync/material-key-hash';
import type { CheckedMutation, HeldReport, Rejection, Verdict } from '../../features/sync/rules';
import type { AuditEvent } from '../audit-store';
import { storedReport } from '../report-codec';
import type { PushBatch as PushBatchInput, RawMutation } from '../reports-store';
import { reserveChangeSeqs } from './change-sequence';
import type { PgDb, PgTx } from './handles';
import {
  type AppliedResult,
  type AppliedRow,
  type Material,
  preloadPushBatch,
} from './push-preload';
import { emptyWrites, type PushWrites, writePushBatch } from './push-writes';
import { loadStoredReport } from './reports-store';

/**
 * Applies a push batch for one user in one transaction. Its first statement takes the change
 * counter's row lock (held to commit), so batches run one after another as on SQLite: what a
 * batch preloads (applied mutation ids, materials by URL key) includes every batch committed
 * before it, on whichever replica, and a URL's material is created once. The rules run on what
 * was preloaded; the writes are then sent as a few multi-row statements.
 */
export async function applyPushBatch(db: PgDb, batch: PushBatchInput): Promise<MutationResult[]> {
  return db.transaction(async (tx) => {
    const firstSeq = await reserveChangeSeqs(tx, batch.mutations.length);
    const state = new PushBatch(tx, batch);
    await state.preload(batch.mutations, batch.checked);
    const results = state.judgeAll(batch.mutations, batch.checked, firstSeq);
    await writePushBatch(tx, state.writes);
    // Retries answer with the report as it stands now: read after this batch's own writes, one
    // read at a time (a transaction is one connection, which runs one query at a time).
    const answers: MutationResult[] = [];
    for (const r of results) answers.push(typeof r === 'function' ? await r() : r);
    return answers;
  });
}

/** The state of one push batch while it runs inside its transaction. */
class PushBatch {
  private applied = new Map<string, AppliedRow>();
  private held = new Map<string, HeldReport>();
  private materials = new Map<string, Material>();
  private approvedDocuments = new Set<string>();
  private readonly at: string;
  readonly writes: PushWrites;

  constructor(
    private readonly tx: PgTx,
    private readonly batch: PushBatchInput,
  ) {
    this.at = batch.now.toISOString();
    this.writes = emptyWrites(this.at);
  }

  /** Reads everything the batch refers to, in one round trip. */
  async preload(mutations: RawMutation[], checked: (CheckedMutation | Rejection)[]) {
    const found = await preloadPushBatch(this.tx, this.batch.userId, mutations, checked);
    this.applied = found.applied;
    this.held = found.held;
    this.materials = found.materials;
    this.approvedDocuments = found.approvedDocuments;
  }

  /** Each mutation's answer, or how to read it once the batch is written (a duplicate's report). */
  judgeAll(
    mutations: RawMutation[],
    checked: (CheckedMutation | Rejection)[],
    firstSeq: number,
  ): (MutationResult | (() => Promise<MutationResult>))[] {
    const context = {
      userId: this.batch.userId,
      heldReport: (id: string) => this.held.get(id),
      isApprovedRepresentation: (documentId: string) => this.approvedDocuments.has(documentId),
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

  private upsert(
    mutationId: string,
    verdict: Extract<Verdict, { kind: 'upsert' }>,
    seq: number,
  ): MutationResult {
    const { report, urlKey, held, personalDataKinds } = verdict;
    const { userId } = this.batch;
    const material = this.materialFor(urlKey, report.url, report.title, seq);
    const version = held ? held.version + 1 : 1;
    const createdAt = held?.createdAt ?? this.at;
    const geography = report.geography;
    this.writes.reports.set(report.id, {
      id: report.id,
      userId,
      materialId: material.id,
      urlKey,
      url: report.url,
      title: report.title,
      source: report.source,
      resourceType: report.resourceType,
      languages: report.languages,
      geography,
      country: geography.indicated ? geography.country : null,
      region: geography.indicated ? (geography.region ?? null) : null,
      openness: report.openness,
      availability: report.availability,
      topics: report.topics,
      note: report.note,
      capturedAt: report.capturedAt,
      evidence: report.evidence ?? null,
      files: report.files?.length ? report.files : null,
      capture: report.capture ?? null,
      personalDataBasis: report.personalDataBasis ?? null,
      personalDataKinds: personalDataKinds.length ? personalDataKinds : null,
      version,
      createdAt,
      updatedAt: this.at,
      deletedAt: null,
      changeSeq: seq,
    });
    this.held.set(report.id, {
      userId,
      materialId: material.id,
      status: material.status,
      version,
      createdAt,
      deleted: false,
    });
    this.recordApplied(mutationId, report.id, { op: 'upsert', version });
    if (personalDataKinds.length > 0 && report.personalDataBasis) {
      this.audit({
        action: 'report.personal_data_by_representation',
        subjectId: report.id,
        details: { documentId: report.personalDataBasis.documentId, kinds: personalDataKinds },
      });
    }
    const stored = storedReport(report, {
      userId,
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
      this.writes.deletions.push({ id: reportId, seq });
      version = held.version + 1;
      this.held.set(reportId, { ...held, version, deleted: true });
      // A report that reached the server leaves a trace when its reporter withdraws it.
      this.audit({
        action: 'report.withdrawn',
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
      this.audit({
        action: 'report.personal_data_rejected',
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
      material = { id: newMaterialId(this.batch.now.getTime()), status: 'submitted' };
      this.writes.materials.push({
        id: material.id,
        urlKey,
        urlKeyHash: materialKeyHash(urlKey),
        seq,
        url,
        title,
        createdAt: this.at,
        updatedAt: this.at,
        registrableDomain: registrableDomain(url),
      });
      this.materials.set(urlKey, material);
    }
    return material;
  }

  private recordApplied(mutationId: string, reportId: string, result: AppliedResult) {
    const row = { id: mutationId, userId: this.batch.userId, reportId, result };
    this.writes.applied.push({ ...row, appliedAt: this.at });
    this.applied.set(mutationId, row);
  }

  private audit(event: Pick<AuditEvent, 'action' | 'subjectId' | 'ip' | 'details'>) {
    this.writes.audit.push({
      ...event,
      at: this.batch.now,
      actorUserId: this.batch.userId,
      subjectType: 'report',
    });
  }

  /** A retried mutation: nothing changes; its owner gets the report as it stands now. */
  private answerDuplicate(earlier: AppliedRow): MutationResult | (() => Promise<MutationResult>) {
    if (earlier.userId !== this.batch.userId) {
      return {
        id: earlier.id,
        status: 'rejected',
        code: 'conflict',
        message: 'This mutation id was already used.',
      };
    }
    if (earlier.result.op !== 'upsert') return { id: earlier.id, status: 'duplicate' };
    return async () => {
      const report = await loadStoredReport(this.tx, earlier.reportId);
      return { id: earlier.id, status: 'duplicate', ...(report ? { report } : {}) };
    };
  }
}
