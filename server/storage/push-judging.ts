import type { StoredReport } from '#shared/schemas/report';
import type { MutationResult } from '#shared/schemas/sync';
import type { ReportRow } from '../db/schema';
import { newMaterialId } from '../features/materials/material-ids';
import { registrableDomain } from '../features/relations/registrable-domain';
import { materialKeyHash } from '../features/sync/material-key-hash';
import type { CheckedMutation, HeldReport, Rejection, Verdict } from '../features/sync/rules';
import type { AuditEvent } from './audit-store';
import { storedReport } from './report-codec';
import type { PushBatch } from './reports-store';

/*
 * A push batch judged mutation by mutation, the same on both engines: each engine reads what the
 * batch refers to, hands it here, and writes what comes out (SQLite statement by statement,
 * PostgreSQL gathered into a few statements) inside the batch's transaction.
 */

export type AppliedResult = { op: 'upsert' | 'delete'; version: number };
/** A mutation id already applied: a retry of it is answered, not applied again. */
export type AppliedMutation = {
  id: string;
  userId: string;
  reportId: string;
  result: AppliedResult;
};
export type MaterialRef = { id: string; status: HeldReport['status'] };

/** A material created by the first report of its URL key. */
export type NewMaterial = {
  id: string;
  urlKey: string;
  urlKeyHash: string;
  seq: number;
  url: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  registrableDomain: string | null;
};

/** A report as a push writes it: every column but `deletedAt`, which an upsert clears. */
export type PushedReport = Omit<ReportRow, 'deletedAt'> & { deletedAt: null };

/** What the batch holds before its first mutation is judged; judging keeps it up to date. */
export type PushState = {
  applied: Map<string, AppliedMutation>;
  held: Map<string, HeldReport>;
  /** Materials by URL key. */
  materials: Map<string, MaterialRef>;
  isApprovedRepresentation(documentId: string): boolean;
};

/** Where an engine puts a judged batch's writes, in the order they are judged. */
export type PushWriter = {
  material(row: NewMaterial): void;
  /** A report upserted: a new one when nothing of its id was `held` before. */
  report(row: PushedReport, held: HeldReport | undefined): void;
  /** A report withdrawn: its tombstone at change number `seq`. */
  deletion(reportId: string, seq: number): void;
  applied(row: AppliedMutation, appliedAt: string): void;
  audit(event: AuditEvent): void;
};

/** A retried upsert, answered with its report as it stands once the batch is written. */
export type Retried = { id: string; retriedReport: string };

/**
 * Judges each mutation of `batch` in order against `state`, numbering the changes from
 * `firstSeq`, and hands every write to `writer`. Returns each mutation's answer, or for a retried
 * upsert the report the engine reads back after its writes.
 */
export function judgePushBatch(
  batch: PushBatch,
  state: PushState,
  writer: PushWriter,
  firstSeq: number,
): (MutationResult | Retried)[] {
  return new PushJudging(batch, state, writer).judgeAll(firstSeq);
}

class PushJudging {
  private readonly at: string;

  constructor(
    private readonly batch: PushBatch,
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

/** Whether an answer is still to be read back: a retried upsert. */
export function isRetried(answer: MutationResult | Retried): answer is Retried {
  return 'retriedReport' in answer;
}

/** A retried upsert's answer, with its report as the engine read it back (if it is still there). */
export function retriedAnswer({ id }: Retried, report: StoredReport | undefined): MutationResult {
  return { id, status: 'duplicate', ...(report ? { report } : {}) };
}

/**
 * What an engine reads before judging: the reports the batch names, the URL keys of its upserts,
 * and whether any upsert claims a representation document as its basis.
 */
export function referencedKeys(checked: (CheckedMutation | Rejection)[]) {
  const reportIds: string[] = [];
  const urlKeys: string[] = [];
  let claimsDocument = false;
  for (const c of checked) {
    if (c.kind === 'delete') reportIds.push(c.reportId);
    if (c.kind === 'upsert') {
      reportIds.push(c.report.id);
      urlKeys.push(c.urlKey);
      claimsDocument ||= c.report.personalDataBasis !== undefined;
    }
  }
  return { reportIds, urlKeys, claimsDocument };
}
