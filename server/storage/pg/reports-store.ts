import { and, asc, desc, eq, getTableColumns, gt, gte, isNull, lt, sql } from 'drizzle-orm';
import type { StoredReport } from '#shared/schemas/report';
import { materials, reports } from '../../db/pg-schema';
import { toReportChange } from '../report-codec';
import type { ReportStore } from '../reports-store';
import type { PgDb, PgRunner } from './handles';
import { applyPushBatch } from './push-batch';

const reportWithStatus = {
  ...getTableColumns(reports),
  status: materials.status,
  reporterComment: materials.reporterComment,
};

/** One live report as its owner sees it, or undefined when it is gone. */
export async function loadStoredReport(
  db: PgRunner,
  reportId: string,
): Promise<StoredReport | undefined> {
  const [row] = await db
    .select(reportWithStatus)
    .from(reports)
    .innerJoin(materials, eq(materials.id, reports.materialId))
    .where(eq(reports.id, reportId));
  const change = row && toReportChange(row);
  return change && !change.deleted ? change : undefined;
}

/** Reports and materials on PostgreSQL. */
export function pgReportStore(db: PgDb): ReportStore {
  return {
    push: (batch) => applyPushBatch(db, batch),

    // Served by the (user_id, change_seq) index: a page costs the same however many reports there are.
    async pull(userId, afterSeq, limit) {
      const rows = await db
        .select(reportWithStatus)
        .from(reports)
        .innerJoin(materials, eq(materials.id, reports.materialId))
        .where(and(eq(reports.userId, userId), gt(reports.changeSeq, afterSeq)))
        .orderBy(asc(reports.changeSeq))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      return {
        changes: page.map(toReportChange),
        lastSeq: page.at(-1)?.changeSeq ?? afterSeq,
        hasMore: rows.length > limit,
      };
    },

    async knownUrlHashes(afterSeq, limit) {
      const rows = await db
        .select({ seq: materials.seq, hash: materials.urlKeyHash })
        .from(materials)
        .where(gt(materials.seq, afterSeq))
        .orderBy(asc(materials.seq))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      return {
        hashes: page.map((r) => r.hash),
        lastSeq: page.at(-1)?.seq ?? afterSeq,
        hasMore: rows.length > limit,
      };
    },

    async ownReports(userId, query) {
      return db
        .select({
          id: reports.id,
          url: reports.url,
          title: reports.title,
          topics: reports.topics,
          note: reports.note,
          createdAt: reports.createdAt,
          status: materials.status,
          reporterComment: materials.reporterComment,
        })
        .from(reports)
        .innerJoin(materials, eq(materials.id, reports.materialId))
        .where(
          and(
            eq(reports.userId, userId),
            isNull(reports.deletedAt),
            query.status ? eq(materials.status, query.status) : undefined,
            query.topic
              ? sql`${reports.topics} @> ${JSON.stringify([query.topic])}::jsonb`
              : undefined,
            query.from ? gte(reports.createdAt, query.from) : undefined,
            query.before ? lt(reports.createdAt, query.before) : undefined,
          ),
        )
        .orderBy(desc(reports.createdAt), desc(reports.id));
    },
  };
}
