import {
  and,
  asc,
  type Column,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  type SQL,
  sql,
  sum,
} from 'drizzle-orm';
import { canTransition } from '#shared/review-status';
import type { MaterialsQuery } from '#shared/schemas/review';
import type { Db } from '../../db/open';
import {
  reviewDailyCounts as counts,
  reviewMaterialFacets as facets,
  materialClaims,
  materialStatusChanges,
  materials,
  reports,
  users,
} from '../../db/schema';
import { maskOf } from '../../features/review/facet-masks';
import { descending, queueOrder } from '../queue-order';
import type { Bucket, DailyCountQuery, ReviewStore } from '../review-store';
import { insertAuditEvent } from './audit-store';
import { blockingListOf } from './blocking-list';
import { reserveChangeSeqs } from './change-sequence';
import type { SqliteHandles } from './handles';
import { materialSearch, materialsSearch } from './material-search';
import { refreshReviewProjection } from './projection';
import { claimOfAnother, openTo, sqliteTriageStore } from './triage-store';

/** The review side on SQLite. */
export function sqliteReviewStore(handles: SqliteHandles): ReviewStore {
  const { db } = handles;
  return {
    refresh: () => refreshReviewProjection(handles),

    // Filters are integer tests on the read model's one row per material, so a page costs the
    // same however many reports there are. A text search long enough for the trigram index reads
    // the index's matches in the same order instead, so it stops after a page too; only a one- or
    // two-character search scans the materials.
    async materialsPage(query, after, scope = {}) {
      if (query.withdrawn === 'true') return withdrawnMaterials(db, query, after?.seq);
      const search = query.q === undefined ? undefined : materialSearch(db, query.q);
      // An indexed search drives the query from the index, in its rowid (= material seq) order.
      const seq = search?.indexed ? materialsSearch.rowid : facets.materialSeq;
      const order = queueOrder({ materials, facets }, query, seq, after);
      const columns = { ...getTableColumns(materials), sortKey: order.sortKey };
      const where = and(
        ...filters(query),
        search?.where,
        search?.indexed ? eq(facets.materialSeq, materialsSearch.rowid) : undefined,
        eq(materials.seq, facets.materialSeq),
        order.start,
        openTo(scope.openTo),
      );
      // CROSS JOIN fixes SQLite's loop order: the table whose index holds the sort drives, so a
      // page stops after its rows instead of sorting every match (unANALYZEd, the planner may
      // otherwise scan materials and sort).
      const byMaterials = query.sort === 'updated' || query.sort === 'title';
      const joined = search?.indexed
        ? db.select(columns).from(materialsSearch).crossJoin(facets).crossJoin(materials).$dynamic()
        : byMaterials
          ? db.select(columns).from(materials).crossJoin(facets).$dynamic()
          : db.select(columns).from(facets).crossJoin(materials).$dynamic();
      return (
        scope.openTo === undefined
          ? joined
          : joined.leftJoin(materialClaims, eq(materialClaims.materialId, materials.id))
      )
        .where(where)
        .orderBy(...order.orderBy)
        .limit(query.limit + 1)
        .all();
    },

    async reportFacts(materialIds) {
      if (materialIds.length === 0) return [];
      return db
        .select({
          materialId: reports.materialId,
          userId: reports.userId,
          topics: reports.topics,
          languages: reports.languages,
          region: reports.region,
          resourceType: reports.resourceType,
          evidence: reports.evidence,
          files: reports.files,
          createdAt: reports.createdAt,
          deletedAt: reports.deletedAt,
        })
        .from(reports)
        .where(inArray(reports.materialId, materialIds))
        .all();
    },

    async materialFile(materialId) {
      const material = db.select().from(materials).where(eq(materials.id, materialId)).get();
      if (!material) return undefined;
      const rows = db
        .select({ report: reports, reporterStatus: users.status, organization: users.organization })
        .from(reports)
        .innerJoin(users, eq(users.id, reports.userId))
        .where(and(eq(reports.materialId, material.id), isNull(reports.deletedAt)))
        .orderBy(asc(reports.createdAt), asc(reports.id))
        .all();
      const withdrawn = db
        .select({
          id: reports.id,
          userId: reports.userId,
          createdAt: reports.createdAt,
          deletedAt: reports.deletedAt,
          reporterStatus: users.status,
          organization: users.organization,
        })
        .from(reports)
        .innerJoin(users, eq(users.id, reports.userId))
        .where(and(eq(reports.materialId, material.id), isNotNull(reports.deletedAt)))
        .orderBy(asc(reports.deletedAt), asc(reports.id))
        .all();
      const history = db
        .select({ change: materialStatusChanges, byName: users.fullName, byStatus: users.status })
        .from(materialStatusChanges)
        .leftJoin(users, eq(users.id, materialStatusChanges.byUserId))
        .where(eq(materialStatusChanges.materialId, material.id))
        .orderBy(asc(materialStatusChanges.id))
        .all();
      return { material, reports: rows, withdrawn, history };
    },

    async changeStatus(change) {
      return db.transaction(
        (tx) => {
          const material = tx
            .select()
            .from(materials)
            .where(eq(materials.id, change.materialId))
            .get();
          if (!material) return { kind: 'not_found' } as const;
          const held = change.respectClaims
            ? claimOfAnother(tx, material.id, change.byUserId)
            : undefined;
          if (held) return { kind: 'claimed', claim: held } as const;
          if (change.expectedVersion !== undefined && change.expectedVersion !== material.version) {
            return { kind: 'moved', version: material.version } as const;
          }
          if (!canTransition(material.status, change.to)) {
            return { kind: 'not_allowed', from: material.status } as const;
          }
          const at = change.at.toISOString();
          tx.insert(materialStatusChanges)
            .values({
              materialId: material.id,
              fromStatus: material.status,
              toStatus: change.to,
              byUserId: change.byUserId,
              at,
              comment: change.comment ?? '',
              legalGround: change.legalGround ?? null,
              reporterComment: change.reporterComment ?? '',
            })
            .run();
          const updated = tx
            .update(materials)
            .set({
              status: change.to,
              version: material.version + 1,
              reporterComment: change.reporterComment ?? '',
              updatedAt: at,
              ...(change.to === 'duplicate' && { duplicateOf: change.duplicateOf ?? null }),
            })
            .where(eq(materials.id, material.id))
            .returning()
            .get();
          bumpReportsOfMaterial(tx, material.id);
          if (change.audit) {
            insertAuditEvent(tx, {
              ...change.audit,
              at: change.at,
              actorUserId: change.byUserId,
              subjectType: 'material',
              subjectId: material.id,
              details: {
                from: material.status,
                to: updated.status,
                version: updated.version,
                ...(change.legalGround && { legalGround: change.legalGround.code }),
                ...(change.duplicateOf && { duplicateOf: change.duplicateOf }),
              },
            });
          }
          return { kind: 'changed', material: updated } as const;
        },
        { behavior: 'immediate' },
      );
    },

    async blockingList(query) {
      return blockingListOf(db, query);
    },

    async dailyCounts(query) {
      const key = query.byDay ? counts.day : counts.value;
      return db
        .select({ key, count: sql<number>`cast(${sum(counts.count)} as integer)` })
        .from(counts)
        .where(inPeriod(query))
        .groupBy(key)
        .orderBy(asc(key))
        .all()
        .filter((row: Bucket) => row.count > 0);
    },

    ...sqliteTriageStore(db),

    async totalReports(query) {
      const total = db
        .select({ n: sql<number>`cast(coalesce(${sum(counts.count)}, 0) as integer)` })
        .from(counts)
        .where(inPeriod({ ...query, facet: 'total' }))
        .get();
      return total?.n ?? 0;
    },
  };
}

function inPeriod(query: Omit<DailyCountQuery, 'byDay'>) {
  return and(
    eq(counts.facet, query.facet),
    query.from ? gte(counts.day, query.from) : undefined,
    query.to ? lte(counts.day, query.to) : undefined,
  );
}

function filters(query: MaterialsQuery): SQL[] {
  const where: SQL[] = [];
  if (query.status) where.push(eq(facets.status, query.status));
  if (query.topic) where.push(hasBit(facets.topics, maskOf('topic', [query.topic])));
  if (query.language) where.push(hasBit(facets.languages, maskOf('language', [query.language])));
  if (query.region) where.push(hasBit(facets.regions, maskOf('region', [query.region])));
  if (query.domain) where.push(eq(materials.registrableDomain, query.domain));
  if (query.mirror === 'true') where.push(isNotNull(materials.possibleMirrorOf));
  return where;
}

const hasBit = (column: Column, mask: number) => sql`(${column} & ${mask}) != 0`;

/** Gives every live report of the material a fresh change number, in their previous order. */
function bumpReportsOfMaterial(db: Pick<Db, 'select' | 'get' | 'run'>, materialId: string): void {
  const live = and(eq(reports.materialId, materialId), isNull(reports.deletedAt));
  const n = db.select({ n: count() }).from(reports).where(live).get()?.n ?? 0;
  if (n === 0) return;
  const first = reserveChangeSeqs(db, n);
  db.run(sql`UPDATE reports SET change_seq = ${first} + ranked.n - 1
    FROM (SELECT id, row_number() OVER (ORDER BY change_seq) AS n FROM reports
          WHERE material_id = ${materialId} AND deleted_at IS NULL) AS ranked
    WHERE reports.id = ranked.id`);
}

/**
 * The materials whose every report was withdrawn: the read model keeps no row for them, so they
 * are the materials without one. Only the status and text filters apply (nothing live says a
 * topic). Withdrawals are rare, and a page stops once it has found enough of them.
 */
function withdrawnMaterials(db: Db, query: MaterialsQuery, after: number | undefined) {
  const newest = descending(query);
  const search = query.q === undefined ? undefined : materialSearch(db, query.q);
  const searched = search?.indexed
    ? inArray(
        materials.seq,
        db.select({ seq: materialsSearch.rowid }).from(materialsSearch).where(search.where),
      )
    : search?.where;
  return db
    .select({ ...getTableColumns(materials), sortKey: sql<null>`null` })
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
}
