import type { MaterialsPage, MaterialsQuery } from '#shared/schemas/review';
import type { Storage } from '../../storage';
import { decodeCursor, encodeCursor } from '../sync/cursor';
import { summarizeMaterials } from './material-summaries';

/**
 * One page of the reviewers' queue: materials that have live reports (or, with `withdrawn`, those
 * whose every report was withdrawn), filtered, newest (or oldest) first by when they were first
 * reported, after the read model has caught up.
 */
export async function listMaterials(
  storage: Pick<Storage, 'review'>,
  query: MaterialsQuery,
): Promise<MaterialsPage> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  await storage.review.refresh();
  const rows = await storage.review.materialsPage(query, after);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    materials: await summarizeMaterials(storage, page),
    cursor: last ? encodeCursor(last.seq) : (query.cursor ?? null),
    hasMore: rows.length > query.limit,
  };
}
