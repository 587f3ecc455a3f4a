import { randomUUID } from 'node:crypto';
import { type MaterialsQuery, materialsQuerySchema } from '#shared/schemas/review';
import type { SavedFilter } from '#shared/schemas/triage';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';

/** What a queue query string says of filters and sort; paging is not part of a saved filter. */
const KEPT = Object.keys(materialsQuerySchema.shape).filter((k) => k !== 'cursor' && k !== 'limit');

/**
 * The queue's query from a query string's fields: a field that is not valid is dropped, so that a
 * stale link or saved filter still opens the queue.
 */
export function queueQueryOf(raw: Record<string, string>, limit?: number): MaterialsQuery {
  const kept: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === '' || !(name in materialsQuerySchema.shape)) continue;
    const field = materialsQuerySchema.shape[name as keyof typeof materialsQuerySchema.shape];
    if (field.safeParse(value).success) kept[name] = value;
  }
  if (limit !== undefined) kept.limit = limit;
  return materialsQuerySchema.parse(kept);
}

/** The filters and sort of a query as a query string, in a fixed order, defaults left out. */
export function queueQueryString(query: MaterialsQuery): string {
  const params = new URLSearchParams();
  for (const name of KEPT) {
    const value = query[name as keyof MaterialsQuery];
    if (value === undefined || (name === 'order' && value === 'newest')) continue;
    params.set(name, String(value));
  }
  return params.toString();
}

const view = (row: { id: string; name: string; query: string; createdAt: string }) => ({
  id: row.id,
  name: row.name,
  query: row.query,
  createdAt: row.createdAt,
});

export async function listSavedFilters(
  storage: Pick<Storage, 'review'>,
  userId: string,
): Promise<SavedFilter[]> {
  return (await storage.review.savedFilters(userId)).map(view);
}

/** Saves the reviewer's filter under a name (replacing one of the same name), normalized. */
export async function saveFilter(
  storage: Pick<Storage, 'review'>,
  userId: string,
  filter: { name: string; query: string },
  at: Date,
): Promise<SavedFilter> {
  const raw = Object.fromEntries(new URLSearchParams(filter.query));
  const query = queueQueryString(queueQueryOf(raw));
  const saved = await storage.review.saveFilter({
    id: randomUUID(),
    userId,
    name: filter.name,
    query,
    createdAt: at.toISOString(),
  });
  return view(saved);
}

export async function deleteSavedFilter(
  storage: Pick<Storage, 'review'>,
  userId: string,
  id: string,
): Promise<void> {
  if (!(await storage.review.deleteFilter(userId, id))) {
    throw new ApiError('not_found', 'No such saved filter.');
  }
}
