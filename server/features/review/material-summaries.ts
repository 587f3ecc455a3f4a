import type { Evidence } from '#shared/schemas/report';
import type { MaterialSummary } from '#shared/schemas/review';
import type { Storage } from '../../storage';
import type { ClaimRecord, MaterialRecord } from '../../storage/review-store';
import { codesOfMask, maskOf } from './facet-masks';

type Aggregate = {
  reportCount: number;
  withdrawnReportCount: number;
  reporters: Set<string>;
  topics: number;
  languages: number;
  regions: number;
  resourceTypes: number;
  evidence: Map<string, Evidence>;
  lastReportedAt: string;
};

/**
 * What the reviewers' queue shows of these materials, aggregated from their live reports, and
 * how many reports were withdrawn (a material whose every report was withdrawn stays listed).
 */
export async function summarizeMaterials(
  storage: Pick<Storage, 'review'>,
  rows: MaterialRecord[],
): Promise<MaterialSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const live = await storage.review.reportFacts(ids);
  const claims = new Map((await storage.review.claimsOf(ids)).map((c) => [c.materialId, c]));
  const aggregates = new Map<string, Aggregate>();
  for (const report of live) {
    const a = aggregates.get(report.materialId) ?? emptyAggregate(report.createdAt);
    aggregates.set(report.materialId, a);
    if (report.deletedAt) {
      a.withdrawnReportCount += 1;
      continue;
    }
    if (a.reportCount === 0) a.lastReportedAt = report.createdAt;
    a.reportCount += 1;
    a.reporters.add(report.userId);
    a.topics |= maskOf('topic', report.topics);
    a.languages |= maskOf('language', report.languages);
    a.regions |= maskOf('region', [report.region]);
    a.resourceTypes |= maskOf('resourceType', [report.resourceType]);
    if (report.evidence) a.evidence.set(report.evidence.sha256, report.evidence);
    // The queue shows screenshots; page copies are opened from the material.
    for (const file of report.files ?? []) {
      if (file.kind === 'screenshot' && (file.mime === 'image/png' || file.mime === 'image/jpeg')) {
        a.evidence.set(file.sha256, { sha256: file.sha256, mime: file.mime, bytes: file.bytes });
      }
    }
    if (report.createdAt > a.lastReportedAt) a.lastReportedAt = report.createdAt;
  }
  return rows.map((row) =>
    summaryOf(row, aggregates.get(row.id) ?? emptyAggregate(row.createdAt), claims.get(row.id)),
  );
}

function emptyAggregate(createdAt: string): Aggregate {
  return {
    reportCount: 0,
    withdrawnReportCount: 0,
    reporters: new Set(),
    topics: 0,
    languages: 0,
    regions: 0,
    resourceTypes: 0,
    evidence: new Map(),
    lastReportedAt: createdAt,
  };
}

function summaryOf(row: MaterialRecord, a: Aggregate, claim?: ClaimRecord): MaterialSummary {
  return {
    id: row.id,
    urlKey: row.urlKey,
    url: row.url,
    title: row.title,
    status: row.status,
    version: row.version,
    reportCount: a.reportCount,
    withdrawnReportCount: a.withdrawnReportCount,
    withdrawn: a.reportCount === 0 && a.withdrawnReportCount > 0,
    reporterCount: a.reporters.size,
    topics: codesOfMask('topic', a.topics),
    languages: codesOfMask('language', a.languages),
    regions: codesOfMask('region', a.regions),
    resourceTypes: codesOfMask('resourceType', a.resourceTypes),
    evidence: [...a.evidence.values()],
    // The material was made by its first report, whatever became of that report since.
    firstReportedAt: row.createdAt,
    lastReportedAt: a.lastReportedAt,
    updatedAt: row.updatedAt,
    claim: claim
      ? {
          userId: claim.userId,
          name: claim.name,
          since: claim.since,
          assignedBy: claim.assignedBy,
          version: claim.version,
        }
      : null,
    registrableDomain: row.registrableDomain || null,
    possibleMirrorOf: row.possibleMirrorOf,
    duplicateOf: row.duplicateOf,
  };
}
