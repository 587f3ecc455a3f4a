import { and, asc, count, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { MaterialsQuery } from '#shared/schemas/review';
import {
  reviewDailyCounts as counts,
  reviewMaterialFacets as facets,
  materialClaims,
  materialStatusChanges,
  materials,
  reports,
  users,
} from '../../db/schema';
import { queueOrder } from '../queue-order';
import * as reviewRows from '../review-conditions';
import type { Bucket, ReviewStore } from '../review-store';
import { statusAudit, statusRefusal, statusWrite } from '../status-rules';
import { insertAuditEvent } from './audit-store';
import { blockingListOf } from './blocking-list';
import { reserveChangeSeqs } from './change-sequence';
import type { Db, SqliteHandles } from './handles';
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
        ...reviewRows.queueFilters({ materials, facets }, query),
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
        .select(reviewRows.reportFactsColumns(reports))
        .from(reports)
        .where(inArray(reports.materialId, materialIds))
        .all();
    },

    async materialFile(materialId) {
      const material = db.select().from(materials).where(eq(materials.id, materialId)).get();
      if (!material) return undefined;
      const live = reviewRows.reportsOfMaterial(reports, material.id, true);
      const rows = db
        .select({ report: reports, ...reviewRows.reporterColumns(users) })
        .from(reports)
        .innerJoin(users, eq(users.id, reports.userId))
        .where(live.where)
        .orderBy(...live.orderBy)
        .all();
      const gone = reviewRows.reportsOfMaterial(reports, material.id, false);
      const withdrawn = db
        .select(reviewRows.withdrawnColumns(reports, users))
        .from(reports)
        .innerJoin(users, eq(users.id, reports.userId))
        .where(gone.where)
        .orderBy(...gone.orderBy)
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
          const refused = statusRefusal(change, material, held);
          if (refused) return refused;
          const { step, update } = statusWrite(change, material);
          tx.insert(materialStatusChanges).values(step).run();
          const updated = tx
            .update(materials)
            .set(update)
            .where(eq(materials.id, material.id))
            .returning()
            .get();
          bumpReportsOfMaterial(tx, material.id);
          const audit = statusAudit(change, material.status, updated);
          if (audit) insertAuditEvent(tx, audit);
          return { kind: 'changed', material: updated } as const;
        },
        { behavior: 'immediate' },
      );
    },

    async blockingList(query) {
      return blockingListOf(db, query);
    },

    async dailyCounts(query) {
      const bucket = reviewRows.bucketColumns(counts, query.byDay);
      return db
        .select(bucket)
        .from(counts)
        .where(reviewRows.inPeriod(counts, query))
        .groupBy(bucket.key)
        .orderBy(asc(bucket.key))
        .all()
        .filter((row: Bucket) => row.count > 0);
    },

    ...sqliteTriageStore(db),

    async totalReports(query) {
      const total = db
        .select({ n: reviewRows.countTotal(counts) })
        .from(counts)
        .where(reviewRows.inPeriod(counts, { ...query, facet: 'total' }))
        .get();
      return total?.n ?? 0;
    },
  };
}

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

/** The materials whose every report was withdrawn (rare: a page stops once it has enough). */
function withdrawnMaterials(db: Db, query: MaterialsQuery, after: number | undefined) {
  const search = query.q === undefined ? undefined : materialSearch(db, query.q);
  const searched = search?.indexed
    ? inArray(
        materials.seq,
        db.select({ seq: materialsSearch.rowid }).from(materialsSearch).where(search.where),
      )
    : search?.where;
  const page = reviewRows.withdrawnPage({ materials, facets }, query, after, searched);
  return db
    .select({ ...getTableColumns(materials), sortKey: sql<null>`null` })
    .from(materials)
    .leftJoin(facets, eq(facets.materialSeq, materials.seq))
    .where(page.where)
    .orderBy(page.orderBy)
    .limit(query.limit + 1)
    .all();
}
