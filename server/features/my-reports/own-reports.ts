import { and, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { REVIEW_STATUS_CODES } from '#shared/review-status';
import { TOPIC_CODES } from '#shared/taxonomy';
import type { Db } from '../../db/open';
import { materials, reports } from '../../db/schema';

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

/** A report as its author sees it on the site: what they sent and what became of it. */
export type OwnReport = {
  id: string;
  url: string;
  title: string;
  topics: (typeof reports.$inferSelect)['topics'];
  note: string;
  createdAt: string;
  status: (typeof materials.$inferSelect)['status'];
  reporterComment: string;
};

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
  db: Db,
  userId: string,
  filter: OwnReportsFilter,
  limit: number,
): Promise<OwnReportsPage> {
  const rows = db
    .select({
      id: reports.id,
      url: reports.url,
      title: reports.title,
      topics: reports.topics,
      note: reports.note,
      createdAt: reports.createdAt,
      status: materials.status,
      reporterComment: materials.reporterComment,
    })
    .from(reports)
    .innerJoin(materials, eq(materials.id, reports.materialId))
    .where(
      and(
        eq(reports.userId, userId),
        isNull(reports.deletedAt),
        filter.status ? eq(materials.status, filter.status) : undefined,
        filter.topic
          ? sql`EXISTS (SELECT 1 FROM json_each(${reports.topics}) WHERE value = ${filter.topic})`
          : undefined,
        filter.from ? gte(reports.createdAt, `${filter.from}T00:00:00.000Z`) : undefined,
        filter.to ? lt(reports.createdAt, nextDay(filter.to)) : undefined,
      ),
    )
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .all();
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
