import { and, asc, inArray, isNull } from 'drizzle-orm';
import { materialStatusChanges, materials, reports } from '../../db/schema';
import { blockingRows, changeFactColumns, reportFactColumns } from '../blocking-rows';
import type { BlockingQuery, BlockingRow } from '../review-store';
import type { Db } from './handles';

/** The blocking list on SQLite: what it needs read in three queries (blocking-rows.ts). */
export function blockingListOf(db: Db, query: BlockingQuery): BlockingRow[] {
  const listed = db
    .select()
    .from(materials)
    .where(inArray(materials.status, [...query.statuses]))
    .orderBy(asc(materials.seq))
    .all();
  if (listed.length === 0) return [];
  const ids = listed.map((m) => m.id);
  const changes = db
    .select(changeFactColumns(materialStatusChanges))
    .from(materialStatusChanges)
    .where(inArray(materialStatusChanges.materialId, ids))
    .orderBy(asc(materialStatusChanges.id))
    .all();
  const live = db
    .select(reportFactColumns(reports))
    .from(reports)
    .where(and(inArray(reports.materialId, ids), isNull(reports.deletedAt)))
    .orderBy(asc(reports.createdAt))
    .all();
  return blockingRows({ listed, changes, live }, query);
}
