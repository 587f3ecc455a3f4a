import type { MaterialsQuery } from '#shared/schemas/review';
import { ApiError } from '../../http/errors';
import type { QueueCursor, QueueRow } from '../../storage/review-store';
import { decodeCursor, encodeCursor } from '../sync/cursor';

/**
 * The queue's opaque cursor: the seq alone when sorted by creation (as before sorting existed),
 * else the sort column's value and the seq, as JSON.
 */
export function encodeQueueCursor(row: Pick<QueueRow, 'seq' | 'sortKey'>): string {
  if (row.sortKey === null) return encodeCursor(row.seq);
  return Buffer.from(JSON.stringify([row.sortKey, row.seq]), 'utf8').toString('base64url');
}

/** Whether the query's pages are keyed by a sort column's value as well as the seq. */
export function keyedByValue(query: MaterialsQuery): boolean {
  return query.sort !== undefined && query.sort !== 'reported' && query.withdrawn !== 'true';
}

/** The position a cursor stands for under the query's sort; a garbled or foreign one is refused. */
export function decodeQueueCursor(query: MaterialsQuery): QueueCursor | undefined {
  if (query.cursor === undefined) return undefined;
  if (!keyedByValue(query)) return { seq: decodeCursor(query.cursor) };
  const refused = new ApiError('validation_failed', 'The cursor is not valid.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw refused;
  const [value, seq] = parsed as unknown[];
  const numeric = query.sort === 'reports';
  if (typeof value !== (numeric ? 'number' : 'string')) throw refused;
  if (!Number.isSafeInteger(seq) || (seq as number) < 0) throw refused;
  return { value: value as string | number, seq: seq as number };
}
