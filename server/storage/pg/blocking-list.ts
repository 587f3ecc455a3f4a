import { and, asc, inArray, isNull } from 'drizzle-orm';
import { materialStatusChanges, materials, reports } from '../../db/pg-schema';
import { blockingRows, changeFactColumns, reportFactColumns } from '../blocking-rows';
import type { BlockingQuery, BlockingRow } from '../review-store';
import type { PgDb } from './handles';

/** The blocking list on PostgreSQL: what it needs read in three queries (blocking-rows.ts). */
export async function blockingListOf(db: PgDb, query: BlockingQuery): Promise<BlockingRow[]> {
  const listed = await db
    .select()
    .from(materials)
    .where(inArray(materials.status, [...query.statuses]))
    .orderBy(asc(materials.seq));
  if (listed.length === 0) return [];
  const ids = listed.map((m) => m.id);
  const changes = await db
    .select(changeFactColumns(materialStatusChanges))
    .from(materialStatusChanges)
    .where(inArray(materialStatusChanges.materialId, ids))
    .orderBy(asc(materialStatusChanges.id));
  const live = await db
    .select(reportFactColumns(reports))
    .from(reports)
    .where(and(inArray(reports.materialId, ids), isNull(reports.deletedAt)))
    .orderBy(asc(reports.createdAt));
  return blockingRows({ listed, changes, live }, query);
}
