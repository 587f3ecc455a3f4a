import { eq } from 'drizzle-orm';
import type { StoredReport } from '#shared/schemas/report';
import { materials, reports } from '../../db/schema';
import * as reportPages from '../report-pages';
import type { Db } from './handles';

/** A report's columns with its material's review status, as its owner sees it. */
export const reportWithStatus = reportPages.reportWithStatusColumns(reports, materials);

/** One live report as its owner sees it, or undefined when it is gone. */
export function loadStoredReport(db: Db, reportId: string): StoredReport | undefined {
  const row = db
    .select(reportWithStatus)
    .from(reports)
    .innerJoin(materials, eq(materials.id, reports.materialId))
    .where(eq(reports.id, reportId))
    .get();
  return reportPages.liveStoredReport(row);
}
