import { and, asc, eq, gte, lte, sql, sum } from 'drizzle-orm';
import type { StatsQuery, StatsResponse } from '#shared/schemas/stats';
import type { Storage } from '../../db/open';
import { reviewDailyCounts as counts } from '../../db/schema';
import { refreshReviewProjection } from '../review/projection';

const DAY_MS = 86_400_000;
type Bucket = { key: string; count: number };

/**
 * Counts for research over whole UTC days: reports (not deleted) first received in the period by
 * topic, language, resource type, region or day, or materials first reported in the period by
 * their status now. Read from the per-day totals the review read model keeps, so a year costs
 * the same however many reports it holds.
 */
export async function reportStats(
  storage: Pick<Storage, 'db' | 'sqlite'>,
  query: StatsQuery,
): Promise<StatsResponse> {
  await refreshReviewProjection(storage);
  const { db } = storage;
  const inPeriod = (facet: string) =>
    and(
      eq(counts.facet, facet),
      query.from ? gte(counts.day, query.from) : undefined,
      query.to ? lte(counts.day, query.to) : undefined,
    );
  const key = query.by === 'day' ? counts.day : counts.value;
  const rows: Bucket[] = db
    .select({ key, count: sql<number>`cast(${sum(counts.count)} as integer)` })
    .from(counts)
    .where(inPeriod(query.by === 'day' ? 'total' : query.by))
    .groupBy(key)
    .orderBy(asc(key))
    .all()
    .filter((row) => row.count > 0);
  if (query.by === 'day') return { buckets: withEmptyDays(rows), total: sumOf(rows) };
  if (query.by === 'status') return { buckets: largestFirst(rows), total: sumOf(rows) };
  const total = db
    .select({ n: sql<number>`cast(coalesce(${sum(counts.count)}, 0) as integer)` })
    .from(counts)
    .where(inPeriod('total'))
    .get();
  return { buckets: largestFirst(rows), total: total?.n ?? 0 };
}

const sumOf = (rows: Bucket[]) => rows.reduce((n, row) => n + row.count, 0);

const largestFirst = (rows: Bucket[]) =>
  rows.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));

/** Every day from the first to the last with reports, zeros included, for charts. */
function withEmptyDays(rows: Bucket[]): Bucket[] {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return [];
  const byDay = new Map(rows.map((r) => [r.key, r.count]));
  const days: Bucket[] = [];
  for (let t = Date.parse(first.key); t <= Date.parse(last.key); t += DAY_MS) {
    const key = new Date(t).toISOString().slice(0, 10);
    days.push({ key, count: byDay.get(key) ?? 0 });
  }
  return days;
}
