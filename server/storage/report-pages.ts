import {
  type AnyColumn,
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  isNull,
  lt,
  type SQL,
  type Table,
} from 'drizzle-orm';
import type { ReviewStatus } from '#shared/review-status';
import type { StoredReport } from '#shared/schemas/report';
import { pick } from './columns';
import { toReportChange } from './report-codec';
import type { KnownUrlsPage, OwnReportsQuery, PullPage } from './reports-store';
import type { ReportRecord } from './review-store';

// What the reports store reads and makes of its rows, written once with drizzle's
// dialect-neutral builders over either engine's tables; each engine runs the statements.

type Col = AnyColumn;
type MaterialStatusColumns = { status: Col; reporterComment: Col };

/** A report row with its material's status and comment: what pull and a retried push show. */
export const reportWithStatusColumns = <R extends Table, M extends MaterialStatusColumns>(
  reports: R,
  materials: M,
) => ({
  ...getTableColumns(reports),
  status: materials.status as M['status'],
  reporterComment: materials.reporterComment as M['reporterComment'],
});

type ReportWithStatus = ReportRecord & { status: ReviewStatus; reporterComment: string };

/** The live report as its owner sees it, or undefined when it is gone (or was never there). */
export function liveStoredReport(row: ReportWithStatus | undefined): StoredReport | undefined {
  const change = row && toReportChange(row);
  return change && !change.deleted ? change : undefined;
}

/** The owner's reports whose change numbers are past the cursor, in change order. */
export const pullAfter = (
  reports: { userId: Col; changeSeq: Col },
  userId: string,
  after: number,
) => ({
  where: and(eq(reports.userId, userId), gt(reports.changeSeq, after)),
  orderBy: asc(reports.changeSeq),
});

/** A pull page from up to `limit + 1` rows: the extra one only tells there is more. */
export function pullPage(rows: ReportWithStatus[], afterSeq: number, limit: number): PullPage {
  const page = rows.slice(0, limit);
  return {
    changes: page.map(toReportChange),
    lastSeq: page.at(-1)?.changeSeq ?? afterSeq,
    hasMore: rows.length > limit,
  };
}

/** A page of the known URL hashes from up to `limit + 1` rows, in material seq order. */
export function knownUrlsPage(
  rows: { seq: number; hash: string }[],
  afterSeq: number,
  limit: number,
): KnownUrlsPage {
  const page = rows.slice(0, limit);
  return {
    hashes: page.map((r) => r.hash),
    lastSeq: page.at(-1)?.seq ?? afterSeq,
    hasMore: rows.length > limit,
  };
}

const OWN_REPORT = ['id', 'url', 'title', 'topics', 'note', 'createdAt'] as const;

/** A live report as its author sees it on the site (`OwnReport`). */
export function ownReportColumns<
  R extends Record<(typeof OWN_REPORT)[number], Col>,
  M extends MaterialStatusColumns,
>(tables: { reports: R; materials: M }) {
  return {
    ...pick(tables.reports, OWN_REPORT),
    ...pick(tables.materials, ['status', 'reporterComment'] as const),
  };
}

/**
 * The author's live reports the query asks for, newest first. Whether a report names the topic
 * is each engine's own test of its JSON (`namesTopic`).
 */
export function ownReportsOf(
  tables: {
    reports: { userId: Col; deletedAt: Col; createdAt: Col; id: Col };
    materials: { status: Col };
  },
  userId: string,
  query: OwnReportsQuery,
  namesTopic: (topic: string) => SQL,
) {
  const { reports, materials } = tables;
  return {
    where: and(
      eq(reports.userId, userId),
      isNull(reports.deletedAt),
      query.status ? eq(materials.status, query.status) : undefined,
      query.topic ? namesTopic(query.topic) : undefined,
      query.from ? gte(reports.createdAt, query.from) : undefined,
      query.before ? lt(reports.createdAt, query.before) : undefined,
    ),
    orderBy: [desc(reports.createdAt), desc(reports.id)],
  };
}
