import type { StatsQuery, StatsResponse } from '#shared/schemas/stats';
import type { Storage } from '../../storage';
import type { Bucket } from '../../storage/review-store';

const DAY_MS = 86_400_000;

/**
 * Counts for research over whole UTC days: reports (not deleted) first received in the period by
 * topic, language, resource type, region or day, or materials first reported in the period by
 * their status now. Read from the per-day totals the review read model keeps, so a year costs
 * the same however many reports it holds.
 */
export async function reportStats(
  storage: Pick<Storage, 'review'>,
  query: StatsQuery,
): Promise<StatsResponse> {
  await storage.review.refresh();
  const period = { from: query.from, to: query.to };
  const rows = await storage.review.dailyCounts({
    ...period,
    facet: query.by === 'day' ? 'total' : query.by,
    byDay: query.by === 'day',
  });
  if (query.by === 'day') return { buckets: withEmptyDays(rows), total: sumOf(rows) };
  if (query.by === 'status') return { buckets: largestFirst(rows), total: sumOf(rows) };
  return { buckets: largestFirst(rows), total: await storage.review.totalReports(period) };
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
