import type { MutationResult } from '#shared/schemas/sync';
import type { AuditEvent } from '../../storage/audit-store';
import type {
  AppliedMutation,
  AppliedResult,
  MaterialRef,
  PushState,
  PushWriter,
  Retried,
} from '../../storage/push-state';
import { storedReport } from '../../storage/report-codec';
import type { PushBatch } from '../../storage/reports-store';
import { newMaterialId } from '../materials/material-ids';
import { registrableDomain } from '../relations/registrable-domain';
import { materialKeyHash } from './material-key-hash';
import { type CheckedMutation, judgeMutation, type Rejection, type Verdict } from './rules';

/** A push batch as the judging sees it: the mutations and what the rules found of each alone. */
export type JudgedBatch = Omit<PushBatch, 'judge'>;

/**
 * Judges each mutation of `batch` in order against `state`, numbering the changes from
 * `firstSeq`, and hands every write to `writer`. Returns each mutation's answer, or for a retried
 * upsert the report the engine reads back after its writes.
 */
export function judgePushBatch(
  batch: JudgedBatch,
  state: PushState,
  writer: PushWriter,
  firstSeq: number,
): (MutationResult | Retried)[] {
  return new PushJudging(batch, state, writer).judgeAll(firstSeq);
}

class PushJudging {
  private readonly at: string;

  constructor(
    private readonly batch: JudgedBatch,
    private readonly state: PushState,
    private readonly writer: PushWriter,
  ) {
    this.at = batch.now.toISOString();
  }

  judgeAll(firstSeq: number): (MutationResult | Retried)[] {
    const { userId, mutations, checked } = this.batch;
    const context = {
      userId,
      heldReport: (id: string) => this.state.held.get(id),
      isApprovedRepresentation: (documentId: string) =>
        this.state.isApprovedRepresentation(documentId),
    };
    return mutations.map((mutation, i) => {
      const earlier = this.state.applied.get(mutation.id);
      if (earlier) return this.answerRetry(earlier);
      const verdict = judgeMutation(checked[i] as CheckedMutation | Rejection, context);
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
    this.writer.report(
      {
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
      },
      held,
    );
    this.state.held.set(report.id, {
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
      this.writer.deletion(reportId, seq);
      version = held.version + 1;
      this.state.held.set(reportId, { ...held, version, deleted: true });
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
  private materialFor(urlKey: string, url: string, title: string, seq: number): MaterialRef {
    let material = this.state.materials.get(urlKey);
    if (!material) {
      material = { id: newMaterialId(this.batch.now.getTime()), status: 'submitted' };
      this.writer.material({
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
      this.state.materials.set(urlKey, material);
    }
    return material;
  }

  private recordApplied(mutationId: string, reportId: string, result: AppliedResult) {
    const row = { id: mutationId, userId: this.batch.userId, reportId, result };
    this.writer.applied(row, this.at);
    this.state.applied.set(mutationId, row);
  }

  private audit(event: Pick<AuditEvent, 'action' | 'subjectId' | 'ip' | 'details'>) {
    this.writer.audit({
      ...event,
      at: this.batch.now,
      actorUserId: this.batch.userId,
      subjectType: 'report',
    });
  }

  /** A retried mutation: nothing changes; its owner gets the report as it stands now. */
  private answerRetry(earlier: AppliedMutation): MutationResult | Retried {
    if (earlier.userId !== this.batch.userId) {
      return {
        id: earlier.id,
        status: 'rejected',
        code: 'conflict',
        message: 'This mutation id was already used.',
      };
    }
    if (earlier.result.op !== 'upsert') return { id: earlier.id, status: 'duplicate' };
    return { id: earlier.id, retriedReport: earlier.reportId };
  }
}
