import { asc, type Column, desc, gt, lt, type SQL, sql } from 'drizzle-orm';
import type { MaterialsQuery } from '#shared/schemas/review';
import type { QueueCursor } from './review-store';

/** The columns the queue sorts by, in either engine's schema. */
export type QueueColumns = {
  materials: { updatedAt: Column; title: Column; seq: Column };
  facets: { liveReports: Column; status: Column; materialSeq: Column };
};

/** The column each sort reads; creation order (`reported`, the default) is the seq alone. */
function sortColumn(
  { materials, facets }: QueueColumns,
  query: MaterialsQuery,
): Column | undefined {
  switch (query.sort) {
    case 'updated':
      return materials.updatedAt;
    case 'reports':
      return facets.liveReports;
    case 'status':
      return facets.status;
    case 'title':
      return materials.title;
    default:
      return undefined;
  }
}

/** Whether the queue runs from the highest value down. */
export function descending(query: MaterialsQuery): boolean {
  return query.sort === undefined ? query.order === 'newest' : query.dir !== 'asc';
}

/**
 * How a queue page is ordered and where it starts after `after`: by the sort column then the seq
 * (a row comparison, which the column's (value, seq) index answers in order), or by the seq alone.
 */
export function queueOrder(
  tables: QueueColumns,
  query: MaterialsQuery,
  seq: Column,
  after: QueueCursor | undefined,
) {
  const { materials, facets } = tables;
  const column = sortColumn(tables, query);
  // Ties go by creation order from the sort column's own table, so that its (value, seq) index
  // answers the order by itself.
  const tie =
    column === materials.updatedAt || column === materials.title
      ? materials.seq
      : facets.materialSeq;
  const down = descending(query);
  const by = down ? desc : asc;
  let start: SQL | undefined;
  if (after !== undefined) {
    if (column === undefined) start = down ? lt(seq, after.seq) : gt(seq, after.seq);
    else if (down) start = sql`(${column}, ${tie}) < (${after.value}, ${after.seq})`;
    else start = sql`(${column}, ${tie}) > (${after.value}, ${after.seq})`;
  }
  return {
    start,
    orderBy: column === undefined ? [by(seq)] : [by(column), by(tie)],
    /** The sort column's value of each row, for the next page's cursor. */
    sortKey: column === undefined ? sql<null>`null` : sql<string | number>`${column}`,
  };
}
