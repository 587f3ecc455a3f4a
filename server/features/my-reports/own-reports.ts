import { z } from 'zod';
import { REVIEW_STATUS_CODES } from '#shared/review-status';
import { TOPIC_CODES } from '#shared/taxonomy';
import type { Storage } from '../../storage';
import type { OwnReport } from '../../storage/reports-store';

const dateSchema = z.iso.date();

/** The filters of an analyst's own reports; a malformed one is ignored. */
export const ownReportsFilterSchema = z.object({
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  topic: z.enum(TOPIC_CODES).optional().catch(undefined),
  status: z.enum(REVIEW_STATUS_CODES).optional().catch(undefined),
  from: dateSchema.optional().catch(undefined),
  to: dateSchema.optional().catch(undefined),
  /** How many matching reports the page skips (from a previous page's link). */
  cursor: z
    .string()
    .regex(/^[0-9]{1,9}$/)
    .optional()
    .catch(undefined),
});
export type OwnReportsFilter = z.infer<typeof ownReportsFilterSchema>;

export type { OwnReport };

export type OwnReportsPage = {
  reports: OwnReport[];
  total: number;
  cursor: string | null;
  hasMore: boolean;
};

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString();

/**
 * One page of the user's own live reports, newest first, by text (URL, title, note, any letter
 * case), topic, status of the material and the day they were sent (UTC). The text is matched
 * here, not in SQL: SQLite folds only ASCII letters, and one analyst's reports are few enough.
 */
export async function listOwnReports(
  storage: Pick<Storage, 'reports'>,
  userId: string,
  filter: OwnReportsFilter,
  limit: number,
): Promise<OwnReportsPage> {
  const rows = await storage.reports.ownReports(userId, {
    status: filter.status,
    topic: filter.topic,
    from: filter.from ? `${filter.from}T00:00:00.000Z` : undefined,
    before: filter.to ? nextDay(filter.to) : undefined,
  });
  const wanted = filter.q?.toLocaleLowerCase('ru');
  const matching = wanted
    ? rows.filter((row) =>
        [row.url, row.title, row.note].some((text) =>
          text.toLocaleLowerCase('ru').includes(wanted),
        ),
      )
    : rows;
  const skip = Number(filter.cursor ?? 0);
  const page = matching.slice(skip, skip + limit);
  const hasMore = matching.length > skip + limit;
  return {
    reports: page,
    total: matching.length,
    cursor: hasMore ? String(skip + limit) : null,
    hasMore,
  };
}
