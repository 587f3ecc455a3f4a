import { asc, eq, gt, sql } from 'drizzle-orm';
import { materials, reports } from '../../db/pg-schema';
import * as reportPages from '../report-pages';
import type { ReportStore } from '../reports-store';
import type { PgDb } from './handles';
import { applyPushBatch } from './push-batch';
import { reportWithStatus } from './stored-report';

/** Reports and materials on PostgreSQL. */
export function pgReportStore(db: PgDb): ReportStore {
  return {
    push: (batch) => applyPushBatch(db, batch),

    // Served by the (user_id, change_seq) index: a page costs the same however many reports there are.
    async pull(userId, afterSeq, limit) {
      const after = reportPages.pullAfter(reports, userId, afterSeq);
      const rows = await db
        .select(reportWithStatus)
        .from(reports)
        .innerJoin(materials, eq(materials.id, reports.materialId))
        .where(after.where)
        .orderBy(after.orderBy)
        .limit(limit + 1);
      return reportPages.pullPage(rows, afterSeq, limit);
    },

    async knownUrlHashes(afterSeq, limit) {
      const rows = await db
        .select({ seq: materials.seq, hash: materials.urlKeyHash })
        .from(materials)
        .where(gt(materials.seq, afterSeq))
        .orderBy(asc(materials.seq))
        .limit(limit + 1);
      return reportPages.knownUrlsPage(rows, afterSeq, limit);
    },

    async ownReports(userId, query) {
      const own = reportPages.ownReportsOf(
        { reports, materials },
        userId,
        query,
        (topic) => sql`${reports.topics} @> ${JSON.stringify([topic])}::jsonb`,
      );
      return db
        .select(reportPages.ownReportColumns({ reports, materials }))
        .from(reports)
        .innerJoin(materials, eq(materials.id, reports.materialId))
        .where(own.where)
        .orderBy(...own.orderBy);
    },
  };
}
