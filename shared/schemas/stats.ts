import { z } from 'zod';

/** What report counts can be broken down by; `status` counts materials rather than reports. */
export const STATS_DIMENSIONS = [
  'topic',
  'language',
  'resourceType',
  'region',
  'status',
  'day',
] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** The key of the bucket of reports that name no region of Kazakhstan. */
export const NO_REGION = 'none';

/**
 * A period of whole days in UTC, both ends included (`from=2026-01-01&to=2026-01-31` is January).
 * Either end may be left open.
 */
export const statsQuerySchema = z
  .object({
    by: z.enum(STATS_DIMENSIONS),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type StatsQuery = z.infer<typeof statsQuerySchema>;

export const statsBucketSchema = z.object({
  key: z.string(),
  count: z.number().int().nonnegative(),
});

/**
 * Buckets of reports (not deleted) first received in the period: a report with two topics counts
 * under each, so buckets may add up to more than `total`. `by=status` counts materials first
 * reported in the period by their status now. `by=day` lists every day from the first to the last
 * with reports, oldest first, zeros included; other dimensions list the largest bucket first.
 */
export const statsResponseSchema = z.object({
  buckets: z.array(statsBucketSchema),
  /** Reports in the period (materials, for `by=status`). */
  total: z.number().int().nonnegative(),
});
export type StatsResponse = z.infer<typeof statsResponseSchema>;
