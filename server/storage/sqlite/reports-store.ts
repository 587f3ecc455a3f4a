import { and, asc, desc, eq, getTableColumns, gt, gte, isNull, lt, sql } from 'drizzle-orm';
import type { StoredReport } from '#shared/schemas/report';
import type { Db } from '../../db/open';
import { materials, reports } from '../../db/schema';
import { toReportChange } from '../report-codec';
import type { ReportStore } from '../reports-store';
import type { SqliteHandles } from './handles';
import { applyPushBatch } from './push-batch';

const reportWithStatus = {
  ...getTableColumns(reports),
  status: materials.status,
  reporterComment: materials.reporterComment,
};

/** One live report as its owner sees it, or undefined when it is gone. */
export function loadStoredReport(db: Db, reportId: string): StoredReport | undefined {
  const row = db
    .select(reportWithStatus)
    .from(reports)
    .innerJoin(materials, eq(materials.id, reports.materialId))
    .where(eq(reports.id, reportId))
    .get();
  const change = row && toReportChange(row);
  return change && !change.deleted ? change : undefined;
}

/** Reports and materials on SQLite. */
export function sqliteReportStore(handles: SqliteHandles): ReportStore {
  const { db } = handles;
  return {
    async push(batch) {
      return applyPushBatch(handles, batch);
    },

    // Served by the (user_id, change_seq) index: a page costs the same however many reports there are.
    async pull(userId, afterSeq, limit) {
      const rows = db
        .select(reportWithStatus)
        .from(reports)
        .innerJoin(materials, eq(materials.id, reports.materialId))
        .where(and(eq(reports.userId, userId), gt(reports.changeSeq, afterSeq)))
        .orderBy(asc(reports.changeSeq))
        .limit(limit + 1)
        .all();
      const page = rows.slice(0, limit);
      return {
        changes: page.map(toReportChange),
        lastSeq: page.at(-1)?.changeSeq ?? afterSeq,
        hasMore: rows.length > limit,
      };
    },

    async knownUrlHashes(afterSeq, limit) {
      const rows = db
        .select({ seq: materials.seq, hash: materials.urlKeyHash })
        .from(materials)
        .where(gt(materials.seq, afterSeq))
        .orderBy(asc(materials.seq))
        .limit(limit + 1)
        .all();
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
              ? sql`EXISTS (SELECT 1 FROM json_each(${reports.topics}) WHERE value = ${query.topic})`
              : undefined,
            query.from ? gte(reports.createdAt, query.from) : undefined,
            query.before ? lt(reports.createdAt, query.before) : undefined,
          ),
        )
        .orderBy(desc(reports.createdAt), desc(reports.id))
        .all();
    },
  };
}
