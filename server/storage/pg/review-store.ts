import {
  and,
  asc,
  type Column,
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
import {
  reviewDailyCounts as counts,
  reviewMaterialFacets as facets,
  materialStatusChanges,
  materials,
  reports,
  users,
} from '../../db/pg-schema';
import { maskOf } from '../../features/review/facet-masks';
import { descending, queueOrder } from '../queue-order';
import type { DailyCountQuery, ReviewStore } from '../review-store';
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
        .where(and(...filters(query), search, order.start, openTo(scope.openTo)))
        .orderBy(...order.orderBy)
        .limit(query.limit + 1);
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
        .where(inArray(reports.materialId, materialIds));
    },

    async materialFile(materialId) {
      const [material] = await db.select().from(materials).where(eq(materials.id, materialId));
      if (!material) return undefined;
      const rows = await db
        .select({ report: reports, reporterStatus: users.status, organization: users.organization })
        .from(reports)
        .innerJoin(users, eq(users.id, reports.userId))
        .where(and(eq(reports.materialId, material.id), isNull(reports.deletedAt)))
        .orderBy(asc(reports.createdAt), asc(reports.id));
      const withdrawn = await db
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
        .orderBy(asc(reports.deletedAt), asc(reports.id));
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
        if (held) return { kind: 'claimed', claim: held } as const;
        if (change.expectedVersion !== undefined && change.expectedVersion !== material.version) {
          return { kind: 'moved', version: material.version } as const;
        }
        if (!canTransition(material.status, change.to)) {
          return { kind: 'not_allowed', from: material.status } as const;
        }
        const at = change.at.toISOString();
        await tx.insert(materialStatusChanges).values({
          materialId: material.id,
          fromStatus: material.status,
          toStatus: change.to,
          byUserId: change.byUserId,
          at,
          comment: change.comment ?? '',
          legalGround: change.legalGround ?? null,
          reporterComment: change.reporterComment ?? '',
        });
        const [updated] = await tx
          .update(materials)
          .set({
            status: change.to,
            version: material.version + 1,
            reporterComment: change.reporterComment ?? '',
            updatedAt: at,
            ...(change.to === 'duplicate' && { duplicateOf: change.duplicateOf ?? null }),
          })
          .where(eq(materials.id, material.id))
          .returning();
        await bumpReportsOfMaterial(tx, material.id);
        if (change.audit) {
          await insertAuditEvent(tx, {
            ...change.audit,
            at: change.at,
            actorUserId: change.byUserId,
            subjectType: 'material',
            subjectId: material.id,
            details: {
              from: material.status,
              to: updated!.status,
              version: updated!.version,
              ...(change.legalGround && { legalGround: change.legalGround.code }),
              ...(change.duplicateOf && { duplicateOf: change.duplicateOf }),
            },
          });
        }
        return { kind: 'changed', material: updated! } as const;
      });
    },

    blockingList: (query) => blockingListOf(db, query),

    async dailyCounts(query) {
      const key = query.byDay ? counts.day : counts.value;
      const rows = await db
        .select({ key, count: sql<number>`cast(${sum(counts.count)} as integer)` })
        .from(counts)
        .where(inPeriod(query))
        .groupBy(key)
        .orderBy(asc(key));
      return rows.filter((row) => row.count > 0);
    },

    ...pgTriageStore(db),

    async totalReports(query) {
      const [total] = await db
        .select({ n: sql<number>`cast(coalesce(${sum(counts.count)}, 0) as integer)` })
        .from(counts)
        .where(inPeriod({ ...query, facet: 'total' }));
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

/**
 * The materials whose every report was withdrawn: the read model keeps no row for them, so they
 * are the materials without one. Only the status and text filters apply.
 */
async function withdrawnMaterials(db: PgDb, query: MaterialsQuery, after: number | undefined) {
  const newest = descending(query);
  const search = query.q === undefined ? undefined : await materialSearch(db, query.q);
  return db
    .select({ ...getTableColumns(materials), sortKey: sql<null>`null` })
    .from(materials)
    .leftJoin(facets, eq(facets.materialSeq, materials.seq))
    .where(
      and(
        isNull(facets.materialSeq),
        query.status ? eq(materials.status, query.status) : undefined,
        search,
        after === undefined
          ? undefined
          : newest
            ? lt(materials.seq, after)
            : gt(materials.seq, after),
      ),
    )
    .orderBy(newest ? desc(materials.seq) : asc(materials.seq))
    .limit(query.limit + 1);
}
