import {
  and,
  asc,
  type Column,
  desc,
  eq,
  getTableColumns,
  gt,
  lt,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { MaterialsPage, MaterialsQuery } from '#shared/schemas/review';
import { canonicalUrl, isTaggableUrl } from '#shared/url-key';
import type { Storage } from '../../db/open';
import { reviewMaterialFacets as facets, materials } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../sync/cursor';
import { maskOf } from './facet-masks';
import { summarizeMaterials } from './material-summaries';
import { refreshReviewProjection } from './projection';

/**
 * One page of the reviewers' queue: materials that have live reports, filtered, newest (or
 * oldest) first by when they were first reported. Filters are integer tests on the read model's
 * one row per material, so a page costs the same however many reports there are; only a text
 * search that matches few materials reads through many rows.
 */
export async function listMaterials(
  storage: Storage,
  query: MaterialsQuery,
): Promise<MaterialsPage> {
  const { db } = storage;
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  await refreshReviewProjection(storage);
  const newest = query.order === 'newest';
  const rows = db
    .select({ ...getTableColumns(materials) })
    .from(facets)
    .innerJoin(materials, eq(materials.seq, facets.materialSeq))
    .where(
      and(
        ...filters(db, query),
        after === undefined
          ? undefined
          : newest
            ? lt(facets.materialSeq, after)
            : gt(facets.materialSeq, after),
      ),
    )
    .orderBy(newest ? desc(facets.materialSeq) : asc(facets.materialSeq))
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

function filters(db: Storage['db'], query: MaterialsQuery): SQL[] {
  const where: SQL[] = [];
  if (query.status) where.push(eq(facets.status, query.status));
  if (query.topic) where.push(hasBit(facets.topics, maskOf('topic', [query.topic])));
  if (query.language) where.push(hasBit(facets.languages, maskOf('language', [query.language])));
  if (query.region) where.push(hasBit(facets.regions, maskOf('region', [query.region])));
  if (query.q) where.push(matchesSearch(db, query.q));
  return where;
}

const hasBit = (column: Column, mask: number) => sql`(${column} & ${mask}) != 0`;

/**
 * A URL finds its material whatever form it was given in (by the unique index of URL keys);
 * other text, or a URL no material has, is sought in URLs and titles.
 */
function matchesSearch(db: Storage['db'], q: string): SQL {
  const key = isTaggableUrl(q) ? canonicalUrl(q) : undefined;
  if (
    key &&
    db.select({ id: materials.id }).from(materials).where(eq(materials.urlKey, key)).get()
  ) {
    return eq(materials.urlKey, key);
  }
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`(${materials.url} LIKE ${pattern} ESCAPE '\\' OR ${materials.title} LIKE ${pattern} ESCAPE '\\')`;
}
