import {
  and,
  asc,
  type Column,
  desc,
  eq,
  getTableColumns,
  gt,
  inArray,
  isNull,
  lt,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { MaterialsPage, MaterialsQuery } from '#shared/schemas/review';
import type { Db, Storage } from '../../db/open';
import { reviewMaterialFacets as facets, materials } from '../../db/schema';
import { materialSearch, materialsSearch } from '../materials/material-search';
import { decodeCursor, encodeCursor } from '../sync/cursor';
import { maskOf } from './facet-masks';
import { summarizeMaterials } from './material-summaries';
import { refreshReviewProjection } from './projection';

/**
 * One page of the reviewers' queue: materials that have live reports (or, with `withdrawn`, those
 * whose every report was withdrawn), filtered, newest (or
 * oldest) first by when they were first reported. Filters are integer tests on the read model's
 * one row per material, so a page costs the same however many reports there are. A text search
 * long enough for the trigram index reads the index's matches in the same order instead, so it
 * stops after a page too; only a one- or two-character search scans the materials.
 */
export async function listMaterials(
  storage: Storage,
  query: MaterialsQuery,
): Promise<MaterialsPage> {
  const { db } = storage;
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  await refreshReviewProjection(storage);
  if (query.withdrawn === 'true') return withdrawnMaterials(db, query, after);
  const newest = query.order === 'newest';
  const search = query.q === undefined ? undefined : materialSearch(db, query.q);
  const columns = { ...getTableColumns(materials) };
  // An indexed search drives the query from the index, in its rowid (= material seq) order.
  const seq = search?.indexed ? materialsSearch.rowid : facets.materialSeq;
  const where = and(
    ...filters(query),
    search?.where,
    search?.indexed ? eq(facets.materialSeq, materialsSearch.rowid) : undefined,
    after === undefined ? undefined : newest ? lt(seq, after) : gt(seq, after),
  );
  const source = search?.indexed
    ? db.select(columns).from(materialsSearch).crossJoin(facets).$dynamic()
    : db.select(columns).from(facets).$dynamic();
  const rows = source
    .innerJoin(materials, eq(materials.seq, facets.materialSeq))
    .where(where)
    .orderBy(newest ? desc(seq) : asc(seq))
    .limit(query.limit + 1)
    .all();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    materials: summarizeMaterials(db, page),
    cursor: last ? encodeCursor(last.seq) : (query.cursor ?? null),
    hasMore: rows.length > query.limit,
  };
}

function filters(query: MaterialsQuery): SQL[] {
  const where: SQL[] = [];
  if (query.status) where.push(eq(facets.status, query.status));
  if (query.topic) where.push(hasBit(facets.topics, maskOf('topic', [query.topic])));
  if (query.language) where.push(hasBit(facets.languages, maskOf('language', [query.language])));
  if (query.region) where.push(hasBit(facets.regions, maskOf('region', [query.region])));
  return where;
}

const hasBit = (column: Column, mask: number) => sql`(${column} & ${mask}) != 0`;

/**
 * The materials whose every report was withdrawn: the read model keeps no row for them, so they
 * are the materials without one. Only the status and text filters apply (nothing live says a
 * topic). Withdrawals are rare, and a page stops once it has found enough of them.
 */
function withdrawnMaterials(
  db: Db,
  query: MaterialsQuery,
  after: number | undefined,
): MaterialsPage {
  const newest = query.order === 'newest';
  const search = query.q === undefined ? undefined : materialSearch(db, query.q);
  const searched = search?.indexed
    ? inArray(
        materials.seq,
        db.select({ seq: materialsSearch.rowid }).from(materialsSearch).where(search.where),
      )
    : search?.where;
  const rows = db
    .select(getTableColumns(materials))
    .from(materials)
    .leftJoin(facets, eq(facets.materialSeq, materials.seq))
    .where(
      and(
        isNull(facets.materialSeq),
        query.status ? eq(materials.status, query.status) : undefined,
        searched,
        after === undefined
          ? undefined
          : newest
            ? lt(materials.seq, after)
            : gt(materials.seq, after),
      ),
    )
    .orderBy(newest ? desc(materials.seq) : asc(materials.seq))
    .limit(query.limit + 1)
    .all();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    materials: summarizeMaterials(db, page),
    cursor: last ? encodeCursor(last.seq) : (query.cursor ?? null),
    hasMore: rows.length > query.limit,
  };
}
