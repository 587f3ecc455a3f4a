import type { MaterialsPage, MaterialsQuery } from '#shared/schemas/review';
import type { Storage } from '../../storage';
import type { QueueScope } from '../../storage/review-store';
import { summarizeMaterials } from './material-summaries';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor';

/**
 * One page of the reviewers' queue: materials that have live reports (or, with `withdrawn`, those
 * whose every report was withdrawn), filtered, newest (or oldest) first by when they were first
 * reported or sorted by another column, after the read model has caught up. With `openTo`, the
 * materials another reviewer holds are left out.
 */
export async function listMaterials(
  storage: Pick<Storage, 'review'>,
  query: MaterialsQuery,
  scope: QueueScope = {},
): Promise<MaterialsPage> {
  const after = decodeQueueCursor(query);
  await storage.review.refresh();
  const rows = await storage.review.materialsPage(query, after, scope);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    materials: await summarizeMaterials(storage, page),
    cursor: last ? encodeQueueCursor(last) : (query.cursor ?? null),
    hasMore: rows.length > query.limit,
  };
}
