import type { AnyColumn } from 'drizzle-orm';
import type { LegalGroundChoice } from '#shared/legal-grounds';
import type { ReviewStatus } from '#shared/review-status';
import type { Evidence, EvidenceFile } from '#shared/schemas/report';
import { pick } from './columns';
import type { BlockingQuery, BlockingRow } from './review-store';

/** What both engines read for the blocking list, in the order they read it. */
export type BlockingListRead = {
  /** The materials in the query's statuses, in the order first reported. */
  listed: {
    id: string;
    urlKey: string;
    url: string;
    title: string;
    status: ReviewStatus;
    createdAt: string;
  }[];
  /** Their status changes, oldest first. */
  changes: {
    materialId: string;
    toStatus: ReviewStatus;
    at: string;
    legalGround: LegalGroundChoice | null;
  }[];
  /** Their live reports, oldest first. */
  live: {
    materialId: string;
    topics: string[];
    evidence: Evidence | null;
    files: EvidenceFile[] | null;
  }[];
};

const CHANGE_FACTS = ['materialId', 'toStatus', 'at', 'legalGround'] as const;
const REPORT_FACTS = ['materialId', 'topics', 'evidence', 'files'] as const;

/** What the list reads of a status change (`BlockingListRead['changes']`), of either engine. */
export const changeFactColumns = <C extends Record<(typeof CHANGE_FACTS)[number], AnyColumn>>(
  changes: C,
) => pick(changes, CHANGE_FACTS);

/** What the list reads of a live report (`BlockingListRead['live']`), of either engine. */
export const reportFactColumns = <R extends Record<(typeof REPORT_FACTS)[number], AnyColumn>>(
  reports: R,
) => pick(reports, REPORT_FACTS);

/**
 * The blocking list's rows from what an engine read: each material with when it last reached its
 * status (kept only when that falls in the period), its topics, cited grounds and evidence.
 */
export function blockingRows(read: BlockingListRead, query: BlockingQuery): BlockingRow[] {
  const changesOf = groupBy(read.changes);
  const reportsOf = groupBy(read.live);
  const rows: BlockingRow[] = [];
  for (const m of read.listed) {
    const own = changesOf.get(m.id) ?? [];
    const decidedAt = own.filter((c) => c.toStatus === m.status).at(-1)?.at ?? null;
    const when = decidedAt ?? m.createdAt;
    if (query.from && when < query.from) continue;
    if (query.before && when >= query.before) continue;
    const its = reportsOf.get(m.id) ?? [];
    rows.push({
      urlKey: m.urlKey,
      url: m.url,
      title: m.title,
      status: m.status,
      firstReportedAt: m.createdAt,
      decidedAt,
      topics: its.flatMap((r) => r.topics),
      legalGrounds: own.flatMap((c) => (c.legalGround ? [c.legalGround] : [])),
      evidenceSha256: its.flatMap((r) => [
        ...(r.evidence ? [r.evidence.sha256] : []),
        ...(r.files ?? []).map((f) => f.sha256),
      ]),
    });
  }
  return rows;
}

function groupBy<T extends { materialId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.materialId, [...(groups.get(row.materialId) ?? []), row]);
  return groups;
}
