import { and, asc, eq, getTableColumns, gt } from 'drizzle-orm';
import type { ReportChange, StoredReport } from '#shared/schemas/report';
import type { Db } from '../../db/open';
import { materials, reports } from '../../db/schema';
import { toReportChange } from './report-rows';

const reportWithStatus = {
  ...getTableColumns(reports),
  status: materials.status,
  reporterComment: materials.reporterComment,
};

export type PullPage = { changes: ReportChange[]; lastSeq: number; hasMore: boolean };

/**
 * The user's reports changed after `afterSeq`, in change order. Served by the
 * (user_id, change_seq) index, so a page costs the same however many reports the server holds.
 */
export function pullChanges(db: Db, userId: string, afterSeq: number, limit: number): PullPage {
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
}

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
