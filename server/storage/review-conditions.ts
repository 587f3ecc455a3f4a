import {
  type AnyColumn,
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  isNotNull,
  isNull,
  lt,
  lte,
  type SQL,
  sql,
  sum,
} from 'drizzle-orm';
import type { MaterialsQuery } from '#shared/schemas/review';
import { maskOf } from '../features/review/facet-masks';
import { pick } from './columns';
import { descending } from './queue-order';
import type { DailyCountQuery } from './review-store';

// The review side's conditions, projections and orders, written once with drizzle's
// dialect-neutral builders over either engine's tables: each engine runs them in its own
// statements (synchronously on SQLite, awaited on PostgreSQL).

type Col = AnyColumn;

/** The columns the queue's filters test, of either engine's tables. */
export type QueueFilterTables = {
  materials: { registrableDomain: Col; possibleMirrorOf: Col };
  facets: { status: Col; topics: Col; languages: Col; regions: Col };
};

/** The queue's filters: integer tests on the read model's one row per material. */
export function queueFilters({ materials, facets }: QueueFilterTables, query: MaterialsQuery) {
  const where: SQL[] = [];
  if (query.status) where.push(eq(facets.status, query.status));
  if (query.topic) where.push(hasBit(facets.topics, maskOf('topic', [query.topic])));
  if (query.language) where.push(hasBit(facets.languages, maskOf('language', [query.language])));
  if (query.region) where.push(hasBit(facets.regions, maskOf('region', [query.region])));
  if (query.domain) where.push(eq(materials.registrableDomain, query.domain));
  if (query.mirror === 'true') where.push(isNotNull(materials.possibleMirrorOf));
  return where;
}

const hasBit = (column: Col, mask: number) => sql`(${column} & ${mask}) != 0`;

/** The columns a page of withdrawn materials reads, of either engine's tables. */
export type WithdrawnTables = {
  materials: { seq: Col; status: Col };
  facets: { materialSeq: Col };
};

/**
 * The materials whose every report was withdrawn (the read model keeps no row for them: the page
 * left-joins it and keeps those without one), in the status asked for, after the seq cursor.
 * Only the status and text filters apply: nothing live says a topic.
 */
export function withdrawnPage(
  { materials, facets }: WithdrawnTables,
  query: MaterialsQuery,
  after: number | undefined,
  searched: SQL | undefined,
): { where: SQL | undefined; orderBy: SQL } {
  const newest = descending(query);
  const start =
    after === undefined ? undefined : newest ? lt(materials.seq, after) : gt(materials.seq, after);
  return {
    where: and(
      isNull(facets.materialSeq),
      query.status ? eq(materials.status, query.status) : undefined,
      searched,
      start,
    ),
    orderBy: newest ? desc(materials.seq) : asc(materials.seq),
  };
}

/** The daily counts' columns, of either engine's table. */
export type CountColumns = { facet: Col; day: Col; value: Col; count: Col };

/** The daily counts of one facet in the query's period (days included at both ends). */
export function inPeriod(counts: CountColumns, query: Omit<DailyCountQuery, 'byDay'>) {
  return and(
    eq(counts.facet, query.facet),
    query.from ? gte(counts.day, query.from) : undefined,
    query.to ? lte(counts.day, query.to) : undefined,
  );
}

/** A bucket of the daily counts: by day or by value, the counts summed as an integer. */
export function bucketColumns<C extends CountColumns>(counts: C, byDay: boolean) {
  const key: C['day'] | C['value'] = byDay ? counts.day : counts.value;
  return { key, count: sql<number>`cast(${sum(counts.count)} as integer)` };
}

/** The sum of the daily counts, 0 when there are none. */
export const countTotal = (counts: CountColumns) =>
  sql<number>`cast(coalesce(${sum(counts.count)}, 0) as integer)`;

const REPORT_FACTS = [
  'materialId',
  'userId',
  'topics',
  'languages',
  'region',
  'resourceType',
  'evidence',
  'files',
  'createdAt',
  'deletedAt',
] as const;

/** The columns the queue aggregates of a report (`ReportFacts`). */
export const reportFactsColumns = <R extends Record<(typeof REPORT_FACTS)[number], Col>>(
  reports: R,
) => pick(reports, REPORT_FACTS);

type ReporterColumns = { status: Col; organization: Col };

/** What reviewers may see of a reporter beside their report. */
export const reporterColumns = <U extends ReporterColumns>(users: U) => ({
  reporterStatus: users.status as U['status'],
  organization: users.organization as U['organization'],
});

const WITHDRAWN = ['id', 'userId', 'createdAt', 'deletedAt'] as const;

/** A withdrawn report of a material: who withdrew what, when; nothing of its content. */
export const withdrawnColumns = <
  R extends Record<(typeof WITHDRAWN)[number], Col>,
  U extends ReporterColumns,
>(
  reports: R,
  users: U,
) => ({ ...pick(reports, WITHDRAWN), ...reporterColumns(users) });

type ReportsOfMaterial = { materialId: Col; deletedAt: Col; createdAt: Col; id: Col };

/** A material's live reports (`live`) or withdrawn ones, and their order in its file. */
export function reportsOfMaterial(reports: ReportsOfMaterial, materialId: string, live: boolean) {
  return {
    where: and(
      eq(reports.materialId, materialId),
      live ? isNull(reports.deletedAt) : isNotNull(reports.deletedAt),
    ),
    // Live ones oldest first; withdrawn ones in the order they were withdrawn.
    orderBy: [asc(live ? reports.createdAt : reports.deletedAt), asc(reports.id)],
  };
}
