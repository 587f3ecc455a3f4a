import { asc, eq, gt, sql } from 'drizzle-orm';
import { materials, reports } from '../../db/schema';
import * as reportPages from '../report-pages';
import type { ReportStore } from '../reports-store';
import type { SqliteHandles } from './handles';
import { applyPushBatch } from './push-batch';
import { reportWithStatus } from './stored-report';

/** Reports and materials on SQLite. */
export function sqliteReportStore(handles: SqliteHandles): ReportStore {
  const { db } = handles;
  return {
    async push(batch) {
      return applyPushBatch(handles, batch);
    },

    // Served by the (user_id, change_seq) index: a page costs the same however many reports there are.
    async pull(userId, afterSeq, limit) {
      const after = reportPages.pullAfter(reports, userId, afterSeq);
      const rows = db
        .select(reportWithStatus)
        .from(reports)
        .innerJoin(materials, eq(materials.id, reports.materialId))
        .where(after.where)
        .orderBy(after.orderBy)
        .limit(limit + 1)
        .all();
      return reportPages.pullPage(rows, afterSeq, limit);
    },

    async knownUrlHashes(afterSeq, limit) {
      const rows = db
        .select({ seq: materials.seq, hash: materials.urlKeyHash })
        .from(materials)
        .where(gt(materials.seq, afterSeq))
        .orderBy(asc(materials.seq))
        .limit(limit + 1)
        .all();
      return reportPages.knownUrlsPage(rows, afterSeq, limit);
    },

    async ownReports(userId, query) {
      const own = reportPages.ownReportsOf(
        { reports, materials },
        userId,
        query,
        (topic) => sql`EXISTS (SELECT 1 FROM json_each(${reports.topics}) WHERE value = ${topic})`,
      );
      return db
        .select(reportPages.ownReportColumns({ reports, materials }))
        .from(reports)
        .innerJoin(materials, eq(materials.id, reports.materialId))
        .where(own.where)
        .orderBy(...own.orderBy)
        .all();
    },
  };
}
