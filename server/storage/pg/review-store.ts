import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { MaterialsQuery } from '#shared/schemas/review';
import {
  reviewDailyCounts as counts,
  reviewMaterialFacets as facets,
  materialStatusChanges,
  materials,
  reports,
  users,
} from '../../db/pg-schema';
import { queueOrder } from '../queue-order';
import * as reviewRows from '../review-conditions';
import type { ReviewStore } from '../review-store';
import { statusAudit, statusRefusal, statusWrite } from '../status-rules';
import { insertAuditEvent } from './audit-store';
import { blockingListOf } from './blocking-list';
import { lockChangeCounter, reserveChangeSeqs } from './change-sequence';
import type { PgDb, PgTx } from './handles';
import { materialSearch } from './material-search';
import { refreshPgProjection } from './projection';
import { claimOfAnother, openTo, pgTriageStore } from './triage-store';

/** The review side on PostgreSQL. */
export function pgReviewStore(db: PgDb): ReviewStore {
  return {
    refresh: () => refreshPgProjection(db),

    // Filters are integer tests on the read model's one row per material, in seq order.
    async materialsPage(query, after, scope = {}) {
      if (query.withdrawn === 'true') return withdrawnMaterials(db, query, after?.seq);
      const search = query.q === undefined ? undefined : await materialSearch(db, query.q);
      const order = queueOrder({ materials, facets }, query, facets.materialSeq, after);
      return db
        .select({ ...getTableColumns(materials), sortKey: order.sortKey })
        .from(facets)
        .innerJoin(materials, eq(materials.seq, facets.materialSeq))
        .where(
          and(
            ...reviewRows.queueFilters({ materials, facets }, query),
            search,
            order.start,
            openTo(scope.openTo),
          ),
        )
        .orderBy(...order.orderBy)
        .limit(query.limit + 1);
    },

    async reportFacts(materialIds) {
      if (materialIds.length === 0) return [];
      return db
        .select(reviewRows.reportFactsColumns(reports))
        .from(reports)
        .where(inArray(reports.materialId, materialIds));
    },

    async materialFile(materialId) {
      const [material] = await db.select().from(materials).where(eq(materials.id, materialId));
      if (!material) return undefined;
      const live = reviewRows.reportsOfMaterial(reports, material.id, true);
      const rows = await db
        .select({ report: reports, ...reviewRows.reporterColumns(users) })
        .from(reports)
        .innerJoin(users, eq(users.id, reports.userId))
        .where(live.where)
        .orderBy(...live.orderBy);
      const gone = reviewRows.reportsOfMaterial(reports, material.id, false);
      const withdrawn = await db
        .select(reviewRows.withdrawnColumns(reports, users))
        .from(reports)
        .innerJoin(users, eq(users.id, reports.userId))
        .where(gone.where)
        .orderBy(...gone.orderBy);
      const history = await db
        .select({ change: materialStatusChanges, byName: users.fullName, byStatus: users.status })
        .from(materialStatusChanges)
        .leftJoin(users, eq(users.id, materialStatusChanges.byUserId))
        .where(eq(materialStatusChanges.materialId, material.id))
        .orderBy(asc(materialStatusChanges.id));
      return { material, reports: rows, withdrawn, history };
    },

    async changeStatus(change) {
      return db.transaction(async (tx) => {
        // Writers of what users pull go one at a time (change-sequence.ts): the decision reads
        // the material after every earlier push and decision committed.
        await lockChangeCounter(tx);
        // The row lock puts a claim made at the same moment (changeClaim locks the row too)
        // before or after this decision, never in between.
        const [material] = await tx
          .select()
          .from(materials)
          .where(eq(materials.id, change.materialId))
          .for('no key update');
        if (!material) return { kind: 'not_found' } as const;
        const held = change.respectClaims
          ? await claimOfAnother(tx, material.id, change.byUserId)
          : undefined;
        const refused = statusRefusal(change, material, held);
        if (refused) return refused;
        const { step, update } = statusWrite(change, material);
        await tx.insert(materialStatusChanges).values(step);
        const [updated] = await tx
          .update(materials)
          .set(update)
          .where(eq(materials.id, material.id))
          .returning();
        await bumpReportsOfMaterial(tx, material.id);
        const audit = statusAudit(change, material.status, updated!);
        if (audit) await insertAuditEvent(tx, audit);
        return { kind: 'changed', material: updated! } as const;
      });
    },

    blockingList: (query) => blockingListOf(db, query),

    async dailyCounts(query) {
      const bucket = reviewRows.bucketColumns(counts, query.byDay);
      const rows = await db
        .select(bucket)
        .from(counts)
        .where(reviewRows.inPeriod(counts, query))
        .groupBy(bucket.key)
        .orderBy(asc(bucket.key));
      return rows.filter((row) => row.count > 0);
    },

    ...pgTriageStore(db),

    async totalReports(query) {
      const [total] = await db
        .select({ n: reviewRows.countTotal(counts) })
        .from(counts)
        .where(reviewRows.inPeriod(counts, { ...query, facet: 'total' }));
      return total?.n ?? 0;
    },
  };
}

/** Gives every live report of the material a fresh change number, in their previous order. */
async function bumpReportsOfMaterial(tx: PgTx, materialId: string): Promise<void> {
  const live = await tx.execute<{ n: number }>(sql`SELECT count(*)::integer AS n FROM reports
    WHERE material_id = ${materialId} AND deleted_at IS NULL`);
  const n = live.rows[0]?.n ?? 0;
  if (n === 0) return;
  const first = await reserveChangeSeqs(tx, n);
  await tx.execute(sql`UPDATE reports SET change_seq = ${first} + ranked.n - 1
    FROM (SELECT id, row_number() OVER (ORDER BY change_seq) AS n FROM reports
          WHERE material_id = ${materialId} AND deleted_at IS NULL) AS ranked
    WHERE reports.id = ranked.id`);
}

/** The materials whose every report was withdrawn. */
async function withdrawnMaterials(db: PgDb, query: MaterialsQuery, after: number | undefined) {
  const search = query.q === undefined ? undefined : await materialSearch(db, query.q);
  const page = reviewRows.withdrawnPage({ materials, facets }, query, after, search);
  return db
    .select({ ...getTableColumns(materials), sortKey: sql<null>`null` })
    .from(materials)
    .leftJoin(facets, eq(facets.materialSeq, materials.seq))
    .where(page.where)
    .orderBy(page.orderBy)
    .limit(query.limit + 1);
}
